#ifndef PYGEN_DETAIL_FRAME_HPP_INCLUDED
#define PYGEN_DETAIL_FRAME_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/config.hpp>
#include <pygen/detail/exception_state.hpp>
#include <pygen/detail/fatal.hpp>
#include <pygen/detail/messages.hpp>
#include <pygen/detail/return_slot.hpp>
#include <pygen/detail/send_slot.hpp>
#include <pygen/detail/unwind_request.hpp>
#include <pygen/detail/value_slot.hpp>
#include <pygen/exceptions.hpp>
#include <pygen/gen_state.hpp>
#include <pygen/unraisable.hpp>

#include <boost/context/detail/exception.hpp>
#include <boost/coroutine2/coroutine.hpp>

#include <atomic>
#include <exception>
#include <memory>
#include <new>
#include <thread>
#include <type_traits>
#include <utility>

#if defined(BOOST_CONTEXT_HAS_CXXABI_H)
#include <cxxabi.h>
#endif

namespace pygen {

template <class Y, class S, class R> class yielder;

namespace detail {

// What a body is told when it is resumed, besides the value sent.
enum class pending_action : unsigned char { none, raise, exit, unwind };

// How a resume ended, as the resuming call must report it.
enum class outcome : unsigned char { yielded, returned, raised, exited };

// Everything of a generator that outlives moves of the generator object: its state machine, the
// Coroutine2 coroutine (created on the first resume, so an unstarted generator owns no stack),
// and the slots through which the two stacks exchange values. One frame per generator, on the
// heap; the body, its stack allocator and the coroutine's start live in body_frame.
template <class Y, class S, class R> class frame {
public:
    using coroutine = boost::coroutines2::coroutine<void>;
    using yielder_type = yielder<Y, S, R>;
    using send_value_type = typename send_slot<S>::value_type;

    frame() noexcept {}
    frame(frame const&) = delete;
    frame& operator=(frame const&) = delete;
    virtual ~frame() {}

    gen_state state() const noexcept { return state_.load(std::memory_order_relaxed); }

    // ---- caller side -------------------------------------------------------------------------

    Y next() {
        check_resumable();
        send_value_type value{};
        sent_.point_to(value);
        return deliver(resume());
    }

    template <class T> Y send(T& value) {
        gen_state const s = state();
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::created) {
            throw type_error();
        }
        check_resumable();
        sent_.point_to(value);
        return deliver(resume());
    }

    Y send_none() { return send_none(std::is_default_constructible<send_value_type>()); }

    Y throw_(std::exception_ptr error) {
        if (!error) {
            throw type_error(messages::throw_null());
        }
        gen_state const s = state();
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::closed) {
            std::rethrow_exception(error);
        }
        if (s == gen_state::created) {
            // Raised before the first statement of the body, so the body cannot catch it.
            close_unstarted();
            raise_from_body(error);
        }
        check_thread();
        pending_ = pending_action::raise;
        pending_error_ = std::move(error);
        return deliver(resume());
    }

    void close() {
        gen_state const s = state();
        if (s == gen_state::closed) {
            return;
        }
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::created) {
            close_unstarted();
            return;
        }
        check_thread();
        close_suspended();
    }

    // One step of a for loop: true when a value is ready; the end of the body ends the loop
    // quietly (its return value is dropped, as Python's for does); errors propagate.
    bool advance() {
        if (state() == gen_state::closed) {
            return false;
        }
        check_resumable();
        send_value_type value{};
        sent_.point_to(value);
        outcome const result = resume();
        if (result == outcome::yielded) {
            return true;
        }
        if (result == outcome::returned) {
            returned_.reset();
            return false;
        }
        rethrow_error();
    }

    typename std::add_lvalue_reference<Y>::type current() noexcept { return yielded_.get(); }

    // Python's finalization of a collected generator: close() at the paused yield, errors to the
    // unraisable hook, never thrown; and the stack is freed whatever the body does.
    void finalize() noexcept {
        gen_state const s = state();
        if (s == gen_state::running) {
            fatal("a pygen::generator was destroyed while its body was running (the body destroyed the "
                  "generator object that runs it); the stack it is running on cannot be freed");
        }
        if (s == gen_state::created) {
            close_unstarted();
            return;
        }
        if (s != gen_state::suspended) {
            return;
        }
        try {
            close_suspended();
        } catch (...) {
            // Only errors the body raised come out of close_suspended(): they travel as
            // exception_ptr, so no forced_unwind of an enclosing coroutine can arrive here.
            report_unraisable(std::current_exception(), this);
        }
        if (state() == gen_state::suspended) {
            // It yielded again after GeneratorExit, which was just reported: unwind by force.
            unwinding_ = true;
            pending_ = pending_action::unwind;
            resume();
        }
    }

    // ---- body side ---------------------------------------------------------------------------

    value_slot<Y>& yielded_slot() noexcept { return yielded_; }

    // Gives control back to the caller; returns the value of the yield expression.
    S suspend() {
        if (unwinding_) {
            fatal("a pygen::generator body yielded while its stack was being unwound by force; a catch (...) "
                  "in the body swallowed boost::context::detail::forced_unwind: let it pass with "
                  "`catch (boost::context::detail::forced_unwind const&) { throw; }` first");
        }
        state_.store(gen_state::suspended, std::memory_order_relaxed);
        (*sink_)();
        if (pending_ != pending_action::none) {
            raise_pending();
        }
        return sent_.take();
    }

