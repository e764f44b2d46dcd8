// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: a for loop over a generator of Y void.
// expected: yields no values to loop over
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<void>;
    gen g([](gen::yielder& yield) { yield(); });
    g.begin();
    return 0;
}
