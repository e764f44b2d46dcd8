// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// A generator body that leaks: the proof that leak checking sees inside generator bodies, which
// run on stacks of their own. As a canary test it passes only if the build's checkers report the
// leak: the program must fail, and its output must have the string of each line below for a
// checker of the build (valgrind; asan, lsan, ubsan: the sanitizers).
//
// canary-expect valgrind: definitely lost in loss record
// canary-expect valgrind: leaking_generator_body
// canary-expect lsan: ERROR: LeakSanitizer: detected memory leaks
// canary-expect lsan: leaking_generator_body

#include <pygen/generator.hpp>

#include <boost/config.hpp>

#include <cstdio>

namespace {

using gen = pygen::generator<int>;

// Not inlined: the report must name it.
BOOST_NOINLINE void leaking_generator_body(gen::yielder& yield) {
    // Only this frame on the generator's own stack ever holds the address: once the body ends,
    // nothing a leak checker scans points to the block.
    int* volatile lost = new int[16]();
    yield(lost[0] + 1);
}

} // namespace

int main() {
    gen g(leaking_generator_body);
    int const first = g.next();
    bool ended = false;
    try {
        g.next();
    } catch (pygen::stop_iteration const&) {
        ended = true;
    }
    std::printf("leak_canary: the body yielded %d and %s\n", first, ended ? "ended" : "did not end");
    return first == 1 && ended ? 0 : 1;
}
