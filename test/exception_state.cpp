// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Each generator has its own handled-exception state (trap 1; CPython's ExceptionTest, bpo-23353; items 8, 12, 28).
#define BOOST_TEST_MODULE exception_state
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <exception>
#include <stdexcept>
#include <string>
#include <tuple>
#include <typeinfo>
#include <vector>

using namespace pygen_test;

// Ported from CPython 3.11 Lib/test/test_generators.py, class ExceptionTest. Not ported:
// test_except_throw_bad_exception (an exception class whose __new__ returns a non-exception has
// no C++ equivalent: C++ creates the exception object before throw_() is called). The checks of
// __context__ are left out: C++ exceptions have no implicit context.

namespace {

// Stand-ins for Python's ValueError and TypeError in the scenarios.
struct py_value_error : std::runtime_error {
    explicit py_value_error(std::string const& what) : std::runtime_error(what) {}
};

struct py_type_error : std::runtime_error {
    explicit py_type_error(std::string const& what) : std::runtime_error(what) {}
};

// "null" when there is no handled exception; "<type> <what>" for one of the types above;
// "other" otherwise. Reads std::current_exception() of the stack it runs on.
std::string current() {
    std::exception_ptr const p = std::current_exception();
    if (!p) {
        return "null";
    }
    try {
        std::rethrow_exception(p);
    } catch (py_value_error const& e) {
        return std::string("ValueError ") + e.what();
    } catch (py_type_error const& e) {
        return std::string("TypeError ") + e.what();
    } catch (...) {
        return "other";
    }
    return "unreachable";
}

} // namespace

// Python: def gen():
//             try: raise X
//             except X: yield 1; raise      # must re-raise X
//         try: raise Y
//         except Y: next(g); next(g)        -> X, not Y (trap 1: one per-thread exception stack)
BOOST_AUTO_TEST_CASE(rethrow_in_body_after_resume_from_caller_catch_is_body_exception) {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) {
        try {
            throw py_value_error("X");
        } catch (py_value_error const&) {
            yield(1);
            throw;
        }
    });
    std::string second;
    std::string caller_after;
    try {
        throw py_type_error("Y");
    } catch (py_type_error const&) {
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(current() == "TypeError Y");
        second = thrown_what<py_value_error>([&g] { g.next(); });
        caller_after = current();
    }
    BOOST_TEST(second == "X");
    BOOST_TEST(caller_after == "TypeError Y");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(current() == "null");
}

// Python: the same body; next(g) inside `except Y:`, the second next(g) after it  -> X;
//         sys.exc_info() is (None, None, None) at the end
BOOST_AUTO_TEST_CASE(rethrow_in_body_resumed_outside_caller_catch_is_body_exception) {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) {
        try {
            throw py_value_error("X");
        } catch (py_value_error const&) {
            yield(1);
            throw;
        }
    });
    try {
        throw py_type_error("Y");
    } catch (py_type_error const&) {
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(current() == "TypeError Y");
    }
    BOOST_TEST(current() == "null");
    BOOST_TEST(thrown_what<py_value_error>([&g] { g.next(); }) == "X");
    BOOST_TEST(current() == "null");
}

// Python: test_except_throw: the exception thrown in with g.throw(exc) stays the handled one in
//   the body across yields, whatever the caller is handling at each resume, and a bare `raise`
//   at the end re-raises it to the caller.
BOOST_AUTO_TEST_CASE(test_except_throw) {
    using gen = pygen::generator<int>;
    log_type body_log;
    gen make([&body_log](gen::yielder& yield) {
        try {
            body_log.push_back(current());
            yield(0);
        } catch (std::exception const&) {
            // exception raised by make.throw_(exc)
            body_log.push_back(current());
            yield(1);
            // ensure that the exception is not lost
            body_log.push_back(current());
            yield(2);
            body_log.push_back(current());
            // we should be able to raise back the ValueError
            throw;
        }
    });
    BOOST_TEST(make.next() == 0);

    log_type caller_log;
    try {
        throw py_value_error("thrown in");
    } catch (std::exception const&) {
        try {
            BOOST_TEST(make.throw_(std::current_exception()) == 1);
        } catch (std::exception const&) {
            caller_log.push_back("throw_ raised");
        }
        caller_log.push_back(current());
    }
    // Resumed from inside the caller's handler of another exception ...
    try {
        throw py_type_error("caller's own");
    } catch (py_type_error const&) {
        BOOST_TEST(make.next() == 2);
        caller_log.push_back(current());
    }
    // ... and from outside any handler.
    BOOST_TEST(thrown_what<py_value_error>([&make] { make.next(); }) == "thrown in");
    BOOST_TEST(make.state() == pygen::gen_state::closed);

    log_type const expected_body = {"null", "ValueError thrown in", "ValueError thrown in", "ValueError thrown in"};
    BOOST_TEST(body_log == expected_body, boost::test_tools::per_element());
    log_type const expected_caller = {"ValueError thrown in", "TypeError caller's own"};
    BOOST_TEST(caller_log == expected_caller, boost::test_tools::per_element());
    BOOST_TEST(current() == "null");
}

