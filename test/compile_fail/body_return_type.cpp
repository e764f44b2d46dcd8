// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: a body whose result does not convert to R.
// expected: returns something that does not convert to R
#include <pygen/generator.hpp>

#include <string>

int main() {
    using gen = pygen::generator<int, void, int>;
    gen g([](gen::yielder&) { return std::string("not an int"); });
    return static_cast<int>(g.state());
}
