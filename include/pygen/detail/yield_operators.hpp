#ifndef PYGEN_DETAIL_YIELD_OPERATORS_HPP_INCLUDED
#define PYGEN_DETAIL_YIELD_OPERATORS_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/frame.hpp>

#include <boost/config.hpp>

#include <type_traits>
#include <utility>

namespace pygen {
namespace detail {

// `yield(v)` for each kind of Y: objects are copied or moved into the frame, lvalue references
// are passed as they are, and a void generator yields nothing.
template <class Y, class S, class R> class yield_operators {
public:
    BOOST_FORCEINLINE S operator()(Y const& value) {
        static_assert(std::is_copy_constructible<Y>::value,
                      "pygen: this generator yields a move-only type, so yield(x) cannot copy x: "
                      "write yield(std::move(x)) or yield a temporary");
        frame_.yielded_slot().emplace(value);
        return frame_.suspend();
    }

    BOOST_FORCEINLINE S operator()(Y&& value) {
        frame_.yielded_slot().emplace(std::move(value));
        return frame_.suspend();
    }

protected:
    explicit yield_operators(frame<Y, S, R>& f) noexcept : frame_(f) {}
    frame<Y, S, R>& frame_;
};

template <class T, class S, class R> class yield_operators<T&, S, R> {
public:
    BOOST_FORCEINLINE S operator()(T& value) {
        frame_.yielded_slot().emplace(value);
        return frame_.suspend();
    }

protected:
    explicit yield_operators(frame<T&, S, R>& f) noexcept : frame_(f) {}
    frame<T&, S, R>& frame_;
};

template <class S, class R> class yield_operators<void, S, R> {
public:
    BOOST_FORCEINLINE S operator()() { return frame_.suspend(); }

protected:
    explicit yield_operators(frame<void, S, R>& f) noexcept : frame_(f) {}
    frame<void, S, R>& frame_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_YIELD_OPERATORS_HPP_INCLUDED