// Python: test_except_next:
//         def gen():
//             assert sys.exc_info()[0] is ValueError   # CPython: the caller's handled exception
//             yield "done"
//         try: raise ValueError
//         except Exception: next(g) == "done"
//   pygen differs on purpose: each generator has its own exception state, so a body started from a
//   caller's catch block sees no handled exception. If it saw the caller's, `throw;` in the body
//   would rethrow an exception object that belongs to another stack, and the caller could free it
//   while the body still uses it (trap 1).
BOOST_AUTO_TEST_CASE(test_except_next) {
    using gen = pygen::generator<std::string>;
    log_type body_log;
    gen g([&body_log](gen::yielder& yield) {
        body_log.push_back(current());
        yield("done");
    });
    std::string caller_after;
    try {
        throw py_value_error("caller");
    } catch (std::exception const&) {
        BOOST_TEST(g.next() == "done");
        caller_after = current();
    }
    log_type const expected_body = {"null"};
    BOOST_TEST(body_log == expected_body, boost::test_tools::per_element());
    BOOST_TEST(caller_after == "ValueError caller");
    BOOST_TEST(current() == "null");
}

// Python: test_except_gen_except:
//         def gen():
//             try: yield; raise TypeError()     # resumed from the caller's `except ValueError:`
//             except TypeError: exc_info is TypeError
//             exc_info                          # CPython: ValueError (the caller's); pygen: none
//             yield
//             exc_info is None; yield "done"
BOOST_AUTO_TEST_CASE(test_except_gen_except) {
    using gen = pygen::generator<std::string>;
    log_type body_log;
    gen g([&body_log](gen::yielder& yield) {
        try {
            body_log.push_back(current());
            yield("");
            // we are called from "catch (py_value_error&)"
            throw py_type_error("body");
        } catch (py_type_error const&) {
            body_log.push_back(current());
        }
        // CPython shows the caller's ValueError here; a pygen body has its own exception state
        // (see test_except_next).
        body_log.push_back(current());
        yield("");
        body_log.push_back(current());
        yield("done");
    });
    BOOST_TEST(g.next() == "");
    std::string caller_after;
    try {
        throw py_value_error("caller");
    } catch (std::exception const&) {
        BOOST_TEST(g.next() == "");
        caller_after = current();
    }
    BOOST_TEST(caller_after == "ValueError caller");
    BOOST_TEST(g.next() == "done");
    log_type const expected_body = {"null", "TypeError body", "null", "null"};
    BOOST_TEST(body_log == expected_body, boost::test_tools::per_element());
    BOOST_TEST(current() == "null");
}

