// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The program every consumer project (test/consumers/*) builds against pygen, each the way that
// project gets pygen; tools/consumers.sh expects it to print "0 1 2".
//
//     def count(n):
//         for i in range(n):
//             yield i
//     print(*count(3))

#include <pygen.hpp>

#include <iostream>

pygen::generator<int> count(int n) {
    return pygen::generator<int>([n](pygen::generator<int>::yielder& yield) {
        for (int i = 0; i != n; ++i) {
            yield(i);
        }
    });
}

int main() {
    const char* separator = "";
    for (int i : count(3)) {
        std::cout << separator << i;
        separator = " ";
    }
    std::cout << '\n';
}
