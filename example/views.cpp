// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Infinite generators cut to size with C++20 views, as Python does with itertools: under
// C++20 a pygen::generator is a std::ranges::input_range, so it composes with std::views
// (filter is Python's filter, transform is map, take is islice(g, n), drop(a) | take(b - a)
// is islice(g, a, b), take_while is takewhile) and with the std::ranges algorithms. A
// generator given to a pipeline as a temporary belongs to the pipeline (an owning_view) and
// is finalized with it.
//
// One difference: after the n-th value, take(n) resumes the generator once more before it
// ends (counted_iterator increments the underlying iterator, then sees the count is 0), where
// Python's islice stops. It shows only in the generator's side effects or when the generator
// is used again after the view; here every pipeline owns its generator.
//
// Needs <ranges>: built with g++ and C++20 or later only (clang 14 cannot compile libstdc++
// 12's <ranges>).
//
// The Python original, example/views.py:
//
//     from itertools import count, islice, takewhile
//
//     def fibonacci():
//         a, b = 0, 1
//         while True:
//             yield a
//             a, b = b, a + b
//
//     def primes():
//         """An unbounded sieve of Eratosthenes: each composite number waits in `composites` under
//         its next multiple to come, with the primes that divide it."""
//         composites = {}
//         n = 2
//         while True:
//             if n not in composites:
//                 yield n
//                 composites[n * n] = [n]
//             else:
//                 for p in composites.pop(n):
//                     composites.setdefault(n + p, []).append(p)
//             n += 1
//
//     print(list(islice(count(), 5)))
//     print(list(islice(count(10, 5), 4)))
//     print(list(islice(filter(lambda n: n % 3 == 0, count()), 5)))
//     print(list(islice(fibonacci(), 12)))
//     print(list(takewhile(lambda p: p < 60, primes())))
//     print(list(islice(map(lambda p: p * p, primes()), 6)))
//     print(sum(islice(filter(lambda f: f % 2 == 0, fibonacci()), 10)))
//     print(next(p for p in primes() if p > 1000))
//     print(list(islice(map(lambda f: f * f, filter(lambda f: f % 2 == 1, fibonacci())), 2, 6)))

#include <pygen/generator.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <ranges>
#include <vector>

using numbers = pygen::generator<long>;

// Python's itertools.count.
numbers count(long start = 0, long step = 1) {
    return numbers([start, step](numbers::yielder& yield) {
        for (long n = start;; n += step) {
            yield(n);
        }
    });
}

numbers fibonacci() {
    return numbers([](numbers::yielder& yield) {
        long a = 0, b = 1;
        for (;;) {
            yield(a);
            long next = a + b;
            a = b, b = next;
        }
    });
}

// An unbounded sieve of Eratosthenes: each composite number waits in `composites` under its
// next multiple to come, with the primes that divide it.
numbers primes() {
    return numbers([](numbers::yielder& yield) {
        std::map<long, std::vector<long>> composites;
        for (long n = 2;; ++n) {
            auto found = composites.find(n);
            if (found == composites.end()) {
                yield(n);
                composites[n * n] = {n};
            } else {
                for (long p : found->second) {
                    composites[n + p].push_back(p);
                }
                composites.erase(found);
            }
        }
    });
}

// Python's print(list(values)).
void print_list(std::ranges::input_range auto&& values) {
    char const* separator = "";
    std::cout << '[';
    for (long v : values) {
        std::cout << separator << v;
        separator = ", ";
    }
    std::cout << "]\n";
}

int main() {
    namespace views = std::views;
    auto multiple_of_3 = [](long n) { return n % 3 == 0; };
    auto square = [](long n) { return n * n; };
    auto even = [](long n) { return n % 2 == 0; };
    auto odd = [](long n) { return n % 2 == 1; };

    print_list(count() | views::take(5));
    print_list(count(10, 5) | views::take(4));
    print_list(count() | views::filter(multiple_of_3) | views::take(5));
    print_list(fibonacci() | views::take(12));
    print_list(primes() | views::take_while([](long p) { return p < 60; }));
    print_list(primes() | views::transform(square) | views::take(6));

    long sum = 0;
    for (long f : fibonacci() | views::filter(even) | views::take(10)) {
        sum += f;
    }
    std::cout << sum << '\n';

    numbers all_primes = primes();
    std::cout << *std::ranges::find_if(all_primes, [](long p) { return p > 1000; }) << '\n';

    print_list(fibonacci() | views::filter(odd) | views::transform(square) | views::drop(2) | views::take(4));
}
