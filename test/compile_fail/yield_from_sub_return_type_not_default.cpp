// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(sub) of a sub whose R is not default-constructible.
// expected: sub's R must be default-constructible
#include <pygen/generator.hpp>

struct no_default {
    explicit no_default(int) {}
};

int main() {
    using gen = pygen::generator<int>;
    using sub_gen = pygen::generator<int, void, no_default>;
    gen g([](gen::yielder& yield) { yield.from(sub_gen()); });
    return static_cast<int>(g.state());
}
