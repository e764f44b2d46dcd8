// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: from_pull<Y>(pull) with Y not void for a pull_type<void>.
// expected: must both be void or both not
#include <pygen/coroutine2.hpp>

int main() {
    using coro = boost::coroutines2::coroutine<void>;
    coro::pull_type pull([](coro::push_type& sink) { sink(); });
    pygen::generator<int> g = pygen::from_pull<int>(std::move(pull));
    return static_cast<int>(g.state());
}
