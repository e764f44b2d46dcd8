#ifndef PYGEN_DETAIL_YIELD_FROM_SCOPE_HPP_INCLUDED
#define PYGEN_DETAIL_YIELD_FROM_SCOPE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/frame_base.hpp>
#include <pygen/yield_from_target.hpp>

#include <typeinfo>

namespace pygen {
namespace detail {

// The length of one yield.from in the delegator's body, however it is left (value, exception,
// forced unwind): gi_yieldfrom shows the target meanwhile, and a sub-generator stays alive.
class yield_from_scope {
public:
    yield_from_scope(frame_base& delegator, yield_from_kind kind, std::type_info const& type, void* object,
                     frame_base* sub) noexcept
        : delegator_(delegator) {
        delegator_.begin_yield_from(kind, type, object, sub);
    }
    ~yield_from_scope() { delegator_.end_yield_from(); }
    yield_from_scope(yield_from_scope const&) = delete;
    yield_from_scope& operator=(yield_from_scope const&) = delete;

private:
    frame_base& delegator_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_YIELD_FROM_SCOPE_HPP_INCLUDED
