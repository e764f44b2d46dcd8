#ifndef PYGEN_DETAIL_FRAME_HPP_INCLUDED
#define PYGEN_DETAIL_FRAME_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/channel.hpp>
#include <pygen/detail/frame_base.hpp>
#include <pygen/detail/messages.hpp>
#include <pygen/detail/return_slot.hpp>
#include <pygen/detail/unwind_request.hpp>
#include <pygen/exceptions.hpp>
#include <pygen/gen_state.hpp>

#include <boost/config.hpp>
#include <boost/context/fiber.hpp>

#include <exception>
#include <type_traits>
#include <utility>

#if defined(BOOST_CONTEXT_HAS_CXXABI_H)
#include <cxxabi.h>
#endif

namespace pygen {

template <class Y, class S, class R> class yielder;

namespace detail {

// Everything of a generator that outlives moves of the generator object, with its types: the
// caller's calls, the body's yield, and the return value. One frame per generator, on the heap;
// the body, its stack allocator and the coroutine's start live in body_frame.
template <class Y, class S, class R> class frame : public channel<Y, S> {
    using base = channel<Y, S>;

public:
    using yielder_type = yielder<Y, S, R>;
    using send_value_type = typename send_slot<S>::value_type;

    // ---- caller side -------------------------------------------------------------------------

    Y next() { return deliver(next_outcome()); }

    template <class T> Y send(T& value) { return deliver(send_outcome(value)); }

    Y send_none() { return send_none(std::is_default_constructible<send_value_type>()); }

    Y throw_(std::exception_ptr error) { return deliver(throw_outcome(std::move(error))); }

    // One step of a for loop: true when a value is ready; the end of the body ends the loop
    // quietly (its return value is dropped, as Python's for does); errors propagate.
    bool advance() {
        gen_state const own = this->own_state();
        if (own == gen_state::closed) {
            return false;
        }
        outcome const result = next_outcome(own);
        if (result == outcome::yielded) {
            return true;
        }
        if (result == outcome::returned) {
            returned_.reset();
            return false;
        }
        this->rethrow_error();
    }

    typename std::add_lvalue_reference<Y>::type current() noexcept { return innermost_channel()->yielded_slot().get(); }

    // ---- a delegator's calls: an end is `false`, its value left for take_returned() -----------

    bool step_next() {
        gen_state const own = this->own_state();
        return stepped(own == gen_state::closed ? outcome::returned : next_outcome(own));
    }

    template <class T> bool step_send(T& value) {
        return stepped(this->own_state() == gen_state::closed ? outcome::returned : send_outcome(value));
    }

    bool step_throw(std::exception_ptr error) {
        if (this->own_state() == gen_state::closed && took_stop_iteration(error)) {
            return false;
        }
        return stepped(throw_outcome(std::move(error)));
    }

    Y take_yielded() { return innermost_channel()->yielded_slot().take(); }

    R take_returned() { return returned_.take_or_default(); }

    // ---- body side ---------------------------------------------------------------------------

    // Gives control back to the caller; returns the value of the yield expression.
    // Inlined into the body, down to the stack switch: a call around it costs a mispredicted
    // return per switch.
    BOOST_FORCEINLINE S suspend() {
        this->suspend_here();
        return this->sent_.take();
    }

protected:
    // The whole life of the body on its worker's stack: runs it, and records how it ended.
    // `invoke(yield)` calls the body; it is inlined here by the body's own frame type, so that a
    // GeneratorExit raised at a yield unwinds the fewest frames (their number is most of the cost
    // of destroying a suspended generator).
    template <class Invoke> void run_guarded(Invoke&& invoke) {
        yielder_type yield(*this);
        try {
            invoke(yield);
        } catch (generator_exit const&) {
            // First: the usual way a suspended generator ends (close, destruction).
            this->yielded_.reset();
            this->body_raised(std::current_exception(), true);
            return;
        } catch (unwind_request const&) {
            this->yielded_.reset();
            this->body_unwound();
            return;
        } catch (boost::context::detail::forced_unwind const&) {
            throw;
#if defined(BOOST_CONTEXT_HAS_CXXABI_H)
        } catch (abi::__forced_unwind const&) {
            throw;
#endif
        } catch (stop_iteration const&) {
            this->yielded_.reset();
            this->body_raised(pep479_error(), false);
            return;
        } catch (...) {
            this->yielded_.reset();
            this->body_raised(std::current_exception(), false);
            return;
        }
        this->yielded_.reset();
        this->body_returned();
    }

    return_slot<R> returned_;

private:
    void forget_return_value() noexcept override { returned_.reset(); }

    bool took_stop_iteration(std::exception_ptr const& error) override {
        try {
            std::rethrow_exception(error);
        } catch (stop_iteration const& stop) {
            returned_.adopt(stop);
            return true;
        } catch (...) {
            return false;
        }
    }

    base* innermost_channel() const noexcept { return static_cast<base*>(this->leaf()); }

    outcome next_outcome() { return next_outcome(this->own_state()); }

    outcome next_outcome(gen_state const own) {
        base* const target = static_cast<base*>(this->checked_target(own));
        send_value_type value{};
        target->sent_slot().point_to_none(value);
        return this->drive(target, pending_action::none);
    }

    template <class T> outcome send_outcome(T& value) {
        gen_state const own = this->own_state();
        gen_state const s = this->state(own);
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::created) {
            throw type_error();
        }
        base* const target = static_cast<base*>(this->checked_target(own));
        target->sent_slot().point_to(value);
        return this->drive(target, pending_action::none);
    }

    outcome throw_outcome(std::exception_ptr error) {
        if (!error) {
            throw type_error(messages::throw_null());
        }
        gen_state const s = this->state();
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::closed) {
            std::rethrow_exception(error);
        }
        if (s == gen_state::created) {
            // Raised before the first statement of the body, so the body cannot catch it.
            this->close_unstarted();
            raise_from_body(error);
        }
        frame_base* const target = this->checked_target();
        if (target != this && frame_base::is_generator_exit(error)) {
            // CPython closes the sub-generators, then raises the thrown GeneratorExit here.
            return this->drive(target, pending_action::exit, nullptr, &error);
        }
        return this->drive(target, pending_action::raise, &error);
    }

    Y deliver(outcome result) {
        if (result == outcome::yielded) {
            return take_yielded();
        }
        if (result == outcome::returned) {
            throw returned_.make_stop_iteration();
        }
        this->rethrow_error();
    }

    bool stepped(outcome result) {
        if (result == outcome::yielded) {
            return true;
        }
        if (result != outcome::returned) {
            this->rethrow_error();
        }
        return false;
    }

    Y send_none(std::true_type) { return next(); }

    Y send_none(std::false_type) {
        if (this->state() == gen_state::suspended) {
            throw type_error(messages::send_none_without_default());
        }
        frame_base* const target = this->checked_target();
        return deliver(this->drive(target, pending_action::none));
    }

    // PEP 479: a StopIteration leaving a generator's frame becomes RuntimeError, the original
    // nested as its cause. Called only from a handler of stop_iteration.
    static std::exception_ptr pep479_error() {
        try {
            std::throw_with_nested(runtime_error(messages::raised_stop_iteration()));
        } catch (...) {
            return std::current_exception();
        }
    }

    // What a body does with `error` raised at its first statement.
    [[noreturn]] static void raise_from_body(std::exception_ptr const& error) {
        try {
            std::rethrow_exception(error);
        } catch (stop_iteration const&) {
            std::throw_with_nested(runtime_error(messages::raised_stop_iteration()));
        }
    }
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_FRAME_HPP_INCLUDED