// Python: test_except_throw_exception_context:
//         def gen():
//             try:
//                 try: yield
//                 except ValueError: raise TypeError()     # after g.throw(exc) from `except ValueError:`
//             except Exception: exc_info is TypeError
//             exc_info                  # CPython: ValueError (the caller's); pygen: none
//             yield; exc_info is None; yield "done"
BOOST_AUTO_TEST_CASE(test_except_throw_exception_context) {
    using gen = pygen::generator<std::string>;
    log_type body_log;
    gen g([&body_log](gen::yielder& yield) {
        try {
            try {
                body_log.push_back(current());
                yield("");
            } catch (py_value_error const&) {
                // we are called from "catch (py_value_error&)"
                body_log.push_back(current());
                throw py_type_error("body");
            }
        } catch (std::exception const&) {
            body_log.push_back(current());
        }
        // CPython shows the caller's ValueError here (see test_except_next).
        body_log.push_back(current());
        yield("");
        body_log.push_back(current());
        yield("done");
    });
    BOOST_TEST(g.next() == "");
    std::string caller_after;
    try {
        throw py_value_error("caller");
    } catch (std::exception const&) {
        BOOST_TEST(g.throw_(std::current_exception()) == "");
        caller_after = current();
    }
    BOOST_TEST(caller_after == "ValueError caller");
    BOOST_TEST(g.next() == "done");
    log_type const expected_body = {"null", "ValueError caller", "TypeError body", "null", "null"};
    BOOST_TEST(body_log == expected_body, boost::test_tools::per_element());
    BOOST_TEST(current() == "null");
}

// Python: test_stopiteration_error:
//         def gen(): raise StopIteration; yield
//         next(gen())  -> RuntimeError('generator raised StopIteration')   (PEP 479, item 12)
BOOST_AUTO_TEST_CASE(test_stopiteration_error) {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) {
        throw pygen::stop_iteration();
        yield(1);
    });
    bool nested_stop = false;
    std::string what;
    try {
        g.next();
    } catch (pygen::runtime_error const& e) {
        what = e.what();
        try {
            std::rethrow_if_nested(e);
        } catch (pygen::stop_iteration const&) {
            nested_stop = true;
        }
    }
    BOOST_TEST(what == "generator raised StopIteration");
    BOOST_TEST(nested_stop);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: test_tutorial_stopiteration:
