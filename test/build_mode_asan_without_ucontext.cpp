// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile (trap 12): BOOST_USE_ASAN without BOOST_USE_UCONTEXT has no effect on
// Boost.Context's fcontext backend, so pygen stops the build with an #error that says so.
#if !defined(BOOST_USE_ASAN)
#define BOOST_USE_ASAN
#endif
#undef BOOST_USE_UCONTEXT
#include <pygen/generator.hpp>

int main() { return 0; }
