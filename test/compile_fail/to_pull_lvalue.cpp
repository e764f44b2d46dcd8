// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: to_pull(gen) of an lvalue generator.
// expected: to_pull(gen) takes the generator over
#include <pygen/coroutine2.hpp>

int main() {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) { yield(1); });
    boost::coroutines2::coroutine<int>::pull_type pull = pygen::to_pull(g);
    return pull ? 0 : 1;
}
