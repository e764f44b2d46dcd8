// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// yield.from: state() of delegator and sub, gi_yieldfrom(), self and chain delegation, reentrancy (items 2, 27, 32, 35,
// 36).
#define BOOST_TEST_MODULE yield_from_state
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "yield_from_support.hpp"

#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

using namespace pygen_test;

namespace {

using strgen = pygen::generator<std::string, void, std::string>;
using state_list = std::vector<pygen::gen_state>;
using pygen::gen_state;
using pygen::yield_from_kind;

std::string text(yield_from_kind k) {
    std::ostringstream os;
    os << k;
    return os.str();
}

// Python's `gi_yieldfrom is None`, with every accessor agreeing.
template <class G> bool yields_from_nothing(G& g) {
    pygen::yield_from_target const t = g.gi_yieldfrom();
    return !t && t.kind() == yield_from_kind::none && t.type() == typeid(void) && t.get<G>() == nullptr &&
           t.state() == gen_state::closed;
}

// outer -> middle -> inner, all of one type: the innermost body calls next/send/throw_/close on
// `target` and logs what each raised.
struct chain3 {
    log_type log;
    sgen* target = nullptr;
    sgen inner;
    sgen middle;
    sgen outer;

    chain3()
        : inner([this](sgen::yielder& yield) {
              log.push_back("states " + name(outer.state()) + " " + name(middle.state()) + " " + name(inner.state()));
              log.push_back("next: " + thrown_what<pygen::value_error>([this] { target->next(); }));
              log.push_back("send: " + thrown_what<pygen::value_error>([this] { target->send(1); }));
              log.push_back("throw: " +
                            thrown_what<pygen::value_error>([this] { target->throw_(std::out_of_range("k")); }));
              log.push_back("close: " + thrown_what<pygen::value_error>([this] { target->close(); }));
              yield(1);
              log.push_back("inner resumed");
          }),
          middle([this](sgen::yielder& yield) {
              yield.from(inner);
              log.push_back("middle resumed");
          }),
          outer([this](sgen::yielder& yield) {
              yield.from(middle);
              log.push_back("outer resumed");
          }) {}

    void check_reentrancy_from_the_innermost_body() {
        std::string const error = already_executing;
        BOOST_TEST(outer.next() == 1);
        BOOST_TEST(log == (log_type{"states GEN_RUNNING GEN_RUNNING GEN_RUNNING", "next: " + error, "send: " + error,
                                    "throw: " + error, "close: " + error}),
                   boost::test_tools::per_element());
        BOOST_TEST((state_list{outer.state(), middle.state(), inner.state()} ==
                    state_list{gen_state::suspended, gen_state::suspended, gen_state::suspended}));
        BOOST_TEST(outer.gi_yieldfrom().get<sgen>() == &middle);
        BOOST_TEST(middle.gi_yieldfrom().get<sgen>() == &inner);
        BOOST_CHECK_THROW(outer.next(), pygen::stop_iteration);
        BOOST_TEST(log.size() == 8u);
        BOOST_TEST(log[5] == "inner resumed");
        BOOST_TEST(log[6] == "middle resumed");
        BOOST_TEST(log[7] == "outer resumed");
        BOOST_TEST((state_list{outer.state(), middle.state(), inner.state()} ==
                    state_list{gen_state::closed, gen_state::closed, gen_state::closed}));
    }
};

// outer -> middle -> inner with return values, for direct use of the middle and inner generators.
struct returning_chain {
    log_type log;
    strgen inner;
    strgen middle;
    strgen outer;

    returning_chain()
        : inner([](strgen::yielder& yield) {
              yield("1");
              yield("2");
              yield("3");
              return std::string("ir");
          }),
          middle([this](strgen::yielder& yield) {
              std::string const r = yield.from(inner);
              log.push_back("middle got '" + r + "'");
              yield("m");
              return std::string("mr");
          }),
          outer([this](strgen::yielder& yield) {
              std::string const r = yield.from(middle);
              log.push_back("outer got '" + r + "'");
              yield("o");
              return std::string("or");
          }) {}
};

} // namespace

