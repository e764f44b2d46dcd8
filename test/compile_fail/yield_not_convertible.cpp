// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield(x) of an x that does not convert to Y.
// expected: x does not convert to Y
#include <pygen/generator.hpp>

#include <string>

int main() {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) { yield(std::string("not an int")); });
    return static_cast<int>(g.state());
}
