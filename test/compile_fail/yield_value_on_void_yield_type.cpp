// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield(v) in a generator whose Y is void.
// expected: Y is void, so yield takes no value
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<void>;
    gen g([](gen::yielder& yield) { yield(1); });
    return static_cast<int>(g.state());
}
