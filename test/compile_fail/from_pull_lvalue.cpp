// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: from_pull(pull) of an lvalue pull_type.
// expected: from_pull(pull) takes the pull_type over
#include <pygen/coroutine2.hpp>

int main() {
    using coro = boost::coroutines2::coroutine<int>;
    coro::pull_type pull([](coro::push_type& sink) { sink(1); });
    pygen::generator<int> g = pygen::from_pull(pull);
    return static_cast<int>(g.state());
}
