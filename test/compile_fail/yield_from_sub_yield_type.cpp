// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(sub) of a sub whose Y does not convert to Y.
// expected: sub's Y must convert to
#include <pygen/generator.hpp>

#include <string>

int main() {
    using gen = pygen::generator<int>;
    using sub_gen = pygen::generator<std::string>;
    gen g([](gen::yielder& yield) { yield.from(sub_gen()); });
    return static_cast<int>(g.state());
}
