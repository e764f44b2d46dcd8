// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// send(): the value of the pending yield (6), next() as send(None) (5), the just-started rule (7), PEP 342.
#define BOOST_TEST_MODULE send
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <boost/optional.hpp>

#include <memory>
#include <string>
#include <vector>

#if __cplusplus >= 201703L
#include <optional>

#endif

using namespace pygen_test;

namespace {

char const* const just_started = "can't send non-None value to a just-started generator";

using int_gen = pygen::generator<int, int>;

// A send type that next() cannot value-initialize.
struct token {
    explicit token(int v) : value(v) {}
    int value;
};

} // namespace

// Python: def gen():
//             x = yield 0; got.append(x); y = yield x * 10; got.append(y); yield x + y
//         g.send(None) == 0; g.send(5) == 50; g.send(7) == 12
BOOST_AUTO_TEST_CASE(send_value_becomes_value_of_pending_yield) {
    std::vector<int> got;
    int_gen g([&got](int_gen::yielder& yield) {
        int x = yield(0);
        got.push_back(x);
        int y = yield(x * 10);
        got.push_back(y);
        yield(x + y);
    });
    BOOST_TEST(g.send(pygen::none) == 0);
    BOOST_TEST(got.empty());
    BOOST_TEST(g.send(5) == 50);
    BOOST_TEST(got == (std::vector<int>{5}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(7) == 12);
    BOOST_TEST(got == (std::vector<int>{5, 7}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.send(1), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: g = gen(); g.send(None)    -> starts it, exactly like next(g)
BOOST_AUTO_TEST_CASE(send_none_starts_a_created_generator) {
    bool ran = false;
    int_gen g([&ran](int_gen::yielder& yield) {
        ran = true;
        yield(1);
        yield(2);
    });
    BOOST_TEST(!ran);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.send(pygen::none) == 1);
    BOOST_TEST(ran);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(pygen::none) == 2);
}

// Python: g = gen(); g.send(1)
//         -> TypeError: can't send non-None value to a just-started generator; still GEN_CREATED
//         next(g) then starts it normally
BOOST_AUTO_TEST_CASE(send_value_to_created_generator_is_type_error) {
    std::vector<int> got;
    bool ran = false;
    int_gen g([&](int_gen::yielder& yield) {
        ran = true;
        got.push_back(yield(1));
        got.push_back(yield(2));
    });
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(1); }) == just_started);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(!ran);
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(0); }) == just_started);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(ran);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(3) == 2);
    BOOST_TEST(got == (std::vector<int>{3}), boost::test_tools::per_element());
}

// Python: the same, then g.send(None) starts it
BOOST_AUTO_TEST_CASE(send_none_after_type_error_starts_normally) {
    int_gen g([](int_gen::yielder& yield) {
        int x = yield(1);
        yield(x + 1);
    });
    BOOST_CHECK_THROW(g.send(9), pygen::type_error);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.send(pygen::none) == 1);
    BOOST_TEST(g.send(9) == 10);
}

// Python: def gen(): x = yield 1; got.append(x)
//         next(g); next(g)  -> got == [None]
// C++: next() gives the pending yield a value-initialized S: 0 for int, "" for std::string.
BOOST_AUTO_TEST_CASE(next_gives_value_initialized_s) {
    std::vector<int> got;
    int_gen g([&got](int_gen::yielder& yield) {
        for (;;) {
            got.push_back(yield(1));
        }
    });
    g.next();
    g.send(5);
    g.next();
    g.send(6);
    g.send(pygen::none);
    BOOST_TEST(got == (std::vector<int>{5, 0, 6, 0}), boost::test_tools::per_element());

    using string_gen = pygen::generator<int, std::string>;
    std::vector<std::string> texts;
    string_gen h([&texts](string_gen::yielder& yield) {
        for (;;) {
            texts.push_back(yield(1));
        }
    });
    h.next();
    h.send("abc");
    h.next();
    h.send(std::string("d"));
    BOOST_TEST(texts == (std::vector<std::string>{"abc", "", "d"}), boost::test_tools::per_element());
}

// Python: def gen():
//             while True: got.append((yield))
//         next(g); next(g); g.send(3); g.send(0)  -> got == [None, 3, 0]
// C++: with S = boost::optional<int> the body tells "None" (next / send(none)) from a sent value.
BOOST_AUTO_TEST_CASE(optional_send_type_tells_none_from_a_value) {
    using gen = pygen::generator<int, boost::optional<int>>;
    std::vector<std::string> got;
    gen g([&got](gen::yielder& yield) {
        for (;;) {
            boost::optional<int> v = yield(1);
            got.push_back(v ? std::to_string(*v) : "None");
        }
    });
    // Only pygen::none counts as None for the just-started rule, not an empty optional.
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(boost::none); }) == just_started);
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(boost::optional<int>()); }) == just_started);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.send(pygen::none) == 1);
    g.next();
    g.send(3);
    g.send(0);
    g.send(pygen::none);
    BOOST_TEST(got == (std::vector<std::string>{"None", "3", "0", "None"}), boost::test_tools::per_element());
}

