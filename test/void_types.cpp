// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// void Y, S, R: all 8 combinations of generator<Y, S, R> (Generator[None, None, None] and so on; items 5, 6, 8).
#define BOOST_TEST_MODULE void_types
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using strings = std::vector<std::string>;
using ints = std::vector<int>;

// The value of the stop_iteration f throws (-1: it has none, -2: no stop_iteration).
template <class F> int stop_value(F f) {
    try {
        f();
    } catch (pygen::stop_iteration const& e) {
        return e.has_value() ? e.value<int>() : -1;
    }
    return -2;
}

// The same call shapes, checked on the types.
template <class G> using next_result = decltype(std::declval<G&>().next());
template <class G> using send_none_result = decltype(std::declval<G&>().send(pygen::none));
template <class G> using throw_result = decltype(std::declval<G&>().throw_(std::exception_ptr()));

using vvv = pygen::generator<void, void, void>;
using vvi = pygen::generator<void, void, int>;
using viv = pygen::generator<void, int, void>;
using vii = pygen::generator<void, int, int>;
using ivv = pygen::generator<int, void, void>;
using ivi = pygen::generator<int, void, int>;
using iiv = pygen::generator<int, int, void>;
using iii = pygen::generator<int, int, int>;

static_assert(std::is_void<next_result<vvv>>::value, "Y = void: next() returns void");
static_assert(std::is_void<next_result<vvi>>::value, "");
static_assert(std::is_void<next_result<viv>>::value, "");
static_assert(std::is_void<next_result<vii>>::value, "");
static_assert(std::is_same<next_result<ivv>, int>::value, "");
static_assert(std::is_same<next_result<iii>, int>::value, "");
static_assert(std::is_void<send_none_result<vvv>>::value, "");
static_assert(std::is_same<send_none_result<ivi>, int>::value, "");
static_assert(std::is_void<decltype(std::declval<viv&>().send(1))>::value, "");
static_assert(std::is_same<decltype(std::declval<iiv&>().send(1)), int>::value, "");
static_assert(std::is_void<throw_result<vii>>::value, "");
static_assert(std::is_same<throw_result<iii>, int>::value, "");
static_assert(std::is_same<vii::yield_type, void>::value && std::is_same<vii::send_type, int>::value &&
                  std::is_same<vii::return_type, int>::value,
              "");

} // namespace

