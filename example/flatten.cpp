// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Flattening nested lists with `yield.from`, Python's `yield from`: it delegates to a
// sub-generator, or to any range (a std::vector, the keys of a std::map, a braced list), and a
// pipeline stage uses the value a sub-generator returns.
//
// The Python original, example/flatten.py:
//
//     def flatten(items, levels=-1):
//         """Yields the items of a nested list, flattening at most `levels` levels (-1: all of
//         them); lists nested deeper come out whole."""
//         if levels == 0:
//             yield from items   # a plain list
//             return
//         for item in items:
//             if isinstance(item, list):
//                 yield from flatten(item, levels - 1)   # a sub-generator
//             else:
//                 yield item
//
//     def sources(data, names):
//         """Numbers from several places: `yield from` takes any iterable."""
//         yield from (10, 20)        # C++: an initializer_list
//         yield from [30, 40]        # C++: a std::vector
//         yield from names           # a dict gives its keys (C++: the keys of a std::map)
//         yield from flatten(data)   # a sub-generator
//
//     def running_sum(numbers):
//         """A pipeline stage: yields the running total, returns (count, total)."""
//         count = total = 0
//         for n in numbers:
//             count += 1
//             total += n
//             yield total
//         return count, total
//
//     def report(data, names):
//         """The pipeline: passes the running totals on and turns the return value of the stage it
//         delegates to into a summary, its own return value."""
//         count, total = yield from running_sum(sources(data, names))
//         return f"{count} numbers, total {total}"
//
//     data = [1, [2, 3], [], [[4], [5, [6]]], 7]
//     for levels in (-1, 0, 1, 2):
//         print(f"flatten(data, {levels}):", list(flatten(data, levels)))
//
//     names = {50: "fifty", 60: "sixty"}
//     pipeline = report(data, names)
//     totals = []
//     try:
//         while True:
//             totals.append(next(pipeline))
//     except StopIteration as e:
//         summary = e.value
//     print("running totals:", totals)
//     print(summary)

#include <pygen/generator.hpp>

#include <boost/range/adaptor/map.hpp>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

// A Python value of a nested list: an int, or a list of values. (A std::vector of the type being
// defined: guaranteed since C++17 (N4510), and what libstdc++ and libc++ have always supported.)
struct node {
    bool is_list;
    int value;
    std::vector<node> items;

    node() : is_list(true), value(0) {}                                        // []
    node(int v) : is_list(false), value(v) {}                                  // 1
    node(std::initializer_list<node> l) : is_list(true), value(0), items(l) {} // [1, [2]]
};

// Python's repr().
std::ostream& operator<<(std::ostream& os, node const& n) {
    if (!n.is_list) {
        return os << n.value;
    }
    os << '[';
    for (std::size_t i = 0; i != n.items.size(); ++i) {
        os << (i ? ", " : "") << n.items[i];
    }
    return os << ']';
}

using values = pygen::generator<node>;

// Python's list(g).
node list(values g) {
    node l;
    for (node& v : g) {
        l.items.push_back(v);
    }
    return l;
}

// Yields the items of a nested list, flattening at most `levels` levels (-1: all of them); lists
// nested deeper come out whole. The data outlives the generators: they hold a pointer to it, as
// a Python generator holds a reference.
values flatten(node const& list, int levels = -1) {
    node const* p = &list;
    return values([p, levels](values::yielder& yield) {
        if (levels == 0) {
            yield.from(p->items); // a plain range
            return;
        }
        for (node const& item : p->items) {
            if (item.is_list) {
                yield.from(flatten(item, levels - 1)); // a sub-generator
            } else {
                yield(item);
            }
        }
    });
}

// Numbers from several places: yield.from takes any range, and converts its elements to Y.
values sources(node const& data, std::map<int, std::string> const& names) {
    node const* d = &data;
    std::map<int, std::string> const* n = &names;
    return values([d, n](values::yielder& yield) {
        yield.from({10, 20});                       // an initializer_list
        yield.from(std::vector<int>{30, 40});       // a std::vector (it lives until the `;`)
        yield.from(*n | boost::adaptors::map_keys); // the keys of a std::map, as Python's dict
        yield.from(flatten(*d));                    // a sub-generator
    });
}

// A pipeline stage: yields the running total, returns (count, total).
using sums = pygen::generator<int, void, std::pair<int, int>>;

sums running_sum(values numbers) {
    // The stage owns the generator it consumes. A generator is move-only and a C++11 lambda
    // cannot capture by move (C++14: [numbers = std::move(numbers)]), so std::bind holds it.
    return sums(std::bind(
        [](values& numbers, sums::yielder& yield) -> std::pair<int, int> {
            int count = 0, total = 0;
            for (node const& n : numbers) {
                count += 1;
                total += n.value;
                yield(total);
            }
            return std::make_pair(count, total);
        },
        std::move(numbers), std::placeholders::_1));
}

// The pipeline: passes the running totals on and turns the return value of the stage it
// delegates to into a summary, its own return value.
using summary = pygen::generator<int, void, std::string>;

summary report(node const& data, std::map<int, std::string> const& names) {
    node const* d = &data;
    std::map<int, std::string> const* n = &names;
    return summary([d, n](summary::yielder& yield) -> std::string {
        std::pair<int, int> r = yield.from(running_sum(sources(*d, *n)));
        return std::to_string(r.first) + " numbers, total " + std::to_string(r.second);
    });
}

int main() {
    node const data{1, {2, 3}, {}, {{4}, {5, {6}}}, 7};
    for (int levels : {-1, 0, 1, 2}) {
        std::cout << "flatten(data, " << levels << "): " << list(flatten(data, levels)) << '\n';
    }

    std::map<int, std::string> const names{{50, "fifty"}, {60, "sixty"}};
    summary pipeline = report(data, names);
    node totals;
    std::string result;
    try {
        for (;;) {
            totals.items.push_back(pipeline.next());
        }
    } catch (pygen::stop_iteration const& e) {
        result = e.value<std::string>();
    }
    std::cout << "running totals: " << totals << '\n';
    std::cout << result << '\n';
}
