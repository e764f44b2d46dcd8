// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Resuming or closing a generator from inside its own body: ValueError (items 2, 11, 26, 27; trap 6).
#define BOOST_TEST_MODULE reentrancy
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

using namespace pygen_test;

namespace {

using gen = pygen::generator<int>;
using sgen = pygen::generator<int, int>;

char const* const already_executing = "generator already executing";

} // namespace

// Python: def gen():
//             yield 1
//             next(g)             # ValueError: generator already executing
//             yield 2
//         g = gen(); next(g); next(g)  -> ValueError escapes; GEN_CLOSED; next(g) -> StopIteration
BOOST_AUTO_TEST_CASE(next_from_inside_escapes_as_value_error_and_closes) {
    gen* self = nullptr;
    log_type log;
    gen g([&self, &log](gen::yielder& yield) {
        yield(1);
        self->next();
        log.push_back("after inner next");
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.next(); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(log.empty());
}

// Python: def gen():
//             next(g)             # on the very first run
//             yield 1
//         g = gen(); next(g)      -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(next_from_inside_on_first_run_escapes_and_closes) {
    gen* self = nullptr;
    gen g([&self](gen::yielder& yield) {
        self->next();
        yield(1);
    });
    self = &g;
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.next(); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             yield 1
//             g.send(5)           # ValueError
//         g = gen(); next(g); next(g)  -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(send_value_from_inside_escapes_as_value_error_and_closes) {
    sgen* self = nullptr;
    sgen g([&self](sgen::yielder& yield) {
        yield(1);
        self->send(5);
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.send(3); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.send(4), pygen::stop_iteration);
}

// Python: def gen():
//             yield 1
//             g.send(None)        # ValueError
//         g = gen(); next(g); next(g)  -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(send_none_from_inside_escapes_as_value_error_and_closes) {
    gen* self = nullptr;
    gen g([&self](gen::yielder& yield) {
        yield(1);
        self->send(pygen::none);
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.send(pygen::none); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             yield 1
//             g.throw(KeyError('k'))   # ValueError, not KeyError; the KeyError is never raised
//         g = gen(); next(g); next(g)  -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(throw_from_inside_escapes_as_value_error_and_closes) {
    gen* self = nullptr;
    log_type log;
    gen g([&self, &log](gen::yielder& yield) {
        try {
            yield(1);
            self->throw_(std::out_of_range("k"));
        } catch (std::out_of_range const&) {
            log.push_back("thrown exception arrived");
        }
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.next(); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log.empty());
}

// Python: def gen():
//             yield 1
//             g.close()           # ValueError: generator already executing (item 26)
//         g = gen(); next(g); next(g)  -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_from_inside_escapes_as_value_error_and_closes) {
    gen* self = nullptr;
    log_type log;
    gen g([&self, &log](gen::yielder& yield) {
        try {
            yield(1);
            self->close();
        } catch (pygen::generator_exit const&) {
            log.push_back("GeneratorExit arrived");
        }
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.next(); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log.empty());
}

// Python: def gen():
//             yield iter(g).__next__()    # for v in g: inside the body -> ValueError
//         g = gen(); next(g)  -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(range_for_over_itself_from_inside_escapes_as_value_error) {
    gen* self = nullptr;
    int iterations = 0;
    gen g([&self, &iterations](gen::yielder& yield) {
        yield(1);
        for (int v : *self) {
            iterations += v;
        }
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<pygen::value_error>([&g] { g.next(); }) == already_executing);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(iterations == 0);
}

// Python: def gen():
//             x = yield 1
//             for op in (next, send, throw, close, iter-next):
//                 try: op(g)
//                 except ValueError as e: log(e, getgeneratorstate(g))   -> GEN_RUNNING
//             y = yield 2
//         g = gen(); next(g); g.send(10) == 2; GEN_SUSPENDED; g.send(42) -> StopIteration; x, y == 10, 42
BOOST_AUTO_TEST_CASE(body_that_catches_value_error_continues_normally) {
    sgen* self = nullptr;
    log_type log;
    sgen g([&self, &log](sgen::yielder& yield) {
        int const x = yield(1);
        try {
            self->next();
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("next: ") + e.what() + " " + pygen::to_string(self->state()));
        }
        try {
            self->send(7);
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("send: ") + e.what() + " " + pygen::to_string(self->state()));
        }
        try {
            self->send(pygen::none);
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("send(none): ") + e.what() + " " + pygen::to_string(self->state()));
        }
        try {
            self->throw_(std::out_of_range("k"));
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("throw_: ") + e.what() + " " + pygen::to_string(self->state()));
        }
        try {
            self->close();
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("close: ") + e.what() + " " + pygen::to_string(self->state()));
        }
        try {
            self->begin();
        } catch (pygen::value_error const& e) {
            log.push_back(std::string("begin: ") + e.what() + " " + pygen::to_string(self->state()));
        }
        int const y = yield(2);
        log.push_back("got " + std::to_string(x) + " " + std::to_string(y));
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(10) == 2);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(g.send(42), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    log_type const expected = {
        "next: generator already executing GEN_RUNNING",
        "send: generator already executing GEN_RUNNING",
        "send(none): generator already executing GEN_RUNNING",
        "throw_: generator already executing GEN_RUNNING",
        "close: generator already executing GEN_RUNNING",
        "begin: generator already executing GEN_RUNNING",
        "got 10 42",
    };
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def gen():
//             try: next(g)
//             except ValueError: pass
//             yield getgeneratorstate(g)     -> 'GEN_RUNNING' as seen from inside
//         g = gen(); next(g); getgeneratorstate(g) == 'GEN_SUSPENDED'
BOOST_AUTO_TEST_CASE(state_is_running_inside_and_suspended_after_the_yield) {
    pygen::generator<pygen::gen_state>* self = nullptr;
    pygen::generator<pygen::gen_state> g([&self](pygen::generator<pygen::gen_state>::yielder& yield) {
        try {
            self->next();
        } catch (pygen::value_error const&) {
        }
        yield(self->state());
        yield(self->state());
    });
    self = &g;
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == pygen::gen_state::running);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == pygen::gen_state::running);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def A(): yield next(b)
//         def B():
//             try: next(a)              # ValueError raised in B's body
//             except ValueError as e: log(e, state(a), state(b))   -> RUNNING RUNNING
//             yield 7
//         a, b = A(), B(); next(a) == 7
BOOST_AUTO_TEST_CASE(chain_a_b_a_raises_value_error_in_b) {
    gen* a_ptr = nullptr;
    gen* b_ptr = nullptr;
    log_type log;
    gen a([&b_ptr](gen::yielder& yield) { yield(b_ptr->next()); });
    gen b([&a_ptr, &b_ptr, &log](gen::yielder& yield) {
        try {
            a_ptr->next();
        } catch (pygen::value_error const& e) {
            log.push_back(std::string(e.what()) + " " + pygen::to_string(a_ptr->state()) + " " +
                          pygen::to_string(b_ptr->state()));
        }
        yield(7);
    });
    a_ptr = &a;
    b_ptr = &b;
    BOOST_TEST(a.next() == 7);
    BOOST_TEST(a.state() == pygen::gen_state::suspended);
    BOOST_TEST(b.state() == pygen::gen_state::suspended);
    log_type const expected = {"generator already executing GEN_RUNNING GEN_RUNNING"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_CHECK_THROW(a.next(), pygen::stop_iteration);
}

// Python: def A(): yield next(b)
//         def B(): next(a); yield 7
//         a, b = A(), B(); next(a)  -> ValueError escapes both; both GEN_CLOSED
BOOST_AUTO_TEST_CASE(chain_a_b_a_uncaught_value_error_closes_both) {
    gen* a_ptr = nullptr;
    gen* b_ptr = nullptr;
    gen a([&b_ptr](gen::yielder& yield) { yield(b_ptr->next()); });
    gen b([&a_ptr](gen::yielder& yield) {
        a_ptr->next();
        yield(7);
    });
    a_ptr = &a;
    b_ptr = &b;
    BOOST_TEST(thrown_what<pygen::value_error>([&a] { a.next(); }) == already_executing);
    BOOST_TEST(a.state() == pygen::gen_state::closed);
    BOOST_TEST(b.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(a.next(), pygen::stop_iteration);
    BOOST_CHECK_THROW(b.next(), pygen::stop_iteration);
}

// Python: def gen():
//             try: next(g)
//             except ValueError: pass
//             x = yield 1
//             yield x               # the value sent after the failed re-entry arrives intact
//         g = gen(); next(g); g.send(42) == 42
BOOST_AUTO_TEST_CASE(failed_reentry_does_not_disturb_the_next_send) {
    sgen* self = nullptr;
    sgen g([&self](sgen::yielder& yield) {
        try {
            self->next();
        } catch (pygen::value_error const&) {
        }
        int const x = yield(1);
        yield(x);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(42) == 42);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}
