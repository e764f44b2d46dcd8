// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// A generator body whose arithmetic overflows a signed int. As a canary test it passes only if the
// build's checkers report it: the program must fail, and its output must have the string of each
// line below for a checker of the build (valgrind; asan, lsan, ubsan: the sanitizers).
//
// canary-expect ubsan: runtime error: signed integer overflow
// canary-expect ubsan: overflowing_generator_body

#include <pygen/generator.hpp>

#include <boost/config.hpp>

#include <climits>
#include <cstdio>

namespace {

using gen = pygen::generator<int>;

volatile int near_the_limit = INT_MAX - 1; // volatile: the overflow happens at run time

BOOST_NOINLINE void overflowing_generator_body(gen::yielder& yield) {
    int const n = near_the_limit;
    yield(n);
    yield(n + 2); // signed overflow
}

} // namespace

int main() {
    gen g(overflowing_generator_body);
    int const first = g.next();
    int const second = g.next();
    std::printf("undefined_behavior_canary: the body yielded %d and %d\n", first, second);
    return 0;
}
