// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: a body written for another generator type's yielder.
// expected: the generator body must be callable as R(yielder&)
#include <pygen/generator.hpp>

int main() {
    using other = pygen::generator<long>;
    pygen::generator<int> g([](other::yielder& yield) { yield(1L); });
    return static_cast<int>(g.state());
}
