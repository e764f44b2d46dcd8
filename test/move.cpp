// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Move-only values and bodies, and moving generators (items 1, 4, 9, 21, 22).
#define BOOST_TEST_MODULE move
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace pygen_test;

namespace {

using gen = pygen::generator<int>;
using sgen = pygen::generator<int, int>;
using pgen = pygen::generator<std::unique_ptr<int>>;

static_assert(!std::is_copy_constructible<gen>::value, "generators are move-only");
static_assert(!std::is_copy_assignable<gen>::value, "generators are move-only");
static_assert(std::is_nothrow_move_constructible<gen>::value, "moving a generator does not throw");
static_assert(std::is_nothrow_move_assignable<gen>::value, "moving a generator does not throw");

// Sets a flag when it deletes: shows when a body's captured state goes.
struct flag_deleter {
    bool* deleted;
    void operator()(int* p) const {
        *deleted = true;
        delete p;
    }
};

using flagged_ptr = std::unique_ptr<int, flag_deleter>;

// A C++11 body that owns move-only state (C++14 would use an init-capture).
struct owning_body {
    flagged_ptr state;
    void operator()(gen::yielder& yield) {
        yield(*state);
        ++*state;
        yield(*state);
    }
};

sgen make_echo(log_type& log) {
    return sgen([&log](sgen::yielder& yield) {
        try {
            int v = yield(0);
            for (;;) {
                v = yield(v * 2);
            }
        } catch (pygen::generator_exit const&) {
            log.push_back("closed");
            throw;
        }
    });
}

} // namespace

