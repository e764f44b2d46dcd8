// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(x) of something neither a generator nor iterable.
// expected: needs a pygen::generator or an iterable
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) { yield.from(3); });
    return static_cast<int>(g.state());
}
