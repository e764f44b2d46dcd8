#ifndef PYGEN_DETAIL_FRAME_BASE_HPP_INCLUDED
#define PYGEN_DETAIL_FRAME_BASE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/build_mode.hpp>
#include <pygen/detail/config.hpp>
#include <pygen/detail/exception_state.hpp>
#include <pygen/detail/fatal.hpp>
#include <pygen/detail/idle_workers.hpp>
#include <pygen/detail/messages.hpp>
#include <pygen/detail/unwind_request.hpp>
#include <pygen/detail/unwinding_caller_guard.hpp>
#include <pygen/detail/worker.hpp>
#include <pygen/exceptions.hpp>
#include <pygen/gen_state.hpp>
#include <pygen/unraisable.hpp>
#include <pygen/yield_from_target.hpp>

#include <boost/config.hpp>
#include <boost/context/fiber.hpp>

#include <atomic>
#include <exception>
#include <new>
#include <typeinfo>
#include <utility>

namespace pygen {
namespace detail {

// What a body is told when it is resumed, besides the value sent.
enum class pending_action : unsigned char { none, raise, exit, unwind };

// How a resume ended, as the resuming call must report it.
enum class outcome : unsigned char { yielded, returned, raised, exited };

// How a body last gave its stack back.
enum class handoff : unsigned char { yielded, delegating, ended };

// The part of a generator that does not depend on its types: the state machine, the worker its
// body runs on (taken on the first resume, so an unstarted generator owns no stack, and given back
// when the body ends), and the links of yield.from.
//
// A delegation chain (a generator suspended in yield.from on a generator of the same Y and S,
// which may itself delegate, ...) is driven from the caller's side: the caller's call switches
// straight to the innermost generator's stack, and a delegator's stack is resumed only when the
// generator it waits on has ended. So a value costs one switch at any depth, where CPython passes
// it through every level. CPython's order of events is kept: a throw_() reaches the innermost
// generator first, close() closes the innermost first, and each level sees its sub-generator's
// end at its yield.from.
class frame_base {
public:
    frame_base() noexcept = default;
    frame_base(frame_base const&) = delete;
    frame_base& operator=(frame_base const&) = delete;
    virtual ~frame_base() = default;

    // inspect.getgeneratorstate(): a generator that a delegator waits on is running while a call
    // on that delegator (or on one further out) runs, as in CPython.
    gen_state state() const noexcept { return state(own_state()); }

    // The same, given own_state().
    gen_state state(gen_state const s) const noexcept {
        if (s != gen_state::suspended) {
            return s;
        }
        for (frame_base const* p = parent_; p != nullptr; p = p->parent_) {
            if (p->own_state() == gen_state::running) {
                return gen_state::running;
            }
        }
        return s;
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
        if (owner_ != this_thread()) {
            // Destroyed on another thread: it is finalized here, with this thread's state.
            thread_exceptions_ = exception_state::thread_state();
        }
        try {
            close_suspended();
        } catch (...) {
            // Only errors the body raised come out of close_suspended(): they travel as
            // exception_ptr, so no forced_unwind of an enclosing coroutine can arrive here.
            report_unraisable(std::current_exception(), this);
        }
        if (own_state() == gen_state::suspended) {
            // It yielded again after GeneratorExit, which was just reported: unwind by force. A
            // generator it still delegates to is left alone, as CPython leaves it to its owner.
            unwinding_ = true;
            pending_ = pending_action::unwind;
            set_own_state(gen_state::running);
            switch_in(thread_exceptions_);
        }
    }

    // The generator object owning this frame is going away while a yield.from still uses the
    // frame, as a Python frame would still hold a reference: the last such yield.from deletes it.
    bool orphan() noexcept {
        if (delegators_ == 0) {
            return false;
        }
        orphaned_ = true;
        return true;
    }

