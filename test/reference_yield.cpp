// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Generators whose Y is an lvalue reference: no copies, shared objects (items 5, 6, 8, 10).
#define BOOST_TEST_MODULE reference_yield
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// Python yields object references, never copies: `x = next(g)` names the body's object itself.
// generator<T&> gives C++ the same sharing for the yielded lvalue.

namespace {

using igen = pygen::generator<int&>;
using sgen = pygen::generator<std::string const&>;

static_assert(std::is_same<igen::iterator::reference, int&>::value, "reference of a reference Y is Y");
static_assert(std::is_same<igen::iterator::value_type, int>::value, "value_type drops the reference");
static_assert(std::is_same<igen::iterator::pointer, int*>::value, "pointer to the referred type");
static_assert(std::is_same<decltype(std::declval<igen&>().next()), int&>::value, "next() returns Y");
static_assert(std::is_same<sgen::iterator::reference, std::string const&>::value, "const reference stays const");
static_assert(std::is_same<decltype(std::declval<sgen&>().next()), std::string const&>::value, "next() returns Y");

// Counts copies: a reference generator must make none.
struct counted {
    static int copies;
    int value;
    explicit counted(int v) : value(v) {}
    counted(counted const& other) : value(other.value) { ++copies; }
    counted& operator=(counted const&) = default;
};
int counted::copies = 0;

} // namespace

