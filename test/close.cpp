// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// close(): created (21), suspended (22), closed (9), ignored GeneratorExit (23), errors (24, 25), running (26).
#define BOOST_TEST_MODULE close
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

using namespace pygen_test;

namespace {

using strings = std::vector<std::string>;
using gen = pygen::generator<int>;

char const* const ignored_exit = "generator ignored GeneratorExit";

} // namespace

static_assert(!std::is_base_of<std::exception, pygen::generator_exit>::value,
              "generator_exit must derive from nothing in std, like BaseException");

// Python: def gen():
//             try: log.append('ran'); yield 1
//             finally: log.append('finally')
//         g = gen(); g.close()  -> log == []; GEN_CLOSED; the frame (and what it holds) is released at once
BOOST_AUTO_TEST_CASE(close_created_runs_nothing_and_releases_the_body) {
    strings log;
    std::shared_ptr<int> held = std::make_shared<int>(1);
    gen g([&log, held](gen::yielder& yield) {
        recorder r{log, "local"};
        try {
            log.push_back("ran");
            yield(*held);
        } catch (...) {
            log.push_back("cleanup");
            throw;
        }
    });
    BOOST_TEST(held.use_count() == 2);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log.empty());
    BOOST_TEST(held.use_count() == 1);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(log.empty());
}

