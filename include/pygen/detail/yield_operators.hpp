#ifndef PYGEN_DETAIL_YIELD_OPERATORS_HPP_INCLUDED
#define PYGEN_DETAIL_YIELD_OPERATORS_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/always_false.hpp>
#include <pygen/detail/frame.hpp>

#include <boost/config.hpp>

#include <cstddef>
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

    // The overloads below only turn a misuse into a message.
    // Left to the overloads above: a Y that only moves (the first one says so), and a literal 0
    // for a Y that a null pointer converts to (the int does not convert, the null pointer does).
    template <class T, class = typename std::enable_if<!std::is_convertible<T&&, Y>::value &&
                                                       !std::is_same<typename std::decay<T>::type, Y>::value &&
                                                       !(std::is_integral<typename std::decay<T>::type>::value &&
                                                         std::is_convertible<std::nullptr_t, Y>::value)>::type>
    S operator()(T&&) {
        static_assert(always_false<T>::value,
                      "pygen: yield(x) yields x as this generator's Y, and x does not convert to Y: write "
                      "yield(Y(x)) to convert it explicitly, or declare generator<Y, S, R> with the type you yield");
        return frame_.suspend();
    }

    template <class T = void> S operator()() {
        static_assert(always_false<T>::value,
                      "pygen: this generator yields values of Y, so yield() needs one: write yield(v), or declare "
                      "generator<void, S, R> for a generator that yields nothing");
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

    template <class U, class = typename std::enable_if<!std::is_convertible<U&&, T&>::value>::type> S operator()(U&&) {
        static_assert(always_false<U>::value,
                      "pygen: this generator yields references (Y is T&), so yield(x) needs an lvalue that binds "
                      "to T& (not a temporary, not a const object): yield a named object that outlives the yield, "
                      "or declare generator<T, S, R> to yield copies");
        return frame_.suspend();
    }

    template <class U = void> S operator()() {
        static_assert(always_false<U>::value,
                      "pygen: this generator yields values of Y, so yield() needs one: write yield(v), or declare "
                      "generator<void, S, R> for a generator that yields nothing");
        return frame_.suspend();
    }

protected:
    explicit yield_operators(frame<T&, S, R>& f) noexcept : frame_(f) {}
    frame<T&, S, R>& frame_;
};

template <class S, class R> class yield_operators<void, S, R> {
public:
    BOOST_FORCEINLINE S operator()() { return frame_.suspend(); }

    template <class T> S operator()(T&&) {
        static_assert(always_false<T>::value,
                      "pygen: this generator's Y is void, so yield takes no value: write yield(), or declare "
                      "generator<Y, S, R> with the type to yield");
        return frame_.suspend();
    }

protected:
    explicit yield_operators(frame<void, S, R>& f) noexcept : frame_(f) {}
    frame<void, S, R>& frame_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_YIELD_OPERATORS_HPP_INCLUDED
