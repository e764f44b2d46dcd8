// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// A generator body that reads a heap block it freed. As a canary test it passes only if the
// build's checkers report it: the program must fail, and its output must have the string of each
// line below for a checker of the build (valgrind; asan, lsan, ubsan: the sanitizers).
//
// canary-expect valgrind: Invalid read of size 4
// canary-expect valgrind: use_after_free_generator_body
// canary-expect asan: ERROR: AddressSanitizer: heap-use-after-free
// canary-expect asan: use_after_free_generator_body

#include <pygen/generator.hpp>

#include <boost/config.hpp>

#include <cstdio>

namespace {

using gen = pygen::generator<int>;

BOOST_NOINLINE void use_after_free_generator_body(gen::yielder& yield) {
    int* volatile p = new int(41);
    yield(*p);
    delete p;
    yield(*p + 1); // reads the freed int
}

} // namespace

int main() {
    gen g(use_after_free_generator_body);
    int const first = g.next();
    int const second = g.next();
    std::printf("use_after_free_canary: the body yielded %d and %d\n", first, second);
    return 0;
}
