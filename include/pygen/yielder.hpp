#ifndef PYGEN_YIELDER_HPP_INCLUDED
#define PYGEN_YIELDER_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/frame.hpp>
#include <pygen/detail/yield_operators.hpp>

namespace pygen {

// The body's handle on its generator, passed as `yielder& yield`: `S s = yield(v);` is Python's
// `s = yield v`. A function taking a yielder& can yield on its caller's behalf from any depth.
template <class Y, class S, class R> class yielder : public detail::yield_operators<Y, S, R> {
public:
    yielder(yielder const&) = delete;
    yielder& operator=(yielder const&) = delete;

    using detail::yield_operators<Y, S, R>::operator();

private:
    friend class detail::frame<Y, S, R>;
    explicit yielder(detail::frame<Y, S, R>& f) noexcept : detail::yield_operators<Y, S, R>(f) {}
};

} // namespace pygen

#endif // #ifndef PYGEN_YIELDER_HPP_INCLUDED