    yield_from_kind yield_from_kind_now() const noexcept { return from_kind_; }
    std::type_info const& yield_from_type() const noexcept { return *from_type_; }
    void* yield_from_object() const noexcept { return from_object_; }
    gen_state yield_from_state() const noexcept { return from_frame_ ? from_frame_->state() : gen_state::closed; }

    // ---- body side, used by yield.from -------------------------------------------------------

    // Records what the body now delegates to (gi_yieldfrom) and keeps `sub` alive meanwhile.
    void begin_yield_from(yield_from_kind kind, std::type_info const& type, void* object, frame_base* sub) noexcept {
        from_kind_ = kind;
        from_type_ = &type;
        from_object_ = object;
        from_frame_ = sub;
        if (sub != nullptr) {
            ++sub->delegators_;
        }
    }

    void end_yield_from() noexcept {
        frame_base* const sub = from_frame_;
        from_kind_ = yield_from_kind::none;
        from_type_ = &typeid(void);
        from_object_ = nullptr;
        from_frame_ = nullptr;
        if (sub == nullptr) {
            return;
        }
        if (delegate_ == sub) {
            delegate_ = nullptr;
            if (parent_ != nullptr) {
                // This generator ends its chain again (it was resumed by a direct call, and its
                // sub-generator may be gone): calls on the chain's head must come here.
                frame_base* head = parent_;
                while (head->parent_ != nullptr) {
                    head = head->parent_;
                }
                head->leaf_ = head->innermost();
            }
        }
        if (sub->parent_ == this) {
            sub->parent_ = nullptr;
            sub->leaf_ = sub->innermost();
        }
        if (--sub->delegators_ == 0 && sub->orphaned_) {
            sub->finalize();
            delete sub;
        }
    }

    // Whether `sub` can join this generator's chain: it heads no other chain's part and nothing
    // in its own chain runs (that would be delegating to a running generator, as `a` delegating
    // to `b` which delegates to `a`).
    bool can_link(frame_base const& sub) const {
        if (sub.parent_ != nullptr) {
            return false;
        }
        for (frame_base const* f = &sub; f != nullptr; f = f->delegate_) {
            if (f == this || f->own_state() == gen_state::running) {
                throw value_error();
            }
        }
        if (sub.own_state() == gen_state::suspended) {
            sub.check_thread();
        }
        return true;
    }

    // yield from a generator of the same Y and S: hands the stack back to the caller, whose call
    // goes on into `sub`; returns when `sub` has ended, raising what its end raises here.
    void wait_for(frame_base& sub) {
        if (unwinding_) {
            fatal_yield_while_unwinding();
        }
        delegate_ = &sub;
        sub.parent_ = this;
        handoff_ = handoff::delegating;
        worker_->suspend();
        if (pending_ != pending_action::none) {
            raise_pending();
        }
    }

    // The end of the chain this generator heads (itself when it does not delegate).
    frame_base* innermost() const noexcept {
        frame_base const* f = this;
        while (f->delegate_ != nullptr) {
            f = f->delegate_;
        }
        return const_cast<frame_base*>(f);
    }

    // Gives control back to the caller; what the caller asked for comes back as the pending
    // action (none for next and send), not raised.
    BOOST_FORCEINLINE pending_action suspend_raw() {
        if (unwinding_) {
            fatal_yield_while_unwinding();
        }
        handoff_ = handoff::yielded;
        set_own_state(gen_state::suspended);
        worker_->suspend();
        pending_action const action = pending_;
        if (BOOST_UNLIKELY(action != pending_action::none)) {
            pending_ = pending_action::none;
        }
        return action;
    }

    std::exception_ptr take_pending_error() noexcept {
        std::exception_ptr error;
        error.swap(pending_error_);
        return error;
    }

    // Raises in the body what the caller asked for.
    [[noreturn]] void raise(pending_action action) {
        if (action == pending_action::exit) {
            throw generator_exit();
        }
        if (action == pending_action::unwind) {
            throw unwind_request();
        }
        std::rethrow_exception(take_pending_error());
    }

