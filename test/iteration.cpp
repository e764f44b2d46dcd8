// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Range-for and iterators: `for v in g` (3), the return value dropped (10), errors and early exits, iterator traits.
#define BOOST_TEST_MODULE iteration
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <cstddef>
#include <iterator>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace pygen_test;

namespace {

using gen = pygen::generator<int>;
using ints = std::vector<int>;

gen count(int n) {
    return gen([n](gen::yielder& yield) {
        for (int i = 1; i <= n; ++i) {
            yield(i);
        }
    });
}

struct point {
    int x;
    int y;
};

using iter = gen::iterator;
static_assert(std::is_same<std::iterator_traits<iter>::iterator_category, std::input_iterator_tag>::value, "");
static_assert(std::is_same<iter::iterator_category, std::input_iterator_tag>::value, "");
static_assert(std::is_same<iter::value_type, int>::value, "");
static_assert(std::is_same<iter::reference, int&>::value, "reference is Y& for an object Y");
static_assert(std::is_same<iter::pointer, int*>::value, "");
static_assert(std::is_same<iter::difference_type, std::ptrdiff_t>::value, "");
static_assert(std::is_same<decltype(*std::declval<iter const&>()), int&>::value, "");
static_assert(std::is_same<pygen::generator<std::string, int, int>::iterator::reference, std::string&>::value, "");
static_assert(std::is_same<pygen::generator<std::string, int, int>::iterator::value_type, std::string>::value, "");
static_assert(std::is_same<decltype(std::declval<gen&>().begin()), decltype(std::declval<gen&>().end())>::value,
              "begin and end have the same type (C++11 range-for)");

} // namespace