#if __cplusplus >= 201703L
// Python: g.send(None) on a created generator is fine; std::nullopt is not pygen::none, so under the
// contract it is a value, and sending it to a just-started generator is the TypeError.
BOOST_AUTO_TEST_CASE(std_optional_nullopt_is_not_none) {
    using gen = pygen::generator<int, std::optional<int>>;
    std::vector<std::string> got;
    gen g([&got](gen::yielder& yield) {
        for (;;) {
            std::optional<int> v = yield(1);
            got.push_back(v ? std::to_string(*v) : "None");
        }
    });
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(std::nullopt); }) == just_started);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(got.empty());
    BOOST_TEST(g.send(pygen::none) == 1);
    g.next();
    g.send(4);
    g.send(std::nullopt);
    BOOST_TEST(got == (std::vector<std::string>{"None", "4", "None"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}
#endif // __cplusplus >= 201703L

// Python: def gen(): x = yield 1; return x * 2
//         next(g); g.send(21) -> StopIteration(42); g.send(1) -> StopIteration() (value None)
BOOST_AUTO_TEST_CASE(send_that_finishes_the_body_and_send_on_closed) {
    using gen = pygen::generator<int, int, int>;
    gen g([](gen::yielder& yield) -> int {
        int x = yield(1);
        return x * 2;
    });
    BOOST_TEST(g.next() == 1);
    bool caught = false;
    try {
        g.send(21);
    } catch (pygen::stop_iteration const& e) {
        caught = true;
        BOOST_TEST(e.value<int>() == 42);
    }
    BOOST_TEST(caught);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.send(1); }) == 0);
    BOOST_TEST(stop_has_value([&g] { g.send(pygen::none); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: a generator closed by an exception, or an empty (default) one: send(v) -> StopIteration
BOOST_AUTO_TEST_CASE(send_on_a_closed_generator_throws_stop_iteration) {
    int_gen g([](int_gen::yielder& yield) {
        yield(1);
        throw std::runtime_error("boom");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_CHECK_THROW(g.send(2), std::runtime_error);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.send(3); }) == 0);

    int_gen empty;
    BOOST_TEST(stop_has_value([&empty] { empty.send(3); }) == 0);
    BOOST_TEST(empty.state() == pygen::gen_state::closed);

    int_gen closed([](int_gen::yielder& yield) { yield(1); });
    closed.close();
    BOOST_TEST(stop_has_value([&closed] { closed.send(3); }) == 0);
}

// Python has no such type; pygen: S = token has no default constructor, so next() does not compile.
// send(none) still starts it, send(v) works, and send(none) while suspended is a TypeError (the yield
// would need a value-initialized token), leaving the state unchanged.
BOOST_AUTO_TEST_CASE(send_type_without_default_constructor) {
    using gen = pygen::generator<int, token>;
    std::vector<int> got;
    gen g([&got](gen::yielder& yield) {
        for (int i = 1;; ++i) {
            got.push_back(yield(i).value);
        }
    });
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(token(1)); }) == just_started);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.send(pygen::none) == 1);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(token(5)) == 2);
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.send(pygen::none); }) ==
               "can't send None to a generator whose send type is not default-constructible; send a value");
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(token(7)) == 3);
    BOOST_TEST(got == (std::vector<int>{5, 7}), boost::test_tools::per_element());
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.send(pygen::none), pygen::stop_iteration);
    BOOST_CHECK_THROW(g.send(token(8)), pygen::stop_iteration);
}

// Python: any object can be sent; C++ moves a move-only S into the body.
//         def gen(): p = yield 1; yield p[0]
BOOST_AUTO_TEST_CASE(move_only_send_type) {
    using gen = pygen::generator<int, std::unique_ptr<int>>;
    gen g([](gen::yielder& yield) {
        std::unique_ptr<int> p = yield(1);
        int const first = p ? *p : -1;
        std::unique_ptr<int> q = yield(first);
        yield(q ? *q : -1);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(std::unique_ptr<int>(new int(5))) == 5);
    BOOST_TEST(g.next() == -1); // next(): a value-initialized (null) unique_ptr
}

// Python (PEP 342, example/double_number.py):
//     def double_number(number):
//         while True: number *= 2; number = yield number
//     c = double_number(4); c.send(None) == 8; c.send(5) == 10; c.send(1500) == 3000; c.send(3) == 6
BOOST_AUTO_TEST_CASE(double_number_program) {
    int number = 4;
    int_gen c([number](int_gen::yielder& yield) mutable {
        for (;;) {
            number *= 2;
            number = yield(number);
        }
    });
    BOOST_TEST(c.send(pygen::none) == 8);
    BOOST_TEST(c.send(5) == 10);
    BOOST_TEST(c.send(1500) == 3000);
    BOOST_TEST(c.send(3) == 6);
    BOOST_TEST(c.state() == pygen::gen_state::suspended);
}
