// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// stop_iteration: its API (StopIteration.value, item 8) and PEP 479, a StopIteration leaving the body (12).
#define BOOST_TEST_MODULE stop_iteration
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <exception>
#include <memory>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace {

using gen = pygen::generator<int>;
using int_ret_gen = pygen::generator<int, void, int>;

// The stop_iteration that f throws.
template <class F> pygen::stop_iteration stop_of(F f) {
    try {
        f();
    } catch (pygen::stop_iteration const& e) {
        return e;
    }
    BOOST_ERROR("no stop_iteration was thrown");
    return pygen::stop_iteration();
}

// The runtime_error that PEP 479 makes of a stop_iteration: returns its what(), and sets *nested_value
// to the value of the nested stop_iteration (-1: it has none, -2: nothing nested, -3: not a runtime_error).
template <class F> std::string pep479(F f, int* nested_value) {
    try {
        f();
    } catch (pygen::runtime_error const& e) {
        *nested_value = -2;
        try {
            std::rethrow_if_nested(e);
        } catch (pygen::stop_iteration const& cause) {
            *nested_value = cause.has_value() ? cause.value<int>() : -1;
        }
        return e.what();
    }
    *nested_value = -3;
    return "<nothing thrown>";
}

char const* const raised_stop = "generator raised StopIteration";

} // namespace

static_assert(std::is_base_of<std::exception, pygen::stop_iteration>::value, "StopIteration is an Exception");

// Python: issubclass(StopIteration, Exception); StopIteration().value is None
// C++: what() is always "StopIteration" (Python's str(e) is str(value); a C++ what() cannot hold any R).
BOOST_AUTO_TEST_CASE(derives_from_std_exception_and_names_itself) {
    pygen::stop_iteration const e;
    std::exception const& base = e;
    BOOST_TEST(std::string(base.what()) == "StopIteration");
    BOOST_TEST(!e.has_value());
    BOOST_CHECK_THROW(e.value<int>(), std::bad_cast);

    pygen::stop_iteration const with(std::string("x"));
    BOOST_TEST(std::string(with.what()) == "StopIteration");
    bool caught = false;
    try {
        throw with;
    } catch (std::exception const& x) {
        caught = std::string(x.what()) == "StopIteration";
    }
    BOOST_TEST(caught);
}

// Python: def gen(): yield 1; return 5
//         e.value == 5
// C++: value<T>() needs T to be R exactly (cv ignored); any other T is std::bad_cast.
BOOST_AUTO_TEST_CASE(value_needs_the_return_type) {
    int_ret_gen g([](int_ret_gen::yielder& yield) -> int {
        yield(1);
        return 5;
    });
    g.next();
    pygen::stop_iteration const e = stop_of([&g] { g.next(); });
    BOOST_TEST(e.has_value());
    BOOST_TEST(e.value<int>() == 5);
    BOOST_TEST(e.value<int const>() == 5);
    BOOST_TEST(e.value<int volatile>() == 5);
    BOOST_TEST(e.value<int const volatile>() == 5);
    BOOST_TEST(&e.value<int const>() == &e.value<int>());
    BOOST_CHECK_THROW(e.value<long>(), std::bad_cast);
    BOOST_CHECK_THROW(e.value<unsigned>(), std::bad_cast);
    BOOST_CHECK_THROW(e.value<std::string>(), std::bad_cast);
}

// Python: def gen(): yield 1     (or a bare return)
//         e.value is None
BOOST_AUTO_TEST_CASE(void_return_has_no_value) {
    gen g([](gen::yielder& yield) { yield(1); });
    g.next();
    pygen::stop_iteration const e = stop_of([&g] { g.next(); });
    BOOST_TEST(!e.has_value());
    BOOST_CHECK_THROW(e.value<int>(), std::bad_cast);
}

// Python: e2 = copy.copy(e); e2.value is e.value
// C++: copies share the value.
BOOST_AUTO_TEST_CASE(copies_share_the_value) {
    using gen_s = pygen::generator<int, void, std::string>;
    gen_s g([](gen_s::yielder&) { return std::string("result"); });
    pygen::stop_iteration const original = stop_of([&g] { g.next(); });
    pygen::stop_iteration copy(original);
    BOOST_TEST(copy.has_value());
    BOOST_TEST(copy.value<std::string>() == "result");
    BOOST_TEST(&copy.value<std::string>() == &original.value<std::string>());

    pygen::stop_iteration assigned;
    BOOST_TEST(!assigned.has_value());
    assigned = original;
    BOOST_TEST(assigned.value<std::string>() == "result");
    BOOST_TEST(&assigned.value<std::string>() == &original.value<std::string>());
}

