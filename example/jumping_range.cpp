// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// A range that the caller moves while it runs, by sending it jumps: the usual illustration of
// what PEP 342 added to generators, "a value can be sent into the generator, which becomes the
// result of the current yield-expression". jumping_range is not in PEP 342's text: it is the
// example of Brett Cannon's "How the heck does async/await work in Python 3.5?" (2016).
//
// `jump is None` needs a None: S is boost::optional<int>, and next() sends boost::none (a
// value-initialized S), as Python's next() sends None.
//
// The Python original, example/jumping_range.py:
//
//     def jumping_range(up_to):
//         """Generator for the sequence of integers from 0 to up_to, exclusive.
//
//         Sending a value into the generator will shift the sequence by that amount.
//         """
//         index = 0
//         while index < up_to:
//             jump = yield index
//             if jump is None:
//                 jump = 1
//             index += jump
//
//
//     if __name__ == '__main__':
//         iterator = jumping_range(5)
//         print(next(iterator))  # 0
//         print(iterator.send(2))  # 2
//         print(next(iterator))  # 3
//         print(iterator.send(-1))  # 2
//         for x in iterator:
//             print(x)  # 3, 4

#include <pygen/generator.hpp>

#include <boost/optional.hpp>

#include <iostream>

using jumps = pygen::generator<int, boost::optional<int>>;

// Generator for the sequence of integers from 0 to up_to, exclusive. Sending a value into the
// generator will shift the sequence by that amount.
jumps jumping_range(int up_to) {
    return jumps([up_to](jumps::yielder& yield) {
        int index = 0;
        while (index < up_to) {
            boost::optional<int> jump = yield(index);
            if (!jump) {
                jump = 1;
            }
            index += *jump;
        }
    });
}

int main() {
    jumps iterator = jumping_range(5);
    std::cout << iterator.next() << '\n';   // 0
    std::cout << iterator.send(2) << '\n';  // 2
    std::cout << iterator.next() << '\n';   // 3
    std::cout << iterator.send(-1) << '\n'; // 2
    for (int x : iterator) {
        std::cout << x << '\n'; // 3, 4
    }
}
