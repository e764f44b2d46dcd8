// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(g) of a const generator.
// expected: g cannot be const
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<int>;
    gen const sub;
    gen g([&sub](gen::yielder& yield) { yield.from(sub); });
    return static_cast<int>(g.state());
}
