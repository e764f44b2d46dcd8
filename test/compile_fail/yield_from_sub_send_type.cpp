// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(sub) where this generator's S does not convert to sub's S.
// expected: this generator's S must convert to sub's S
#include <pygen/generator.hpp>

#include <string>

int main() {
    using gen = pygen::generator<int, std::string>;
    using sub_gen = pygen::generator<int, int>;
    gen g([](gen::yielder& yield) { yield.from(sub_gen()); });
    return static_cast<int>(g.state());
}
