// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: a body that does not take the yielder.
// expected: the generator body must be callable as R(yielder&)
#include <pygen/generator.hpp>

int main() {
    pygen::generator<int> g([](int) {});
    return static_cast<int>(g.state());
}
