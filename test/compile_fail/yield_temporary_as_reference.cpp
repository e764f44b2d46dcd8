// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield(x) of a temporary in a generator of Y = T&.
// expected: needs an lvalue that binds to T&
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<int&>;
    gen g([](gen::yielder& yield) { yield(1); });
    return static_cast<int>(g.state());
}