protected:
    virtual void start_coroutine() = 0;
    virtual void invoke(yielder_type& yield) = 0;
    virtual void release_body() noexcept = 0;

    template <class StackAllocator, class Entry> void construct_coroutine(StackAllocator&& salloc, Entry&& entry) {
        ::new (static_cast<void*>(&coroutine_.pull))
            typename coroutine::pull_type(std::forward<StackAllocator>(salloc), std::forward<Entry>(entry));
    }

    // The whole life of the coroutine's stack: runs the body, and records how it ended.
    void run(typename coroutine::push_type& sink) {
        sink_ = &sink;
        yielder_type yield(*this);
        try {
            invoke(yield);
        } catch (unwind_request const&) {
            unwound_ = true;
        } catch (boost::context::detail::forced_unwind const&) {
            throw;
#if defined(BOOST_CONTEXT_HAS_CXXABI_H)
        } catch (abi::__forced_unwind const&) {
            throw;
#endif
        } catch (generator_exit const&) {
            error_ = std::current_exception();
            exited_ = true;
        } catch (stop_iteration const&) {
            error_ = pep479_error();
        } catch (...) {
            error_ = std::current_exception();
        }
        if (unwinding_ && !unwound_) {
            fatal("a pygen::generator body caught boost::context::detail::forced_unwind while its stack was "
                  "being unwound by force and did not rethrow it; every catch (...) in a body must start with "
                  "`catch (boost::context::detail::forced_unwind const&) { throw; }`");
        }
        finished_ = true;
        state_.store(gen_state::closed, std::memory_order_relaxed);
    }

    value_slot<Y> yielded_;
    send_slot<S> sent_;
    return_slot<R> returned_;

private:
    Y deliver(outcome result) {
        if (result == outcome::yielded) {
            return yielded_.take();
        }
        if (result == outcome::returned) {
            throw returned_.make_stop_iteration();
        }
        rethrow_error();
    }

    Y send_none(std::true_type) { return next(); }

    Y send_none(std::false_type) {
        if (state() == gen_state::suspended) {
            throw type_error(messages::send_none_without_default());
        }
        check_resumable();
        return deliver(resume());
    }

    void check_thread() const {
        if (owner_ != std::this_thread::get_id()) {
            throw runtime_error(messages::foreign_thread());
        }
    }

    // What Python raises when a generator that is neither created nor suspended is resumed; the
    // slots are touched only after it, so a call that loses cannot disturb a running body.
    void check_resumable() const {
        gen_state const s = state();
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::closed) {
            throw stop_iteration();
        }
        if (s == gen_state::suspended) {
            check_thread();
        }
    }

    // Switches into the body until it yields or ends.
    outcome resume() {
        state_.store(gen_state::running, std::memory_order_relaxed);
        if (coroutine_live_) {
            exception_state_swap swap(exceptions_);
            coroutine_.resume();
        } else {
            start();
        }
        if (!finished_) {
            return outcome::yielded;
        }
        // Like CPython dropping gi_frame: the stack goes as soon as the body has ended.
        destroy_coroutine();
        yielded_.reset();
        if (!error_) {
            return outcome::returned;
        }
        return exited_ ? outcome::exited : outcome::raised;
    }

    void start() {
        owner_ = std::this_thread::get_id();
        try {
            exception_state_swap swap(exceptions_);
            start_coroutine();
        } catch (...) {
            // The stack could not be allocated: the body never ran, so the generator stays created.
            state_.store(gen_state::created, std::memory_order_relaxed);
            throw;
        }
        coroutine_live_ = true;
    }

    void destroy_coroutine() noexcept {
        exception_state_swap swap(exceptions_);
        coroutine_.destroy();
        coroutine_live_ = false;
    }

    void close_unstarted() noexcept {
        release_body();
        state_.store(gen_state::closed, std::memory_order_relaxed);
    }

    void close_suspended() {
        pending_ = pending_action::exit;
        outcome const result = resume();
        if (result == outcome::yielded) {
            throw runtime_error(messages::ignored_generator_exit());
        }
        if (result == outcome::returned) {
            returned_.reset(); // CPython 3.11 drops it; 3.13 returns it from close() (gh-104770).
            return;
        }
        if (result == outcome::exited) {
            error_ = nullptr;
            return;
        }
        rethrow_error();
    }

    void raise_pending() {
        pending_action const action = pending_;
        pending_ = pending_action::none;
        if (action == pending_action::exit) {
            throw generator_exit();
        }
        if (action == pending_action::unwind) {
            throw unwind_request();
        }
        std::exception_ptr error;
        error.swap(pending_error_);
        std::rethrow_exception(error);
    }

    [[noreturn]] void rethrow_error() {
        std::exception_ptr error;
        error.swap(error_);
        std::rethrow_exception(error);
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

    // Not std::optional: C++11, and the pull_type must be destroyed at a chosen moment.
    union coroutine_holder {
        using pull_type = typename coroutine::pull_type;
        coroutine_holder() noexcept {}
        ~coroutine_holder() {}
        void resume() { pull(); }
        void destroy() noexcept { pull.~pull_type(); }
        pull_type pull;
    };

    std::atomic<gen_state> state_{gen_state::created};
    pending_action pending_ = pending_action::none;
    bool coroutine_live_ = false;
    bool finished_ = false;
    bool exited_ = false;
    bool unwinding_ = false;
    bool unwound_ = false;
    typename coroutine::push_type* sink_ = nullptr;
    coroutine_holder coroutine_;
    std::exception_ptr error_;
    std::exception_ptr pending_error_;
    exception_state exceptions_;
    std::thread::id owner_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_FRAME_HPP_INCLUDED
