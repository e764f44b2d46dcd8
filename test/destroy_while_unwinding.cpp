// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Generators destroyed while an exception unwinds: cleanups run, it stays intact (trap 4; items 22-24, 28, 30, 35).
#define BOOST_TEST_MODULE destroy_while_unwinding
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <boost/context/fiber.hpp> // forced_unwind, from whichever backend the build uses

#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pygen_test;

// C++ destroys a generator when its scope is left, so an exception leaving that scope finalizes
// it (Python's close() at garbage collection) while the exception is still on its way to its
// handler, locals in reverse order of construction. CPython finalizes the generators of a frame
// that an exception leaves only when the traceback lets go of the frame (after the handler,
// CPython 3.11 logs below), and in no order a program can rely on. What both do the same: each
// generator's own cleanup (innermost first in a yield from chain, items 28, 35), errors of
// finalization to the unraisable hook (item 30), and the propagating exception arriving unchanged.

namespace {

using gen = pygen::generator<int>;
using forced_unwind = boost::context::detail::forced_unwind;

// Python: def gen(name):
//             try: yield 1
//             finally: log('cleanup ' + name)
std::function<void(gen::yielder&)> cleaning_body(log_type& log, std::string const& name) {
    return [&log, name](gen::yielder& yield) {
        try {
            yield(1);
        } catch (...) {
            log.push_back("cleanup " + name);
            throw;
        }
    };
}

// Python: def level(name, sub):
//             try: (yield from sub) if sub else (yield 1)
//             finally: log('cleanup ' + name)
gen level(log_type& log, std::string const& name, std::shared_ptr<gen> sub) {
    return gen([&log, name, sub](gen::yielder& yield) {
        try {
            if (sub) {
                yield.from(*sub);
            } else {
                yield(1);
            }
        } catch (...) {
            log.push_back("cleanup " + name);
            throw;
        }
    });
}

std::shared_ptr<gen> shared(gen g) { return std::make_shared<gen>(std::move(g)); }

// What reached the handler: "caller_error: <what>", "body_error: <what>", or "other".
template <class F> std::string caught_by_handler(F f, log_type& log) {
    try {
        f();
    } catch (caller_error const& e) {
        log.push_back("handler");
        return std::string("caller_error: ") + e.what();
    } catch (body_error const& e) {
        log.push_back("handler");
        return std::string("body_error: ") + e.what();
    } catch (...) {
        return "other";
    }
    return "nothing thrown";
}

} // namespace

// Python: def f():
//             g1 = gen('g1'); next(g1); g2 = gen('g2'); next(g2); g3 = gen('g3'); next(g3)
//             raise CallerError('caller')
//         try: f()  except CallerError: ...
//   CPython 3.11: caught caller / cleanup g1 / cleanup g2 / cleanup g3 (after the handler)
//   pygen: cleanup g3 / cleanup g2 / cleanup g1 (during the unwinding) / handler, error intact
BOOST_AUTO_TEST_CASE(several_suspended_generators_finalized_while_the_callers_exception_propagates) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            gen g1(cleaning_body(log, "g1"));
            gen g2(cleaning_body(log, "g2"));
            gen g3(cleaning_body(log, "g3"));
            g1.next();
            g2.next();
            g3.next();
            throw caller_error("caller");
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"cleanup g3", "cleanup g2", "cleanup g1", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
    BOOST_TEST(!std::current_exception());
}

