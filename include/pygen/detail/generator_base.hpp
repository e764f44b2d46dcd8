#ifndef PYGEN_DETAIL_GENERATOR_BASE_HPP_INCLUDED
#define PYGEN_DETAIL_GENERATOR_BASE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/always_false.hpp>
#include <pygen/detail/frame.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace pygen {
namespace detail {

// Owns the frame; the only part of a generator whose shape depends on S: send(v) exists when
// there is something to send.
template <class Y, class S, class R> class generator_base {
public:
    Y send(S value) {
        if (!frame_) {
            throw stop_iteration();
        }
        return frame_->send(value);
    }

protected:
    std::unique_ptr<frame<Y, S, R>> frame_;
};

template <class Y, class R> class generator_base<Y, void, R> {
public:
    template <class T> Y send(T&&) {
        static_assert(always_false<T>::value,
                      "pygen: this generator's send type S is void, so it accepts no value: "
                      "call next() or send(pygen::none), or declare generator<Y, S> with the type to send");
    }

protected:
    std::unique_ptr<frame<Y, void, R>> frame_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_GENERATOR_BASE_HPP_INCLUDED
