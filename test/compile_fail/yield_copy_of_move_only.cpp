// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield(x) of an lvalue of a move-only Y.
// expected: yields a move-only type
#include <pygen/generator.hpp>

#include <memory>

int main() {
    using gen = pygen::generator<std::unique_ptr<int>>;
    gen g([](gen::yielder& yield) {
        std::unique_ptr<int> p(new int(1));
        yield(p);
    });
    return static_cast<int>(g.state());
}
