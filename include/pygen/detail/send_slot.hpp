#ifndef PYGEN_DETAIL_SEND_SLOT_HPP_INCLUDED
#define PYGEN_DETAIL_SEND_SLOT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <utility>

namespace pygen {
namespace detail {

// Where the value of the pending yield expression comes from. It points at an object on the
// caller's stack, alive for the whole resume, so send() costs no copy.
template <class S> class send_slot {
public:
    using value_type = S;
    void point_to(S& value) noexcept { value_ = &value; }
    S take() { return std::move(*value_); }

private:
    S* value_ = nullptr;
};

template <> class send_slot<void> {
public:
    struct value_type {};
    void point_to(value_type&) noexcept {}
    void take() noexcept {}
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_SEND_SLOT_HPP_INCLUDED
