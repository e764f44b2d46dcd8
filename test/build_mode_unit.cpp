// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// The second translation unit of the build_mode_same program (test/build_mode.cpp runs it):
// generators on both kinds of pygen stack, made and driven in this translation unit.
#include <pygen/generator.hpp>

#include <memory>
#include <vector>

// Python: def unit_values():
//             def gen(): yield 10; yield 20
//             return [*gen(), *gen()]       -> [10, 20, 10, 20]
std::vector<int> unit_values() {
    using gen = pygen::generator<int>;
    std::vector<int> values;
    gen pooled([](gen::yielder& yield) {
        yield(10);
        yield(20);
    });
    for (int v : pooled) {
        values.push_back(v);
    }
    gen guarded(std::allocator_arg, pygen::guarded_stack(), [](gen::yielder& yield) {
        yield(10);
        yield(20);
    });
    for (int v : guarded) {
        values.push_back(v);
    }
    return values;
}
