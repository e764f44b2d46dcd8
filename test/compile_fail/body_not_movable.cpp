// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: a body that cannot be moved.
// expected: the generator body must be move-constructible
#include <pygen/generator.hpp>

struct pinned {
    pinned() = default;
    pinned(pinned const&) = delete;
    pinned(pinned&&) = delete;
    void operator()(pygen::generator<int>::yielder& yield) const { yield(1); }
};

int main() {
    pinned body;
    pygen::generator<int> g(body);
    return static_cast<int>(g.state());
}
