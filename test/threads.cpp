// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Generators and threads: start anywhere, resume only on the starting thread (trap 5; items 9, 27, 28).
#define BOOST_TEST_MODULE threads
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <exception>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <typeinfo>
#include <utility>
#include <vector>

using namespace pygen_test;

// pygen's policy for trap 5 (include/pygen/detail/frame.hpp, check_thread): a generator belongs to
// the thread that starts it. Created generators may move to any thread and start there; resuming
// a started one (next, send, throw_, close, begin) from another thread throws pygen::runtime_error
// and changes nothing, because code after a yield could otherwise run with the first thread's
// cached thread-local addresses. A closed generator answers from any thread as usual, and the
// destructor finalizes a suspended generator on whichever thread destroys it.
// CPython has no such rule: the GIL lets any thread resume a generator.

namespace {

using gen = pygen::generator<int>;
using sgen = pygen::generator<int, int>;

char const* const foreign_thread = "generator resumed on a thread other than the one that started it";
char const* const already_executing = "generator already executing";

// "<kind>: <what>" for what f() throws, with kind naming the exact pygen type; "value <v>" if it
// returns. Safe to call on any thread: Boost.Test macros run only on the main thread.
template <class F> std::string outcome_of(F f) {
    try {
        return "value " + std::to_string(f());
    } catch (pygen::value_error const& e) {
        return std::string("value_error: ") + e.what();
    } catch (pygen::runtime_error const& e) {
        return std::string("runtime_error: ") + e.what();
    } catch (pygen::stop_iteration const& e) {
        return std::string("stop_iteration: ") + e.what();
    } catch (std::out_of_range const& e) {
        return std::string("out_of_range: ") + e.what();
    } catch (...) {
        return "other exception";
    }
}

// The same for calls that return nothing.
template <class F> std::string void_outcome_of(F f) {
    return outcome_of([&f] {
        f();
        return 0;
    });
}

// Runs f on a new thread and waits for it.
template <class F> void on_other_thread(F f) {
    std::thread t(f);
    t.join();
}

} // namespace

// Python: g = gen()                       # created here
//         threading.Thread(target=lambda: results.extend(g)).start()   # runs fully there
BOOST_AUTO_TEST_CASE(created_generator_moved_to_another_thread_runs_there) {
    using rgen = pygen::generator<int, void, int>;
    rgen g([](rgen::yielder& yield) {
        yield(1);
        yield(2);
        yield(3);
        return 42;
    });
    log_type results;
    std::thread t(
        [&results](rgen moved) {
            results.push_back(pygen::to_string(moved.state()));
            for (int i = 0; i < 3; ++i) {
                results.push_back(std::to_string(moved.next()));
            }
            try {
                moved.next();
                results.push_back("no stop_iteration");
            } catch (pygen::stop_iteration const& e) {
                results.push_back(e.has_value() ? "return " + std::to_string(e.value<int>()) : "no value");
            }
            results.push_back(pygen::to_string(moved.state()));
            results.push_back(outcome_of([&moved] { return moved.next(); }));
        },
        std::move(g));
    t.join();
    BOOST_TEST(g.state() == pygen::gen_state::closed); // moved from
    log_type const expected = {
        "GEN_CREATED", "1", "2", "3", "return 42", "GEN_CLOSED", "stop_iteration: StopIteration"};
    BOOST_TEST(results == expected, boost::test_tools::per_element());
}

