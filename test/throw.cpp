// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// throw_(): raised at the yield (14), PEP 479 (12), created (16) and closed (9) generators, GeneratorExit (19), 15/17.
#define BOOST_TEST_MODULE throw
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pygen_test;

namespace {

// An exception type that derives from nothing.
struct plain {
    int value;
};

char const* const raised_stop = "generator raised StopIteration";
char const* const not_an_exception =
    "exceptions must be classes or instances deriving from BaseException, not NoneType";

using gen = pygen::generator<int>;
using ret_gen = pygen::generator<int, void, int>;

// The runtime_error that PEP 479 makes of a stop_iteration: returns its what(), and sets *nested_value
// to the value of the nested stop_iteration (-1: it has none, -2: nothing nested, -3: not a runtime_error).
template <class F> std::string pep479(F f, int* nested_value) {
    try {
        f();
    } catch (pygen::runtime_error const& e) {
        *nested_value = -2;
        try {
            std::rethrow_if_nested(e);
        } catch (pygen::stop_iteration const& cause) {
            *nested_value = cause.has_value() ? cause.value<int>() : -1;
        }
        return e.what();
    }
    *nested_value = -3;
    return "<nothing thrown>";
}

} // namespace

// Python: def gen():
//             try: yield 1
//             except ValueError as e: got.append(str(e)); yield 2
//             yield 3
//         next(g); g.throw(ValueError('x')) == 2; next(g) == 3
BOOST_AUTO_TEST_CASE(caught_and_yield_returns_the_yielded_value) {
    std::vector<std::string> got;
    gen g([&got](gen::yielder& yield) {
        try {
            yield(1);
            got.push_back("not reached");
        } catch (std::invalid_argument const& e) {
            got.push_back(e.what());
            yield(2);
        }
        yield(3);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.throw_(std::invalid_argument("x")) == 2);
    BOOST_TEST(got == (std::vector<std::string>{"x"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 3);
}

// Python: def gen():
//             while True:
//                 try: yield 0
//                 except ValueError: yield -1
//         the generator survives several throws at different yields
BOOST_AUTO_TEST_CASE(repeated_throws_at_successive_yields) {
    int caught = 0;
    gen g([&caught](gen::yielder& yield) {
        for (;;) {
            try {
                yield(0);
            } catch (std::invalid_argument const&) {
                ++caught;
                yield(-caught);
            }
        }
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.throw_(std::invalid_argument("a")) == -1);
    // Thrown at the yield inside the handler: not caught there, the loop's own try is not active.
    BOOST_CHECK_THROW(g.throw_(std::invalid_argument("b")), std::invalid_argument);
    BOOST_TEST(caught == 1);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except ValueError: return 7
//         next(g); g.throw(ValueError) -> StopIteration(7); GEN_CLOSED
BOOST_AUTO_TEST_CASE(body_returns_after_catching) {
    ret_gen g([](ret_gen::yielder& yield) -> int {
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            return 7;
        }
        return 0;
    });
    BOOST_TEST(g.next() == 1);
    int value = 0;
    try {
        g.throw_(std::invalid_argument("x"));
    } catch (pygen::stop_iteration const& e) {
        value = e.value<int>();
    }
    BOOST_TEST(value == 7);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen(): r = Rec('r'); yield 1
//         next(g); g.throw(DerivedError('boom')) -> DerivedError (its own type); GEN_CLOSED; locals cleaned up
BOOST_AUTO_TEST_CASE(uncaught_propagates_with_its_dynamic_type) {
    std::vector<std::string> log;
    gen g([&log](gen::yielder& yield) {
        recorder r{log, "r"};
        yield(1);
        log.push_back("not reached");
    });
    BOOST_TEST(g.next() == 1);
    int code = 0;
    try {
        g.throw_(derived_error("boom", 3));
    } catch (derived_error const& e) {
        code = e.code;
        BOOST_TEST(std::string(e.what()) == "boom");
    }
    BOOST_TEST(code == 3);
    BOOST_TEST(log == (std::vector<std::string>{"~r"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             try: ran.append(1); yield 1
//             except ValueError: yield 2
//         g = gen(); g.throw(ValueError('x')) -> ValueError; ran == []; GEN_CLOSED
BOOST_AUTO_TEST_CASE(throw_into_created_closes_without_running_the_body) {
    bool ran = false;
    bool caught = false;
    gen g([&](gen::yielder& yield) {
        try {
            ran = true;
            yield(1);
        } catch (std::invalid_argument const&) {
            caught = true;
            yield(2);
        }
    });
    BOOST_TEST(what_of<std::invalid_argument>([&g] { g.throw_(std::invalid_argument("x")); }) == "x");
    BOOST_TEST(!ran);
    BOOST_TEST(!caught);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(!ran);
}

// Python: g = gen(); g.throw(StopIteration(5))
//         -> RuntimeError('generator raised StopIteration'), __cause__ StopIteration(5); GEN_CLOSED
BOOST_AUTO_TEST_CASE(stop_iteration_into_created_is_pep479_runtime_error) {
    bool ran = false;
    gen g([&ran](gen::yielder& yield) {
        ran = true;
        yield(1);
    });
    int nested = 0;
    BOOST_TEST(pep479([&g] { g.throw_(pygen::stop_iteration(5)); }, &nested) == raised_stop);
    BOOST_TEST(nested == 5);
    BOOST_TEST(!ran);
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    gen h([](gen::yielder& yield) { yield(1); });
    BOOST_TEST(pep479([&h] { h.throw_(pygen::stop_iteration()); }, &nested) == raised_stop);
    BOOST_TEST(nested == -1);
    BOOST_TEST(h.state() == pygen::gen_state::closed);
}

// Python: def gen(): yield 1
//         next(g); g.throw(StopIteration(7))
//         -> RuntimeError('generator raised StopIteration'), __cause__ StopIteration(7); GEN_CLOSED
BOOST_AUTO_TEST_CASE(stop_iteration_into_suspended_uncaught_is_pep479_runtime_error) {
    std::vector<std::string> log;
    gen g([&log](gen::yielder& yield) {
        recorder r{log, "r"};
        yield(1);
    });
    BOOST_TEST(g.next() == 1);
    int nested = 0;
    BOOST_TEST(pep479([&g] { g.throw_(pygen::stop_iteration(7)); }, &nested) == raised_stop);
    BOOST_TEST(nested == 7);
    BOOST_TEST(log == (std::vector<std::string>{"~r"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen():
//             try: yield 1
//             except StopIteration as e: yield e.value
//         next(g); g.throw(StopIteration(9)) == 9     (caught in the body: an ordinary exception)
BOOST_AUTO_TEST_CASE(stop_iteration_caught_by_the_body_is_ordinary) {
    gen g([](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::stop_iteration const& e) {
            yield(e.value<int>());
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.throw_(pygen::stop_iteration(9)) == 9);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: exhausted g: g.throw(KeyError('k')) -> KeyError('k'); g.throw(StopIteration(5)) -> StopIteration(5)
//         unchanged (no RuntimeError: no frame runs); still GEN_CLOSED
BOOST_AUTO_TEST_CASE(throw_into_closed_rethrows_unchanged) {
    bool ran_again = false;
    gen g([&ran_again](gen::yielder& yield) {
        try {
            yield(1);
        } catch (...) {
            ran_again = true;
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(what_of<std::out_of_range>([&g] { g.throw_(std::out_of_range("k")); }) == "k");
    int value = 0;
    try {
        g.throw_(pygen::stop_iteration(5));
    } catch (pygen::stop_iteration const& e) {
        value = e.value<int>();
    }
    BOOST_TEST(value == 5);
    BOOST_TEST(!ran_again);
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    gen empty;
    BOOST_TEST(what_of<std::out_of_range>([&empty] { empty.throw_(std::out_of_range("e")); }) == "e");
    BOOST_CHECK_THROW(empty.throw_(pygen::stop_iteration()), pygen::stop_iteration);
}

// Python: next(g); g.throw(None)
//         -> TypeError: exceptions must be classes or instances deriving from BaseException, not NoneType
//         still GEN_SUSPENDED and usable (also GEN_CREATED stays GEN_CREATED, GEN_CLOSED stays GEN_CLOSED)
// C++ analogue of item 17 (g.throw(42)): any C++ object can be thrown, so only a null exception_ptr is
// "not an exception".
BOOST_AUTO_TEST_CASE(null_exception_ptr_is_type_error_and_changes_nothing) {
    gen g([](gen::yielder& yield) {
        yield(1);
        yield(2);
    });
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.throw_(std::exception_ptr()); }) == not_an_exception);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.throw_(std::exception_ptr()); }) == not_an_exception);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(what_of<pygen::type_error>([&g] { g.throw_(std::exception_ptr()); }) == not_an_exception);
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    gen empty;
    BOOST_TEST(what_of<pygen::type_error>([&empty] { empty.throw_(std::exception_ptr()); }) == not_an_exception);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: yield 2
//         next(g); g.throw(GeneratorExit) == 2 (an ordinary throw: no RuntimeError); GEN_SUSPENDED
BOOST_AUTO_TEST_CASE(generator_exit_caught_and_yield_is_ordinary) {
    gen g([](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            yield(2);
        }
        yield(3);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.throw_(pygen::generator_exit()) == 2);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 3);
}

// Python: def gen(): yield 1
//         next(g); g.throw(GeneratorExit) -> GeneratorExit propagates out; GEN_CLOSED
BOOST_AUTO_TEST_CASE(generator_exit_uncaught_propagates) {
    std::vector<std::string> log;
    gen g([&log](gen::yielder& yield) {
        recorder r{log, "r"};
        yield(1);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(what_of<pygen::generator_exit>([&g] { g.throw_(pygen::generator_exit()); }) == "GeneratorExit");
    BOOST_TEST(log == (std::vector<std::string>{"~r"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: g.throw(err) where err = DerivedError(...) held as a BaseError: the body's
//         `except DerivedError` catches it.
// C++: an exception_ptr keeps the dynamic type; an object passed through a base reference is sliced
// (throw_ takes its argument by value, as a throw expression does).
BOOST_AUTO_TEST_CASE(exception_ptr_keeps_the_dynamic_type) {
    std::vector<std::string> got;
    gen g([&got](gen::yielder& yield) {
        for (;;) {
            try {
                yield(0);
            } catch (derived_error const& e) {
                got.push_back("derived " + std::to_string(e.code));
            } catch (base_error const&) {
                got.push_back("base");
            }
        }
    });
    g.next();
    std::exception_ptr p = std::make_exception_ptr(derived_error("d", 4));
    BOOST_TEST(g.throw_(p) == 0);
    derived_error const d("d", 5);
    base_error const& as_base = d;
    BOOST_TEST(g.throw_(as_base) == 0);
    BOOST_TEST(g.throw_(d) == 0);
    BOOST_TEST(got == (std::vector<std::string>{"derived 4", "base", "derived 5"}), boost::test_tools::per_element());
}

// Python: the exception that is being handled can be thrown in:
//         try: raise KeyError('k')
//         except KeyError as e: g.throw(e)
BOOST_AUTO_TEST_CASE(current_exception_can_be_thrown_in) {
    std::vector<std::string> got;
    gen g([&got](gen::yielder& yield) {
        try {
            yield(1);
        } catch (std::out_of_range const& e) {
            got.push_back(e.what());
        }
        yield(2);
    });
    g.next();
    std::exception_ptr p;
    try {
        throw std::out_of_range("k");
    } catch (...) {
        p = std::current_exception();
    }
    BOOST_TEST(g.throw_(p) == 2);
    BOOST_TEST(got == (std::vector<std::string>{"k"}), boost::test_tools::per_element());
}

// Python cannot throw non-exceptions (item 17); C++ can throw any type, and throw_ passes it through:
//         caught in the body by its type, or propagated unchanged.
BOOST_AUTO_TEST_CASE(non_std_types_can_be_thrown) {
    gen g([](gen::yielder& yield) {
        try {
            yield(1);
        } catch (int v) {
            yield(v + 1);
        }
        try {
            yield(2);
        } catch (plain const& p) {
            yield(p.value * 2);
        }
        yield(3);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.throw_(41) == 42);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.throw_(plain{21}) == 42);
    BOOST_TEST(g.next() == 3);
    int out = 0;
    try {
        g.throw_(plain{9});
    } catch (plain const& p) {
        out = p.value;
    }
    BOOST_TEST(out == 9);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: g.throw(ValueError) creates ValueError() with no arguments (item 15).
// C++ analogue: throw_(E()) with a default-constructed E; the body receives an E with E's default what().
BOOST_AUTO_TEST_CASE(default_constructed_exception_object) {
    std::vector<std::string> got;
    gen g([&got](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::value_error const& e) {
            got.push_back(e.what());
            yield(2);
        }
    });
    g.next();
    BOOST_TEST(g.throw_(pygen::value_error()) == 2);
    BOOST_TEST(got == (std::vector<std::string>{"generator already executing"}), boost::test_tools::per_element());
}

// Python: def gen():
//             try: yield 1
//             except KeyError: raise ValueError('v')
//         next(g); g.throw(KeyError) -> ValueError('v'); GEN_CLOSED
BOOST_AUTO_TEST_CASE(body_raises_another_exception_while_handling) {
    gen g([](gen::yielder& yield) {
        try {
            yield(1);
        } catch (std::out_of_range const&) {
            throw std::invalid_argument("v");
        }
    });
    g.next();
    BOOST_TEST(what_of<std::invalid_argument>([&g] { g.throw_(std::out_of_range("k")); }) == "v");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except KeyError: log.append('caught'); raise
//         next(g); g.throw(KeyError('k')) -> KeyError('k'); GEN_CLOSED
BOOST_AUTO_TEST_CASE(body_rethrows_the_thrown_exception) {
    std::vector<std::string> log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (std::out_of_range const&) {
            log.push_back("caught");
            throw;
        }
    });
    g.next();
    BOOST_TEST(what_of<std::out_of_range>([&g] { g.throw_(std::out_of_range("k")); }) == "k");
    BOOST_TEST(log == (std::vector<std::string>{"caught"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}
