// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The second program of the Python text pygen starts from, a PEP 342 coroutine: each value
// sent in comes back doubled.
//
// The Python original, example/double_number.py:
//
//     def double_number(number):
//       while True:
//         number *= 2
//         number = yield number
//     c = double_number(4)
//     print(c.send(None))   # 8
//     print(c.send(5))      # 10
//     print(c.send(1500))   # 3000
//     print(c.send(3))      # 6

#include <pygen/generator.hpp>

#include <iostream>

// generator<Y, S>: yields int, receives int from send().
using coroutine = pygen::generator<int, int>;

coroutine double_number(int number) {
    return coroutine([number](coroutine::yielder& yield) mutable {
        for (;;) {
            number *= 2;
            number = yield(number);
        }
    });
}

int main() {
    coroutine c = double_number(4);
    std::cout << c.send(pygen::none) << '\n'; // 8
    std::cout << c.send(5) << '\n';           // 10
    std::cout << c.send(1500) << '\n';        // 3000
    std::cout << c.send(3) << '\n';           // 6
}
