#ifndef PYGEN_DETAIL_UNWINDING_CALLER_GUARD_HPP_INCLUDED
#define PYGEN_DETAIL_UNWINDING_CALLER_GUARD_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <boost/context/fiber.hpp>

namespace pygen {
namespace detail {

#if defined(BOOST_USE_UCONTEXT)

// Boost.Context's ucontext backend unwinds a fiber that is destroyed unfinished (a Coroutine2
// coroutine destroyed early) by setting its record's force_unwind flag, and every resume() that
// returns into that fiber while the flag is set throws forced_unwind again. A generator destroyed
// by that unwinding (a local of the coroutine) is finalized: its body is resumed and comes back,
// and that return must not throw a second forced_unwind. Clears the flag for pygen's own round
// trip and restores it after. The fcontext backend unwinds with an ontop function and needs none.
class unwinding_caller_guard {
public:
    unwinding_caller_guard() noexcept
        : caller_(boost::context::detail::fiber_activation_record::current()), unwinding_(caller_->force_unwind) {
        caller_->force_unwind = false;
    }
    unwinding_caller_guard(unwinding_caller_guard const&) = delete;
    unwinding_caller_guard& operator=(unwinding_caller_guard const&) = delete;
    ~unwinding_caller_guard() { caller_->force_unwind = unwinding_; }

private:
    boost::context::detail::fiber_activation_record* caller_;
    bool unwinding_;
};

#else

// Nothing to do. User-provided, so that a guard is neither an unused variable nor a const object
// without an initializer.
class unwinding_caller_guard {
public:
    unwinding_caller_guard() noexcept {} // NOLINT(modernize-use-equals-default): see above
    unwinding_caller_guard(unwinding_caller_guard const&) = delete;
    unwinding_caller_guard& operator=(unwinding_caller_guard const&) = delete;
    ~unwinding_caller_guard() {} // NOLINT(modernize-use-equals-default): see above
};

#endif

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_UNWINDING_CALLER_GUARD_HPP_INCLUDED
