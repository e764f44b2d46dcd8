// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// A tour of the rest of the protocol: send, throw_, a return value, close, state, and Python's
// `finally` as a destructor.
//
// The Python original, example/averager.py:
//
//     import inspect
//
//     def averager():
//         total, count, average = 0.0, 0, None
//         try:
//             while True:
//                 try:
//                     term = yield average
//                 except ValueError:
//                     total, count, average = 0.0, 0, None   # reset on request
//                     continue
//                 if term is None:
//                     return count
//                 total += term
//                 count += 1
//                 average = total / count
//         finally:
//             print("averager: cleanup")
//
//     a = averager()
//     print(inspect.getgeneratorstate(a))
//     print(next(a))
//     print(a.send(10))
//     print(a.send(30))
//     print(a.throw(ValueError()))
//     print(a.send(5))
//     try:
//         a.send(None)
//     except StopIteration as e:
//         print("returned", e.value)
//     print(inspect.getgeneratorstate(a))
//
//     b = averager()
//     next(b)
//     b.send(1)
//     b.close()
//     print(inspect.getgeneratorstate(b))

#include <pygen/generator.hpp>

#include <boost/optional.hpp>

#include <iomanip>
#include <iostream>
#include <stdexcept>

// None travels as boost::none: Y and S are optional, R is the count returned.
using maybe = boost::optional<double>;
using averager_type = pygen::generator<maybe, maybe, int>;

struct print_on_exit { // `finally:` runs on return, on an exception, and on close().
    ~print_on_exit() { std::cout << "averager: cleanup\n"; }
};

averager_type averager() {
    return averager_type([](averager_type::yielder& yield) {
        print_on_exit finally;
        double total = 0.0;
        int count = 0;
        maybe average;
        for (;;) {
            maybe term;
            try {
                term = yield(average);
            } catch (std::invalid_argument const&) { // Python's ValueError
                total = 0.0, count = 0, average = boost::none;
                continue;
            }
            if (!term) {
                return count;
            }
            total += *term;
            count += 1;
            average = total / count;
        }
    });
}

// Python's print() of None or a float.
std::ostream& operator<<(std::ostream& os, maybe const& value) {
    if (!value) {
        return os << "None";
    }
    return os << std::fixed << std::setprecision(1) << *value;
}

int main() {
    averager_type a = averager();
    std::cout << a.state() << '\n';
    std::cout << a.next() << '\n';
    std::cout << a.send(10.0) << '\n';
    std::cout << a.send(30.0) << '\n';
    std::cout << a.throw_(std::invalid_argument("reset")) << '\n';
    std::cout << a.send(5.0) << '\n';
    try {
        a.send(pygen::none);
    } catch (pygen::stop_iteration const& e) {
        std::cout << "returned " << e.value<int>() << '\n';
    }
    std::cout << a.state() << '\n';

    averager_type b = averager();
    b.next();
    b.send(1.0);
    b.close();
    std::cout << b.state() << '\n';
}
