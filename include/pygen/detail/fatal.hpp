#ifndef PYGEN_DETAIL_FATAL_HPP_INCLUDED
#define PYGEN_DETAIL_FATAL_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <cstdio>
#include <exception>

namespace pygen {
namespace detail {

// For the few misuses after which no stack can be trusted any more: say what happened in the
// user's terms, then terminate, instead of Boost.Context's assertion or a segfault.
[[noreturn]] inline void fatal(char const* what) noexcept {
    std::fprintf(stderr, "pygen: fatal error: %s\n", what);
    std::fflush(stderr);
    std::terminate();
}

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_FATAL_HPP_INCLUDED