// Python: def f():
//             g = level('outer', level('middle', level('inner', None))); next(g)
//             raise CallerError('caller')
//   CPython 3.11: caught caller / cleanup inner / cleanup middle / cleanup outer
//   pygen: the chain is closed innermost first during the unwinding, then the handler
BOOST_AUTO_TEST_CASE(yield_from_chain_of_depth_three_finalized_while_the_callers_exception_propagates) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            gen g = level(log, "outer", shared(level(log, "middle", shared(level(log, "inner", nullptr)))));
            BOOST_TEST(g.next() == 1);
            throw caller_error("caller");
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"cleanup inner", "cleanup middle", "cleanup outer", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: def f():
//             a = gen('a'); next(a)
//             b = level('b.outer', level('b.middle', level('b.inner', None))); next(b)
//             c = gen('c'); next(c)
//             raise CallerError('caller')
//   pygen: c, then b's chain innermost first, then a, all before the handler
BOOST_AUTO_TEST_CASE(chains_and_single_generators_mixed_are_finalized_in_reverse_order) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            gen a(cleaning_body(log, "a"));
            a.next();
            gen b = level(log, "b.outer", shared(level(log, "b.middle", shared(level(log, "b.inner", nullptr)))));
            b.next();
            gen c(cleaning_body(log, "c"));
            c.next();
            throw caller_error("caller");
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"cleanup c",       "cleanup b.inner", "cleanup b.middle",
                               "cleanup b.outer", "cleanup a",       "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: def raising():
//             try: yield 1
//             except GeneratorExit: raise BodyError('while closing')
//         def f(): g = raising(); next(g); raise CallerError('caller')
//   CPython 3.11: caught caller / hook BodyError: while closing
//   pygen: the hook gets the BodyError during the unwinding; the CallerError reaches its handler
BOOST_AUTO_TEST_CASE(error_raised_by_finalization_during_the_unwinding_goes_to_the_hook) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&log, &errors](std::exception_ptr e) {
        log.push_back("hook");
        errors.push_back(e);
    });
    std::string const caught = caught_by_handler(
        [&log] {
            gen g([&log](gen::yielder& yield) {
                recorder local(log, "local");
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                    throw body_error("while closing");
                }
            });
            g.next();
            throw caller_error("caller");
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"~local", "hook", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<body_error>(errors[0]) == "while closing");
}

// Python: def ignoring():
//             while True:
//                 try: yield 1
//                 except GeneratorExit: log('ignored')
//   CPython 3.11: caught caller / ignored / hook RuntimeError: generator ignored GeneratorExit
//   pygen: reported, then its stack is unwound by force (a forced_unwind on the generator's stack
//   while the caller's exception is in flight on the caller's): the CallerError arrives intact
BOOST_AUTO_TEST_CASE(generator_ignoring_generator_exit_during_the_unwinding_is_reported_and_unwound) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&log, &errors](std::exception_ptr e) {
        log.push_back("hook");
        errors.push_back(e);
    });
    std::string const caught = caught_by_handler(
        [&log] {
            gen g([&log](gen::yielder& yield) {
                recorder local(log, "local");
                for (;;) {
                    try {
                        yield(1);
                    } catch (pygen::generator_exit const&) {
                        log.push_back("ignored");
                    } catch (forced_unwind const&) {
                        log.push_back("forced_unwind passes");
                        throw;
                    }
                }
            });
            g.next();
            throw caller_error("caller");
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"ignored", "hook", "forced_unwind passes", "~local", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<pygen::runtime_error>(errors[0]) == "generator ignored GeneratorExit");
}

