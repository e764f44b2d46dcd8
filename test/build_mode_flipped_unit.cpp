// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// The second translation unit of the build_mode_mixed program (test/build_mode.cpp runs it): the
// same code as build_mode_unit.cpp, but compiled with BOOST_USE_VALGRIND when the rest of the
// program is not, and without it when it is (in the valgrind build mode), so that the two
// translation units always disagree. pygen must stop the program before main() with a message.
#if defined(BOOST_USE_VALGRIND)
#undef BOOST_USE_VALGRIND
#else
#define BOOST_USE_VALGRIND
#endif

#include "build_mode_unit.cpp"
