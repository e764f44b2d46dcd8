// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The first program of the Python text pygen starts from.
//
// The Python original, example/gen.py:
//
//     def gen():
//       yield 1
//       yield 2
//       yield 3
//     for i in gen(): print(i)

#include <pygen/generator.hpp>

#include <iostream>

pygen::generator<int> gen() {
    return pygen::generator<int>([](pygen::generator<int>::yielder& yield) {
        yield(1);
        yield(2);
        yield(3);
    });
}

int main() {
    for (int i : gen()) {
        std::cout << i << '\n';
    }
}
