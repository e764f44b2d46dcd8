#ifndef PYGEN_DETAIL_RETURN_SLOT_HPP_INCLUDED
#define PYGEN_DETAIL_RETURN_SLOT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/value_slot.hpp>
#include <pygen/exceptions.hpp>

namespace pygen {
namespace detail {

// The body's return value, kept until the resuming call turns it into StopIteration.value.
template <class R> class return_slot {
public:
    template <class Body, class Yielder> void call(Body& body, Yielder& yield) { value_.emplace(body(yield)); }
    void reset() noexcept { value_.reset(); }
    stop_iteration make_stop_iteration() {
        stop_iteration stop(stop_iteration::with_value_t(), value_.take());
        value_.reset();
        return stop;
    }

private:
    value_slot<R> value_;
};

template <> class return_slot<void> {
public:
    template <class Body, class Yielder> void call(Body& body, Yielder& yield) { body(yield); }
    void reset() noexcept {}
    stop_iteration make_stop_iteration() noexcept { return stop_iteration(); }
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_RETURN_SLOT_HPP_INCLUDED
