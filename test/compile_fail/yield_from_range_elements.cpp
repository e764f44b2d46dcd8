// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: yield.from(range) of elements that do not convert to Y.
// expected: yields the range's elements, so they must convert to Y
#include <pygen/generator.hpp>

#include <string>
#include <vector>

int main() {
    using gen = pygen::generator<int>;
    std::vector<std::string> words{"a", "b"};
    gen g([&words](gen::yielder& yield) { yield.from(words); });
    return static_cast<int>(g.state());
}
