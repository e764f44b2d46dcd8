// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Forced unwinding of a body that ignores GeneratorExit, and the fatal errors of misuse (items 23, 28-30; traps 2, 3).
#define BOOST_TEST_MODULE forced_unwind
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "death_test.hpp"
#include "support.hpp"

#include <boost/context/fiber.hpp> // forced_unwind, from whichever backend the build uses

#include <csignal>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

using namespace pygen_test;

namespace {

using gen = pygen::generator<int>;
using forced_unwind = boost::context::detail::forced_unwind;

char const* const ignored = "generator ignored GeneratorExit";

// A body whose catch (...) swallows everything, GeneratorExit and forced_unwind alike, and yields
// again: the misuse of trap 2.
void swallow_everything(gen::yielder& yield) {
    for (;;) {
        try {
            yield(1);
        } catch (...) {
        }
    }
}

// Swallows everything too, but returns instead of yielding once forced_unwind is swallowed.
void swallow_then_return(gen::yielder& yield) {
    try {
        yield(1);
    } catch (...) {
    }
    try {
        yield(2);
    } catch (...) {
    }
}

} // namespace

// Python: def gen():
//             while True:
//                 try: yield 1
//                 except BaseException: pass   # C++: catch (...) that lets forced_unwind through first
//         g = gen(); next(g); del g   -> "generator ignored GeneratorExit" to the hook; pygen then
//         unwinds the stack by force: the locals' destructors run and nothing crashes
BOOST_AUTO_TEST_CASE(catch_all_that_rethrows_forced_unwind_first_is_unwound_by_force) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&log, &errors](std::exception_ptr error) {
        log.push_back("hook");
        errors.push_back(error);
    });
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            for (;;) {
                recorder iteration(log, "iteration");
                try {
                    yield(1);
                } catch (forced_unwind const&) {
                    log.push_back("forced_unwind passes");
                    throw;
                } catch (...) {
                    log.push_back("swallowed");
                }
            }
        });
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(g.next() == 1);
        log.clear();
    }
    log.push_back("destructor returned");
    log_type const expected = {"swallowed", "~iteration",         "hook", "forced_unwind passes", "~iteration",
                               "~local",    "destructor returned"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == ignored);
}

// Python: the same body; g.close() -> RuntimeError, GEN_SUSPENDED (item 23); g.close() again ->
//         RuntimeError again; del g -> reported once more, then (pygen) unwound by force
BOOST_AUTO_TEST_CASE(close_reports_ignored_exit_each_time_and_destructor_unwinds) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr error) { errors.push_back(error); });
    int swallowed = 0;
    {
        gen g([&log, &swallowed](gen::yielder& yield) {
            recorder local(log, "local");
            for (int i = 1;; ++i) {
                try {
                    yield(i);
                } catch (forced_unwind const&) {
                    throw;
                } catch (...) {
                    ++swallowed;
                }
            }
        });
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(thrown_what<pygen::runtime_error>([&g] { g.close(); }) == ignored);
        BOOST_TEST(g.state() == pygen::gen_state::suspended);
        BOOST_TEST(thrown_what<pygen::runtime_error>([&g] { g.close(); }) == ignored);
        BOOST_TEST(g.state() == pygen::gen_state::suspended);
        BOOST_TEST(swallowed == 2);
        BOOST_TEST(errors.empty());
        BOOST_TEST(log.empty());
        BOOST_TEST(g.next() == 4);
    }
    BOOST_TEST(swallowed == 3);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == ignored);
    log_type const expected = {"~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: try: yield 1
//         except Exception: log('wrong')
//         except GeneratorExit: yield 2
//   forced_unwind is neither a std::exception nor a generator_exit: typed handlers let it through
BOOST_AUTO_TEST_CASE(typed_handlers_do_not_see_forced_unwind) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr error) { errors.push_back(error); });
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            try {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                    log.push_back("caught GeneratorExit");
                    yield(2);
                }
            } catch (std::exception const&) {
                log.push_back("caught as std::exception");
            }
            log.push_back("body end");
        });
        BOOST_TEST(g.next() == 1);
    }
    log_type const expected = {"caught GeneratorExit", "~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.size() == 1u);
}