// Python: return [7]   (any object); C++: R may be move-only
BOOST_AUTO_TEST_CASE(move_only_return_type) {
    using gen_p = pygen::generator<int, void, std::unique_ptr<int>>;
    gen_p g([](gen_p::yielder& yield) {
        yield(1);
        return std::unique_ptr<int>(new int(7));
    });
    BOOST_TEST(g.next() == 1);
    pygen::stop_iteration const e = stop_of([&g] { g.next(); });
    BOOST_TEST(e.has_value());
    std::unique_ptr<int> const& p = e.value<std::unique_ptr<int>>();
    BOOST_TEST((p && *p == 7));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: StopIteration(5).value == 5; StopIteration('abc').value == 'abc'
BOOST_AUTO_TEST_CASE(constructed_directly) {
    pygen::stop_iteration const i(5);
    BOOST_TEST(i.value<int>() == 5);
    pygen::stop_iteration const s(std::string("abc"));
    BOOST_TEST(s.value<std::string>() == "abc");
    // A string literal decays, as the value is stored as std::decay<T>.
    pygen::stop_iteration const lit("abc");
    BOOST_TEST(std::string(lit.value<char const*>()) == "abc");
}

// Python: def gen(): yield 1; raise StopIteration(3)
//         next(g); next(g) -> RuntimeError('generator raised StopIteration'), __cause__ StopIteration(3); GEN_CLOSED
BOOST_AUTO_TEST_CASE(stop_iteration_raised_in_the_body_is_pep479_runtime_error) {
    gen g([](gen::yielder& yield) {
        yield(1);
        throw pygen::stop_iteration(3);
    });
    g.next();
    int nested = 0;
    BOOST_TEST(pep479([&g] { g.next(); }, &nested) == raised_stop);
    BOOST_TEST(nested == 3);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(!stop_of([&g] { g.next(); }).has_value());

    // A bare StopIteration, raised before the first yield.
    gen h([](gen::yielder&) { throw pygen::stop_iteration(); });
    BOOST_TEST(pep479([&h] { h.next(); }, &nested) == raised_stop);
    BOOST_TEST(nested == -1);
    BOOST_TEST(h.state() == pygen::gen_state::closed);
}

// Python: the runtime_error is an ordinary RuntimeError: `except RuntimeError` and `except Exception` catch it
BOOST_AUTO_TEST_CASE(pep479_error_is_a_runtime_error) {
    gen g([](gen::yielder&) { throw pygen::stop_iteration(); });
    bool as_std = false;
    try {
        g.next();
    } catch (std::runtime_error const& e) {
        as_std = std::string(e.what()) == raised_stop;
    }
    BOOST_TEST(as_std);
}

// Python: def inner(): return 9; yield
//         def outer(): yield next(inner())
//         next(outer()) -> RuntimeError, __cause__ StopIteration(9); outer is GEN_CLOSED
BOOST_AUTO_TEST_CASE(next_on_exhausted_inner_generator_escapes_as_pep479) {
    int_ret_gen inner([](int_ret_gen::yielder&) { return 9; });
    gen outer([&inner](gen::yielder& yield) { yield(inner.next()); });
    int nested = 0;
    BOOST_TEST(pep479([&outer] { outer.next(); }, &nested) == raised_stop);
    BOOST_TEST(nested == 9);
    BOOST_TEST(outer.state() == pygen::gen_state::closed);
    BOOST_TEST(inner.state() == pygen::gen_state::closed);
    BOOST_TEST(!stop_of([&outer] { outer.next(); }).has_value());

    // inner is now exhausted: its next stop_iteration has no value.
    gen outer2([&inner](gen::yielder& yield) {
        yield(1);
        yield(inner.next());
    });
    BOOST_TEST(outer2.next() == 1);
    BOOST_TEST(pep479([&outer2] { outer2.next(); }, &nested) == raised_stop);
    BOOST_TEST(nested == -1);
    BOOST_TEST(outer2.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: next(it)
//             except StopIteration: yield -1
//             yield 2
//         list(gen()) == [-1, 2]       (caught inside: the generator goes on)
BOOST_AUTO_TEST_CASE(stop_iteration_caught_in_the_body_does_not_end_it) {
    gen inner;
    gen g([&inner](gen::yielder& yield) {
        try {
            yield(inner.next());
        } catch (pygen::stop_iteration const&) {
            yield(-1);
        }
        yield(2);
    });
    std::vector<int> seen;
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (std::vector<int>{-1, 2}), boost::test_tools::per_element());
}

// Python: def gen(it):
//             while True:
//                 try: x = next(it)
//                 except StopIteration as e: return e.value
//                 yield x * 10
//         list(gen(src)) == [10, 20]; the return value is src's return value
BOOST_AUTO_TEST_CASE(manual_iteration_loop_in_the_body) {
    int_ret_gen src([](int_ret_gen::yielder& yield) -> int {
        yield(1);
        yield(2);
        return 42;
    });
    int_ret_gen g([&src](int_ret_gen::yielder& yield) -> int {
        for (;;) {
            int x = 0;
            try {
                x = src.next();
            } catch (pygen::stop_iteration const& e) {
                return e.value<int>();
            }
            yield(x * 10);
        }
    });
    BOOST_TEST(g.next() == 10);
    BOOST_TEST(g.next() == 20);
    pygen::stop_iteration const e = stop_of([&g] { g.next(); });
    BOOST_TEST(e.value<int>() == 42);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}