    static bool is_generator_exit(std::exception_ptr const& error) {
        try {
            std::rethrow_exception(error);
        } catch (generator_exit const&) {
            return true;
        } catch (...) {
            return false;
        }
    }

protected:
    // Gives the body a worker and runs it to its first yield: an idle one of this thread when the
    // stack allocator is one pygen pools, else a new one (launch()).
    virtual void start_worker() = 0;
    virtual void release_body() noexcept = 0;
    virtual void run_body() = 0;

    gen_state own_state() const noexcept { return state_.load(std::memory_order_relaxed); }
    void set_own_state(gen_state s) noexcept { state_.store(s, std::memory_order_relaxed); }

    bool resume_idle_worker(std::size_t pool_key) {
        if (pool_key == 0) {
            return false;
        }
        worker* const w = idle_workers::take(pool_key);
        if (w == nullptr) {
            return false;
        }
        w->job = this;
        worker_ = w;
        w->resume();
        return true;
    }

    template <class StackAllocator> void launch(StackAllocator&& salloc, std::size_t pool_key) {
        boost::context::fiber body(std::allocator_arg, std::forward<StackAllocator>(salloc),
                                   worker_entry<frame_base>(this, pool_key));
        {
            unwinding_caller_guard const guard;
            body = std::move(body).resume();
        }
        worker_->park(std::move(body));
    }

    // What Python raises when a generator that is neither created nor suspended is resumed;
    // returns where the call goes: this generator, or the innermost one it delegates to.
    frame_base* checked_target() const { return checked_target(own_state()); }

    // The same, given own_state().
    frame_base* checked_target(gen_state const own) const {
        if (BOOST_LIKELY(own == gen_state::suspended && parent_ == nullptr)) {
            // The usual case, tested first: nothing waits on this generator.
            check_thread();
            return delegate_ == nullptr ? const_cast<frame_base*>(this) : leaf_;
        }
        gen_state const s = state(own);
        if (s == gen_state::running) {
            throw value_error();
        }
        if (s == gen_state::closed) {
            throw stop_iteration();
        }
        if (s == gen_state::suspended) {
            check_thread();
        }
        return target();
    }

    frame_base* target() const noexcept {
        if (delegate_ == nullptr) {
            return const_cast<frame_base*>(this);
        }
        return parent_ == nullptr ? leaf_ : innermost();
    }

    frame_base* leaf() const noexcept { return leaf_; }