// Python: try: yield 1
//         except GeneratorExit: pass
//         try: yield 2
//         except BaseException: cleanup(); raise     # C++: catch (...) { cleanup; throw; }
//   a catch-all that rethrows with `throw;` passes forced_unwind on unchanged
BOOST_AUTO_TEST_CASE(catch_all_that_rethrows_passes_forced_unwind_on) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr error) { errors.push_back(error); });
    {
        gen g([&log](gen::yielder& yield) {
            recorder local(log, "local");
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("caught GeneratorExit");
            }
            try {
                yield(2);
            } catch (...) {
                log.push_back("catch-all cleanup");
                throw;
            }
            log.push_back("body end");
        });
        BOOST_TEST(g.next() == 1);
    }
    log_type const expected = {"caught GeneratorExit", "catch-all cleanup", "~local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == ignored);
}

// Python: def outer():
//             inner_gen = ignoring(); next(inner_gen)
//             try: yield 1
//             except GeneratorExit: yield 2
//   destroying outer: outer is reported and unwound by force; inner, a local of outer, is finalized
//   (reported, unwound) while outer's forced unwinding passes through it
BOOST_AUTO_TEST_CASE(generator_finalized_while_enclosing_body_is_unwound_by_force) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&log, &errors](std::exception_ptr error) {
        log.push_back("hook");
        errors.push_back(error);
    });
    {
        gen outer([&log](gen::yielder& yield) {
            recorder outer_local(log, "outer.local");
            gen inner([&log](gen::yielder& inner_yield) {
                recorder inner_local(log, "inner.local");
                try {
                    inner_yield(10);
                } catch (pygen::generator_exit const&) {
                    log.push_back("inner caught GeneratorExit");
                    inner_yield(11);
                }
            });
            int const first = inner.next();
            try {
                yield(first);
            } catch (pygen::generator_exit const&) {
                log.push_back("outer caught GeneratorExit");
                yield(2);
            }
        });
        BOOST_TEST(outer.next() == 10);
    }
    log_type const expected = {
        "outer caught GeneratorExit", "hook", "inner caught GeneratorExit", "hook", "~inner.local", "~outer.local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == ignored);
    BOOST_TEST(describe<pygen::runtime_error>(errors[1]) == ignored);
}

// Python: while True:
//             try: yield 1
//             except BaseException: pass     # del g prints "Exception ignored in" and goes on
//   Control for the death tests below: the child reports, unwinds by force and exits normally.
BOOST_AUTO_TEST_CASE(death_test_control_well_behaved_body_exits_normally) {
    child_result const r = run_in_child([] {
        gen g([](gen::yielder& yield) {
            for (;;) {
                try {
                    yield(1);
                } catch (forced_unwind const&) {
                    throw;
                } catch (...) {
                }
            }
        });
        g.next();
    });
    BOOST_TEST(r.exited);
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(!r.signaled);
    BOOST_TEST(r.has("Exception ignored in: <pygen::generator object at 0x"));
    BOOST_TEST(r.has("pygen::runtime_error: generator ignored GeneratorExit"));
    BOOST_TEST(!r.has("pygen: fatal error:"));
}

// Python: no equivalent (CPython has no forced unwind). Trap 2: `catch (...) {}` swallows
//   forced_unwind and the body yields again. Boost.Context would assert or segfault; pygen must stop
//   with a fatal error that names the cause.
BOOST_AUTO_TEST_CASE(death_catch_all_swallowing_forced_unwind_then_yielding) {
    child_result const r = run_in_child([] {
        gen g(&swallow_everything);
        g.next();
    });
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    BOOST_TEST(r.has("pygen: fatal error:"));
    BOOST_TEST(r.has("forced_unwind"));
    BOOST_TEST(r.has("generator ignored GeneratorExit")); // reported before the forced unwind
}

// Python: no equivalent. Trap 2 again: `catch (...) {}` swallows forced_unwind and the body then
//   returns instead of yielding: the same fatal error.
BOOST_AUTO_TEST_CASE(death_catch_all_swallowing_forced_unwind_then_returning) {
    child_result const r = run_in_child([] {
        gen g(&swallow_then_return);
        g.next();
    });
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    BOOST_TEST(r.has("pygen: fatal error:"));
    BOOST_TEST(r.has("forced_unwind"));
}

// Python: no equivalent (a running frame keeps its generator alive). The body destroys the
//   generator object that runs it: its stack cannot be freed while in use -> fatal error.
BOOST_AUTO_TEST_CASE(death_body_destroys_its_own_generator) {
    child_result const r = run_in_child([] {
        std::unique_ptr<gen> holder;
        holder.reset(new gen([&holder](gen::yielder& yield) {
            yield(1);
            holder.reset();
            yield(2);
        }));
        holder->next();
        holder->next();
    });
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    BOOST_TEST(r.has("pygen: fatal error:"));
    BOOST_TEST(r.has("destroyed while its body was running"));
}
