// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: next() with an S that is not default-constructible.
// expected: next() resumes the body with a value-initialized S
#include <pygen/generator.hpp>

struct no_default {
    explicit no_default(int) {}
};

int main() {
    using gen = pygen::generator<int, no_default>;
    gen g([](gen::yielder& yield) { yield(1); });
    return g.next();
}