    // Runs this generator's chain, the caller's `action` going to `target`, until a value is
    // yielded to the caller or this generator ends. `error`: what a raise action raises.
    // `thrown`: the exception of a throw_() that closes the chain below this generator and is
    // then raised in this one (CPython's _gen_throw with GeneratorExit).
    BOOST_FORCEINLINE outcome drive(frame_base* target, pending_action action, std::exception_ptr* error = nullptr,
                                    std::exception_ptr* thrown = nullptr) {
        set_own_state(gen_state::running);
        if (BOOST_LIKELY(target == this)) {
            if (action != pending_action::none) {
                // next() and send() find it none already: the body resets it when it is not.
                pending_ = action;
            }
            if (error != nullptr) {
                pending_error_ = std::move(*error);
            }
        } else if (action == pending_action::none && target->own_state() == gen_state::suspended) {
            // next() or send() straight into the innermost generator, whatever the depth.
            target->set_own_state(gen_state::running);
        } else {
            return drive_chain(target, action, error, thrown);
        }
        // The one switch of the hot path, so that it is inlined once.
        target->switch_in(thread_exceptions_ != nullptr ? thread_exceptions_ : exception_state::thread_state());
        if (BOOST_LIKELY(target->handoff_ == handoff::yielded)) {
            if (BOOST_LIKELY(parent_ == nullptr)) {
                // This generator heads its chain (or is alone in it): the value is the caller's.
                leaf_ = target;
                set_own_state(gen_state::suspended);
                return outcome::yielded;
            }
            return yielded_by(target);
        }
        if (target == this && handoff_ == handoff::ended) {
            return ended();
        }
        return run_chain(target, false, target, nullptr);
    }

private:
    // The start of drive() through a delegation chain, for the actions that are not next/send.
    BOOST_NOINLINE outcome drive_chain(frame_base* target, pending_action action, std::exception_ptr* error,
                                       std::exception_ptr* thrown) {
        bool const closing = action == pending_action::exit;
        if (target->own_state() == gen_state::running) {
            // Driven by a direct call while its delegator waited, and that call is still running
            // (it reached this generator): CPython's yield from raises ValueError in the delegator
            // of the outermost running generator of the chain, the first one the call reaches.
            frame_base* running = target;
            for (frame_base* f = target->parent_; f != nullptr && f != this; f = f->parent_) {
                if (f->own_state() == gen_state::running) {
                    running = f;
                }
            }
            frame_base* const delegator = running->parent_;
            delegator->raise_at_yield_from(std::make_exception_ptr(value_error()));
            return resume_chain(delegator, closing, delegator, thrown);
        }
        if (target->own_state() == gen_state::closed) {
            // Exhausted by a direct call while its delegator waited: as if it ended just now.
            frame_base* const delegator = target->parent_;
            if (action == pending_action::raise) {
                if (!target->took_stop_iteration(*error)) {
                    delegator->raise_at_yield_from(std::move(*error));
                }
            } else if (closing) {
                delegator->exit_at_yield_from(delegator == this ? thrown : nullptr);
            }
            return resume_chain(delegator, closing, delegator, thrown);
        }
        target->pending_ = action;
        if (error != nullptr) {
            target->pending_error_ = std::move(*error);
        }
        return resume_chain(target, closing, target, thrown);
    }

    BOOST_NOINLINE outcome resume_chain(frame_base* target, bool closing, frame_base* floor,
                                        std::exception_ptr* thrown) {
        target->set_own_state(gen_state::running);
        try {
            target->switch_in(thread_exceptions_);
        } catch (...) {
            if (target == this) {
                throw;
            }
            // The sub-generator's stack could not be allocated: it stays created, and the error
            // enters its delegator at yield.from.
            frame_base* const delegator = target->parent_;
            delegator->raise_at_yield_from(std::current_exception());
            return resume_chain(delegator, closing, floor == target ? delegator : floor, thrown);
        }
        return run_chain(target, closing, floor, thrown);
    }

