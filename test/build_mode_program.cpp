// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// main() of the two-translation-unit programs build_mode_same and build_mode_mixed, which
// test/build_mode.cpp runs (trap 12: build-mode macros must be the same in every translation unit).
#include <pygen/generator.hpp>

#include <cstdio>
#include <vector>

std::vector<int> unit_values(); // build_mode_unit.cpp or build_mode_flipped_unit.cpp

// Python: def gen(): yield 1; yield 2
//         print("build_mode_program:", *gen(), *unit_values())   -> 1 2 10 20 10 20
int main() {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    std::vector<int> values;
    for (int v : g) {
        values.push_back(v);
    }
    std::vector<int> const more = unit_values();
    values.insert(values.end(), more.begin(), more.end());
    std::printf("build_mode_program:");
    for (int v : values) {
        std::printf(" %d", v);
    }
    std::printf("\n");
    return 0;
}