// Python: def gen():
//             o = Rec('outer')
//             try:
//                 i = Rec('inner'); yield 1
//             except GeneratorExit: log.append('catch'); raise
//         next(g); g.close() -> None; locals cleaned up, handler ran; GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_suspended_raises_generator_exit_at_the_yield) {
    strings log;
    std::shared_ptr<int> held = std::make_shared<int>(1);
    gen g([&log, held](gen::yielder& yield) {
        recorder outer{log, "outer"};
        try {
            recorder inner{log, "inner"};
            yield(*held);
            log.push_back("not reached");
        } catch (pygen::generator_exit const& e) {
            log.push_back(std::string("catch ") + e.what());
            throw;
        }
        log.push_back("not reached either");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(held.use_count() == 2);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log == (strings{"~inner", "catch GeneratorExit", "~outer"}), boost::test_tools::per_element());
    BOOST_TEST(held.use_count() == 1);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             try: yield 1
//             finally: log.append('finally')
//         next(g); g.close() -> 'finally' runs
// C++: catch (...) { ...; throw; } plays the part of finally.
BOOST_AUTO_TEST_CASE(catch_all_and_rethrow_acts_as_finally) {
    strings log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (...) {
            log.push_back("finally");
            throw;
        }
    });
    g.next();
    g.close();
    BOOST_TEST(log == (strings{"finally"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: exhausted, failed or closed g: g.close() -> None, runs nothing, stays GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_on_a_closed_generator_does_nothing) {
    strings log;
    gen exhausted([&log](gen::yielder& yield) {
        recorder r{log, "r"};
        yield(1);
    });
    exhausted.next();
    BOOST_CHECK_THROW(exhausted.next(), pygen::stop_iteration);
    BOOST_TEST(log == (strings{"~r"}), boost::test_tools::per_element());
    exhausted.close();
    exhausted.close();
    BOOST_TEST(exhausted.state() == pygen::gen_state::closed);
    BOOST_TEST(log == (strings{"~r"}), boost::test_tools::per_element());

    gen failed([](gen::yielder& yield) {
        yield(1);
        throw std::runtime_error("boom");
    });
    failed.next();
    BOOST_CHECK_THROW(failed.next(), std::runtime_error);
    failed.close();
    BOOST_TEST(failed.state() == pygen::gen_state::closed);

    gen closed([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("exit");
            throw;
        }
    });
    closed.next();
    closed.close();
    closed.close();
    BOOST_TEST(log == (strings{"~r", "exit"}), boost::test_tools::per_element());
    BOOST_TEST(closed.state() == pygen::gen_state::closed);

    gen empty;
    empty.close();
    BOOST_TEST(empty.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: log.append('exit')     (falls off the end)
//         next(g); g.close() -> None; GEN_CLOSED
BOOST_AUTO_TEST_CASE(body_catches_generator_exit_and_ends) {
    strings log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("exit");
        }
        log.push_back("after");
    });
    g.next();
    g.close();
    BOOST_TEST(log == (strings{"exit", "after"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python 3.11: def gen():
//                  try: yield 1
//                  except GeneratorExit: return 5
//              next(g); g.close() -> None; GEN_CLOSED; next(g) -> StopIteration() (5 is dropped)
// Python 3.13 returns 5 from close() (gh-104770); pygen follows 3.11, so close() returns void.
BOOST_AUTO_TEST_CASE(body_returns_a_value_while_handling_generator_exit) {
    using ret_gen = pygen::generator<int, void, int>;
    static_assert(std::is_void<decltype(std::declval<ret_gen&>().close())>::value, "close() returns nothing (3.11)");
    ret_gen g([](ret_gen::yielder& yield) -> int {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            return 5;
        }
        return 0;
    });
    g.next();
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    bool had_value = true;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        had_value = e.has_value();
    }
    BOOST_TEST(!had_value);
}

// Python: def gen():
//             try:
//                 try: yield 1
//                 except GeneratorExit: log.append('inner')
//                 yield 2
//             except GeneratorExit: log.append('outer')
//         next(g); g.close() -> RuntimeError('generator ignored GeneratorExit'); GEN_SUSPENDED, log == ['inner']
//         g.close() -> None (GeneratorExit at the new yield); log == ['inner', 'outer']; GEN_CLOSED
BOOST_AUTO_TEST_CASE(yield_after_generator_exit_is_runtime_error_and_stays_suspended) {
    strings log;
    gen g([&log](gen::yielder& yield) {
        try {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("inner");
            }
            yield(2);
        } catch (pygen::generator_exit const&) {
            log.push_back("outer");
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(what_of<pygen::runtime_error>([&g] { g.close(); }) == ignored_exit);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(log == (strings{"inner"}), boost::test_tools::per_element());
    g.close();
    BOOST_TEST(log == (strings{"inner", "outer"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             while not done:
//                 try: yield 1
//                 except GeneratorExit: log.append('ignored')
//         each close() -> RuntimeError while it keeps yielding; once it stops yielding close() -> None
BOOST_AUTO_TEST_CASE(every_ignored_generator_exit_is_reported) {
    strings log;
    bool done = false;
    gen g([&](gen::yielder& yield) {
        while (!done) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("ignored");
            }
        }
    });
    g.next();
    BOOST_TEST(what_of<pygen::runtime_error>([&g] { g.close(); }) == ignored_exit);
    BOOST_TEST(what_of<pygen::runtime_error>([&g] { g.close(); }) == ignored_exit);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    done = true;
    g.close();
    BOOST_TEST(log == (strings{"ignored", "ignored", "ignored"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: raise KeyError('k')
//         next(g); g.close() -> KeyError('k'); GEN_CLOSED
BOOST_AUTO_TEST_CASE(other_exception_while_handling_generator_exit_propagates) {
    strings log;
    gen g([&log](gen::yielder& yield) {
        recorder r{log, "r"};
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            throw std::out_of_range("k");
        }
    });
    g.next();
    BOOST_TEST(what_of<std::out_of_range>([&g] { g.close(); }) == "k");
    BOOST_TEST(log == (strings{"~r"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    g.close();
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: raise StopIteration(3)
//         next(g); g.close() -> RuntimeError('generator raised StopIteration'), __cause__ StopIteration(3); GEN_CLOSED
BOOST_AUTO_TEST_CASE(stop_iteration_while_handling_generator_exit_is_pep479) {
    gen g([](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            throw pygen::stop_iteration(3);
        }
    });
    g.next();
    std::string what;
    int cause = 0;
    try {
        g.close();
    } catch (pygen::runtime_error const& e) {
        what = e.what();
        try {
            std::rethrow_if_nested(e);
        } catch (pygen::stop_iteration const& s) {
            cause = s.value<int>();
        }
    }
    BOOST_TEST(what == "generator raised StopIteration");
    BOOST_TEST(cause == 3);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except Exception: log.append('swallowed'); yield 2
//         next(g); g.close() -> None: GeneratorExit is a BaseException, `except Exception` misses it
BOOST_AUTO_TEST_CASE(catch_std_exception_does_not_catch_generator_exit) {
    strings log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (std::exception const&) {
            log.push_back("swallowed");
            yield(2);
        }
    });
    g.next();
    g.close();
    BOOST_TEST(log.empty());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: g.close()
//             except ValueError as e: log.append(str(e))
//             yield 1
//             g.close()
//         next(g) == 1 with log == ['generator already executing']; next(g) -> ValueError; GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_from_inside_the_body_is_value_error) {
    strings log;
    gen* self = nullptr;
    gen g([&](gen::yielder& yield) {
        try {
            self->close();
        } catch (pygen::value_error const& e) {
            log.push_back(e.what());
        }
        yield(1);
        self->close();
        log.push_back("not reached");
        yield(2);
    });
    self = &g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(log == (strings{"generator already executing"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(what_of<pygen::value_error>([&g] { g.next(); }) == "generator already executing");
    BOOST_TEST(log.size() == 1u);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: log.append('first')
//             yield 2
//             yield 3
//         next(g); g.close() -> RuntimeError (paused at `yield 2`); next(g) == 3
BOOST_AUTO_TEST_CASE(generator_still_usable_after_ignored_generator_exit) {
    strings log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("first");
        }
        yield(2);
        yield(3);
    });
    g.next();
    BOOST_CHECK_THROW(g.close(), pygen::runtime_error);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 3);
    BOOST_TEST(log == (strings{"first"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}