    // `target` has just handed its stack back: go on until the caller gets a value or this
    // generator ends. `closing`: close() closes every generator of the chain, innermost first
    // (CPython's gen_close_iter), `floor` being the innermost one still open; one of them
    // yielding is its own "ignored GeneratorExit", raised in its delegator.
    BOOST_NOINLINE outcome run_chain(frame_base* target, bool closing, frame_base* floor, std::exception_ptr* thrown) {
        if (target->handoff_ == handoff::delegating) {
            if (target != this) {
                target->set_own_state(gen_state::suspended);
            }
            // The sub-generator may wait in a yield.from of its own: the call goes on into the
            // innermost generator of its chain.
            frame_base* const sub = target->delegate_->innermost();
            if (sub->own_state() == gen_state::closed) {
                // Exhausted by a direct call: its delegator's yield.from gets no value at once.
                return resume_chain(sub->parent_, closing, floor, thrown);
            }
            return resume_chain(sub, closing, floor, thrown);
        }
        if (target->handoff_ == handoff::yielded) {
            if (!closing || floor == this) {
                return yielded_by(target);
            }
            // Yielded while being closed: it stays suspended, out of the chain, and its
            // delegator gets "generator ignored GeneratorExit".
            frame_base* const ignoring = floor;
            frame_base* const delegator = ignoring->parent_;
            ignoring->leaf_ = target;
            ignoring->parent_ = nullptr;
            delegator->delegate_ = nullptr;
            delegator->raise_at_yield_from(std::make_exception_ptr(runtime_error(messages::ignored_generator_exit())));
            return resume_chain(delegator, closing, delegator, thrown);
        }
        if (target == this) {
            return ended();
        }
        frame_base* const delegator = target->parent_;
        bool const closed_level = closing && target == floor;
        std::exception_ptr ended_error;
        ended_error.swap(target->error_);
        if (closed_level && (!ended_error || target->exited_)) {
            // Closed, as CPython's gen_close_iter closes it: a value it returned is dropped, and
            // another delegator waiting on it later gets none.
            target->forget_return_value();
            delegator->exit_at_yield_from(delegator == this ? thrown : nullptr);
        } else if (ended_error) {
            delegator->raise_at_yield_from(std::move(ended_error));
        }
        return resume_chain(delegator, closing, closed_level ? delegator : floor, thrown);
    }

protected:
    // Switches into this generator's stack until its body yields, delegates or ends. `thread`:
    // the running thread's exception-handling state, which the resuming generator looked up
    // when it started (a started generator runs on one thread only).
    // Inlined into the caller's loop: every function between that loop and the stack switch
    // costs a mispredicted return per switch (the processor's return-address predictor cannot
    // follow a change of stack), which is most of a switch's cost.
    BOOST_FORCEINLINE void switch_in(void* thread) {
        if (BOOST_LIKELY(worker_ != nullptr)) {
            exception_state_swap swap(exceptions_, thread);
            worker_->resume();
        } else {
            start(thread);
        }
        if (BOOST_UNLIKELY(handoff_ == handoff::ended)) {
            // Like CPython dropping gi_frame: the stack goes as soon as the body has ended, back
            // to this thread's idle workers or to its allocator.
            release_worker();
        }
    }

    void close_unstarted() noexcept {
        release_body();
        set_own_state(gen_state::closed);
    }

    void close_suspended() {
        outcome const result = drive(target(), pending_action::exit);
        if (result == outcome::yielded) {
            throw runtime_error(messages::ignored_generator_exit());
        }
        if (result == outcome::returned) {
            forget_return_value(); // CPython 3.11 drops it; 3.13 returns it from close() (gh-104770).
            return;
        }
        if (result == outcome::exited) {
            error_ = nullptr;
            return;
        }
        rethrow_error();
    }

    virtual void forget_return_value() noexcept = 0;

    // CPython: a StopIteration thrown into an exhausted generator comes straight back out of its
    // throw(), and the yield from waiting on it takes that as the end, with its value. True when
    // `error` is one: its value (if it holds an R) is now this generator's return value.
    virtual bool took_stop_iteration(std::exception_ptr const& error) = 0;

    [[noreturn]] void rethrow_error() {
        std::exception_ptr error;
        error.swap(error_);
        std::rethrow_exception(error);
    }

    // The body's side of a resume; the caller's side is in drive().
    BOOST_FORCEINLINE void suspend_here() {
        pending_action const action = suspend_raw();
        if (BOOST_UNLIKELY(action != pending_action::none)) {
            if (action == pending_action::exit) {
                // Thrown here, not in raise(): one frame less to unwind when a suspended
                // generator is closed or destroyed.
                throw generator_exit();
            }
            raise(action);
        }
    }

    // How the body ended, recorded on its own stack just before the stack is left for good.
    void body_returned() noexcept { end_body(); }

    void body_raised(std::exception_ptr error, bool exited) noexcept {
        error_ = std::move(error);
        exited_ = exited;
        end_body();
    }

    void body_unwound() noexcept {
        unwound_ = true;
        end_body();
    }

public:
    // The worker's side: runs the body on `w`'s stack.
    void run_on(worker& w) {
        worker_ = &w;
        run_body();
    }

protected:
private:
    // Identifies the running thread: the address of a thread_local object, which the compiler
    // reads from the thread pointer register with no call (std::this_thread::get_id() is a call).
    static void const* this_thread() noexcept {
        static thread_local char tag;
        return &tag;
    }

