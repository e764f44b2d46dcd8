// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Must not compile: from_pull<Y>(pull) with a Y the pull_type's T does not convert to.
// expected: the pull_type's T must convert to Y
#include <pygen/coroutine2.hpp>

#include <string>

int main() {
    using coro = boost::coroutines2::coroutine<int>;
    coro::pull_type pull([](coro::push_type& sink) { sink(1); });
    pygen::generator<std::string> g = pygen::from_pull<std::string>(std::move(pull));
    return static_cast<int>(g.state());
}