// Python: for v in gen(): seen.append(v)      -> [1, 2, 3]
BOOST_AUTO_TEST_CASE(range_for_gives_the_values) {
    ints seen;
    gen g = count(3);
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (ints{1, 2, 3}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: it = iter(g) does not start it (iter(g) is g); the first next does. In C++ begin() is
//         iter() and the first next() together, so begin() starts a created generator.
BOOST_AUTO_TEST_CASE(begin_starts_a_created_generator) {
    bool ran = false;
    gen g([&ran](gen::yielder& yield) {
        ran = true;
        yield(7);
        yield(8);
    });
    BOOST_TEST(!ran);
    gen::iterator it = g.begin();
    BOOST_TEST(ran);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(*it == 7);
    ++it;
    BOOST_TEST(*it == 8);
    it++;
    BOOST_TEST((it == g.end()));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: next(g); next(g); list(g) == [3, 4]     (a for loop continues where the generator is)
BOOST_AUTO_TEST_CASE(loop_over_a_partly_consumed_generator_continues) {
    gen g = count(4);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.next() == 2);
    ints seen;
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (ints{3, 4}), boost::test_tools::per_element());
}

// Python: list(g); list(g) == []   (an exhausted generator yields nothing, no error)
BOOST_AUTO_TEST_CASE(loop_over_an_exhausted_generator_runs_zero_times) {
    gen g = count(2);
    int n = 0;
    for (int v : g) {
        n += v;
    }
    BOOST_TEST(n == 3);
    int again = 0;
    for (int v : g) {
        again += 1 + v;
    }
    BOOST_TEST(again == 0);
    BOOST_TEST((g.begin() == g.end()));

    gen empty;
    for (int v : empty) {
        again += 1 + v;
    }
    BOOST_TEST(again == 0);
    BOOST_TEST((empty.begin() == empty.end()));
}

// Python: def gen(): yield 1; return 42
//         list(gen()) == [1]; the 42 is dropped, no StopIteration escapes; a later next(g) -> StopIteration()
BOOST_AUTO_TEST_CASE(return_value_is_dropped_by_the_loop) {
    using ret_gen = pygen::generator<int, void, int>;
    ret_gen g([](ret_gen::yielder& yield) -> int {
        yield(1);
        return 42;
    });
    ints seen;
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (ints{1}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    bool had_value = true;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        had_value = e.has_value();
    }
    BOOST_TEST(!had_value);

    ret_gen none([](ret_gen::yielder&) { return 1; });
    BOOST_TEST((none.begin() == none.end()));
    BOOST_TEST(none.state() == pygen::gen_state::closed);
}

// Python: def gen(): raise KeyError('k'); yield
//         for v in gen(): ...   -> KeyError out of the loop (from the first step); GEN_CLOSED
BOOST_AUTO_TEST_CASE(exception_from_the_first_step_leaves_the_loop) {
    gen g([](gen::yielder& yield) {
        throw std::out_of_range("k");
        yield(1);
    });
    int body_runs = 0;
    BOOST_TEST(what_of<std::out_of_range>([&] {
                   for (int v : g) {
                       body_runs += 1 + v;
                   }
               }) == "k");
    BOOST_TEST(body_runs == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1; yield 2; raise KeyError('k')
//         for v in gen(): seen.append(v)   -> seen == [1, 2], then KeyError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(exception_from_a_later_step_leaves_the_loop) {
    gen g([](gen::yielder& yield) {
        yield(1);
        yield(2);
        throw std::out_of_range("k");
    });
    ints seen;
    BOOST_TEST(what_of<std::out_of_range>([&] {
                   for (int v : g) {
                       seen.push_back(v);
                   }
               }) == "k");
    BOOST_TEST(seen == (ints{1, 2}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: for v in g:
//             if v == 2: break
//         GEN_SUSPENDED; next(g) == 3; for v in g continues with 4
BOOST_AUTO_TEST_CASE(break_leaves_the_generator_suspended) {
    gen g = count(5);
    for (int v : g) {
        if (v == 2) {
            break;
        }
    }
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 3);
    ints rest;
    for (int v : g) {
        rest.push_back(v);
    }
    BOOST_TEST(rest == (ints{4, 5}), boost::test_tools::per_element());
}

// Python: for v in g:
//             seen.append(v)
//             if v == 2: g.close()       -> the loop ends at the next step; cleanup ran; GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_inside_the_loop_ends_it) {
    std::vector<std::string> log;
    gen g([&log](gen::yielder& yield) {
        try {
            for (int i = 1;; ++i) {
                yield(i);
            }
        } catch (pygen::generator_exit const&) {
            log.push_back("closed");
            throw;
        }
    });
    ints seen;
    for (int v : g) {
        seen.push_back(v);
        if (v == 2) {
            g.close();
            BOOST_TEST(log.size() == 1u);
        }
    }
    BOOST_TEST(seen == (ints{1, 2}), boost::test_tools::per_element());
    BOOST_TEST(log == (std::vector<std::string>{"closed"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: sum(gen()) == 15; list(gen()) == [1, 2, 3, 4, 5]
BOOST_AUTO_TEST_CASE(standard_algorithms_over_a_generator) {
    gen g = count(5);
    BOOST_TEST(std::accumulate(g.begin(), g.end(), 0) == 15);
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    gen h = count(5);
    ints all(h.begin(), h.end());
    BOOST_TEST(all == (ints{1, 2, 3, 4, 5}), boost::test_tools::per_element());
}

// Python: for p in points(): total += p.x * p.y
BOOST_AUTO_TEST_CASE(arrow_operator_reaches_members) {
    using point_gen = pygen::generator<point>;
    point_gen g([](point_gen::yielder& yield) {
        yield(point{1, 2});
        yield(point{3, 4});
    });
    point_gen::iterator it = g.begin();
    BOOST_TEST(it->x == 1);
    BOOST_TEST(it->y == 2);
    ++it;
    BOOST_TEST(it->x * it->y == 12);
    ++it;
    BOOST_TEST((it == g.end()));
}

// Python: for v in g: (any rebinding of the name g does not disturb the loop's iterator)
// C++: the iterator holds the generator's frame, not the object, so the generator may be moved
// into another variable in the middle of the loop (see include/pygen/detail/iterator.hpp).
BOOST_AUTO_TEST_CASE(moving_the_generator_during_the_loop_keeps_the_iterator_valid) {
    gen g2;
    gen g = count(4);
    ints seen;
    for (int v : g) {
        seen.push_back(v);
        if (v == 2) {
            g2 = std::move(g);
            BOOST_TEST(g.state() == pygen::gen_state::closed);
            BOOST_TEST(g2.state() == pygen::gen_state::suspended);
        }
    }
    BOOST_TEST(seen == (ints{1, 2, 3, 4}), boost::test_tools::per_element());
    BOOST_TEST(g2.state() == pygen::gen_state::closed);
}

// Python: def gen(): while True: got.append((yield n))  — a for loop calls next(), so each yield gives None
// C++: with S = int a loop resumes the body with a value-initialized S.
BOOST_AUTO_TEST_CASE(loop_resumes_with_value_initialized_s) {
    using send_gen = pygen::generator<int, int>;
    ints got;
    send_gen g([&got](send_gen::yielder& yield) {
        for (int i = 1; i <= 3; ++i) {
            got.push_back(yield(i));
        }
    });
    int n = 0;
    for (int v : g) {
        n += v;
    }
    BOOST_TEST(n == 6);
    BOOST_TEST(got == (ints{0, 0, 0}), boost::test_tools::per_element());
}

// Python: for s in gen(): s += '!'    (rebinds a name; the generator's own object is untouched)
// C++: the reference is Y& to the generator's copy of the yielded value: no copy for the loop,
// and changing it does not change the body's variable.
BOOST_AUTO_TEST_CASE(loop_reference_is_the_generators_copy) {
    using string_gen = pygen::generator<std::string>;
    std::string kept;
    string_gen g([&kept](string_gen::yielder& yield) {
        std::string s = "abc";
        yield(s);
        kept = s;
    });
    std::vector<std::string> seen;
    for (std::string& s : g) {
        s += "!";
        seen.push_back(s);
    }
    BOOST_TEST(seen == (std::vector<std::string>{"abc!"}), boost::test_tools::per_element());
    BOOST_TEST(kept == "abc");
}

// Python: default-constructed iterators are the same end: `next(iter(g), sentinel)`
BOOST_AUTO_TEST_CASE(end_iterators_compare_equal) {
    gen::iterator a;
    gen::iterator b;
    BOOST_TEST((a == b));
    BOOST_TEST(!(a != b));
    gen g = count(1);
    gen::iterator it = g.begin();
    BOOST_TEST((it != g.end()));
}
