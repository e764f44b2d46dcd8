// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// next(): lazy start (1), next == send(None) (5), return values (8, 9, 10), exceptions from the body (11).
#define BOOST_TEST_MODULE next
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pygen_test;

namespace {

using int_gen = pygen::generator<int>;
using int_ret_gen = pygen::generator<int, void, int>;

int_ret_gen::return_type count_to_three(int_ret_gen::yielder& yield) {
    yield(1);
    yield(2);
    yield(3);
    return 100;
}

} // namespace

// Python: def gen(): ran.append(1); yield 1
//         g = gen()        -> ran == [], getgeneratorstate(g) == 'GEN_CREATED'
BOOST_AUTO_TEST_CASE(constructing_runs_none_of_the_body) {
    bool ran = false;
    int_gen g([&ran](int_gen::yielder& yield) {
        ran = true;
        yield(1);
    });
    BOOST_TEST(!ran);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(ran);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: def gen(): yield 1; yield 2; yield 3
//         [next(g), next(g), next(g)] == [1, 2, 3]; next(g) -> StopIteration
BOOST_AUTO_TEST_CASE(next_returns_values_in_order) {
    std::vector<std::string> log;
    int_gen g([&log](int_gen::yielder& yield) {
        log.push_back("a");
        yield(1);
        log.push_back("b");
        yield(2);
        log.push_back("c");
        yield(3);
        log.push_back("d");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(log == (std::vector<std::string>{"a"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_TEST(log == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(log == (std::vector<std::string>{"a", "b", "c", "d"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             n = 0
//             while True: n += 1; yield n     (locals survive between next() calls)
BOOST_AUTO_TEST_CASE(body_locals_survive_between_calls) {
    int_gen g([](int_gen::yielder& yield) {
        std::string text;
        for (int n = 1;; ++n) {
            text += 'x';
            yield(n * 10 + static_cast<int>(text.size()));
        }
    });
    BOOST_TEST(g.next() == 11);
    BOOST_TEST(g.next() == 22);
    BOOST_TEST(g.next() == 33);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: next(g) is g.send(None): both start and both resume.
//         g = gen(); g.send(None) == 1; next(g) == 2; g.send(None) == 3
BOOST_AUTO_TEST_CASE(next_and_send_none_are_interchangeable) {
    int_gen g([](int_gen::yielder& yield) {
        yield(1);
        yield(2);
        yield(3);
    });
    BOOST_TEST(g.send(pygen::none) == 1);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.send(pygen::none) == 3);
    BOOST_CHECK_THROW(g.send(pygen::none), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1; return 42
//         next(g); next(g) -> StopIteration, e.value == 42
BOOST_AUTO_TEST_CASE(return_value_arrives_in_stop_iteration) {
    int_ret_gen g([](int_ret_gen::yielder& yield) -> int {
        yield(1);
        return 42;
    });
    BOOST_TEST(g.next() == 1);
    bool caught = false;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        caught = true;
        BOOST_TEST(e.has_value());
        BOOST_TEST(e.value<int>() == 42);
        BOOST_TEST(std::string(e.what()) == "StopIteration");
    }
    BOOST_TEST(caught);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): return 'done'; yield     (no yield reached)
//         next(g) -> StopIteration('done') at the first call
BOOST_AUTO_TEST_CASE(body_returning_before_any_yield) {
    using gen = pygen::generator<int, void, std::string>;
    gen g([](gen::yielder&) { return std::string("done"); });
    bool caught = false;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        caught = true;
        BOOST_TEST(e.value<std::string>() == "done");
    }
    BOOST_TEST(caught);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1; return      -> StopIteration with value None
BOOST_AUTO_TEST_CASE(void_return_gives_stop_iteration_without_value) {
    int_gen g([](int_gen::yielder& yield) { yield(1); });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1; return 42
//         next(g); next(g) -> StopIteration(42); next(g) -> StopIteration() (value None); g.send(None) the same
BOOST_AUTO_TEST_CASE(return_value_is_reported_once_only) {
    int_ret_gen g([](int_ret_gen::yielder& yield) -> int {
        yield(1);
        return 42;
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 1);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(stop_has_value([&g] { g.send(pygen::none); }) == 0);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1; yield 2; return 42
//         list(g) == [1, 2] (the for loop drops 42); next(g) -> StopIteration() with value None
BOOST_AUTO_TEST_CASE(for_loop_drops_the_return_value) {
    int_ret_gen g([](int_ret_gen::yielder& yield) -> int {
        yield(1);
        yield(2);
        return 42;
    });
    std::vector<int> seen;
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (std::vector<int>{1, 2}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
}

// Python: class DerivedError(BaseError)
//         def gen(): yield 1; raise DerivedError('boom')
//         next(g); next(g) -> DerivedError (catchable as DerivedError); state GEN_CLOSED; next(g) -> StopIteration
BOOST_AUTO_TEST_CASE(exception_propagates_with_its_dynamic_type) {
    std::vector<std::string> log;
    struct recorder {
        std::vector<std::string>& log;
        ~recorder() { log.push_back("cleanup"); }
    };
    int_gen g([&log](int_gen::yielder& yield) {
        recorder r{log};
        yield(1);
        throw derived_error("boom", 7);
    });
    BOOST_TEST(g.next() == 1);
    bool caught = false;
    try {
        g.next();
    } catch (derived_error const& e) {
        caught = true;
        BOOST_TEST(std::string(e.what()) == "boom");
        BOOST_TEST(e.code == 7);
    }
    BOOST_TEST(caught);
    BOOST_TEST(log == (std::vector<std::string>{"cleanup"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): raise KeyError('k'); yield
//         next(g) -> KeyError at the first call; state GEN_CLOSED
BOOST_AUTO_TEST_CASE(exception_before_the_first_yield) {
    int_gen g([](int_gen::yielder& yield) {
        throw std::out_of_range("k");
        yield(1);
    });
    BOOST_TEST(what_of<std::out_of_range>([&g] { g.next(); }) == "k");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python has no non-exception raise; C++ can throw any type, and it passes through the same way.
//         def gen(): yield 1; raise X   -> X out of next(), GEN_CLOSED
BOOST_AUTO_TEST_CASE(non_std_exception_propagates) {
    int_gen g([](int_gen::yielder& yield) {
        yield(1);
        throw 17;
    });
    BOOST_TEST(g.next() == 1);
    int thrown = 0;
    try {
        g.next();
    } catch (int v) {
        thrown = v;
    }
    BOOST_TEST(thrown == 17);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python has no empty generator object; pygen's default-constructed one behaves like an exhausted one:
//         next(g) -> StopIteration() with value None; g.send(None) the same; GEN_CLOSED
BOOST_AUTO_TEST_CASE(default_constructed_generator_is_closed) {
    int_ret_gen g;
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(stop_has_value([&g] { g.send(pygen::none); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: the generator function is a plain function.
//         def count_to_three(): yield 1; yield 2; yield 3; return 100
BOOST_AUTO_TEST_CASE(plain_function_as_body) {
    int_ret_gen g(&count_to_three);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    bool caught = false;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        caught = true;
        BOOST_TEST(e.value<int>() == 100);
    }
    BOOST_TEST(caught);

    // A function named without & decays to the same pointer.
    int_ret_gen h(count_to_three);
    BOOST_TEST(h.next() == 1);
    BOOST_TEST(h.state() == pygen::gen_state::suspended);
}

// Python: def gen() -> Generator[int, None, float]: yield 1; return 7   (an int where a float is expected)
// C++: a body returning int for R = long; StopIteration.value is an R.
BOOST_AUTO_TEST_CASE(body_result_converts_to_r) {
    using gen = pygen::generator<int, void, long>;
    gen g([](gen::yielder& yield) -> int {
        yield(1);
        return 7;
    });
    BOOST_TEST(g.next() == 1);
    bool caught = false;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        caught = true;
        BOOST_TEST(e.value<long>() == 7L);
        BOOST_CHECK_THROW(e.value<int>(), std::bad_cast);
    }
    BOOST_TEST(caught);
}

// Python: def gen(): s = 'abc'; yield s; yield s + 'd'   (next returns the yielded object)
// C++: next() returns Y by value; a yielded lvalue is copied, so the body's variable is untouched.
BOOST_AUTO_TEST_CASE(next_returns_yielded_object_by_value) {
    using gen = pygen::generator<std::string>;
    std::string after;
    gen g([&after](gen::yielder& yield) {
        std::string s = "abc";
        yield(s);
        after = s;
        yield(s + "d");
    });
    std::string first = g.next();
    BOOST_TEST(first == "abc");
    BOOST_TEST(g.next() == "abcd");
    BOOST_TEST(after == "abc");
}

// Python: any object can be yielded; in C++ a move-only Y is yielded as an rvalue.
//         def gen(): yield [5]
BOOST_AUTO_TEST_CASE(move_only_yield_type) {
    using gen = pygen::generator<std::unique_ptr<int>>;
    gen g([](gen::yielder& yield) {
        std::unique_ptr<int> p(new int(5));
        yield(std::move(p));
        yield(std::unique_ptr<int>(new int(6)));
    });
    std::unique_ptr<int> a = g.next();
    BOOST_TEST((a && *a == 5));
    std::unique_ptr<int> b = g.next();
    BOOST_TEST((b && *b == 6));
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}
