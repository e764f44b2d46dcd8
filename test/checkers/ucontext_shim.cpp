// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// The one function Boost.Context's ucontext backend keeps in its compiled library, for builds with
// -DBOOST_USE_UCONTEXT (pygen's AddressSanitizer mode) against a libboost_context built for
// fcontext, as Debian's is: without it they fail to link with "undefined reference to
// boost::context::detail::fiber_activation_record::current()". Compile it with the same
// BOOST_USE_UCONTEXT / BOOST_USE_ASAN as everything else and link it once into each program (one
// shared library or executable: two copies would give a thread two different "current" fibers).
// Against a Boost.Context library built with context-impl=ucontext, leave it out.

#if !defined(BOOST_USE_UCONTEXT)
#error "ucontext_shim.cpp is for builds with -DBOOST_USE_UCONTEXT only (every translation unit alike)"
#endif

#include <boost/context/fiber.hpp>

#include <new>

namespace boost {
namespace context {
namespace detail {

namespace {

// What a thread switches back to when a fiber suspends to code that runs on the thread's own
// stack: a record of that stack, made on the thread's first switch. Trivially constructible and
// destructible, so it costs no thread-exit destructor and is still there when generators that are
// thread_local objects themselves are finalized at thread exit, after any destructor of this file
// would have run. The record holds no memory of its own (its `ontop` is empty whenever no switch
// is under way), so never destroying it leaks nothing.
struct thread_stack_record {
    alignas(fiber_activation_record) unsigned char storage[sizeof(fiber_activation_record)];
    fiber_activation_record* running; // the record of whatever runs on this thread now
};

} // namespace

fiber_activation_record*& fiber_activation_record::current() noexcept {
    static thread_local thread_stack_record thread; // zero-initialized: no record yet
    if (thread.running == nullptr) {
        // The default constructor is the one for a thread's own stack (main_ctx is true).
        thread.running = ::new (static_cast<void*>(thread.storage)) fiber_activation_record();
    }
    return thread.running;
}

} // namespace detail
} // namespace context
} // namespace boost
