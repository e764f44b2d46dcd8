#ifndef PYGEN_DETAIL_SEND_SLOT_HPP_INCLUDED
#define PYGEN_DETAIL_SEND_SLOT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <utility>

namespace pygen {
namespace detail {

// Where the value of the pending yield expression comes from. It points at an object on the
// caller's stack, alive for the whole resume, so send() costs no copy. Whether it came from
// send(v) or stands for None (next()) matters to a yield.from, which forwards the two differently.
template <class S> class send_slot {
public:
    using value_type = S;
    void point_to(S& value) noexcept {
        value_ = &value;
        sent_ = true;
    }
    void point_to_none(S& value) noexcept {
        value_ = &value;
        sent_ = false;
    }
    bool sent() const noexcept { return sent_; }
    S take() { return std::move(*value_); }

private:
    S* value_ = nullptr;
    bool sent_ = false;
};

template <> class send_slot<void> {
public:
    struct value_type {};
    void point_to_none(value_type&) noexcept {}
    bool sent() const noexcept { return false; }
    void take() noexcept {}
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_SEND_SLOT_HPP_INCLUDED
