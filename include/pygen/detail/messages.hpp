#ifndef PYGEN_DETAIL_MESSAGES_HPP_INCLUDED
#define PYGEN_DETAIL_MESSAGES_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

namespace pygen {
namespace detail {

// The exact texts CPython 3.11 uses, and pygen's own where Python has no equivalent.
struct messages {
    static char const* ignored_generator_exit() noexcept { return "generator ignored GeneratorExit"; }
    static char const* raised_stop_iteration() noexcept { return "generator raised StopIteration"; }
    static char const* throw_null() noexcept {
        return "exceptions must be classes or instances deriving from BaseException, not NoneType";
    }
    static char const* send_none_without_default() noexcept {
        return "can't send None to a generator whose send type is not default-constructible; send a value";
    }
    static char const* foreign_thread() noexcept {
        return "generator resumed on a thread other than the one that started it";
    }
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_MESSAGES_HPP_INCLUDED