// Python: def gen(): p = Box(1); yield p   # ownership passes to the caller
//         next(g).value == 1
BOOST_AUTO_TEST_CASE(move_only_value_yielded_with_std_move_reaches_next) {
    int const* address = nullptr;
    pgen g([&address](pgen::yielder& yield) {
        std::unique_ptr<int> p(new int(1));
        address = p.get();
        yield(std::move(p));
        BOOST_TEST(!p); // the body gave it away
        std::unique_ptr<int> q(new int(2));
        yield(std::move(q));
    });
    std::unique_ptr<int> first = g.next();
    BOOST_TEST_REQUIRE(first.get() != nullptr);
    BOOST_TEST(*first == 1);
    BOOST_TEST(first.get() == address); // moved, not copied
    std::unique_ptr<int> second = g.next();
    BOOST_TEST_REQUIRE(second.get() != nullptr);
    BOOST_TEST(*second == 2);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen(): yield Box(7)     # a temporary
BOOST_AUTO_TEST_CASE(move_only_temporary_yielded) {
    pgen g([](pgen::yielder& yield) {
        yield(std::unique_ptr<int>(new int(7)));
        yield(std::unique_ptr<int>());
    });
    std::unique_ptr<int> p = g.next();
    BOOST_TEST_REQUIRE(p.get() != nullptr);
    BOOST_TEST(*p == 7);
    BOOST_TEST(!g.next());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: for p in gen(): kept.append(p)
//   C++: the iterator's reference is unique_ptr&; the loop moves out of *it
BOOST_AUTO_TEST_CASE(move_only_values_moved_out_in_range_for) {
    static_assert(std::is_same<pgen::iterator::reference, std::unique_ptr<int>&>::value,
                  "reference of an object Y is Y&");
    pgen g([](pgen::yielder& yield) {
        for (int i = 1; i <= 3; ++i) {
            yield(std::unique_ptr<int>(new int(i * 10)));
        }
    });
    std::vector<std::unique_ptr<int>> kept;
    for (std::unique_ptr<int>& p : g) {
        kept.push_back(std::move(p));
    }
    BOOST_TEST_REQUIRE(kept.size() == 3u);
    BOOST_TEST(*kept[0] == 10);
    BOOST_TEST(*kept[1] == 20);
    BOOST_TEST(*kept[2] == 30);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: h = g (a new name for the same suspended generator): next/send/close/state through h
BOOST_AUTO_TEST_CASE(move_constructed_suspended_generator_keeps_working) {
    log_type log;
    sgen g = make_echo(log);
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.send(1) == 2);
    sgen h(std::move(g));
    BOOST_TEST(h.state() == pygen::gen_state::suspended);
    BOOST_TEST(h.send(5) == 10);
    BOOST_TEST(h.next() == 0);
    BOOST_TEST(h.send(pygen::none) == 0);
    BOOST_TEST(h.state() == pygen::gen_state::suspended);
    h.close();
    BOOST_TEST(h.state() == pygen::gen_state::closed);
    log_type const expected = {"closed"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_CHECK_THROW(h.next(), pygen::stop_iteration);
}

// Python: h = other_gen(); h = g      -> the same, through move assignment
BOOST_AUTO_TEST_CASE(move_assigned_suspended_generator_keeps_working) {
    log_type log;
    sgen g = make_echo(log);
    BOOST_TEST(g.next() == 0);
    sgen h;
    BOOST_TEST(h.state() == pygen::gen_state::closed);
    h = std::move(g);
    BOOST_TEST(h.state() == pygen::gen_state::suspended);
    BOOST_TEST(h.send(21) == 42);
    BOOST_TEST(h.next() == 0);
    BOOST_TEST(log.empty());
    h.close();
    BOOST_TEST(h.state() == pygen::gen_state::closed);
    log_type const expected = {"closed"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: (no moved-from objects in Python) pygen: the moved-from generator is an empty one:
//   closed; next/send -> StopIteration; close() does nothing; throw(e) raises e; loops are empty
BOOST_AUTO_TEST_CASE(moved_from_generator_is_closed_and_inert) {
    log_type log;
    sgen g = make_echo(log);
    BOOST_TEST(g.next() == 0);
    sgen h(std::move(g));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_CHECK_THROW(g.send(1), pygen::stop_iteration);
    BOOST_CHECK_THROW(g.send(pygen::none), pygen::stop_iteration);
    BOOST_CHECK_THROW(g.throw_(std::out_of_range("e")), std::out_of_range);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST((g.begin() == g.end()));
    // None of that reached the body, which still runs through h.
    BOOST_TEST(log.empty());
    BOOST_TEST(h.state() == pygen::gen_state::suspended);
    BOOST_TEST(h.send(4) == 8);
}

// Python: g = g   -> nothing happens
BOOST_AUTO_TEST_CASE(self_move_assignment_keeps_generator_usable) {
    log_type log;
    sgen g = make_echo(log);
    BOOST_TEST(g.next() == 0);
    sgen& alias = g; // through a reference: -Wself-move would reject `g = std::move(g)`
    g = std::move(alias);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(3) == 6);
    BOOST_TEST(log.empty());
    gen created([](gen::yielder& yield) { yield(1); });
    gen& created_alias = created;
    created = std::move(created_alias);
    BOOST_TEST(created.state() == pygen::gen_state::created);
    BOOST_TEST(created.next() == 1);
}

// Python: def gen(): yield 1
//         g = gen(); h = g; next(h)  -> a created generator moves, then starts through the new object
BOOST_AUTO_TEST_CASE(moved_created_generator_starts_through_new_object) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        log.push_back("started");
        yield(1);
    });
    gen h(std::move(g));
    BOOST_TEST(log.empty());
    BOOST_TEST(h.state() == pygen::gen_state::created);
    BOOST_TEST(h.next() == 1);
    log_type const expected = {"started"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen(state): yield state.x; state.x += 1; yield state.x   (state owned by the frame)
//   C++11: a functor with a unique_ptr member is the body
BOOST_AUTO_TEST_CASE(body_owning_move_only_state_works) {
    bool deleted = false;
    gen g(owning_body{flagged_ptr(new int(5), flag_deleter{&deleted})});
    BOOST_TEST(g.next() == 5);
    BOOST_TEST(g.next() == 6);
    BOOST_TEST(!deleted);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(deleted);
}

#if __cplusplus >= 201402L
// Python: the same with a closure; C++14: an init-capture moves the unique_ptr into the lambda
BOOST_AUTO_TEST_CASE(lambda_init_capturing_move_only_state_works) {
    bool deleted = false;
    flagged_ptr state(new int(8), flag_deleter{&deleted});
    gen g([state = std::move(state)](gen::yielder& yield) {
        yield(*state);
        yield(*state + 1);
    });
    BOOST_TEST(!state);
    BOOST_TEST(g.next() == 8);
    BOOST_TEST(g.next() == 9);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(deleted);
}
#endif

// Python: a frame's locals and arguments are released when it finishes (gi_frame is None, item 4),
//   while the generator object is still alive
BOOST_AUTO_TEST_CASE(captured_state_destroyed_when_body_ends_before_generator) {
    bool deleted = false;
    {
        gen g(owning_body{flagged_ptr(new int(1), flag_deleter{&deleted})});
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(g.next() == 2);
        BOOST_TEST(!deleted);
        BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
        BOOST_TEST(deleted); // the generator object g still exists here
        deleted = false;
    }
    BOOST_TEST(!deleted); // and destroying it deletes nothing twice
}

// Python: g.close() on a suspended or a created generator drops the frame and its state at once
//   (items 21, 22)
BOOST_AUTO_TEST_CASE(captured_state_destroyed_at_close) {
    bool suspended_deleted = false;
    bool created_deleted = false;
    gen suspended(owning_body{flagged_ptr(new int(1), flag_deleter{&suspended_deleted})});
    gen created(owning_body{flagged_ptr(new int(1), flag_deleter{&created_deleted})});
    BOOST_TEST(suspended.next() == 1);
    suspended.close();
    created.close();
    BOOST_TEST(suspended_deleted);
    BOOST_TEST(created_deleted);
    BOOST_TEST(suspended.state() == pygen::gen_state::closed);
    BOOST_TEST(created.state() == pygen::gen_state::closed);
}

// Python: a, b = b, a   -> each name now runs the other's generator
BOOST_AUTO_TEST_CASE(std_swap_exchanges_two_generators) {
    gen a([](gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    gen b([](gen::yielder& yield) {
        yield(10);
        yield(20);
        yield(30);
    });
    BOOST_TEST(a.next() == 1);
    std::swap(a, b);
    BOOST_TEST(a.state() == pygen::gen_state::created);
    BOOST_TEST(b.state() == pygen::gen_state::suspended);
    BOOST_TEST(a.next() == 10);
    BOOST_TEST(b.next() == 2);
    BOOST_CHECK_THROW(b.next(), pygen::stop_iteration);
    BOOST_TEST(a.next() == 20);
    BOOST_TEST(a.next() == 30);
    BOOST_CHECK_THROW(a.next(), pygen::stop_iteration);
}

// Python: it = iter(g); h = g; next(it) -> the same generator
//   pygen: an iterator refers to the generator's frame, which a move does not relocate
BOOST_AUTO_TEST_CASE(iterator_stays_valid_when_generator_moves) {
    gen g([](gen::yielder& yield) {
        yield(1);
        yield(2);
        yield(3);
    });
    gen::iterator it = g.begin();
    BOOST_TEST(*it == 1);
    gen h(std::move(g));
    ++it;
    BOOST_TEST_REQUIRE((it != h.end()));
    BOOST_TEST(*it == 2);
    BOOST_TEST(h.state() == pygen::gen_state::suspended);
    ++it;
    BOOST_TEST(*it == 3);
    ++it;
    BOOST_TEST((it == h.end()));
    BOOST_TEST(h.state() == pygen::gen_state::closed);
}

// Python: generators returned from functions and stored in containers keep their state
BOOST_AUTO_TEST_CASE(suspended_generators_survive_vector_reallocation) {
    std::vector<gen> gens;
    for (int i = 0; i < 8; ++i) {
        gens.push_back(gen([i](gen::yielder& yield) {
            yield(i);
            yield(i + 100);
        }));
        BOOST_TEST(gens.back().next() == i); // each is suspended when the vector grows
    }
    for (int i = 0; i < 8; ++i) {
        BOOST_TEST(gens[static_cast<std::size_t>(i)].next() == i + 100);
    }
}
