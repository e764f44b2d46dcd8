// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: a reference S.
// expected: pygen: S, the send type, must be void
#include <pygen/generator.hpp>

int main() {
    pygen::generator<int, int&> g;
    return static_cast<int>(g.state());
}