// Python: def gen():
//             box = [1]; yield box        # the caller gets the body's object itself
BOOST_AUTO_TEST_CASE(next_returns_reference_to_body_variable) {
    int const* body_address = nullptr;
    igen g([&body_address](igen::yielder& yield) {
        int local = 1;
        body_address = &local;
        yield(local);
        int other = 2;
        body_address = &other;
        yield(other);
    });
    int& first = g.next();
    BOOST_TEST(&first == body_address);
    BOOST_TEST(first == 1);
    int& second = g.next();
    BOOST_TEST(&second == body_address);
    BOOST_TEST(second == 2);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             box = [1]; yield box; log(box[0])    # the caller's change is seen after resuming
//         b = next(g); b[0] = 42; next(g)          -> logs 42
BOOST_AUTO_TEST_CASE(caller_modifies_body_variable_and_body_sees_it) {
    std::vector<int> seen;
    igen g([&seen](igen::yielder& yield) {
        int local = 1;
        yield(local);
        seen.push_back(local);
        local += 1;
        yield(local);
        seen.push_back(local);
    });
    int& r = g.next();
    r = 42;
    int& r2 = g.next();
    BOOST_TEST(&r2 == &r);
    BOOST_TEST(r2 == 43);
    r2 = 7;
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    std::vector<int> const expected = {42, 7};
    BOOST_TEST(seen == expected, boost::test_tools::per_element());
}

// Python: for box in gen(): box[0] *= 10   -> the body's objects change in place
BOOST_AUTO_TEST_CASE(range_for_binds_int_ref_to_body_objects) {
    std::vector<int> after;
    igen g([&after](igen::yielder& yield) {
        std::vector<int> values = {1, 2, 3};
        for (int& v : values) {
            yield(v);
        }
        after = values;
    });
    std::vector<int const*> addresses;
    for (int& v : g) {
        addresses.push_back(&v);
        v *= 10;
    }
    std::vector<int> const expected = {10, 20, 30};
    BOOST_TEST(after == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(addresses.size() == 3u);
    BOOST_TEST(addresses[1] == addresses[0] + 1); // consecutive elements of the body's vector
    BOOST_TEST(addresses[2] == addresses[0] + 2);
}

// Python: it = iter(g); x = next(it)  -> iterator access without copies: *it and it-> name the object
BOOST_AUTO_TEST_CASE(iterator_dereference_and_arrow_name_the_body_object) {
    std::string const* body_address = nullptr;
    sgen g([&body_address](sgen::yielder& yield) {
        std::string const text = "hello";
        body_address = &text;
        yield(text);
    });
    sgen::iterator it = g.begin();
    BOOST_TEST_REQUIRE((it != g.end()));
    BOOST_TEST(&*it == body_address);
    BOOST_TEST(it.operator->() == body_address);
    BOOST_TEST(it->size() == 5u);
    ++it;
    BOOST_TEST((it == g.end()));
}

// Python: def gen(): s = "..."; yield s   -> the very object, not a copy
BOOST_AUTO_TEST_CASE(const_string_reference_yields_without_copies) {
    std::vector<std::string const*> body_addresses;
    sgen g([&body_addresses](sgen::yielder& yield) {
        std::vector<std::string> const words = {"alpha", "beta", "gamma"};
        for (std::string const& w : words) {
            body_addresses.push_back(&w);
            yield(w);
        }
    });
    std::vector<std::string const*> caller_addresses;
    std::vector<std::string> texts;
    for (std::string const& w : g) {
        caller_addresses.push_back(&w);
        texts.push_back(w);
    }
    BOOST_TEST((caller_addresses == body_addresses));
    std::vector<std::string> const expected = {"alpha", "beta", "gamma"};
    BOOST_TEST(texts == expected, boost::test_tools::per_element());
}

// Python: yielding never copies the object (count its copies)
BOOST_AUTO_TEST_CASE(reference_generator_makes_no_copies) {
    using cgen = pygen::generator<counted const&>;
    counted::copies = 0;
    cgen g([](cgen::yielder& yield) {
        counted const c(5);
        yield(c);
        yield(c);
    });
    int sum = 0;
    sum += g.next().value;
    for (counted const& c : g) {
        sum += c.value;
    }
    BOOST_TEST(sum == 10);
    BOOST_TEST(counted::copies == 0);
}

// Python: def gen(): yield shared[0]; yield shared[1]   # objects the caller owns
//   the caller changes them through the yielded references
BOOST_AUTO_TEST_CASE(reference_to_caller_owned_objects) {
    std::vector<int> shared = {1, 2, 3};
    igen g([&shared](igen::yielder& yield) {
        for (std::size_t i = 0; i < shared.size(); ++i) {
            yield(shared[i]);
        }
    });
    for (int& v : g) {
        v = -v;
    }
    std::vector<int> const expected = {-1, -2, -3};
    BOOST_TEST(shared == expected, boost::test_tools::per_element());
}

// Python: def gen():
//             box = [0]
//             while True:
//                 n = yield box            # send a number, get the same box back, updated
//                 if n is None: return box[0]
//                 box[0] += n
BOOST_AUTO_TEST_CASE(reference_generator_with_send_and_return_types) {
    using rgen = pygen::generator<int&, int, int>;
    static_assert(std::is_same<decltype(std::declval<rgen&>().send(1)), int&>::value, "send() returns Y");
    rgen g([](rgen::yielder& yield) {
        int box = 0;
        for (;;) {
            int const n = yield(box);
            if (n == 0) {
                return box;
            }
            box += n;
        }
    });
    int& box = g.next();
    BOOST_TEST(box == 0);
    int& again = g.send(5);
    BOOST_TEST(&again == &box);
    BOOST_TEST(box == 5);
    box = 100; // change it from outside
    BOOST_TEST(g.send(1) == 101);
    int returned = -1;
    try {
        g.send(0);
    } catch (pygen::stop_iteration const& e) {
        returned = e.value<int>();
    }
    BOOST_TEST(returned == 101);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: g.throw(E) caught by the body, which yields a reference again: throw() returns it
BOOST_AUTO_TEST_CASE(throw_returns_reference_yielded_after_catch) {
    int const* body_address = nullptr;
    igen g([&body_address](igen::yielder& yield) {
        int local = 1;
        body_address = &local;
        try {
            yield(local);
        } catch (std::exception const&) {
            local = 2;
            yield(local);
        }
    });
    BOOST_TEST(g.next() == 1);
    int& r = g.throw_(std::runtime_error("in"));
    BOOST_TEST(&r == body_address);
    BOOST_TEST(r == 2);
}
