#ifndef PYGEN_DETAIL_CHANNEL_HPP_INCLUDED
#define PYGEN_DETAIL_CHANNEL_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/frame_base.hpp>
#include <pygen/detail/send_slot.hpp>
#include <pygen/detail/value_slot.hpp>

namespace pygen {
namespace detail {

// The slots through which a caller and a body exchange values. Everything of a delegation chain
// has the same Y and S, so a caller reads and writes the innermost generator's slots through
// this type whatever that generator's R.
template <class Y, class S> class channel : public frame_base {
public:
    value_slot<Y>& yielded_slot() noexcept { return yielded_; }
    send_slot<S>& sent_slot() noexcept { return sent_; }

protected:
    value_slot<Y> yielded_;
    send_slot<S> sent_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_CHANNEL_HPP_INCLUDED
