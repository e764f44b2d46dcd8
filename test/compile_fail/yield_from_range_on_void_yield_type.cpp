// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(range) in a generator whose Y is void.
// expected: it cannot yield from an iterable
#include <pygen/generator.hpp>

#include <vector>

int main() {
    using gen = pygen::generator<void>;
    std::vector<int> values{1, 2};
    gen g([&values](gen::yielder& yield) { yield.from(values); });
    return static_cast<int>(g.state());
}