// Python: def gen(): log.append('a'); yield; log.append('b'); yield; log.append('c')
//         Generator[None, None, None]: next(g) returns None
BOOST_AUTO_TEST_CASE(void_void_void) {
    strings log;
    vvv g([&log](vvv::yielder& yield) {
        static_assert(std::is_void<decltype(yield())>::value, "S = void: yield() returns void");
        log.push_back("a");
        yield();
        log.push_back("b");
        yield();
        log.push_back("c");
    });
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(log.empty());
    g.next();
    BOOST_TEST(log == (strings{"a"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.send(pygen::none);
    BOOST_TEST(log == (strings{"a", "b"}), boost::test_tools::per_element());
    BOOST_TEST(stop_value([&g] { g.next(); }) == -1);
    BOOST_TEST(log == (strings{"a", "b", "c"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield; yield; return 3      Generator[None, None, int]
BOOST_AUTO_TEST_CASE(void_void_int) {
    int steps = 0;
    vvi g([&steps](vvi::yielder& yield) -> int {
        ++steps;
        yield();
        ++steps;
        yield();
        return 3;
    });
    g.next();
    g.next();
    BOOST_TEST(steps == 2);
    BOOST_TEST(stop_value([&g] { g.next(); }) == 3);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_value([&g] { g.next(); }) == -1);
}

// Python (PEP 342 consumer): def gen():
//             while True: got.append((yield))
//         g.send(None); g.send(1); g.send(2); next(g)  -> got == [1, 2, None]   Generator[None, int, None]
BOOST_AUTO_TEST_CASE(void_int_void) {
    ints got;
    viv g([&got](viv::yielder& yield) {
        static_assert(std::is_same<decltype(yield()), int>::value, "S = int: yield() returns int");
        for (;;) {
            got.push_back(yield());
        }
    });
    BOOST_CHECK_THROW(g.send(1), pygen::type_error);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    g.send(pygen::none);
    g.send(1);
    g.send(2);
    g.next();
    BOOST_TEST(got == (ints{1, 2, 0}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def summer():
//             total = 0
//             while (x := (yield)) >= 0: total += x
//             return total
//         g.send(None); g.send(4); g.send(5); g.send(-1) -> StopIteration(9)   Generator[None, int, int]
BOOST_AUTO_TEST_CASE(void_int_int) {
    vii g([](vii::yielder& yield) -> int {
        int total = 0;
        for (int x = yield(); x >= 0; x = yield()) {
            total += x;
        }
        return total;
    });
    g.send(pygen::none);
    g.send(4);
    g.send(5);
    BOOST_TEST(stop_value([&g] { g.send(-1); }) == 9);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1; yield 2       Generator[int, None, None]
BOOST_AUTO_TEST_CASE(int_void_void) {
    ivv g([](ivv::yielder& yield) {
        static_assert(std::is_void<decltype(yield(1))>::value, "S = void: yield(v) returns void");
        yield(1);
        yield(2);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(pygen::none) == 2);
    BOOST_TEST(stop_value([&g] { g.next(); }) == -1);
}

// Python: def gen(): yield 1; return 5      Generator[int, None, int]
BOOST_AUTO_TEST_CASE(int_void_int) {
    ivi g([](ivi::yielder& yield) -> int {
        yield(1);
        return 5;
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(stop_value([&g] { g.next(); }) == 5);
}

// Python: def gen():
//             x = 0
//             while True: x = yield x + 1
//         g.send(None) == 1; g.send(10) == 11; next(g) == 1 (x is None -> 0 here)   Generator[int, int, None]
BOOST_AUTO_TEST_CASE(int_int_void) {
    iiv g([](iiv::yielder& yield) {
        static_assert(std::is_same<decltype(yield(1)), int>::value, "S = int: yield(v) returns int");
        int x = 0;
        for (;;) {
            x = yield(x + 1);
        }
    });
    BOOST_TEST(g.send(pygen::none) == 1);
    BOOST_TEST(g.send(10) == 11);
    BOOST_TEST(g.next() == 1);
}

// Python: def gen():
//             total = 0
//             while (x := (yield total)) >= 0: total += x
//             return total * 10
//         g.send(None) == 0; g.send(2) == 2; g.send(3) == 5; g.send(-1) -> StopIteration(50)
BOOST_AUTO_TEST_CASE(int_int_int) {
    iii g([](iii::yielder& yield) -> int {
        int total = 0;
        for (int x = yield(total); x >= 0; x = yield(total)) {
            total += x;
        }
        return total * 10;
    });
    BOOST_TEST(g.send(pygen::none) == 0);
    BOOST_TEST(g.send(2) == 2);
    BOOST_TEST(g.send(3) == 5);
    BOOST_TEST(stop_value([&g] { g.send(-1); }) == 50);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python (PEP 342): def collector():
//             while True: got.append((yield))
//         c.send(None); c.send('a'); c.send('b')   -> got == ['a', 'b']     Generator[None, str, None]
BOOST_AUTO_TEST_CASE(string_consumer) {
    using consumer = pygen::generator<void, std::string>;
    strings got;
    consumer c([&got](consumer::yielder& yield) {
        for (;;) {
            got.push_back(yield());
        }
    });
    c.send(pygen::none);
    c.send("a");
    c.send(std::string("b"));
    BOOST_TEST(got == (strings{"a", "b"}), boost::test_tools::per_element());
    BOOST_TEST(c.state() == pygen::gen_state::suspended);
}

// Python: def gen():
//             try: yield
//             except ValueError: log.append('caught'); yield
//         next(g); g.throw(ValueError) -> None (Y = void: throw_ returns void); g.close()
BOOST_AUTO_TEST_CASE(void_yield_throw_and_close) {
    strings log;
    vvv g([&log](vvv::yielder& yield) {
        try {
            yield();
        } catch (std::invalid_argument const&) {
            log.push_back("caught");
            try {
                yield();
            } catch (pygen::generator_exit const&) {
                log.push_back("exit");
                throw;
            }
        }
    });
    g.next();
    g.throw_(std::invalid_argument("v"));
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.close();
    BOOST_TEST(log == (strings{"caught", "exit"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    // Uncaught: the exception leaves throw_ and the generator is closed.
    vii h([](vii::yielder& yield) -> int {
        yield();
        return 1;
    });
    h.next();
    BOOST_CHECK_THROW(h.throw_(std::invalid_argument("v")), std::invalid_argument);
    BOOST_TEST(h.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield; raise KeyError   -> KeyError from next(); GEN_CLOSED   (Y = void too)
BOOST_AUTO_TEST_CASE(void_yield_exception_propagates) {
    vvv g([](vvv::yielder& yield) {
        yield();
        throw std::out_of_range("k");
    });
    g.next();
    BOOST_CHECK_THROW(g.next(), std::out_of_range);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_value([&g] { g.next(); }) == -1);
}

// No begin() test for Y = void: a generator that yields no values cannot be looped over, and that is
// a static_assert in begin(), not a run-time behaviour.