// Python: def f():
//             for v in gen('loop'): raise CallerError(f'at {v}')
//   CPython 3.11: cleanup loop / caught at 1 (the loop's iterator goes with the unwinding)
//   pygen: the same: the range-for's generator is finalized during the unwinding
BOOST_AUTO_TEST_CASE(range_for_left_by_an_exception_finalizes_its_generator) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            for (int v : gen(cleaning_body(log, "loop"))) {
                throw caller_error("at " + std::to_string(v));
            }
        },
        log);
    BOOST_TEST(caught == "caller_error: at 1");
    log_type const expected = {"cleanup loop", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: def failing(): yield 1; raise BodyError('from g1')
//         def f():
//             g2 = gen('g2'); next(g2)
//             g1 = failing(); next(g1); next(g1)
//   CPython 3.11: caught from g1 / cleanup g2
//   pygen: the BodyError that left g1's body finalizes g2 on its way, and arrives intact
BOOST_AUTO_TEST_CASE(error_from_one_generator_finalizes_another_on_its_way) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            gen g2(cleaning_body(log, "g2"));
            g2.next();
            gen g1([](gen::yielder& yield) {
                yield(1);
                throw body_error("from g1");
            });
            g1.next();
            g1.next();
        },
        log);
    BOOST_TEST(caught == "body_error: from g1");
    log_type const expected = {"cleanup g2", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: def outer():
//             a = gen('a'); next(a)
//             b = level('b.outer', level('b.inner', None)); next(b)
//             yield 1
//             raise BodyError('outer failed')
//         g = outer(); next(g); next(g)   -> BodyError, GEN_CLOSED
//   CPython 3.11: caught outer failed / cleanup a / cleanup b.inner / cleanup b.outer
//   pygen: the body's locals are finalized while its exception unwinds its own stack: b (inner
//   first), then a, then the caller's handler
BOOST_AUTO_TEST_CASE(body_locals_finalized_while_the_bodys_exception_unwinds_its_stack) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    gen g([&log](gen::yielder& yield) {
        gen a(cleaning_body(log, "a"));
        a.next();
        gen b = level(log, "b.outer", shared(level(log, "b.inner", nullptr)));
        b.next();
        yield(1);
        throw body_error("outer failed");
    });
    BOOST_TEST(g.next() == 1);
    std::string const caught = caught_by_handler([&g] { g.next(); }, log);
    BOOST_TEST(caught == "body_error: outer failed");
    log_type const expected = {"cleanup b.inner", "cleanup b.outer", "cleanup a", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(errors.empty());
}

// Python: def gen():
//             try: raise BodyError('body')
//             except BodyError:
//                 try: yield 1
//                 except GeneratorExit: log(exc_info); raise
//         def f():
//             try: raise CallerError('caller')
//             except CallerError: g = gen(); next(g); raise
//   pygen: `throw;` in the caller's handler rethrows the CallerError; g, suspended inside its own
//   handler, is finalized by that unwinding (traps 1 + 4): the body sees its GeneratorExit, and
//   the CallerError arrives intact
BOOST_AUTO_TEST_CASE(generator_in_its_catch_finalized_by_a_rethrow_from_the_callers_catch) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            try {
                throw caller_error("caller");
            } catch (caller_error const&) {
                gen g([&log](gen::yielder& yield) {
                    try {
                        throw body_error("body");
                    } catch (body_error const& own) {
                        try {
                            yield(1);
                        } catch (pygen::generator_exit const&) {
                            log.push_back(std::string("body GE, still holding ") + own.what());
                            throw;
                        }
                    }
                });
                g.next();
                throw;
            }
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"body GE, still holding body", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
    BOOST_TEST(!std::current_exception());
}

// Python: def busy(i):
//             try: yield i
//             except GeneratorExit:
//                 try: raise BodyError(str(i))
//                 except BodyError as e: log('handled ' + str(e))
//                 raise
//         def f(): gs = [busy(i) for i in range(3)]; [next(g) for g in gs]; raise CallerError('caller')
//   CPython 3.11: caught caller / handled 1 / handled 0 / handled 2 (after the handler)
//   pygen: each body throws and catches exceptions of its own while being finalized during the
//   unwinding (array elements: last first); the CallerError in flight is untouched
BOOST_AUTO_TEST_CASE(bodies_throwing_and_catching_while_finalized_leave_the_callers_exception_alone) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string const caught = caught_by_handler(
        [&log] {
            gen gs[3];
            for (int i = 0; i < 3; ++i) {
                gs[i] = gen([&log, i](gen::yielder& yield) {
                    try {
                        yield(i);
                    } catch (pygen::generator_exit const&) {
                        try {
                            throw body_error(std::to_string(i));
                        } catch (body_error const& e) {
                            log.push_back(std::string("handled ") + e.what());
                        }
                        throw;
                    }
                });
                BOOST_TEST(gs[i].next() == i);
            }
            throw caller_error("caller");
        },
        log);
    BOOST_TEST(caught == "caller_error: caller");
    log_type const expected = {"handled 2", "handled 1", "handled 0", "handler"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}