// Python: def sub(): seen.append((state(d), state(s))); yield 1; yield 2; return 'r'
//         def deleg(): r = yield from s; seen.append(r); yield 3
//         CREATED/CREATED -> next: SUSPENDED/SUSPENDED (inside the sub: RUNNING/RUNNING)
//         -> sub ends, delegator goes on: SUSPENDED/CLOSED -> CLOSED/CLOSED
BOOST_AUTO_TEST_CASE(states_of_delegator_and_sub_through_a_delegation) {
    using rgen = pygen::generator<int, void, std::string>;
    std::vector<std::string> seen;
    gen* d = nullptr;
    rgen* s = nullptr;
    rgen sub([&](rgen::yielder& yield) {
        seen.push_back(name(d->state()) + " " + name(s->state()) + (d->gi_yieldfrom() ? " yf" : " no yf"));
        yield(1);
        seen.push_back(name(d->state()) + " " + name(s->state()) + (d->gi_yieldfrom() ? " yf" : " no yf"));
        yield(2);
        return std::string("r");
    });
    gen deleg([&](gen::yielder& yield) {
        std::string const r = yield.from(sub);
        seen.push_back("returned " + r + " " + name(s->state()));
        yield(3);
    });
    d = &deleg;
    s = &sub;
    BOOST_TEST(deleg.state() == gen_state::created);
    BOOST_TEST(sub.state() == gen_state::created);
    BOOST_TEST(deleg.next() == 1);
    BOOST_TEST(deleg.state() == gen_state::suspended);
    BOOST_TEST(sub.state() == gen_state::suspended);
    BOOST_TEST(deleg.next() == 2);
    BOOST_TEST(deleg.state() == gen_state::suspended);
    BOOST_TEST(sub.state() == gen_state::suspended);
    BOOST_TEST(deleg.next() == 3);
    BOOST_TEST(deleg.state() == gen_state::suspended);
    BOOST_TEST(sub.state() == gen_state::closed);
    BOOST_TEST(yields_from_nothing(deleg));
    BOOST_CHECK_THROW(deleg.next(), pygen::stop_iteration);
    BOOST_TEST(deleg.state() == gen_state::closed);
    BOOST_TEST(yields_from_nothing(deleg));
    // Python: gi_yieldfrom is None while the delegator runs (only a suspended frame has one).
    BOOST_TEST(seen == (std::vector<std::string>{"GEN_RUNNING GEN_RUNNING no yf", "GEN_RUNNING GEN_RUNNING no yf",
                                                 "returned r GEN_CLOSED"}),
               boost::test_tools::per_element());
}

// Python: def sub():
//             try: yield 1
//             finally: log.append('sub')
//         def deleg():
//             try: yield from s
//             finally: log.append('deleg')
//         next(d); d.close()  -> log == ['sub', 'deleg']; both GEN_CLOSED; d.gi_yieldfrom is None
BOOST_AUTO_TEST_CASE(close_while_delegating_closes_both) {
    log_type log;
    gen sub([&log](gen::yielder& yield) {
        recorder r(log, "sub");
        yield(1);
    });
    gen deleg([&](gen::yielder& yield) {
        recorder r(log, "deleg");
        yield.from(sub);
        log.push_back("yield.from returned");
    });
    BOOST_TEST(deleg.next() == 1);
    deleg.close();
    BOOST_TEST(log == (log_type{"~sub", "~deleg"}), boost::test_tools::per_element());
    BOOST_TEST(deleg.state() == gen_state::closed);
    BOOST_TEST(sub.state() == gen_state::closed);
    BOOST_TEST(yields_from_nothing(deleg));
}

// Python: def deleg(): yield 0; yield from [1]
//         d = deleg(); d.gi_yieldfrom is None; next(d); d.gi_yieldfrom is None   (own yield)
//         closed generators: gi_yieldfrom is None
BOOST_AUTO_TEST_CASE(gi_yieldfrom_is_none_outside_a_delegation) {
    gen deleg([](gen::yielder& yield) {
        yield(0);
        yield.from({1});
    });
    BOOST_TEST(yields_from_nothing(deleg));
    BOOST_TEST(deleg.next() == 0);
    BOOST_TEST(yields_from_nothing(deleg));
    BOOST_TEST(deleg.next() == 1);
    BOOST_TEST(static_cast<bool>(deleg.gi_yieldfrom()));
    BOOST_CHECK_THROW(deleg.next(), pygen::stop_iteration);
    BOOST_TEST(yields_from_nothing(deleg));
    gen empty;
    BOOST_TEST(yields_from_nothing(empty));
}

