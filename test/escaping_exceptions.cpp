// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Exceptions leaving a body reach the caller; destructors throwing while it unwinds (trap 3; items 11, 22, 24, 28-30).
#define BOOST_TEST_MODULE escaping_exceptions
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "death_test.hpp"
#include "support.hpp"

#include <csignal>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace pygen_test;

// On a raw Boost.Context fiber an exception that leaves the fiber's function calls std::terminate;
// pygen catches everything a body raises and hands it to the caller (Python's behaviour).
//
// A destructor that throws while an exception unwinds the stack it runs on calls std::terminate:
// a rule of C++ ([except.terminate]), which no library can change, on any stack. pygen unwinds
// a body's stack with an exception twice: GeneratorExit at the paused yield (close(),
// destruction) and, for a body that ignored GeneratorExit, a forced unwind. So a local whose
// destructor throws ends the program there, with the runtime's "terminate called after throwing"
// message, where Python's `finally: raise E` replaces the GeneratorExit. The C++ for that is a
// handler: `catch (...) { cleanup(); throw E; }`, which works (below). A destructor that throws
// when the body ends normally (no unwinding) is an ordinary error of the body.

namespace {

using gen = pygen::generator<int>;

// A local whose destructor throws body_error(what): Python's `finally: raise BodyError(what)`.
struct throws_when_destroyed {
    throws_when_destroyed(log_type& log_arg, std::string what_arg) : log(log_arg), what(std::move(what_arg)) {}
    throws_when_destroyed(throws_when_destroyed const&) = delete;
    throws_when_destroyed& operator=(throws_when_destroyed const&) = delete;
    ~throws_when_destroyed() noexcept(false) {
        log.push_back("~" + what);
        throw body_error(what);
    }
    log_type& log;
    std::string what;
};

struct plain_struct {
    int code;
};

// What the child of a death test whose destructor throws during unwinding writes and how it ends.
void check_terminated_by_throwing_destructor(child_result const& r) {
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    // libstdc++: "terminate called after throwing an instance of '<type>'\n  what():  <what>";
    // libc++abi: "terminating due to uncaught exception of type <type>: <what>"
    BOOST_TEST(r.has("body_error"), r.stderr_text);
    BOOST_TEST(r.has("from destructor"), r.stderr_text);
    BOOST_TEST(!r.has("pygen: fatal error"), r.stderr_text);
}

} // namespace