    void check_thread() const {
        if (owner_ != this_thread()) {
            throw runtime_error(messages::foreign_thread());
        }
    }

    BOOST_NOINLINE void start(void* thread) {
        owner_ = this_thread();
        thread_exceptions_ = thread;
        try {
            exception_state_swap swap(exceptions_, thread_exceptions_);
            start_worker();
        } catch (...) {
            // The stack could not be allocated: the body never ran, so the generator stays created.
            set_own_state(gen_state::created);
            throw;
        }
    }

    BOOST_NOINLINE void release_worker() noexcept {
        worker* const w = worker_;
        worker_ = nullptr;
        if (w->pool_key() == 0 || !idle_workers::keep(w)) {
            w->retire();
        }
    }

    void end_body() noexcept {
        if (unwinding_ && !unwound_) {
            fatal("a pygen::generator body caught boost::context::detail::forced_unwind while its stack was "
                  "being unwound by force and did not rethrow it; every catch (...) in a body must start with "
                  "`catch (boost::context::detail::forced_unwind const&) { throw; }`");
        }
        handoff_ = handoff::ended;
        set_own_state(gen_state::closed);
    }

    outcome yielded_by(frame_base* yielder) noexcept {
        leaf_ = yielder;
        set_own_state(gen_state::suspended);
        if (parent_ != nullptr) {
            // Called directly while a delegator waits on this generator: the chain's head must
            // learn where the chain now ends.
            frame_base* head = parent_;
            while (head->parent_ != nullptr) {
                head = head->parent_;
            }
            head->leaf_ = head->innermost();
        }
        return outcome::yielded;
    }

    outcome ended() noexcept {
        if (parent_ != nullptr) {
            frame_base* head = parent_;
            while (head->parent_ != nullptr) {
                head = head->parent_;
            }
            head->leaf_ = head->innermost();
        }
        if (!error_) {
            return outcome::returned;
        }
        return exited_ ? outcome::exited : outcome::raised;
    }

    void raise_at_yield_from(std::exception_ptr error) noexcept {
        pending_ = pending_action::raise;
        pending_error_ = std::move(error);
    }

    void exit_at_yield_from(std::exception_ptr* thrown) noexcept {
        if (thrown != nullptr && *thrown) {
            raise_at_yield_from(std::move(*thrown));
        } else {
            pending_ = pending_action::exit;
        }
    }

    void raise_pending() {
        pending_action const action = pending_;
        pending_ = pending_action::none;
        raise(action);
    }

    [[noreturn]] static void fatal_yield_while_unwinding() noexcept {
        fatal("a pygen::generator body yielded while its stack was being unwound by force; a catch (...) "
              "in the body swallowed boost::context::detail::forced_unwind: let it pass with "
              "`catch (boost::context::detail::forced_unwind const&) { throw; }` first");
    }

    std::atomic<gen_state> state_{gen_state::created};
    pending_action pending_ = pending_action::none;
    handoff handoff_ = handoff::yielded;
    bool exited_ = false;
    bool unwinding_ = false;
    bool unwound_ = false;
    bool orphaned_ = false;
    yield_from_kind from_kind_ = yield_from_kind::none;
    unsigned delegators_ = 0;
    worker* worker_ = nullptr;       // while the body is started and has not ended
    frame_base* delegate_ = nullptr; // the generator this one's yield.from waits on (same Y and S)
    frame_base* parent_ = nullptr;   // the generator whose yield.from waits on this one
    frame_base* leaf_ = this;        // for a chain's head: the innermost generator, where calls go
    frame_base* from_frame_ = nullptr;
    std::type_info const* from_type_ = &typeid(void);
    void* from_object_ = nullptr;
    std::exception_ptr error_;
    std::exception_ptr pending_error_;
    exception_state exceptions_;
    void* thread_exceptions_ = nullptr; // exception_state::thread_state() of owner_
    void const* owner_ = nullptr;       // this_thread() of the thread that started it
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_FRAME_BASE_HPP_INCLUDED