// Python: def deleg(): yield from s; yield 3
//         next(d): d.gi_yieldfrom is s, a generator, GEN_SUSPENDED; after s ends: None
BOOST_AUTO_TEST_CASE(gi_yieldfrom_names_a_subgenerator_of_the_same_type) {
    gen sub([](gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    gen deleg([&sub](gen::yielder& yield) {
        yield.from(sub);
        yield(3);
    });
    BOOST_TEST(deleg.next() == 1);
    pygen::yield_from_target const t = deleg.gi_yieldfrom();
    BOOST_TEST(static_cast<bool>(t));
    BOOST_TEST(t.kind() == yield_from_kind::generator);
    BOOST_TEST((t.type() == typeid(gen)));
    BOOST_TEST(t.get<gen>() == &sub);
    BOOST_TEST(t.get<sgen>() == nullptr);
    BOOST_TEST(t.get<pygen::generator<long>>() == nullptr);
    BOOST_TEST(t.get<std::vector<int>>() == nullptr);
    BOOST_TEST(t.state() == gen_state::suspended);
    BOOST_TEST(deleg.next() == 2);
    BOOST_TEST(deleg.gi_yieldfrom().get<gen>() == &sub);
    BOOST_TEST(deleg.next() == 3);
    BOOST_TEST(yields_from_nothing(deleg));
    BOOST_TEST(sub.state() == gen_state::closed);
}

// Python: def deleg(): yield from s       # s yields ints, the caller gets them as they are
//         next(d): d.gi_yieldfrom is s     (here s is a generator<short>, d a generator<long>)
BOOST_AUTO_TEST_CASE(gi_yieldfrom_names_a_subgenerator_of_another_type) {
    using shortgen = pygen::generator<short>;
    using longgen = pygen::generator<long>;
    shortgen sub([](shortgen::yielder& yield) {
        yield(short(7));
        yield(short(8));
    });
    longgen deleg([&sub](longgen::yielder& yield) { yield.from(sub); });
    BOOST_TEST(deleg.next() == 7L);
    pygen::yield_from_target const t = deleg.gi_yieldfrom();
    BOOST_TEST(t.kind() == yield_from_kind::generator);
    BOOST_TEST((t.type() == typeid(shortgen)));
    BOOST_TEST(t.get<shortgen>() == &sub);
    BOOST_TEST(t.get<longgen>() == nullptr);
    BOOST_TEST(t.state() == gen_state::suspended);
    BOOST_TEST(deleg.state() == gen_state::suspended);
    BOOST_TEST(deleg.next() == 8L);
    BOOST_CHECK_THROW(deleg.next(), pygen::stop_iteration);
    BOOST_TEST(sub.state() == gen_state::closed);
    BOOST_TEST(deleg.state() == gen_state::closed);
    BOOST_TEST(yields_from_nothing(deleg));
}

// Python: def deleg(): yield from sub(); yield 3     # a temporary generator
//         next(d): type(d.gi_yieldfrom) is generator, GEN_SUSPENDED
BOOST_AUTO_TEST_CASE(gi_yieldfrom_names_a_temporary_subgenerator) {
    gen deleg([](gen::yielder& yield) {
        yield.from(gen([](gen::yielder& sub) {
            sub(1);
            sub(2);
        }));
        yield(3);
    });
    BOOST_TEST(deleg.next() == 1);
    pygen::yield_from_target const t = deleg.gi_yieldfrom();
    BOOST_TEST(t.kind() == yield_from_kind::generator);
    BOOST_TEST((t.type() == typeid(gen)));
    BOOST_TEST(t.get<gen>() != nullptr);
    BOOST_TEST(t.state() == gen_state::suspended);
    BOOST_TEST(deleg.next() == 2);
    BOOST_TEST(deleg.next() == 3);
    BOOST_TEST(yields_from_nothing(deleg));
}

// Python: def deleg(): yield from v; yield from (5, 6); yield 7
//         next(d): d.gi_yieldfrom is a list_iterator (not a generator); later a tuple_iterator; then None
BOOST_AUTO_TEST_CASE(gi_yieldfrom_names_an_iterable) {
    std::vector<int> v{1, 2};
    gen deleg([&v](gen::yielder& yield) {
        yield.from(v);
        yield.from({5, 6});
        yield(7);
    });
    BOOST_TEST(deleg.next() == 1);
    pygen::yield_from_target const t = deleg.gi_yieldfrom();
    BOOST_TEST(static_cast<bool>(t));
    BOOST_TEST(t.kind() == yield_from_kind::iterable);
    BOOST_TEST((t.type() == typeid(std::vector<int>)));
    BOOST_TEST(t.get<std::vector<int>>() == &v);
    BOOST_TEST(t.get<gen>() == nullptr);
    BOOST_TEST(t.get<std::vector<long>>() == nullptr);
    BOOST_TEST(t.state() == gen_state::closed);
    BOOST_TEST(deleg.state() == gen_state::suspended);
    BOOST_TEST(deleg.next() == 2);
    BOOST_TEST(deleg.next() == 5);
    pygen::yield_from_target const u = deleg.gi_yieldfrom();
    BOOST_TEST(u.kind() == yield_from_kind::iterable);
    BOOST_TEST((u.type() == typeid(std::initializer_list<int>)));
    BOOST_TEST(u.get<std::vector<int>>() == nullptr);
    BOOST_TEST(u.get<std::initializer_list<int>>() != nullptr);
    BOOST_TEST(deleg.next() == 6);
    BOOST_TEST(deleg.next() == 7);
    BOOST_TEST(yields_from_nothing(deleg));
}

// Python: str(kind) for None / a generator / an iterator as gi_yieldfrom
//         (C++ names the three kinds "none", "generator", "iterable")
BOOST_AUTO_TEST_CASE(yield_from_kind_streams_its_name) {
    BOOST_TEST(text(yield_from_kind::none) == "none");
    BOOST_TEST(text(yield_from_kind::generator) == "generator");
    BOOST_TEST(text(yield_from_kind::iterable) == "iterable");
    gen deleg([](gen::yielder& yield) { yield.from({1}); });
    BOOST_TEST(text(deleg.gi_yieldfrom().kind()) == "none");
    BOOST_TEST(deleg.next() == 1);
    BOOST_TEST(text(deleg.gi_yieldfrom().kind()) == "iterable");
}

// Python: def gen():
//             try: yield from g
//             except ValueError as e: log.append(str(e)); yield 1
//             yield 2
//         g = gen(); next(g) == 1 (generator already executing); next(g) == 2
BOOST_AUTO_TEST_CASE(delegating_to_itself_raises_value_error_in_the_body) {
    log_type log;
    gen* self = nullptr;
    gen g([&](gen::yielder& yield) {
        try {
            yield.from(*self);
            log.push_back("yield.from returned");
        } catch (pygen::value_error const& e) {
            log.push_back(e.what());
            log.push_back(name(self->state()));
            yield(1);
        }
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(log == (log_type{already_executing, "GEN_RUNNING"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == gen_state::suspended);
    BOOST_TEST(yields_from_nothing(g));
    BOOST_TEST(g.next() == 2);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == gen_state::closed);
}

// Python: def gen(): yield 0; yield from g
//         g = gen(); next(g); next(g)  -> ValueError: generator already executing; GEN_CLOSED
BOOST_AUTO_TEST_CASE(delegating_to_itself_uncaught_closes_it) {
    log_type log;
    gen* self = nullptr;
    gen g([&](gen::yielder& yield) {
        recorder r(log, "body");
        yield(0);
        yield.from(*self);
        log.push_back("yield.from returned");
    });
    self = &g;
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.next(); }) == already_executing);
    BOOST_TEST(log == (log_type{"~body"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def A(): yield from b
//         def B():
//             try: yield from a
//             except ValueError as e: log.append((str(e), state(a), state(b))); yield 5
//         next(a) == 5; both GEN_SUSPENDED; a.gi_yieldfrom is b
BOOST_AUTO_TEST_CASE(chain_back_to_the_delegator_raises_value_error_in_the_sub) {
    log_type log;
    gen* pa = nullptr;
    gen* pb = nullptr;
    gen a([&](gen::yielder& yield) {
        yield.from(*pb);
        log.push_back("a resumed");
    });
    gen b([&](gen::yielder& yield) {
        try {
            yield.from(*pa);
            log.push_back("b: yield.from returned");
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("b: ") + e.what());
            log.push_back(name(pa->state()) + " " + name(pb->state()));
            yield(5);
        }
        log.push_back("b resumed");
    });
    pa = &a;
    pb = &b;
    BOOST_TEST(a.next() == 5);
    BOOST_TEST(log == (log_type{std::string("b: ") + already_executing, "GEN_RUNNING GEN_RUNNING"}),
               boost::test_tools::per_element());
    BOOST_TEST(a.state() == gen_state::suspended);
    BOOST_TEST(b.state() == gen_state::suspended);
    BOOST_TEST(a.gi_yieldfrom().get<gen>() == &b);
    BOOST_TEST(yields_from_nothing(b));
    BOOST_CHECK_THROW(a.next(), pygen::stop_iteration);
    BOOST_TEST(log.size() == 4u);
    BOOST_TEST(log[2] == "b resumed");
    BOOST_TEST(log[3] == "a resumed");
    BOOST_TEST(a.state() == gen_state::closed);
    BOOST_TEST(b.state() == gen_state::closed);
}

// Python: def A():
//             try: yield from b
//             except ValueError as e: log.append(str(e)); yield 6
//         def B(): yield from a
//         next(a) == 6; a GEN_SUSPENDED, b GEN_CLOSED
BOOST_AUTO_TEST_CASE(chain_back_uncaught_in_the_sub_reaches_the_delegator) {
    log_type log;
    gen* pa = nullptr;
    gen* pb = nullptr;
    gen a([&](gen::yielder& yield) {
        try {
            yield.from(*pb);
            log.push_back("a: yield.from returned");
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("a: ") + e.what());
            yield(6);
        }
    });
    gen b([&](gen::yielder& yield) {
        recorder r(log, "b");
        yield.from(*pa);
    });
    pa = &a;
    pb = &b;
    BOOST_TEST(a.next() == 6);
    BOOST_TEST(log == (log_type{"~b", std::string("a: ") + already_executing}), boost::test_tools::per_element());
    BOOST_TEST(a.state() == gen_state::suspended);
    BOOST_TEST(b.state() == gen_state::closed);
    BOOST_TEST(yields_from_nothing(a));
    BOOST_CHECK_THROW(a.next(), pygen::stop_iteration);
    BOOST_TEST(a.state() == gen_state::closed);
}

// Python: o -> m -> i; inside i: next(o), o.send(1), o.throw(KeyError), o.close()
//         -> each ValueError: generator already executing; i yields 1 through both; all GEN_SUSPENDED
BOOST_AUTO_TEST_CASE(reentering_the_outer_delegator_from_the_innermost_body) {
    chain3 c;
    c.target = &c.outer;
    c.check_reentrancy_from_the_innermost_body();
}

// Python: o -> m -> i; inside i: next(m), m.send(1), m.throw(KeyError), m.close()
//         -> each ValueError: generator already executing; the chain carries on
BOOST_AUTO_TEST_CASE(reentering_the_middle_generator_from_the_innermost_body) {
    chain3 c;
    c.target = &c.middle;
    c.check_reentrancy_from_the_innermost_body();
}

// Python: o -> m -> i; inside i: next(i), i.send(1), i.throw(KeyError), i.close()
//         -> each ValueError: generator already executing
BOOST_AUTO_TEST_CASE(reentering_the_innermost_generator_from_its_own_body) {
    chain3 c;
    c.target = &c.inner;
    c.check_reentrancy_from_the_innermost_body();
}

// Python: o -> m -> i (i yields '1', '2', '3', returns 'ir'; m returns 'mr')
//         next(o) == '1'; next(m) == '2' (the caller uses m directly); next(o) == '3'; next(o) == 'm'
//         next(o) == 'o'; log == ["middle got 'ir'", "outer got 'mr'"]
BOOST_AUTO_TEST_CASE(caller_uses_the_middle_generator_while_the_outer_is_suspended) {
    returning_chain c;
    BOOST_TEST(c.outer.next() == "1");
    BOOST_TEST(c.middle.next() == "2");
    BOOST_TEST(c.outer.state() == gen_state::suspended);
    BOOST_TEST(c.middle.state() == gen_state::suspended);
    BOOST_TEST(c.outer.gi_yieldfrom().get<strgen>() == &c.middle);
    BOOST_TEST(c.outer.next() == "3");
    BOOST_TEST(c.log.empty());
    BOOST_TEST(c.outer.next() == "m");
    BOOST_TEST(c.log == (log_type{"middle got 'ir'"}), boost::test_tools::per_element());
    BOOST_TEST(c.inner.state() == gen_state::closed);
    BOOST_TEST(c.outer.next() == "o");
    BOOST_TEST(c.log == (log_type{"middle got 'ir'", "outer got 'mr'"}), boost::test_tools::per_element());
    BOOST_TEST(c.middle.state() == gen_state::closed);
    BOOST_TEST(yields_from_nothing(c.outer));
    BOOST_CHECK_THROW(c.outer.next(), pygen::stop_iteration);
    BOOST_TEST(c.outer.state() == gen_state::closed);
}

// Python: next(o) == '1'; next(i) == '2'; next(m) == '3'; next(i) -> StopIteration('ir') to the caller
//         next(o) == 'm' with "middle got None" (the return value went to the caller, reported once)
//         next(o) == 'o' with "outer got 'mr'"
BOOST_AUTO_TEST_CASE(caller_exhausts_the_innermost_generator_while_the_chain_is_suspended) {
    returning_chain c;
    BOOST_TEST(c.outer.next() == "1");
    BOOST_TEST(c.inner.next() == "2");
    BOOST_TEST(c.middle.next() == "3");
    bool has_value = false;
    std::string value;
    try {
        c.inner.next();
    } catch (pygen::stop_iteration const& e) {
        has_value = e.has_value();
        value = e.value<std::string>();
    }
    BOOST_TEST(has_value);
    BOOST_TEST(value == "ir");
    BOOST_TEST(c.inner.state() == gen_state::closed);
    BOOST_TEST(c.middle.state() == gen_state::suspended);
    BOOST_TEST(c.middle.gi_yieldfrom().state() == gen_state::closed);
    BOOST_TEST(c.outer.next() == "m");
    BOOST_TEST(c.log == (log_type{"middle got ''"}), boost::test_tools::per_element());
    BOOST_TEST(c.outer.next() == "o");
    BOOST_TEST(c.log == (log_type{"middle got ''", "outer got 'mr'"}), boost::test_tools::per_element());
}

// Python: next(o); list(m) == ['2', '3', 'm'] (m's return value 'mr' goes to list(), dropped)
//         next(o) == 'o' with "outer got None"
BOOST_AUTO_TEST_CASE(caller_exhausts_the_middle_generator_while_the_outer_is_suspended) {
    returning_chain c;
    BOOST_TEST(c.outer.next() == "1");
    std::vector<std::string> rest;
    for (std::string const& v : c.middle) {
        rest.push_back(v);
    }
    BOOST_TEST(rest == (std::vector<std::string>{"2", "3", "m"}), boost::test_tools::per_element());
    BOOST_TEST(c.middle.state() == gen_state::closed);
    BOOST_TEST(c.outer.state() == gen_state::suspended);
    BOOST_TEST(c.outer.gi_yieldfrom().kind() == yield_from_kind::generator);
    BOOST_TEST(c.outer.gi_yieldfrom().state() == gen_state::closed);
    BOOST_TEST(c.outer.next() == "o");
    BOOST_TEST(c.log == (log_type{"middle got 'ir'", "outer got ''"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(c.outer.next(), pygen::stop_iteration);
    BOOST_TEST(c.outer.state() == gen_state::closed);
}

// Python: next(o); m.close()  -> m and i GEN_CLOSED; o GEN_SUSPENDED, o.gi_yieldfrom is m
//         next(o) == 'o' with "outer got None"
BOOST_AUTO_TEST_CASE(caller_closes_the_middle_generator_while_the_outer_is_suspended) {
    returning_chain c;
    BOOST_TEST(c.outer.next() == "1");
    c.middle.close();
    BOOST_TEST(c.middle.state() == gen_state::closed);
    BOOST_TEST(c.inner.state() == gen_state::closed);
    BOOST_TEST(c.outer.state() == gen_state::suspended);
    BOOST_TEST(c.outer.gi_yieldfrom().get<strgen>() == &c.middle);
    BOOST_TEST(c.outer.gi_yieldfrom().state() == gen_state::closed);
    BOOST_TEST(c.outer.next() == "o");
    BOOST_TEST(c.log == (log_type{"outer got ''"}), boost::test_tools::per_element());
    BOOST_TEST(c.outer.state() == gen_state::suspended);
    BOOST_CHECK_THROW(c.outer.next(), pygen::stop_iteration);
    BOOST_TEST(c.outer.state() == gen_state::closed);
}

// Python: h = head() (yield from mid); mid = midf() (yield from leaf); leaf = leaff():
//         yield 1; try: yield from h except ValueError: log; yield 2
//   next(h) == 1; next(mid) == 2 (the caller resumes the middle of the chain, and the innermost
//   delegates to the chain's head, whose chain leads back to the running mid)
//   CPython resumes h first: the ValueError is raised in h's yield from, so h is closed
//   ("head finally"), then reaches leaf. pygen sees the cycle before resuming anything: the
//   value_error is raised at leaf's yield.from and h stays suspended (README, "Delegation cycles").
BOOST_AUTO_TEST_CASE(cycle_through_a_suspended_chain_head_raises_at_the_yield_from_only) {
    log_type log;
    gen* head_ptr = nullptr;
    gen leaf([&log, &head_ptr](gen::yielder& yield) {
        yield(1);
        try {
            yield.from(*head_ptr);
            log.push_back("no error");
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("leaf caught ") + e.what());
        }
        yield(2);
    });
    gen mid([&log, &leaf](gen::yielder& yield) {
        recorder r(log, "mid");
        yield.from(leaf);
    });
    gen head([&log, &mid](gen::yielder& yield) {
        recorder r(log, "head");
        yield.from(mid);
    });
    head_ptr = &head;
    BOOST_TEST(head.next() == 1);
    BOOST_TEST(mid.next() == 2);
    log_type const expected = {"leaf caught generator already executing"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(head.state() == gen_state::suspended);
    BOOST_TEST(mid.state() == gen_state::suspended);
    BOOST_TEST(leaf.state() == gen_state::suspended);
    // The chain is intact: the head's next call reaches the leaf.
    BOOST_CHECK_THROW(head.next(), pygen::stop_iteration);
    log_type const after = {"leaf caught generator already executing", "~mid", "~head"};
    BOOST_TEST(log == after, boost::test_tools::per_element());
}

namespace {

// a: yield 1; yield from b; yield 2      b: yield from a; yield 20
// next(b) == 1 through b, then next(a) makes a delegate to b, which is delegating to a.
template <class GeneratorA, class GeneratorB> struct two_generator_cycle {
    log_type log;
    GeneratorA* a_ptr = nullptr;
    GeneratorB* b_ptr = nullptr;
    GeneratorA a{[this](typename GeneratorA::yielder& yield) {
        yield(1);
        try {
            yield.from(*b_ptr);
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("a caught ") + e.what());
            throw;
        }
        yield(2);
    }};
    GeneratorB b{[this](typename GeneratorB::yielder& yield) {
        try {
            yield.from(*a_ptr);
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("b caught ") + e.what());
            throw;
        }
        yield(20);
    }};
    two_generator_cycle() : a_ptr(&a), b_ptr(&b) {}
};

} // namespace

// Python (both generators are Python generators):
//   next(b) == 1; next(a) -> ValueError: generator already executing, after "b caught ..." and
//   "a caught ..."; a and b GEN_CLOSED; next(b) -> StopIteration
BOOST_AUTO_TEST_CASE(cycle_between_generators_of_different_types_is_detected_as_cpython_does) {
    two_generator_cycle<pygen::generator<int>, pygen::generator<long>> c;
    BOOST_TEST(c.b.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&c] { c.a.next(); }) == "generator already executing");
    log_type const expected = {"b caught generator already executing", "a caught generator already executing"};
    BOOST_TEST(c.log == expected, boost::test_tools::per_element());
    BOOST_TEST(c.a.state() == gen_state::closed);
    BOOST_TEST(c.b.state() == gen_state::closed);
    BOOST_CHECK_THROW(c.b.next(), pygen::stop_iteration);
}

// The same with one type: pygen sees the cycle before resuming b, so only a's yield.from raises and
// b stays suspended in its delegation to the now closed a (README, "Delegation cycles between
// generators of one type"); CPython closes b too.
BOOST_AUTO_TEST_CASE(cycle_between_generators_of_one_type_raises_at_the_yield_from_only) {
    two_generator_cycle<pygen::generator<int>, pygen::generator<int>> c;
    BOOST_TEST(c.b.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&c] { c.a.next(); }) == "generator already executing");
    log_type const expected = {"a caught generator already executing"};
    BOOST_TEST(c.log == expected, boost::test_tools::per_element());
    BOOST_TEST(c.a.state() == gen_state::closed);
    BOOST_TEST(c.b.state() == gen_state::suspended);
    BOOST_TEST(c.b.next() == 20);
    BOOST_CHECK_THROW(c.b.next(), pygen::stop_iteration);
}