// Python: def gen(): yield 1; raise KeyError('k')    (also: raise at the first next())
//         def deleg(): yield from gen()
//         next(g); next(g)  -> KeyError, GEN_CLOSED
//   pygen: an exception of any type, std or not, from any run and through a yield.from chain,
//   reaches the caller with its type; nothing reaches Boost.Context's fiber entry
BOOST_AUTO_TEST_CASE(exceptions_of_any_type_leave_the_body_to_the_caller) {
    gen at_start([](gen::yielder&) { throw 42; });
    int code = 0;
    try {
        at_start.next();
    } catch (int e) {
        code = e;
    }
    BOOST_TEST(code == 42);
    BOOST_TEST(at_start.state() == pygen::gen_state::closed);

    gen later([](gen::yielder& yield) {
        yield(1);
        throw std::string("a std::string");
    });
    BOOST_TEST(later.next() == 1);
    std::string text;
    try {
        later.next();
    } catch (std::string const& e) {
        text = e;
    }
    BOOST_TEST(text == "a std::string");
    BOOST_TEST(later.state() == pygen::gen_state::closed);

    gen deleg([](gen::yielder& yield) {
        yield.from(gen([](gen::yielder& sub_yield) {
            sub_yield(1);
            throw plain_struct{7};
        }));
    });
    BOOST_TEST(deleg.next() == 1);
    int plain = 0;
    try {
        deleg.next();
    } catch (plain_struct const& e) {
        plain = e.code;
    }
    BOOST_TEST(plain == 7);
    BOOST_TEST(deleg.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             finally: raise BodyError('from destructor')
//         next(g); next(g)   -> BodyError, GEN_CLOSED
//   pygen: a destructor throwing when the body ends normally: the body's error
BOOST_AUTO_TEST_CASE(destructor_throwing_when_the_body_returns_is_the_bodys_error) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        throws_when_destroyed local(log, "from destructor");
        yield(1);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<body_error>([&g] { g.next(); }) == "from destructor");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    log_type const expected = {"~from destructor"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def gen():
//             try:
//                 try: yield 1
//                 except GeneratorExit: return
//             finally: raise BodyError('from destructor')
//         next(g); g.close()   -> BodyError, GEN_CLOSED
//   pygen: the body returns from its GeneratorExit handler, so the destructor runs without an
//   unwinding: close() raises its error
BOOST_AUTO_TEST_CASE(destructor_throwing_after_generator_exit_was_handled_makes_close_raise) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        throws_when_destroyed local(log, "from destructor");
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("caught GeneratorExit");
            return;
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<body_error>([&g] { g.close(); }) == "from destructor");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    log_type const expected = {"caught GeneratorExit", "~from destructor"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: the same gen; next(g); del g   -> "Exception ignored in: <generator ...>" BodyError
//   pygen: the same error during destruction goes to the unraisable hook
BOOST_AUTO_TEST_CASE(destructor_throwing_after_generator_exit_was_handled_goes_to_the_hook_at_destruction) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&log, &errors](std::exception_ptr e) {
        log.push_back("hook");
        errors.push_back(e);
    });
    {
        gen g([&log](gen::yielder& yield) {
            throws_when_destroyed local(log, "from destructor");
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                return;
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    log_type const expected = {"~from destructor", "hook"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(describe<body_error>(errors[0]) == "from destructor");
}

// Python: def gen():
//             try: yield 1
//             finally: raise BodyError('from finally')
//         next(g); g.close()   -> BodyError (it replaces the GeneratorExit), GEN_CLOSED
//   pygen: the C++ for `finally: raise` is a handler that throws, which works during GeneratorExit
BOOST_AUTO_TEST_CASE(handler_throwing_while_generator_exit_passes_makes_close_raise) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (...) {
            log.push_back("cleanup");
            throw body_error("from finally");
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(thrown_what<body_error>([&g] { g.close(); }) == "from finally");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    log_type const expected = {"cleanup"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def gen():
//             try: yield 1
//             finally: raise BodyError('from destructor')
//         next(g); g.close()   -> BodyError
//   pygen: the destructor throws while GeneratorExit unwinds the body's stack: std::terminate (a C++
//   rule), with the runtime's message naming the exception; pygen cannot intercept it
BOOST_AUTO_TEST_CASE(death_destructor_throwing_while_generator_exit_unwinds_the_body) {
    child_result const r = run_in_child([] {
        log_type log;
        gen g([&log](gen::yielder& yield) {
            throws_when_destroyed local(log, "from destructor");
            yield(1);
        });
        g.next();
        g.close();
    });
    check_terminated_by_throwing_destructor(r);
}

// Python: def gen():
//             try:
//                 while True:
//                     try: yield 1
//                     except GeneratorExit: pass
//             finally: raise BodyError('from destructor')
//         next(g); del g   -> "generator ignored GeneratorExit" reported
//   pygen: reported too, then the forced unwind runs the destructor, which throws during that
//   unwinding: std::terminate, after the report
BOOST_AUTO_TEST_CASE(death_destructor_throwing_during_the_forced_unwind) {
    child_result const r = run_in_child([] {
        log_type log;
        gen g([&log](gen::yielder& yield) {
            throws_when_destroyed local(log, "from destructor");
            for (;;) {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                }
            }
        });
        g.next();
    });
    check_terminated_by_throwing_destructor(r);
    BOOST_TEST(r.has("Exception ignored in: <pygen::generator object at 0x"), r.stderr_text);
    BOOST_TEST(r.has("generator ignored GeneratorExit"), r.stderr_text);
    BOOST_TEST(r.stderr_text.find("generator ignored GeneratorExit") < r.stderr_text.find("from destructor"));
}

// Python: def gen():
//             try: yield 1; raise KeyError('k')
//             finally: raise BodyError('from destructor')
//         next(g); next(g)   -> BodyError (its __context__ is the KeyError)
//   pygen: the destructor throws while the body's own exception unwinds its stack: std::terminate,
//   as in any C++ function
BOOST_AUTO_TEST_CASE(death_destructor_throwing_while_the_bodys_own_exception_unwinds) {
    child_result const r = run_in_child([] {
        log_type log;
        gen g([&log](gen::yielder& yield) {
            throws_when_destroyed local(log, "from destructor");
            yield(1);
            throw std::out_of_range("k");
        });
        g.next();
        g.next();
    });
    check_terminated_by_throwing_destructor(r);
}
