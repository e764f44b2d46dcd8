#ifndef PYGEN_DETAIL_DELEGATION_HPP_INCLUDED
#define PYGEN_DETAIL_DELEGATION_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/channel.hpp>
#include <pygen/detail/frame.hpp>
#include <pygen/detail/frame_base.hpp>
#include <pygen/detail/yield_from_scope.hpp>
#include <pygen/exceptions.hpp>
#include <pygen/gen_state.hpp>
#include <pygen/yield_from_target.hpp>

#include <exception>
#include <iterator>
#include <memory>
#include <type_traits>
#include <typeinfo>
#include <utility>

namespace pygen {
namespace detail {

// `yield from x` (PEP 380) in the body of the generator that owns `self`.
template <class Y, class S, class R> class delegation {
public:
    explicit delegation(frame<Y, S, R>& self) noexcept : self_(self) {}

    // A sub-generator: same Y and S joins this generator's chain, so that calls reach it without
    // passing through this body; other types are forwarded from here, one value at a time.
    template <class S2, class R2> R2 to_generator(frame<Y, S2, R2>* sub, std::type_info const& type, void* object) {
        return to_generator_of(sub, type, object, std::is_same<S, S2>());
    }

    template <class Y2, class S2, class R2>
    R2 to_generator(frame<Y2, S2, R2>* sub, std::type_info const& type, void* object) {
        return forward(sub, type, object);
    }

    // An iterable: it has no send() and no throw(), so a send raises AttributeError here, and a
    // throw_ or close raises here at once (PEP 380's expansion).
    template <class Range> void to_range(Range& range) {
        yield_from_scope scope(self_, yield_from_kind::iterable, typeid(Range),
                               const_cast<void*>(static_cast<void const*>(std::addressof(range))), nullptr);
        using std::begin;
        using std::end;
        auto it = begin(range);
        auto last = end(range);
        for (; it != last; ++it) {
            self_.yielded_slot().emplace(*it);
            pending_action const action = self_.suspend_raw();
            if (action != pending_action::none) {
                self_.raise(action);
            }
            if (self_.sent_slot().sent()) {
                throw attribute_error();
            }
        }
    }

private:
    template <class S2, class R2>
    R2 to_generator_of(frame<Y, S2, R2>* sub, std::type_info const& type, void* object, std::true_type) {
        if (ended(sub)) {
            return R2();
        }
        if (!self_.can_link(*sub)) {
            return forward(sub, type, object);
        }
        yield_from_scope scope(self_, yield_from_kind::generator, type, object, sub);
        // The chain it heads, if any, has this Y and S too: the first resume goes to its end.
        typename send_slot<S>::value_type none{};
        static_cast<channel<Y, S>*>(sub->innermost())->sent_slot().point_to_none(none);
        self_.wait_for(*sub);
        return sub->take_returned();
    }

    template <class S2, class R2>
    R2 to_generator_of(frame<Y, S2, R2>* sub, std::type_info const& type, void* object, std::false_type) {
        return forward(sub, type, object);
    }

    // Whether `sub` (null: an empty generator object) has nothing more to give; delegating to a
    // running generator is Python's "generator already executing".
    template <class Y2, class S2, class R2> static bool ended(frame<Y2, S2, R2>* sub) {
        gen_state const s = sub == nullptr ? gen_state::closed : sub->state();
        if (s == gen_state::running) {
            throw value_error();
        }
        return s == gen_state::closed;
    }

    // PEP 380's expansion, literally: each value passes through this body.
    template <class Y2, class S2, class R2>
    R2 forward(frame<Y2, S2, R2>* sub, std::type_info const& type, void* object) {
        if (ended(sub)) {
            return R2();
        }
        yield_from_scope scope(self_, yield_from_kind::generator, type, object, sub);
        bool more = sub->step_next();
        while (more) {
            pass_on(*sub, std::is_void<Y>());
            pending_action const action = self_.suspend_raw();
            if (action == pending_action::none) {
                more = self_.sent_slot().sent() ? send_to(*sub, ignores_sent<S2>()) : sub->step_next();
            } else if (action == pending_action::raise) {
                std::exception_ptr error = self_.take_pending_error();
                if (frame_base::is_generator_exit(error)) {
                    sub->close();
                    std::rethrow_exception(error);
                }
                more = sub->step_throw(std::move(error));
            } else if (action == pending_action::exit) {
                sub->close();
                throw generator_exit();
            } else {
                self_.raise(action);
            }
        }
        return sub->take_returned();
    }

    template <class Y2, class S2, class R2> void pass_on(frame<Y2, S2, R2>& sub, std::false_type) {
        self_.yielded_slot().emplace(sub.take_yielded());
    }

    template <class Y2, class S2, class R2> void pass_on(frame<Y2, S2, R2>&, std::true_type) {}

    template <class Y2, class S2, class R2> bool send_to(frame<Y2, S2, R2>& sub, std::false_type) {
        S2 value(self_.sent_slot().take());
        return sub.step_send(value);
    }

    // A sub-generator with nothing to receive ignores the value, as a Python body may (and with
    // S void nothing is ever sent here).
    template <class Y2, class S2, class R2> bool send_to(frame<Y2, S2, R2>& sub, std::true_type) {
        return sub.step_next();
    }

    template <class S2>
    using ignores_sent = std::integral_constant<bool, std::is_void<S>::value || std::is_void<S2>::value>;

    frame<Y, S, R>& self_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_DELEGATION_HPP_INCLUDED
