// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield() in a generator that yields objects.
// expected: so yield() needs one
#include <pygen/generator.hpp>

int main() {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) { yield(); });
    return static_cast<int>(g.state());
}
