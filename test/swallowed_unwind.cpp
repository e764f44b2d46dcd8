// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// A body swallowing pygen's forced unwind gets a fatal error naming the cause (trap 2; items 23, 28, 30).
#define BOOST_TEST_MODULE swallowed_unwind
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "death_test.hpp"
#include "support.hpp"

#include <boost/context/fiber.hpp> // forced_unwind, from whichever backend the build uses

#include <csignal>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pygen_test;

// CPython has no forced unwind: a generator that ignores GeneratorExit when it is collected is
// reported ("generator ignored GeneratorExit") and its frame is simply dropped. A C++ stack must be
// unwound to run its destructors, so pygen then raises a forced_unwind at the paused yield. A body
// that swallows it (catch (...) without `throw;`) and yields, returns or raises something else
// cannot be unwound: pygen stops the program with a message naming the cause, where raw
// Boost.Context asserts (`caught`) or segfaults. forced_unwind.cpp checks the plain cases; these
// check the same in the other places a forced unwind can happen.

namespace {

using gen = pygen::generator<int>;
using forced_unwind = boost::context::detail::forced_unwind;

// A body that swallows everything and yields again.
void swallow_everything(gen::yielder& yield) {
    for (;;) {
        try {
            yield(1);
        } catch (...) {
        }
    }
}

// The fatal error for a swallowed forced unwind: the body yielded, or ended, instead of letting it pass.
void check_fatal_swallowed_unwind(child_result const& r) {
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    BOOST_TEST(r.has("pygen: fatal error: a pygen::generator body "), r.stderr_text);
    BOOST_TEST(r.has("boost::context::detail::forced_unwind"), r.stderr_text);
    BOOST_TEST(r.has("`catch (boost::context::detail::forced_unwind const&) { throw; }`"), r.stderr_text);
    BOOST_TEST(r.has("generator ignored GeneratorExit"), r.stderr_text); // reported before the unwind
}

} // namespace

// Python: while True:
//             try: yield 1
//             except GeneratorExit: pass        # del g: reported, then dropped
//   pygen: catching forced_unwind *by value* and rethrowing lets it pass too (on raw Boost 1.74
//   with assertions on, the copy's destructor asserts `caught`: boostorg/context#181)
BOOST_AUTO_TEST_CASE(forced_unwind_caught_by_value_and_rethrown_passes) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            for (;;) {
                try {
                    yield(1);
                } catch (forced_unwind) {
                    log.push_back("forced_unwind caught by value");
                    throw;
                } catch (...) {
                    log.push_back("swallowed");
                }
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    log_type const expected = {"swallowed", "forced_unwind caught by value", "~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == "generator ignored GeneratorExit");
}

// Python: no equivalent. A catch (...) swallows the forced unwind and raises another exception:
//   the stack was not unwound, so pygen stops with the fatal error
BOOST_AUTO_TEST_CASE(death_catch_all_swallowing_forced_unwind_then_raising_another_exception) {
    child_result const r = run_in_child([] {
        gen g([](gen::yielder& yield) {
            for (;;) {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                } catch (...) {
                    throw std::runtime_error("replaced");
                }
            }
        });
        g.next();
    });
    check_fatal_swallowed_unwind(r);
}

// Python: no equivalent. A handler for forced_unwind itself that returns instead of rethrowing:
//   the same fatal error
BOOST_AUTO_TEST_CASE(death_forced_unwind_handler_that_returns) {
    child_result const r = run_in_child([] {
        gen g([](gen::yielder& yield) {
            for (;;) {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                } catch (forced_unwind const&) {
                    return;
                }
            }
        });
        g.next();
    });
    check_fatal_swallowed_unwind(r);
}

// Python: def sub(): while True: try: yield 1  except BaseException: pass
//         def outer(): yield from sub()
//         next(g); del g
//   pygen: the sub-generator of a yield.from chain swallows everything; when its object goes (a
//   temporary of the delegator's yield.from) it is reported, unwound by force, swallows that too
//   and yields: the fatal error, not a crash
BOOST_AUTO_TEST_CASE(death_sub_generator_of_a_chain_swallowing_forced_unwind) {
    child_result const r = run_in_child([] {
        gen outer([](gen::yielder& yield) { yield.from(gen(&swallow_everything)); });
        outer.next();
    });
    check_fatal_swallowed_unwind(r);
}

// Python: def f():
//             g = gen(); next(g)               # gen swallows everything
//             raise CallerError('caller')
//   pygen: the generator is finalized while the caller's exception unwinds (trap 4): swallowing
//   the forced unwind there gets the same fatal error, not a crash or a lost message
BOOST_AUTO_TEST_CASE(death_swallowing_forced_unwind_while_the_callers_exception_propagates) {
    child_result const r = run_in_child([] {
        try {
            gen g(&swallow_everything);
            g.next();
            throw caller_error("caller");
        } catch (caller_error const&) {
        }
    });
    check_fatal_swallowed_unwind(r);
}

// Python: try: raise CallerError('caller')
//         except CallerError:
//             g = gen(); next(g); del g        # gen swallows everything
//   pygen: finalized from inside the caller's handler: the same fatal error
BOOST_AUTO_TEST_CASE(death_swallowing_forced_unwind_when_destroyed_in_a_caller_catch) {
    child_result const r = run_in_child([] {
        try {
            throw caller_error("caller");
        } catch (caller_error const&) {
            gen g(&swallow_everything);
            g.next();
        }
    });
    check_fatal_swallowed_unwind(r);
}
