// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// state(): GEN_CREATED/RUNNING/SUSPENDED/CLOSED through a generator's life (2), printing, empty and moved-from.
#define BOOST_TEST_MODULE state
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using gen = pygen::generator<int>;
using states = std::vector<pygen::gen_state>;

std::string text(pygen::gen_state s) {
    std::ostringstream os;
    os << s;
    return os.str();
}

// A generator that records its own state, seen from inside the body, each time it runs.
struct self_watching {
    states seen;
    gen* self = nullptr;
    gen g;

    self_watching()
        : g([this](gen::yielder& yield) {
              seen.push_back(self->state());
              yield(1);
              seen.push_back(self->state());
              yield(2);
              seen.push_back(self->state());
          }) {
        self = &g;
    }
};

} // namespace

// Python: def gen(): seen.append(getgeneratorstate(g)); yield 1; ...
//         GEN_CREATED -> (inside: GEN_RUNNING) -> GEN_SUSPENDED -> ... -> GEN_CLOSED
BOOST_AUTO_TEST_CASE(full_life_cycle) {
    self_watching w;
    BOOST_TEST(w.g.state() == pygen::gen_state::created);
    BOOST_TEST(w.g.next() == 1);
    BOOST_TEST(w.g.state() == pygen::gen_state::suspended);
    BOOST_TEST(w.g.next() == 2);
    BOOST_TEST(w.g.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(w.g.next(), pygen::stop_iteration);
    BOOST_TEST(w.g.state() == pygen::gen_state::closed);
    BOOST_TEST(w.seen == (states{pygen::gen_state::running, pygen::gen_state::running, pygen::gen_state::running}),
               boost::test_tools::per_element());
}

// Python: inside the body during g.throw(e) and during g.close(), getgeneratorstate(g) == 'GEN_RUNNING'
BOOST_AUTO_TEST_CASE(running_inside_throw_and_close) {
    states seen;
    gen* self = nullptr;
    gen g([&](gen::yielder& yield) {
        try {
            yield(1);
        } catch (std::runtime_error const&) {
            seen.push_back(self->state());
        }
        try {
            yield(2);
        } catch (pygen::generator_exit const&) {
            seen.push_back(self->state());
            throw;
        }
    });
    self = &g;
    g.next();
    BOOST_TEST(g.throw_(std::runtime_error("x")) == 2);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(seen == (states{pygen::gen_state::running, pygen::gen_state::running}),
               boost::test_tools::per_element());
}

// Python: def gen(): yield 1; raise ValueError
//         next(g); next(g) -> ValueError; GEN_CLOSED (also when raised before the first yield)
BOOST_AUTO_TEST_CASE(closed_after_an_exception) {
    gen g([](gen::yielder& yield) {
        yield(1);
        throw std::invalid_argument("v");
    });
    g.next();
    BOOST_CHECK_THROW(g.next(), std::invalid_argument);
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    gen h([](gen::yielder&) { throw std::invalid_argument("v"); });
    BOOST_TEST(h.state() == pygen::gen_state::created);
    BOOST_CHECK_THROW(h.next(), std::invalid_argument);
    BOOST_TEST(h.state() == pygen::gen_state::closed);
}

// Python: g = gen(); g.close() -> GEN_CLOSED;   g = gen(); next(g); g.close() -> GEN_CLOSED
BOOST_AUTO_TEST_CASE(closed_after_close) {
    gen created([](gen::yielder& yield) { yield(1); });
    created.close();
    BOOST_TEST(created.state() == pygen::gen_state::closed);

    gen suspended([](gen::yielder& yield) { yield(1); });
    suspended.next();
    BOOST_TEST(suspended.state() == pygen::gen_state::suspended);
    suspended.close();
    BOOST_TEST(suspended.state() == pygen::gen_state::closed);
}

// Python: g = gen(); g.send(1) -> TypeError; still GEN_CREATED. g.throw(None) -> TypeError; state unchanged
BOOST_AUTO_TEST_CASE(failed_calls_leave_the_state_alone) {
    using send_gen = pygen::generator<int, int>;
    send_gen g([](send_gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    BOOST_CHECK_THROW(g.send(1), pygen::type_error);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_CHECK_THROW(g.throw_(std::exception_ptr()), pygen::type_error);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    g.next();
    BOOST_CHECK_THROW(g.throw_(std::exception_ptr()), pygen::type_error);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: inspect.GEN_CREATED == 'GEN_CREATED', and so on for the four states
BOOST_AUTO_TEST_CASE(stream_output_uses_inspect_names) {
    BOOST_TEST(text(pygen::gen_state::created) == "GEN_CREATED");
    BOOST_TEST(text(pygen::gen_state::running) == "GEN_RUNNING");
    BOOST_TEST(text(pygen::gen_state::suspended) == "GEN_SUSPENDED");
    BOOST_TEST(text(pygen::gen_state::closed) == "GEN_CLOSED");

    std::wostringstream wide;
    wide << pygen::gen_state::suspended;
    BOOST_TEST((wide.str() == L"GEN_SUSPENDED"));
}

// Python: the same names as strings
BOOST_AUTO_TEST_CASE(to_string_uses_inspect_names) {
    BOOST_TEST(std::string(pygen::to_string(pygen::gen_state::created)) == "GEN_CREATED");
    BOOST_TEST(std::string(pygen::to_string(pygen::gen_state::running)) == "GEN_RUNNING");
    BOOST_TEST(std::string(pygen::to_string(pygen::gen_state::suspended)) == "GEN_SUSPENDED");
    BOOST_TEST(std::string(pygen::to_string(pygen::gen_state::closed)) == "GEN_CLOSED");
}

// Python: print(getgeneratorstate(g)) at each step of a generator's life
BOOST_AUTO_TEST_CASE(printing_a_live_generators_state) {
    std::ostringstream os;
    gen* self = nullptr;
    gen g([&](gen::yielder& yield) {
        os << self->state() << ' ';
        yield(1);
    });
    self = &g;
    os << g.state() << ' ';
    g.next();
    os << g.state() << ' ';
    g.close();
    os << g.state();
    BOOST_TEST(os.str() == "GEN_CREATED GEN_RUNNING GEN_SUSPENDED GEN_CLOSED");
}

// pygen's empty generator (no Python equivalent) reports GEN_CLOSED
BOOST_AUTO_TEST_CASE(default_constructed_is_closed) {
    gen g;
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    pygen::generator<void, int, int> v;
    BOOST_TEST(v.state() == pygen::gen_state::closed);
}

// No Python equivalent: a moved-from generator reports GEN_CLOSED; the new owner has the old state.
BOOST_AUTO_TEST_CASE(moved_from_is_closed) {
    gen a([](gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    gen b(std::move(a));
    BOOST_TEST(a.state() == pygen::gen_state::closed);
    BOOST_TEST(b.state() == pygen::gen_state::created);
    b.next();
    gen c;
    c = std::move(b);
    BOOST_TEST(b.state() == pygen::gen_state::closed);
    BOOST_TEST(c.state() == pygen::gen_state::suspended);
    BOOST_TEST(c.next() == 2);
}
