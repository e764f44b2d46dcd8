// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Switching stacks inside catch blocks on both sides: `throw;` stays per side (trap 1; items 11, 14, 22, 24, 28, 34).
#define BOOST_TEST_MODULE catch_block_switching
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pygen_test;

// Every scenario here was run with CPython 3.11, logging sys.exc_info() where the C++ logs
// std::current_exception() and a bare `raise` where it uses `throw;`; the expected logs are
// Python's. Each side is inside its own handler whenever it looks: there CPython and pygen agree
// (outside one, a CPython generator sees its caller's exception, a pygen body none: see
// exception_state.cpp, test_except_next). Under valgrind these also check that no side frees,
// or reads after it was freed, an exception the other side still handles.

namespace {

using gen = pygen::generator<int>;
using sgen = pygen::generator<std::string>;

// Stand-ins for Python exception classes X, Y, Z, W.
struct x_error : std::runtime_error {
    explicit x_error(std::string const& what) : std::runtime_error(what) {}
};
struct y_error : std::runtime_error {
    explicit y_error(std::string const& what) : std::runtime_error(what) {}
};
struct z_error : std::runtime_error {
    explicit z_error(std::string const& what) : std::runtime_error(what) {}
};
struct w_error : std::runtime_error {
    explicit w_error(std::string const& what) : std::runtime_error(what) {}
};

// Python's f"{type(e).__name__} {e}" of an exception, "null" for none.
std::string describe_error(std::exception_ptr const& p) {
    if (!p) {
        return "null";
    }
    try {
        std::rethrow_exception(p);
    } catch (x_error const& e) {
        return std::string("X ") + e.what();
    } catch (y_error const& e) {
        return std::string("Y ") + e.what();
    } catch (z_error const& e) {
        return std::string("Z ") + e.what();
    } catch (w_error const& e) {
        return std::string("W ") + e.what();
    } catch (pygen::generator_exit const&) {
        return "GeneratorExit";
    } catch (...) {
        return "other";
    }
    return "unreachable";
}

// sys.exc_info() of the stack this runs on.
std::string current() { return describe_error(std::current_exception()); }

// What a bare `raise` raises here (only inside a handler).
std::string rethrown() {
    try {
        throw;
    } catch (...) {
        return current();
    }
}

void check_log(log_type const& log, log_type const& expected) {
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

} // namespace

// Python: def gen():
//             try: raise X('x')
//             except X:
//                 try: yield 1
//                 except Z: log(exc_info)           # Z
//                 log(exc_info); yield 2            # X again
//                 raise                             # X
//         try: raise Y('y')
//         except Y: next(g); g.throw(Z('z')) == 2; log(exc_info)          # Y
//                   try: next(g)  except X: ...;    log(exc_info); raise  # Y
BOOST_AUTO_TEST_CASE(throw_from_caller_catch_into_body_catch_then_each_side_rethrows_its_own) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            throw x_error("x");
        } catch (x_error const&) {
            try {
                yield(1);
            } catch (z_error const&) {
                log.push_back("body in Z: " + current());
            }
            log.push_back("body back in X: " + current());
            yield(2);
            log.push_back("body before raise: " + current());
            throw;
        }
    });
    std::string outer;
    try {
        try {
            throw y_error("y");
        } catch (y_error const&) {
            log.push_back("next " + std::to_string(g.next()));
            log.push_back("throw -> " + std::to_string(g.throw_(z_error("z"))));
            log.push_back("caller: " + current());
            try {
                g.next();
            } catch (x_error const&) {
                log.push_back("caller caught " + current());
            }
            log.push_back("caller after: " + current());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    check_log(log, {"next 1", "body in Z: Z z", "body back in X: X x", "throw -> 2", "caller: Y y",
                    "body before raise: X x", "caller caught X x", "caller after: Y y"});
    BOOST_TEST(outer == "y");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(current() == "null");
}

// Python: def gen():
//             try: raise X('x')
//             except X: yield 1
//         try: raise Y('y')
//         except Y: next(g)
//                   log(exc_info)                                     # Y, not the body's X
//                   try: g.throw(Z('z'))  except Z: log(exc_info)     # Z: it unwound the body's handler
//                   log(exc_info); raise                              # Y
BOOST_AUTO_TEST_CASE(uncaught_throw_from_caller_catch_unwinds_the_body_catch) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        recorder local(log, "body local");
        try {
            throw x_error("x");
        } catch (x_error const& x) {
            yield(1);
            log.push_back(std::string("unreached ") + x.what());
        }
    });
    std::string outer;
    try {
        try {
            throw y_error("y");
        } catch (y_error const&) {
            BOOST_TEST(g.next() == 1);
            log.push_back("caller after next: " + current());
            try {
                g.throw_(z_error("z"));
            } catch (z_error const&) {
                log.push_back("caller caught " + current());
            }
            log.push_back("caller after: " + current());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    check_log(log, {"caller after next: Y y", "~body local", "caller caught Z z", "caller after: Y y"});
    BOOST_TEST(outer == "y");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: raise X('x')
//             except X:
//                 try:
//                     try: yield 1
//                     except GeneratorExit: log(exc_info); raise   # GeneratorExit
//                 finally: log(exc_info)                           # GeneratorExit
//         try: raise Y('y')
//         except Y: next(g); log(exc_info)                         # Y, not the body's X
//                   g.close(); log(exc_info); raise                # Y, then Y arrives outside
BOOST_AUTO_TEST_CASE(close_from_caller_catch_of_a_body_suspended_in_its_catch) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            throw x_error("x");
        } catch (x_error const&) {
            try {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                    log.push_back("body GE: " + current());
                    throw;
                }
            } catch (...) {
                log.push_back("body finally: " + current());
                throw;
            }
        }
    });
    std::string outer;
    try {
        try {
            throw y_error("y");
        } catch (y_error const&) {
            BOOST_TEST(g.next() == 1);
            log.push_back("caller after next: " + current());
            g.close();
            BOOST_TEST(g.state() == pygen::gen_state::closed);
            log.push_back("caller after close: " + current());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    check_log(log, {"caller after next: Y y", "body GE: GeneratorExit", "body finally: GeneratorExit",
                    "caller after close: Y y"});
    BOOST_TEST(outer == "y");
    BOOST_TEST(current() == "null");
}

// Python: def gen():
//             try: raise X('x')
//             except X as x:
//                 try: yield 1
//                 except GeneratorExit: log(exc_info); raise x     # close() raises X
//         try: raise Y('y')
//         except Y: next(g); log(exc_info)                         # Y, not the body's X
//                   try: g.close()  except X: log(exc_info)        # X
//                   log(exc_info); raise                           # Y
BOOST_AUTO_TEST_CASE(close_from_caller_catch_where_the_body_raises_its_own_handled_exception) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            throw x_error("x");
        } catch (x_error const&) {
            std::exception_ptr const x = std::current_exception();
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("body GE: " + current());
                std::rethrow_exception(x);
            }
        }
    });
    std::string outer;
    try {
        try {
            throw y_error("y");
        } catch (y_error const&) {
            BOOST_TEST(g.next() == 1);
            log.push_back("caller after next: " + current());
            try {
                g.close();
            } catch (x_error const&) {
                log.push_back("caller caught " + current());
            }
            log.push_back("caller after: " + current());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    check_log(log, {"caller after next: Y y", "body GE: GeneratorExit", "caller caught X x", "caller after: Y y"});
    BOOST_TEST(outer == "y");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: the body nests `try: raise X(n)  except X:` three deep and yields at each level on the
//         way in and out; the caller nests `except Y(n):` three deep and calls next(g) at each
//         level on the way in and out. Each side logs exc_info and what a bare `raise` raises:
//         always its own innermost exception (CPython 3.11 log below).
BOOST_AUTO_TEST_CASE(three_nested_catch_levels_on_each_side_switching_at_every_level) {
    log_type log;
    sgen g([&log](sgen::yielder& yield) {
        try {
            throw x_error("1");
        } catch (x_error const&) {
            yield("b1");
            log.push_back("body L1: " + current());
            try {
                throw x_error("2");
            } catch (x_error const&) {
                yield("b2");
                log.push_back("body L2: " + current());
                try {
                    throw x_error("3");
                } catch (x_error const&) {
                    yield("b3");
                    log.push_back("body L3: " + current() + " / raise: " + rethrown());
                }
                yield("b2 again");
                log.push_back("body L2 again: " + current() + " / raise: " + rethrown());
            }
            yield("b1 again");
            log.push_back("body L1 again: " + current() + " / raise: " + rethrown());
        }
        yield("b0");
        log.push_back("body L0: " + current());
    });
    try {
        throw y_error("1");
    } catch (y_error const&) {
        log.push_back("next " + g.next());
        log.push_back("caller L1: " + current());
        try {
            throw y_error("2");
        } catch (y_error const&) {
            log.push_back("next " + g.next());
            log.push_back("caller L2: " + current());
            try {
                throw y_error("3");
            } catch (y_error const&) {
                log.push_back("next " + g.next());
                log.push_back("caller L3: " + current() + " / raise: " + rethrown());
                log.push_back("next " + g.next());
            }
            log.push_back("caller L2 again: " + current() + " / raise: " + rethrown());
            log.push_back("next " + g.next());
        }
        log.push_back("caller L1 again: " + current() + " / raise: " + rethrown());
        log.push_back("next " + g.next());
    }
    log.push_back("caller L0: " + current());
    try {
        g.next();
    } catch (pygen::stop_iteration const&) {
        log.push_back("StopIteration");
    }
    check_log(log, {"next b1", "caller L1: Y 1", "body L1: X 1", "next b2", "caller L2: Y 2", "body L2: X 2", "next b3",
                    "caller L3: Y 3 / raise: Y 3", "body L3: X 3 / raise: X 3", "next b2 again",
                    "caller L2 again: Y 2 / raise: Y 2", "body L2 again: X 2 / raise: X 2", "next b1 again",
                    "caller L1 again: Y 1 / raise: Y 1", "body L1 again: X 1 / raise: X 1", "next b0",
                    "caller L0: null", "body L0: null", "StopIteration"});
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def inner():
//             try: raise X('inner')
//             except X: yield 10; log(exc_info); raise
//         def outer():
//             g2 = inner()
//             try: raise Z('outer')
//             except Z:
//                 v = next(g2); log(exc_info); yield v; log(exc_info)
//                 try: next(g2)  except X: log(exc_info)
//                 log(exc_info); yield 20; raise
//         try: raise Y('caller')
//         except Y: next(g1); next(g1); try: next(g1) except Z: ...; raise
//   three stacks, each inside its own handler, resuming each other from inside them
BOOST_AUTO_TEST_CASE(generator_resumed_from_another_generators_catch_block) {
    log_type log;
    gen g1([&log](gen::yielder& yield) {
        gen g2([&log](gen::yielder& inner_yield) {
            try {
                throw x_error("inner");
            } catch (x_error const&) {
                inner_yield(10);
                log.push_back("inner: " + current());
                throw;
            }
        });
        try {
            throw z_error("outer");
        } catch (z_error const&) {
            int const v = g2.next();
            log.push_back("outer after next(inner): " + current());
            yield(v);
            log.push_back("outer resumed: " + current());
            try {
                g2.next();
            } catch (x_error const&) {
                log.push_back("outer caught " + current());
            }
            log.push_back("outer after: " + current());
            yield(20);
            throw;
        }
    });
    std::string outer;
    try {
        try {
            throw y_error("caller");
        } catch (y_error const&) {
            log.push_back("next " + std::to_string(g1.next()));
            log.push_back("caller: " + current());
            log.push_back("next " + std::to_string(g1.next()));
            log.push_back("caller: " + current());
            try {
                g1.next();
            } catch (z_error const&) {
                log.push_back("caller caught " + current());
            }
            log.push_back("caller after: " + current());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    check_log(log, {"outer after next(inner): Z outer", "next 10", "caller: Y caller", "outer resumed: Z outer",
                    "inner: X inner", "outer caught X inner", "outer after: Z outer", "next 20", "caller: Y caller",
                    "caller caught Z outer", "caller after: Y caller"});
    BOOST_TEST(outer == "caller");
    BOOST_TEST(g1.state() == pygen::gen_state::closed);
}

// Python: def sub():
//             try: raise Z('sub')
//             except Z: yield 1; log(exc_info); raise
//         def deleg():
//             try: raise X('deleg')
//             except X:
//                 try: yield from sub()  except Z: log(exc_info)
//                 log(exc_info); yield 2; raise
//         try: raise Y('caller')
//         except Y: next(g); next(g); try: next(g) except X: ...; raise
//   pygen's caller switches straight to the sub's stack: the delegator's handled X must survive
BOOST_AUTO_TEST_CASE(yield_from_between_catch_blocks_on_three_stacks) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            throw x_error("deleg");
        } catch (x_error const&) {
            try {
                yield.from(gen([&log](gen::yielder& sub_yield) {
                    try {
                        throw z_error("sub");
                    } catch (z_error const&) {
                        sub_yield(1);
                        log.push_back("sub: " + current());
                        throw;
                    }
                }));
            } catch (z_error const&) {
                log.push_back("deleg caught " + current());
            }
            log.push_back("deleg after: " + current());
            yield(2);
            throw;
        }
    });
    std::string outer;
    try {
        try {
            throw y_error("caller");
        } catch (y_error const&) {
            log.push_back("next " + std::to_string(g.next()));
            log.push_back("caller: " + current());
            log.push_back("next " + std::to_string(g.next()));
            log.push_back("caller: " + current());
            try {
                g.next();
            } catch (x_error const&) {
                log.push_back("caller caught " + current());
            }
            log.push_back("caller after: " + current());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    check_log(log, {"next 1", "caller: Y caller", "sub: Z sub", "deleg caught Z sub", "deleg after: X deleg", "next 2",
                    "caller: Y caller", "caller caught X deleg", "caller after: Y caller"});
    BOOST_TEST(outer == "caller");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: yield 1
//             except Y: log(exc_info); yield 2; log(exc_info); raise
//         next(g)
//         try: raise Y('y')
//         except Y as e: g.throw(e) == 2; log(exc_info)   # both sides handle the same Y
//         log(exc_info)                                   # None: the caller's handler is over
//         try: next(g)  except Y: log(exc_info)           # the body still had it, and raised it
BOOST_AUTO_TEST_CASE(caller_throws_its_own_handled_exception_into_the_body) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (y_error const&) {
            log.push_back("body caught " + current());
            yield(2);
            log.push_back("body resumed: " + current());
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    try {
        throw y_error("y");
    } catch (y_error const&) {
        log.push_back("throw -> " + std::to_string(g.throw_(std::current_exception())));
        log.push_back("caller: " + current());
    }
    log.push_back("caller after: " + current());
    try {
        g.next();
    } catch (y_error const&) {
        log.push_back("caller caught " + current());
    }
    check_log(log, {"body caught Y y", "throw -> 2", "caller: Y y", "caller after: null", "body resumed: Y y",
                    "caller caught Y y"});
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def gen():
//             try: raise X('x')
//             except X as x:
//                 try: yield 1
//                 except GeneratorExit: log(exc_info); log(str(x)); raise
//         try: raise Y('y')
//         except Y: next(g); log(exc_info); del g; log(exc_info); log(bare raise); raise   # Y each time
BOOST_AUTO_TEST_CASE(destroying_in_caller_catch_a_generator_suspended_in_its_catch) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    std::string outer;
    try {
        try {
            throw y_error("y");
        } catch (y_error const&) {
            {
                gen g([&log](gen::yielder& yield) {
                    try {
                        throw x_error("x");
                    } catch (x_error const& x) {
                        try {
                            yield(1);
                        } catch (pygen::generator_exit const&) {
                            log.push_back("body GE: " + current());
                            log.push_back(std::string("body still holds ") + x.what());
                            throw;
                        }
                    }
                });
                BOOST_TEST(g.next() == 1);
                log.push_back("caller after next: " + current());
            }
            log.push_back("caller after del: " + current());
            log.push_back("caller rethrows: " + rethrown());
            throw;
        }
    } catch (y_error const& e) {
        outer = e.what();
    }
    log.push_back("caller at end: " + current());
    check_log(log, {"caller after next: Y y", "body GE: GeneratorExit", "body still holds x", "caller after del: Y y",
                    "caller rethrows: Y y", "caller at end: null"});
    BOOST_TEST(outer == "y");
    BOOST_TEST(errors.empty());
}

// Python: three generators, each suspended inside its own `except X(name):`;
//         try: raise Y('1')
//         except Y:
//             g1.close()
//             try: raise Y('2')
//             except Y: del g2; g3.throw(Z('z')); log(bare raise)          # Y 2
//             try: next(g3)  except X: ...                               # g3 raised its X
//             log(bare raise)                                            # Y 1
BOOST_AUTO_TEST_CASE(generators_in_catch_blocks_closed_destroyed_and_thrown_into_from_nested_caller_catches) {
    log_type log;
    std::vector<std::exception_ptr> errors;
    hook_guard guard([&errors](std::exception_ptr e) { errors.push_back(e); });
    auto body = [&log](std::string const& name) {
        return [&log, name](sgen::yielder& yield) {
            try {
                throw x_error(name);
            } catch (x_error const&) {
                try {
                    yield(name);
                } catch (pygen::generator_exit const&) {
                    log.push_back(name + " GE, then raise: " + current());
                    throw;
                } catch (z_error const&) {
                    log.push_back(name + " caught " + current());
                    yield(name + " after Z");
                    log.push_back(name + " resumed: " + current() + " / raise: " + rethrown());
                }
                log.push_back(name + " back in X: " + current());
                throw;
            }
        };
    };
    sgen g1(body("g1"));
    std::unique_ptr<sgen> g2(new sgen(body("g2")));
    sgen g3(body("g3"));
    BOOST_TEST(g1.next() == "g1");
    BOOST_TEST(g2->next() == "g2");
    BOOST_TEST(g3.next() == "g3");
    try {
        throw y_error("1");
    } catch (y_error const&) {
        g1.close();
        log.push_back("caller L1 after close: " + current());
        try {
            throw y_error("2");
        } catch (y_error const&) {
            g2.reset();
            log.push_back("caller L2 after del: " + current());
            log.push_back("throw -> " + g3.throw_(z_error("z")));
            log.push_back("caller L2 after throw: " + current() + " / raise: " + rethrown());
        }
        log.push_back("caller L1 again: " + current());
        try {
            g3.next();
        } catch (x_error const&) {
            log.push_back("caller caught " + current());
        }
        log.push_back("caller L1 end: " + current() + " / raise: " + rethrown());
    }
    check_log(log,
              {"g1 GE, then raise: GeneratorExit", "caller L1 after close: Y 1", "g2 GE, then raise: GeneratorExit",
               "caller L2 after del: Y 2", "g3 caught Z z", "throw -> g3 after Z",
               "caller L2 after throw: Y 2 / raise: Y 2", "caller L1 again: Y 1", "g3 resumed: Z z / raise: Z z",
               "g3 back in X: X g3", "caller caught X g3", "caller L1 end: Y 1 / raise: Y 1"});
    BOOST_TEST(g1.state() == pygen::gen_state::closed);
    BOOST_TEST(g3.state() == pygen::gen_state::closed);
    BOOST_TEST(errors.empty());
}

// Python: def gen():
//             try: raise X('x')
//             except X as x: yield 1; log(str(x), exc_info); yield 2
//             log(exc_info); yield 3
//         try:
//             try: raise Y('y')
//             except Y: next(g); raise W('w')      # the caller's handler ends by an exception
//         except W: log(exc_info); next(g); log(exc_info)
//         next(g); log(exc_info)
//   each side's exception lives exactly as long as that side handles it (valgrind checks the frees)
BOOST_AUTO_TEST_CASE(each_sides_exception_lives_as_long_as_that_side_handles_it) {
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            throw x_error("x");
        } catch (x_error const& x) {
            yield(1);
            log.push_back(std::string("body sees ") + x.what() + " / " + current());
            yield(2);
        }
        log.push_back("body after its handler: " + current());
        yield(3);
    });
    try {
        try {
            throw y_error("y");
        } catch (y_error const& y) {
            BOOST_TEST(g.next() == 1);
            BOOST_TEST(std::string(y.what()) == "y");
            throw w_error("w");
        }
    } catch (w_error const&) {
        log.push_back("caller in W: " + current());
        log.push_back("next " + std::to_string(g.next()));
        log.push_back("caller in W: " + current());
    }
    log.push_back("next " + std::to_string(g.next()));
    log.push_back("caller at end: " + current());
    check_log(log, {"caller in W: W w", "body sees x / X x", "next 2", "caller in W: W w",
                    "body after its handler: null", "next 3", "caller at end: null"});
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}