//         def f(): yield 1; raise StopIteration; yield 2
//         next(g) == 1; next(g)  -> RuntimeError('generator raised StopIteration')
BOOST_AUTO_TEST_CASE(test_tutorial_stopiteration) {
    using gen = pygen::generator<int>;
    bool reached = false;
    gen g([&reached](gen::yielder& yield) {
        yield(1);
        throw pygen::stop_iteration();
        reached = true; // never reached
        yield(2);
    });
    BOOST_TEST(g.next() == 1);
    std::string what = "<no exception>";
    try {
        g.next();
    } catch (pygen::runtime_error const& e) {
        what = e.what();
    }
    BOOST_TEST(what == "generator raised StopIteration");
    BOOST_TEST(!reached);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: test_return_tuple:
//         def g(): return (yield 1)
//         next(gen) == 1; gen.send((2,))  -> StopIteration with .value == (2,)
BOOST_AUTO_TEST_CASE(test_return_tuple) {
    using tuple_type = std::tuple<int>;
    using gen = pygen::generator<int, tuple_type, tuple_type>;
    gen g([](gen::yielder& yield) { return yield(1); });
    BOOST_TEST(g.next() == 1);
    bool has_value = false;
    int value = 0;
    try {
        g.send(std::make_tuple(2));
    } catch (pygen::stop_iteration const& e) {
        has_value = e.has_value();
        value = std::get<0>(e.value<tuple_type>());
    }
    BOOST_TEST(has_value);
    BOOST_TEST(value == 2);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: test_return_stopiteration:
//         def g(): return (yield 1)
//         next(gen) == 1; gen.send(StopIteration(2))
//           -> StopIteration whose .value is the StopIteration instance, whose .value is 2 (item 8)
BOOST_AUTO_TEST_CASE(test_return_stopiteration) {
    using gen = pygen::generator<int, pygen::stop_iteration, pygen::stop_iteration>;
    gen g([](gen::yielder& yield) { return yield(1); });
    BOOST_TEST(g.next() == 1);
    std::string result = "<no stop_iteration>";
    try {
        g.send(pygen::stop_iteration(2));
    } catch (pygen::stop_iteration const& e) {
        try {
            pygen::stop_iteration const& inner = e.value<pygen::stop_iteration>();
            result = inner.has_value() ? "value " + std::to_string(inner.value<int>()) : "inner has no value";
        } catch (std::bad_cast const&) {
            result = "value<stop_iteration>() threw bad_cast";
        }
    }
    BOOST_TEST(result == "value 2");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: both sides inside `except` blocks at every switch:
//         def gen():
//             try: raise X
//             except X: yield 1; check X; yield 2; check X
//         try: raise Y
//         except Y: next(g); check Y; next(g); check Y; next(g) -> StopIteration; check Y
BOOST_AUTO_TEST_CASE(nested_catch_blocks_on_both_sides_keep_their_own_exceptions) {
    using gen = pygen::generator<int>;
    log_type body_log;
    gen g([&body_log](gen::yielder& yield) {
        try {
            throw py_value_error("X");
        } catch (py_value_error const&) {
            yield(1);
            body_log.push_back(current());
            yield(2);
            body_log.push_back(current());
        }
        body_log.push_back(current());
    });
    log_type caller_log;
    try {
        throw py_type_error("Y");
    } catch (py_type_error const&) {
        BOOST_TEST(g.next() == 1);
        caller_log.push_back(current());
        BOOST_TEST(g.next() == 2);
        caller_log.push_back(current());
        BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
        caller_log.push_back(current());
    }
    log_type const expected_body = {"ValueError X", "ValueError X", "null"};
    BOOST_TEST(body_log == expected_body, boost::test_tools::per_element());
    log_type const expected_caller = {"TypeError Y", "TypeError Y", "TypeError Y"};
    BOOST_TEST(caller_log == expected_caller, boost::test_tools::per_element());
    BOOST_TEST(current() == "null");
}

// Python: for i in range(100):
//             try: raise CallerError(i)
//             except CallerError: v = next(g)    # g yields from inside `except BodyError(i):`
//   each side sees only its own exception every time (and valgrind sees no use-after-free)
BOOST_AUTO_TEST_CASE(many_alternations_of_caller_catch_and_body_catch) {
    using gen = pygen::generator<int>;
    int body_mismatches = 0;
    gen g([&body_mismatches](gen::yielder& yield) {
        for (int i = 0;; ++i) {
            std::string const mine = std::to_string(i);
            try {
                throw py_value_error(mine);
            } catch (py_value_error const&) {
                yield(i);
                if (current() != "ValueError " + mine) {
                    ++body_mismatches;
                }
            }
            if (current() != "null") {
                ++body_mismatches;
            }
        }
    });
    int caller_mismatches = 0;
    int value_mismatches = 0;
    for (int i = 0; i < 100; ++i) {
        std::string const mine = std::to_string(1000 + i);
        try {
            throw py_type_error(mine);
        } catch (py_type_error const&) {
            if (g.next() != i) {
                ++value_mismatches;
            }
            if (current() != "TypeError " + mine) {
                ++caller_mismatches;
            }
        }
        if (current() != "null") {
            ++caller_mismatches;
        }
    }
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(value_mismatches == 0);
    BOOST_TEST(caller_mismatches == 0);
    BOOST_TEST(body_mismatches == 0);
    BOOST_TEST(current() == "null");
}

#if __cplusplus >= 201703L
namespace {

// Records std::uncaught_exceptions() when destroyed.
struct uncaught_probe {
    log_type& log;
    char const* name;
    ~uncaught_probe() { log.push_back(std::string(name) + " " + std::to_string(std::uncaught_exceptions())); }
};

} // namespace

// Python has no uncaught-exception count; this checks that the count is per generator too:
//   a generator finalized while its caller unwinds sees 1 in flight (its own GeneratorExit), not 2,
//   and the caller's count is intact afterwards.
BOOST_AUTO_TEST_CASE(uncaught_exceptions_count_is_per_generator_during_finalization) {
    using gen = pygen::generator<int>;
    log_type log;
    std::string caught;
    try {
        uncaught_probe caller_local{log, "caller local"};
        gen g([&log](gen::yielder& yield) {
            uncaught_probe body_local{log, "body local"};
            log.push_back("body start " + std::to_string(std::uncaught_exceptions()));
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("body catch " + std::to_string(std::uncaught_exceptions()));
                throw;
            }
        });
        BOOST_TEST(g.next() == 1);
        throw caller_error("caller");
    } catch (caller_error const& e) {
        caught = e.what();
        log.push_back("caller catch " + std::to_string(std::uncaught_exceptions()));
    }
    BOOST_TEST(caught == "caller");
    log_type const expected = {"body start 0", "body catch 0", "body local 1", "caller local 1", "caller catch 0"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}
#endif
