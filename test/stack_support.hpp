// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// What the stack tests (stack_allocators, stacks) run on the stacks they check.

#ifndef PYGEN_TEST_STACK_SUPPORT_HPP_INCLUDED
#define PYGEN_TEST_STACK_SUPPORT_HPP_INCLUDED

#include <pygen/generator.hpp>

#include <vector>

namespace pygen_test {

// Python: def gen(): yield 1; yield 2; yield 3
inline void three_values(pygen::generator<int>::yielder& yield) {
    yield(1);
    yield(2);
    yield(3);
}

// Runs g to the end with a for loop and returns what it yielded.
inline std::vector<int> drain(pygen::generator<int>& g) {
    std::vector<int> values;
    for (int v : g) {
        values.push_back(v);
    }
    return values;
}

inline std::vector<int> one_two_three() { return {1, 2, 3}; }

} // namespace pygen_test

#endif // #ifndef PYGEN_TEST_STACK_SUPPORT_HPP_INCLUDED