// Python: for v in g: ... on another thread, the generator created on this one
BOOST_AUTO_TEST_CASE(created_generator_iterated_by_range_for_on_another_thread) {
    gen g([](gen::yielder& yield) {
        for (int i = 1; i <= 4; ++i) {
            yield(i * i);
        }
    });
    std::vector<int> seen;
    on_other_thread([&g, &seen] {
        for (int v : g) {
            seen.push_back(v);
        }
    });
    std::vector<int> const expected = {1, 4, 9, 16};
    BOOST_TEST(seen == expected, boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// pygen only (see the policy above): next(g) from thread B on a generator started on thread A
//   -> runtime_error; the state stays suspended and thread A carries on
BOOST_AUTO_TEST_CASE(next_from_foreign_thread_is_rejected_and_changes_nothing) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        yield(1);
        log.push_back("resumed");
        yield(2);
    });
    BOOST_TEST(g.next() == 1);
    std::string outcome;
    pygen::gen_state after = pygen::gen_state::created;
    on_other_thread([&g, &outcome, &after] {
        outcome = outcome_of([&g] { return g.next(); });
        after = g.state();
    });
    BOOST_TEST(outcome == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(after == pygen::gen_state::suspended);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(log.empty());
    BOOST_TEST(g.next() == 2);
    log_type const expected = {"resumed"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// pygen only: g.send(v) and g.send(None) from a foreign thread are rejected; the value is not delivered
BOOST_AUTO_TEST_CASE(send_from_foreign_thread_is_rejected_and_changes_nothing) {
    std::vector<int> received;
    sgen g([&received](sgen::yielder& yield) {
        for (;;) {
            received.push_back(yield(static_cast<int>(received.size())));
        }
    });
    BOOST_TEST(g.next() == 0);
    std::string send_outcome;
    std::string send_none_outcome;
    on_other_thread([&g, &send_outcome, &send_none_outcome] {
        send_outcome = outcome_of([&g] { return g.send(99); });
        send_none_outcome = outcome_of([&g] { return g.send(pygen::none); });
    });
    BOOST_TEST(send_outcome == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(send_none_outcome == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(received.empty());
    BOOST_TEST(g.send(7) == 1);
    std::vector<int> const expected = {7};
    BOOST_TEST(received == expected, boost::test_tools::per_element());
}

// pygen only: g.throw(e) from a foreign thread is rejected; e never reaches the body
BOOST_AUTO_TEST_CASE(throw_from_foreign_thread_is_rejected_and_changes_nothing) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        for (int i = 1;; ++i) {
            try {
                yield(i);
            } catch (std::out_of_range const& e) {
                log.push_back(std::string("caught ") + e.what());
            }
        }
    });
    BOOST_TEST(g.next() == 1);
    std::string outcome;
    on_other_thread([&g, &outcome] { outcome = outcome_of([&g] { return g.throw_(std::out_of_range("x")); }); });
    BOOST_TEST(outcome == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(log.empty());
    BOOST_TEST(g.throw_(std::out_of_range("here")) == 2);
    log_type const expected = {"caught here"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// pygen only: g.close() from a foreign thread is rejected; no GeneratorExit reaches the body, and
//   closing it on its own thread afterwards works as usual
BOOST_AUTO_TEST_CASE(close_from_foreign_thread_is_rejected_and_changes_nothing) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("caught GeneratorExit");
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    std::string outcome;
    on_other_thread([&g, &outcome] { outcome = void_outcome_of([&g] { g.close(); }); });
    BOOST_TEST(outcome == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(log.empty());
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    log_type const expected = {"caught GeneratorExit"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// pygen only: for v in g: on a foreign thread -> begin() is rejected
BOOST_AUTO_TEST_CASE(range_for_from_foreign_thread_is_rejected) {
    gen g([](gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    BOOST_TEST(g.next() == 1);
    std::string outcome;
    on_other_thread([&g, &outcome] {
        outcome = outcome_of([&g] {
            int sum = 0;
            for (int v : g) {
                sum += v;
            }
            return sum;
        });
    });
    BOOST_TEST(outcome == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
}

// Python: list(g) on thread A; then on thread B: next(g) -> StopIteration, g.close() -> None,
//         g.throw(E) -> E (item 9): a closed generator raises no thread error
BOOST_AUTO_TEST_CASE(closed_generator_answers_from_any_thread_as_usual) {
    gen g([](gen::yielder& yield) { yield(1); });
    BOOST_TEST(g.next() == 1);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    log_type results;
    on_other_thread([&g, &results] {
        results.push_back(outcome_of([&g] { return g.next(); }));
        results.push_back(outcome_of([&g] { return g.send(pygen::none); }));
        results.push_back(void_outcome_of([&g] { g.close(); }));
        results.push_back(outcome_of([&g] { return g.throw_(std::out_of_range("e")); }));
        results.push_back(g.begin() == g.end() ? "empty loop" : "loop has values");
        results.push_back(pygen::to_string(g.state()));
    });
    log_type const expected = {"stop_iteration: StopIteration",
                               "stop_iteration: StopIteration",
                               "value 0",
                               "out_of_range: e",
                               "empty loop",
                               "GEN_CLOSED"};
    BOOST_TEST(results == expected, boost::test_tools::per_element());
}

// Python: g closed by an exception on thread A; next(g) on thread B -> StopIteration
BOOST_AUTO_TEST_CASE(generator_closed_by_an_error_answers_stop_iteration_from_another_thread) {
    gen g([](gen::yielder& yield) {
        yield(1);
        throw std::out_of_range("failed");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_CHECK_THROW(g.next(), std::out_of_range);
    std::string outcome;
    on_other_thread([&g, &outcome] { outcome = outcome_of([&g] { return g.next(); }); });
    BOOST_TEST(outcome == "stop_iteration: StopIteration");
}

// pygen policy: destroying a suspended generator on another thread finalizes it there
//   (GeneratorExit is raised at the yield and the cleanup runs on the destroying thread)
BOOST_AUTO_TEST_CASE(destroying_suspended_generator_on_another_thread_finalizes_it_there) {
    log_type log;
    std::thread::id cleanup_thread;
    gen g([&log, &cleanup_thread](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            // The only thread query in the body: nothing here can have been cached before the switch.
            cleanup_thread = std::this_thread::get_id();
            log.push_back("caught GeneratorExit");
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    std::thread::id destroying_thread;
    std::thread t(
        [&destroying_thread](gen moved) {
            destroying_thread = std::this_thread::get_id();
            (void)moved; // destroyed at the end of this function, on this thread
        },
        std::move(g));
    t.join();
    log_type const expected = {"caught GeneratorExit"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST((cleanup_thread == destroying_thread));
    BOOST_TEST((cleanup_thread != std::this_thread::get_id()));
}

// Python: the body of g blocks (on an Event) while running on thread A; on thread B:
//         next(g), g.send(1), g.throw(E), g.close() -> ValueError: generator already executing (item 27)
BOOST_AUTO_TEST_CASE(running_generator_called_from_another_thread_gets_value_error) {
    std::promise<void> body_running;
    std::promise<void> release_body;
    std::future<void> running = body_running.get_future();
    std::shared_future<void> released = release_body.get_future().share();
    sgen g([&body_running, released](sgen::yielder& yield) {
        body_running.set_value();
        released.wait();
        yield(1);
        yield(2);
    });
    std::string a_result;
    std::thread a([&g, &a_result] { a_result = outcome_of([&g] { return g.next(); }); });
    running.wait();
    // g's body is running on thread A now, blocked until release_body is set.
    pygen::gen_state const seen = g.state();
    log_type results;
    results.push_back(outcome_of([&g] { return g.next(); }));
    results.push_back(outcome_of([&g] { return g.send(5); }));
    results.push_back(outcome_of([&g] { return g.send(pygen::none); }));
    results.push_back(outcome_of([&g] { return g.throw_(std::out_of_range("x")); }));
    results.push_back(void_outcome_of([&g] { g.close(); }));
    results.push_back(outcome_of([&g] {
        int sum = 0;
        for (int v : g) {
            sum += v;
        }
        return sum;
    }));
    release_body.set_value();
    a.join();
    BOOST_TEST(seen == pygen::gen_state::running);
    std::string const expected_error = std::string("value_error: ") + already_executing;
    log_type const expected = {expected_error, expected_error, expected_error,
                               expected_error, expected_error, expected_error};
    BOOST_TEST(results == expected, boost::test_tools::per_element());
    BOOST_TEST(a_result == "value 1");
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    // The generator belongs to thread A, which started it: this thread may not resume it.
    BOOST_TEST(outcome_of([&g] { return g.next(); }) == std::string("runtime_error: ") + foreign_thread);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// pygen policy: close() or throw_() of a created generator runs no body code, so any thread may do it
BOOST_AUTO_TEST_CASE(created_generator_can_be_closed_or_thrown_into_from_another_thread) {
    log_type log;
    gen g1([&log](gen::yielder& yield) {
        log.push_back("g1 body");
        yield(1);
    });
    gen g2([&log](gen::yielder& yield) {
        log.push_back("g2 body");
        yield(1);
    });
    log_type results;
    on_other_thread([&g1, &g2, &results] {
        results.push_back(void_outcome_of([&g1] { g1.close(); }));
        results.push_back(pygen::to_string(g1.state()));
        results.push_back(outcome_of([&g2] { return g2.throw_(std::out_of_range("early")); }));
        results.push_back(pygen::to_string(g2.state()));
    });
    log_type const expected = {"value 0", "GEN_CLOSED", "out_of_range: early", "GEN_CLOSED"};
    BOOST_TEST(results == expected, boost::test_tools::per_element());
    BOOST_TEST(log.empty());
}

// Python has no counterpart (one interpreter thread runs any frame). pygen: a sub-generator
// started on this thread cannot be delegated to from a generator running on another: the
// yield.from raises runtime_error there, in the delegator, and the sub is left untouched
// (for a sub that would join the delegator's chain, and for one that would be forwarded).
template <class Delegator> void check_foreign_sub() {
    using sgen = pygen::generator<int>;
    sgen sub([](sgen::yielder& yield) {
        yield(1);
        yield(2);
    });
    BOOST_TEST(sub.next() == 1);
    log_type log;
    on_other_thread([&sub, &log] {
        Delegator d([&sub, &log](typename Delegator::yielder& yield) {
            try {
                yield.from(sub);
                log.push_back("no error");
            } catch (pygen::runtime_error const& e) {
                log.push_back(e.what());
            }
            yield(7);
        });
        log.push_back(std::to_string(d.next()));
    });
    log_type const expected = {"generator resumed on a thread other than the one that started it", "7"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(sub.state() == pygen::gen_state::suspended);
    BOOST_TEST(sub.next() == 2);
}

BOOST_AUTO_TEST_CASE(yield_from_a_sub_started_on_another_thread_raises_in_the_delegator) {
    check_foreign_sub<pygen::generator<int>>();
    check_foreign_sub<pygen::generator<long>>();
}
