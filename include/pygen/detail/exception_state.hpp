#ifndef PYGEN_DETAIL_EXCEPTION_STATE_HPP_INCLUDED
#define PYGEN_DETAIL_EXCEPTION_STATE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/config.hpp>

#if PYGEN_HAS_EXCEPTION_STATE_SWAP
#include <cstring>
#include <cxxabi.h>
#endif

namespace pygen {
namespace detail {

// The C++ runtime keeps the stack of exceptions being handled (what `throw;` and
// std::current_exception() read) and the uncaught-exception count per thread, not per stack.
// Boost.Context before 1.88 leaves them shared, so switching stacks inside a catch block lets one
// side rethrow, or free, the other side's exception. Each generator keeps its own copy and swaps
// it with the thread's around every switch into its stack, so each stack sees only its own.
class exception_state {
public:
#if PYGEN_HAS_EXCEPTION_STATE_SWAP
    static void* thread_state() noexcept { return abi::__cxa_get_globals(); }

    void swap_with(void* thread) noexcept {
        globals mine;
        std::memcpy(&mine, thread, sizeof mine);
        std::memcpy(thread, &saved_, sizeof saved_);
        saved_ = mine;
    }

private:
    // The leading members of __cxa_eh_globals: caughtExceptions, uncaughtExceptions.
    struct globals {
        void* caught;
        unsigned int uncaught;
    };
    globals saved_ = {nullptr, 0};
#else
    static void* thread_state() noexcept { return nullptr; }
    void swap_with(void*) noexcept {}
#endif
};

// Swaps on entry and again on exit: wraps one excursion into a generator's stack, which comes
// back on the same thread. `thread` is exception_state::thread_state() of the running thread.
class exception_state_swap {
public:
    exception_state_swap(exception_state& state, void* thread) noexcept : state_(state), thread_(thread) {
        state_.swap_with(thread_);
    }
    ~exception_state_swap() { state_.swap_with(thread_); }
    exception_state_swap(exception_state_swap const&) = delete;
    exception_state_swap& operator=(exception_state_swap const&) = delete;

private:
    exception_state& state_;
    void* const thread_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_EXCEPTION_STATE_HPP_INCLUDED
