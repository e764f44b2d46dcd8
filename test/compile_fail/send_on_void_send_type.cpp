// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: send(v) to a generator whose S is void.
// expected: send type S is void, so it accepts no value
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) { yield(1); });
    return g.send(1);
}
