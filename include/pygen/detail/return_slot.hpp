#ifndef PYGEN_DETAIL_RETURN_SLOT_HPP_INCLUDED
#define PYGEN_DETAIL_RETURN_SLOT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/value_slot.hpp>
#include <pygen/exceptions.hpp>

#include <type_traits>
#include <typeinfo>

namespace pygen {
namespace detail {

// The body's return value, kept until the resuming call turns it into StopIteration.value, or a
// delegator's yield.from takes it.
template <class R> class return_slot {
public:
    template <class Body, class Yielder> void call(Body& body, Yielder& yield) { value_.emplace(body(yield)); }
    void reset() noexcept { value_.reset(); }
    stop_iteration make_stop_iteration() {
        stop_iteration stop(stop_iteration::with_value_t(), value_.take());
        value_.reset();
        return stop;
    }
    // What `yield from` evaluates to: a value-initialized R when the value was already taken,
    // where CPython gives None for an exhausted generator.
    R take_or_default() {
        if (!value_.full()) {
            return R();
        }
        R value(value_.take());
        value_.reset();
        return value;
    }

    // StopIteration(value) thrown into an exhausted generator ends a yield from with that value
    // when it is an R (a copy: the exception stays intact for whoever else holds it).
    void adopt(stop_iteration const& stop) { adopt(stop, std::is_copy_constructible<R>()); }

private:
    void adopt(stop_iteration const& stop, std::true_type) {
        if (!stop.has_value()) {
            return;
        }
        try {
            value_.emplace(stop.value<R>());
        } catch (std::bad_cast const&) {
            // Not an R: Python would pass it on; C++ gives the value-initialized R.
        }
    }
    void adopt(stop_iteration const&, std::false_type) noexcept {}

    value_slot<R> value_;
};

template <> class return_slot<void> {
public:
    template <class Body, class Yielder> void call(Body& body, Yielder& yield) { body(yield); }
    void reset() noexcept {}
    stop_iteration make_stop_iteration() noexcept { return stop_iteration(); }
    void take_or_default() noexcept {}
    void adopt(stop_iteration const&) noexcept {}
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_RETURN_SLOT_HPP_INCLUDED
