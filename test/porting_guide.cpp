// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// The C++ side of docs/porting.md: items 1-40 and the differences by necessity, each region
// between `// [name` and `// ]` is included verbatim by tools/docs.py, and asserts what the guide says.
#define BOOST_TEST_MODULE porting_guide
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <boost/context/fixedsize_stack.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <boost/optional.hpp>

#include <exception>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

#if __cplusplus >= 201703L
#include <optional>
#endif

// [helpers
// what() of the E that f() throws; "<nothing thrown>" when f() returns.
template <class E, class F> std::string what_of(F f) {
    try {
        f();
    } catch (E const& e) {
        return e.what();
    }
    return "<nothing thrown>";
}
// ]

// [lifetime-functions
// Wrong: the body keeps a reference to the caller's argument. With greet_dangling("hi") the
// argument is a temporary std::string that dies at the end of the full expression, before the
// body ever runs; the first next() then reads a dead object.
pygen::generator<std::string> greet_dangling(std::string const& name) {
    return pygen::generator<std::string>(
        [&name](pygen::generator<std::string>::yielder& yield) { yield("hello " + name); });
}

// Right: take the parameter by value and capture it by value (C++14: [name = std::move(name)]).
// The body owns its copy for as long as it lives, as a Python frame owns its arguments.
pygen::generator<std::string> greet(std::string name) {
    return pygen::generator<std::string>(
        [name](pygen::generator<std::string>::yielder& yield) { yield("hello " + name); });
}
// ]

// [item-40
// No abstract base class: code generic over generators takes the generator type as a template
// parameter (C++20: constrain it with std::ranges::input_range).
template <class Generator> int sum_of(Generator& g) {
    int sum = 0;
    for (int v : g) {
        sum += v;
    }
    return sum;
}
// ]

// Python: def gen(): log.append("started"); yield 1 / g = gen() runs nothing (item 1)
BOOST_AUTO_TEST_CASE(item_01_creation_runs_nothing) {
    // [item-1
    std::vector<std::string> log;
    pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
        log.push_back("started");
        yield(1);
    });
    BOOST_TEST(log.empty());
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(!g.gi_yieldfrom());
    // ]
}

// Python: yield inspect.getgeneratorstate(g) -> 'GEN_RUNNING' (item 2)
BOOST_AUTO_TEST_CASE(item_02_states) {
    // [item-2
    using gen = pygen::generator<pygen::gen_state>;
    gen* self = nullptr;
    gen g([&self](gen::yielder& yield) { yield(self->state()); });
    self = &g;
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == pygen::gen_state::running);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.close();
    std::ostringstream text;
    text << g.state();
    BOOST_TEST(text.str() == "GEN_CLOSED");
    // ]
}

// Python: iter(g) is g; list(g) continues; list(exhausted) == [] (item 3)
BOOST_AUTO_TEST_CASE(item_03_iteration_continues_where_it_is) {
    // [item-3
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
        yield(1);
        yield(2);
    });
    BOOST_TEST(g.next() == 1);
    std::vector<int> rest;
    for (int v : g) {
        rest.push_back(v);
    }
    BOOST_TEST(rest == std::vector<int>{2});
    int more = 0;
    for (int v : g) {
        more += v;
    }
    BOOST_TEST(more == 0);
    // ]
}

// Python: g.close(); g.gi_frame is None: the frame's locals are released (item 4)
BOOST_AUTO_TEST_CASE(item_04_captures_released_when_the_body_ends) {
    // [item-4
    std::shared_ptr<int> resource = std::make_shared<int>(1);
    pygen::generator<int> g([resource](pygen::generator<int>::yielder& yield) { yield(*resource + 1); });
    BOOST_TEST(resource.use_count() == 2);
    BOOST_TEST(g.next() == 2);
    g.close();
    BOOST_TEST(resource.use_count() == 1);
    // ]
}

// Python: next(g) is g.send(None); the yield evaluates to None (item 5)
BOOST_AUTO_TEST_CASE(item_05_next_is_send_none) {
    // [item-5
    using gen = pygen::generator<int, boost::optional<int>>;
    auto echo = [](gen::yielder& yield) {
        boost::optional<int> received = yield(0);
        yield(received ? *received : -1);
    };
    gen g(echo);
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.next() == -1); // received was none
    gen h(echo);
    BOOST_TEST(h.send(pygen::none) == 0);
    BOOST_TEST(h.send(7) == 7);
    // ]
}

// Python: total += yield total; g.send(5) -> 5 (item 6)
BOOST_AUTO_TEST_CASE(item_06_send) {
    // [item-6
    using gen = pygen::generator<int, int>;
    gen g([](gen::yielder& yield) {
        int total = 0;
        for (;;) {
            total += yield(total);
        }
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.send(5) == 5);
    BOOST_TEST(g.send(10) == 15);
    // ]
}

// Python: g.send(1) on a created generator -> TypeError, still GEN_CREATED (item 7)
BOOST_AUTO_TEST_CASE(item_07_send_to_a_created_generator) {
    // [item-7
    using gen = pygen::generator<int, int>;
    gen g([](gen::yielder& yield) { yield(yield(1) * 2); });
    BOOST_TEST(what_of<pygen::type_error>([&] { g.send(1); }) ==
               "can't send non-None value to a just-started generator");
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(21) == 42);
    // ]
}

// Python: return "done" -> StopIteration.value == "done"; bare return -> value None (item 8)
BOOST_AUTO_TEST_CASE(item_08_return_value) {
    // [item-8
    using gen = pygen::generator<int, void, std::string>;
    gen g([](gen::yielder& yield) -> std::string {
        yield(1);
        return "done";
    });
    BOOST_TEST(g.next() == 1);
    try {
        g.next();
        BOOST_FAIL("no stop_iteration");
    } catch (pygen::stop_iteration const& e) {
        BOOST_TEST(e.has_value());
        BOOST_TEST(e.value<std::string>() == "done");
        BOOST_CHECK_THROW(e.value<int>(), std::bad_cast);
    }

    pygen::generator<int> bare([](pygen::generator<int>::yielder& yield) { yield(1); });
    bare.next();
    try {
        bare.next();
        BOOST_FAIL("no stop_iteration");
    } catch (pygen::stop_iteration const& e) {
        BOOST_TEST(!e.has_value());
        BOOST_TEST(e.what() == std::string("StopIteration"));
    }
    // ]
}

// Python: after the end, next -> StopIteration() without value; close does nothing; throw re-raises (item 9)
BOOST_AUTO_TEST_CASE(item_09_after_the_end) {
    // [item-9
    using gen = pygen::generator<int, void, int>;
    gen g([](gen::yielder&) -> int { return 5; });
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration); // this one carries 5
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    try {
        g.next();
        BOOST_FAIL("no stop_iteration");
    } catch (pygen::stop_iteration const& e) {
        BOOST_TEST(!e.has_value()); // reported once only
    }
    g.close();
    BOOST_TEST(what_of<std::invalid_argument>([&] { g.throw_(std::invalid_argument("x")); }) == "x");
    // ]
}

// Python: list(gen()) drops the return value (item 10)
BOOST_AUTO_TEST_CASE(item_10_loops_drop_the_return_value) {
    // [item-10
    using gen = pygen::generator<int, void, int>;
    gen g([](gen::yielder& yield) -> int {
        yield(1);
        yield(2);
        return 99;
    });
    std::vector<int> values;
    for (int v : g) {
        values.push_back(v);
    }
    BOOST_TEST(values == (std::vector<int>{1, 2}));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: raise ValueError("bad") in the body -> ValueError out of next(), GEN_CLOSED (item 11)
BOOST_AUTO_TEST_CASE(item_11_exceptions_propagate) {
    // [item-11
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
        yield(1);
        throw std::invalid_argument("bad");
    });
    g.next();
    BOOST_TEST(what_of<std::invalid_argument>([&] { g.next(); }) == "bad");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    // ]
}

// Python: next(iter([])) inside a generator -> RuntimeError, __cause__ StopIteration (item 12)
BOOST_AUTO_TEST_CASE(item_12_pep_479) {
    // [item-12
    pygen::generator<int> exhausted; // an empty generator is closed
    pygen::generator<int> g([&exhausted](pygen::generator<int>::yielder& yield) { yield(exhausted.next()); });
    bool cause_is_stop_iteration = false;
    try {
        g.next();
        BOOST_FAIL("no runtime_error");
    } catch (pygen::runtime_error const& e) {
        BOOST_TEST(e.what() == std::string("generator raised StopIteration"));
        try {
            std::rethrow_if_nested(e); // Python's __cause__
        } catch (pygen::stop_iteration const&) {
            cause_is_stop_iteration = true;
        }
    }
    BOOST_TEST(cause_is_stop_iteration);
    // ]
}

// Python: raise GeneratorExit in the body during next() -> GeneratorExit out of next(), closed (item 13)
BOOST_AUTO_TEST_CASE(item_13_generator_exit_from_the_body) {
    // [item-13
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
        yield(1);
        throw pygen::generator_exit();
    });
    g.next();
    BOOST_TEST(what_of<pygen::generator_exit>([&] { g.next(); }) == "GeneratorExit");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: g.throw(ValueError("x")) caught -> yields; KeyError -> return 42 -> StopIteration(42) (item 14)
BOOST_AUTO_TEST_CASE(item_14_throw) {
    // [item-14
    using gen = pygen::generator<std::string, void, int>;
    auto body = [](gen::yielder& yield) -> int {
        for (;;) {
            try {
                yield("waiting");
            } catch (std::invalid_argument const& e) { // ValueError
                yield(std::string("caught ") + e.what());
            } catch (std::out_of_range const&) { // KeyError
                return 42;
            }
        }
    };
    gen g(body);
    BOOST_TEST(g.next() == "waiting");
    BOOST_TEST(g.throw_(std::invalid_argument("x")) == "caught x");
    BOOST_TEST(g.next() == "waiting");
    BOOST_TEST(what_of<std::runtime_error>([&] { g.throw_(std::runtime_error("boom")); }) == "boom");
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    gen h(body);
    h.next();
    try {
        h.throw_(std::out_of_range("k"));
        BOOST_FAIL("no stop_iteration");
    } catch (pygen::stop_iteration const& e) {
        BOOST_TEST(e.value<int>() == 42);
    }
    // ]
}

// Python: g.throw(CustomError) creates CustomError() (item 15)
BOOST_AUTO_TEST_CASE(item_15_throw_an_object) {
    // [item-15
    struct custom_error {}; // any type can be thrown, std::exception or not
    pygen::generator<std::string> g([](pygen::generator<std::string>::yielder& yield) {
        try {
            yield("waiting");
        } catch (custom_error const&) {
            yield("caught custom_error");
        }
    });
    g.next();
    BOOST_TEST(g.throw_(custom_error()) == "caught custom_error");
    // ]
}

// Python: g.throw(ValueError) on GEN_CREATED: the body cannot catch it; GEN_CLOSED (item 16)
BOOST_AUTO_TEST_CASE(item_16_throw_into_a_created_generator) {
    // [item-16
    std::vector<std::string> log;
    pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
        try {
            yield(1);
        } catch (...) {
            log.push_back("caught");
            throw;
        }
    });
    BOOST_TEST(what_of<std::invalid_argument>([&] { g.throw_(std::invalid_argument("early")); }) == "early");
    BOOST_TEST(log.empty());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: g.throw(42) -> TypeError, state unchanged (item 17)
BOOST_AUTO_TEST_CASE(item_17_throw_of_a_non_exception) {
    // [item-17
    pygen::generator<std::string> g([](pygen::generator<std::string>::yielder& yield) {
        for (;;) {
            try {
                yield("waiting");
            } catch (int code) {
                yield("caught int " + std::to_string(code));
            }
        }
    });
    g.next();
    BOOST_TEST(g.throw_(42) == "caught int 42"); // C++ can throw an int
    g.next();
    BOOST_TEST(what_of<pygen::type_error>([&] { g.throw_(std::exception_ptr()); }) ==
               "exceptions must be classes or instances deriving from BaseException, not NoneType");
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    // ]
}

// Python: g.throw(type, value, tb), deprecated in 3.12 (item 18)
BOOST_AUTO_TEST_CASE(item_18_throw_an_exception_ptr) {
    // [item-18
    pygen::generator<std::string> g([](pygen::generator<std::string>::yielder& yield) {
        try {
            yield("waiting");
        } catch (std::logic_error const& e) {
            yield(std::string("caught ") + e.what());
        }
    });
    g.next();
    std::exception_ptr error = std::make_exception_ptr(std::invalid_argument("x"));
    BOOST_TEST(g.throw_(error) == "caught x");
    // ]
}

// Python: g.throw(GeneratorExit) is an ordinary throw (item 19)
BOOST_AUTO_TEST_CASE(item_19_throw_generator_exit) {
    // [item-19
    pygen::generator<std::string> g([](pygen::generator<std::string>::yielder& yield) {
        try {
            yield("waiting");
        } catch (pygen::generator_exit const&) {
            yield("caught GeneratorExit");
        }
        yield("waiting again");
    });
    g.next();
    BOOST_TEST(g.throw_(pygen::generator_exit()) == "caught GeneratorExit"); // no runtime_error
    BOOST_TEST(g.next() == "waiting again");
    BOOST_TEST(what_of<pygen::generator_exit>([&] { g.throw_(pygen::generator_exit()); }) == "GeneratorExit");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: finally: yield "cleanup" while a thrown exception unwinds; the next resume re-raises it (item 20)
BOOST_AUTO_TEST_CASE(item_20_yield_while_a_thrown_exception_is_pending) {
    // [item-20
    pygen::generator<std::string> g([](pygen::generator<std::string>::yielder& yield) {
        try {
            yield("first");
        } catch (...) { // Python's finally, for the exceptional path
            yield("cleanup");
            throw;
        }
    });
    g.next();
    BOOST_TEST(g.throw_(std::invalid_argument("x")) == "cleanup");
    BOOST_TEST(what_of<std::invalid_argument>([&] { g.next(); }) == "x");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: close() on GEN_CREATED runs no finally (item 21)
BOOST_AUTO_TEST_CASE(item_21_close_a_created_generator) {
    // [item-21
    std::vector<std::string> log;
    pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
        try {
            yield(1);
        } catch (...) {
            log.push_back("cleanup");
            throw;
        }
    });
    g.close();
    BOOST_TEST(log.empty());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: close() raises GeneratorExit at the yield; `except GeneratorExit: return 5` -> close() is None in 3.11 (item
// 22)
BOOST_AUTO_TEST_CASE(item_22_close_a_suspended_generator) {
    // [item-22
    using gen = pygen::generator<int, void, int>;
    std::vector<std::string> log;
    gen g([&log](gen::yielder& yield) -> int {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("GeneratorExit");
            return 5; // dropped: close() returns void (CPython 3.11; 3.13 returns 5)
        }
        return 0;
    });
    g.next();
    g.close();
    BOOST_TEST(log == std::vector<std::string>{"GeneratorExit"});
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: yield in `except GeneratorExit` -> close() raises RuntimeError; still GEN_SUSPENDED (item 23)
BOOST_AUTO_TEST_CASE(item_23_ignored_generator_exit) {
    // [item-23
    std::vector<std::string> log;
    pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("ignored");
        }
        try {
            yield(2);
        } catch (pygen::generator_exit const&) {
            log.push_back("second GeneratorExit");
            throw;
        }
    });
    g.next();
    BOOST_TEST(what_of<pygen::runtime_error>([&] { g.close(); }) == "generator ignored GeneratorExit");
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.close();
    BOOST_TEST(log == (std::vector<std::string>{"ignored", "second GeneratorExit"}));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: raise ValueError while handling GeneratorExit -> close() raises it, closed (item 24)
BOOST_AUTO_TEST_CASE(item_24_error_while_closing) {
    // [item-24
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            throw std::invalid_argument("cleanup failed");
        }
    });
    g.next();
    BOOST_TEST(what_of<std::invalid_argument>([&] { g.close(); }) == "cleanup failed");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: raise StopIteration while handling GeneratorExit -> RuntimeError (item 25)
BOOST_AUTO_TEST_CASE(item_25_stop_iteration_while_closing) {
    // [item-25
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            throw pygen::stop_iteration();
        }
    });
    g.next();
    BOOST_TEST(what_of<pygen::runtime_error>([&] { g.close(); }) == "generator raised StopIteration");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: g.close() from inside g -> ValueError: generator already executing (item 26)
BOOST_AUTO_TEST_CASE(item_26_close_a_running_generator) {
    // [item-26
    using gen = pygen::generator<std::string>;
    gen* self = nullptr;
    gen g([&self](gen::yielder& yield) {
        try {
            self->close();
        } catch (pygen::value_error const& e) {
            yield(e.what());
        }
    });
    self = &g;
    BOOST_TEST(g.next() == "generator already executing");
    // ]
}

// Python: next(g) inside g, and `yield from g` inside g -> ValueError (item 27)
BOOST_AUTO_TEST_CASE(item_27_reentrance) {
    // [item-27
    using gen = pygen::generator<std::string>;
    gen* self = nullptr;
    gen g([&self](gen::yielder& yield) {
        try {
            self->next();
        } catch (pygen::value_error const& e) {
            yield(std::string("next: ") + e.what());
        }
        try {
            yield.from(*self);
        } catch (pygen::value_error const& e) {
            yield(std::string("yield.from: ") + e.what());
        }
    });
    self = &g;
    BOOST_TEST(g.next() == "next: generator already executing");
    BOOST_TEST(g.next() == "yield.from: generator already executing");
    // ]
}

// Python: del g (suspended) -> GeneratorExit at the yield, finally runs (item 28)
BOOST_AUTO_TEST_CASE(item_28_destruction_finalizes) {
    // [item-28
    std::vector<std::string> log;
    {
        pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("GeneratorExit");
                throw;
            }
        });
        g.next();
    } // ~generator: close() at the paused yield
    BOOST_TEST(log == std::vector<std::string>{"GeneratorExit"});
    // ]
}

// Python: del of a never-started or finished generator runs nothing (item 29)
BOOST_AUTO_TEST_CASE(item_29_destruction_of_created_or_closed) {
    // [item-29
    int cleanups = 0;
    struct cleanup {
        int& count;
        ~cleanup() { ++count; }
    };
    auto body = [&cleanups](pygen::generator<int>::yielder& yield) {
        cleanup c{cleanups};
        yield(1);
    };
    {
        pygen::generator<int> never_started(body);
        pygen::generator<int> finished(body);
        for (int v : finished) {
            (void)v;
        }
        BOOST_TEST(cleanups == 1); // the finished body's local, when it ended
    }
    BOOST_TEST(cleanups == 1); // destroying the two ran no code
    // ]
}

// Python: finalization errors go to sys.unraisablehook, never raised (item 30)
BOOST_AUTO_TEST_CASE(item_30_unraisable_hook) {
    // [item-30
    std::vector<std::string> reported;
    pygen::unraisable_hook previous = pygen::set_unraisable_hook([&reported](std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (pygen::runtime_error const& e) {
            reported.push_back(e.what());
        }
    });
    {
        pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                yield(2);
            }
        });
        g.next();
    } // reported, then the body is unwound by force; nothing is thrown here
    pygen::set_unraisable_hook(previous);
    BOOST_TEST(reported == std::vector<std::string>{"generator ignored GeneratorExit"});
    // ]
}

// Python: yield from [1, 2] and yield from (x for x in ...) (item 31)
BOOST_AUTO_TEST_CASE(item_31_yield_from_an_iterable) {
    // [item-31
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) {
        std::vector<int> v{1, 2};
        yield.from(v);
        yield.from({3, 4});
    });
    std::vector<int> values;
    for (int x : g) {
        values.push_back(x);
    }
    BOOST_TEST(values == (std::vector<int>{1, 2, 3, 4}));
    // ]
}

// Python: g.gi_yieldfrom is the sub-iterator while delegating (item 32)
BOOST_AUTO_TEST_CASE(item_32_gi_yieldfrom) {
    // [item-32
    std::vector<int> items{1, 2};
    pygen::generator<int> g([&items](pygen::generator<int>::yielder& yield) { yield.from(items); });
    BOOST_TEST(g.next() == 1);
    pygen::yield_from_target target = g.gi_yieldfrom();
    BOOST_TEST(target.kind() == pygen::yield_from_kind::iterable);
    BOOST_TEST(target.get<std::vector<int>>() == &items);
    BOOST_TEST(g.next() == 2);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(!g.gi_yieldfrom());
    // ]
}

// Python: send(x) reaches the sub-generator; to a list_iterator -> AttributeError in the delegator (item 33)
BOOST_AUTO_TEST_CASE(item_33_send_through_yield_from) {
    // [item-33
    using gen = pygen::generator<int, int>;
    auto doubler = [](gen::yielder& yield) {
        int v = 0;
        for (;;) {
            v = yield(v * 2);
        }
    };
    gen g([&doubler](gen::yielder& yield) { yield.from(gen(doubler)); });
    g.next();
    BOOST_TEST(g.send(21) == 42);

    using text_gen = pygen::generator<std::string, int>;
    text_gen h([](text_gen::yielder& yield) {
        try {
            yield.from({std::string("a"), std::string("b")});
        } catch (pygen::attribute_error const& e) { // raised here, at the yield.from
            yield(e.what());
        }
    });
    BOOST_TEST(h.next() == "a");
    BOOST_TEST(h.send(5) == "object has no attribute 'send'");
    // ]
}

// Python: throw() while delegating goes to the sub-generator first (item 34)
BOOST_AUTO_TEST_CASE(item_34_throw_through_yield_from) {
    // [item-34
    using gen = pygen::generator<std::string, void, std::string>;
    std::vector<std::string> log;
    auto sub = [&log](gen::yielder& yield) -> std::string {
        try {
            yield("sub waiting");
        } catch (std::invalid_argument const&) {
            yield("sub caught");
        } catch (std::out_of_range const&) {
            return "sub returned";
        } catch (...) {
            log.push_back("sub cleanup");
            throw;
        }
        return "";
    };
    auto delegator = [&log, &sub](gen::yielder& yield) -> std::string {
        for (;;) {
            try {
                std::string r = yield.from(gen(sub));
                yield("delegator got " + r);
            } catch (std::runtime_error const& e) {
                log.push_back(std::string("delegator caught ") + e.what());
                return "done";
            }
        }
    };
    gen g(delegator);
    BOOST_TEST(g.next() == "sub waiting");
    BOOST_TEST(g.throw_(std::invalid_argument("v")) == "sub caught"); // caught by the sub
    BOOST_TEST(g.next() == "delegator got ");                         // the sub returned ""
    BOOST_TEST(g.next() == "sub waiting");                            // a new sub
    BOOST_TEST(g.throw_(std::out_of_range("k")) == "delegator got sub returned");
    BOOST_TEST(g.next() == "sub waiting");
    BOOST_CHECK_THROW(g.throw_(std::runtime_error("r")), pygen::stop_iteration);
    BOOST_TEST(log == (std::vector<std::string>{"sub cleanup", "delegator caught r"}));
    // ]
}

// Python: close() on the delegator closes the sub-generator first (item 35)
BOOST_AUTO_TEST_CASE(item_35_close_through_yield_from) {
    // [item-35
    using gen = pygen::generator<int>;
    std::vector<std::string> log;
    gen inner([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("inner GeneratorExit");
            throw;
        }
    });
    gen outer([&log, &inner](gen::yielder& yield) {
        try {
            yield.from(inner);
        } catch (pygen::generator_exit const&) {
            log.push_back("outer GeneratorExit");
            throw;
        }
    });
    BOOST_TEST(outer.next() == 1);
    outer.close();
    BOOST_TEST(log == (std::vector<std::string>{"inner GeneratorExit", "outer GeneratorExit"}));
    BOOST_TEST(inner.state() == pygen::gen_state::closed);
    // ]
}

// Python: r = yield from sub is sub's return value; None at once when sub is exhausted (item 36)
BOOST_AUTO_TEST_CASE(item_36_value_of_yield_from) {
    // [item-36
    using sub_gen = pygen::generator<int, void, int>;
    sub_gen sub([](sub_gen::yielder& yield) -> int {
        yield(1);
        return 10;
    });
    using gen = pygen::generator<int, void, int>;
    gen g([&sub](gen::yielder& yield) -> int {
        int first = yield.from(sub);  // 10
        int second = yield.from(sub); // exhausted: int() at once (Python: None)
        return first + second;
    });
    BOOST_TEST(g.next() == 1);
    try {
        g.next();
        BOOST_FAIL("no stop_iteration");
    } catch (pygen::stop_iteration const& e) {
        BOOST_TEST(e.value<int>() == 10);
    }
    // ]
}

// Python: StopIteration raised in the sub reaches the delegator as RuntimeError (item 37)
BOOST_AUTO_TEST_CASE(item_37_pep_479_per_generator) {
    // [item-37
    using gen = pygen::generator<std::string>;
    gen g([](gen::yielder& yield) {
        try {
            yield.from(gen([](gen::yielder&) { throw pygen::stop_iteration(); }));
        } catch (pygen::runtime_error const& e) {
            yield(e.what());
        }
    });
    BOOST_TEST(g.next() == "generator raised StopIteration");
    // ]
}

// Python: typing.Generator[Y, S, R] (item 39)
BOOST_AUTO_TEST_CASE(item_39_types) {
    // [item-39
    using gen = pygen::generator<int, std::string, bool>;
    static_assert(std::is_same<gen::yield_type, int>::value, "Y");
    static_assert(std::is_same<gen::send_type, std::string>::value, "S");
    static_assert(std::is_same<gen::return_type, bool>::value, "R");
    static_assert(std::is_same<pygen::generator<int>, pygen::generator<int, void, void>>::value,
                  "S and R default to void, Python's None");
    // ]
    BOOST_TEST(true);
}

// Python: collections.abc.Generator mixes in __next__ (send(None)), close and __iter__ (item 40)
BOOST_AUTO_TEST_CASE(item_40_the_protocol_as_a_template) {
    // [item-40-use
    pygen::generator<int> g([](pygen::generator<int>::yielder& yield) { yield.from({1, 2, 3}); });
    BOOST_TEST(sum_of(g) == 6);
    // ]
}

// Python: next() delivers None; send(0) delivers 0; Optional[int] tells them apart
BOOST_AUTO_TEST_CASE(none_versus_value_initialized_s) {
    // [none
    using plain = pygen::generator<int, int>;
    plain p([](plain::yielder& yield) { yield(yield(0) + 100); });
    p.next();
    BOOST_TEST(p.next() == 100); // next() sent int(): 0, not None

    using optional = pygen::generator<int, boost::optional<int>>;
    optional o([](optional::yielder& yield) {
        boost::optional<int> v = yield(0);
        yield(v ? *v + 100 : -1);
    });
    o.next();
    BOOST_TEST(o.next() == -1); // next() sent boost::none
    // ]
#if __cplusplus >= 201703L
    using std_optional = pygen::generator<int, std::optional<int>>;
    std_optional s([](std_optional::yielder& yield) { yield(yield(0).value_or(-1)); });
    BOOST_TEST(what_of<pygen::type_error>([&] { s.send(std::nullopt); }) ==
               "can't send non-None value to a just-started generator");
    s.next();
    BOOST_TEST(s.next() == -1);
#endif
}

// Python: `except Exception` does not catch GeneratorExit
BOOST_AUTO_TEST_CASE(catch_std_exception_lets_generator_exit_pass) {
    // [generator-exit-is-not-std-exception
    std::vector<std::string> log;
    pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
        for (int i = 0;; ++i) {
            try {
                yield(i);
            } catch (std::exception const& e) { // except Exception: not GeneratorExit
                log.push_back(e.what());
            }
        }
    });
    g.next();
    g.throw_(std::runtime_error("handled"));
    g.close(); // generator_exit passes the catch: no "ignored GeneratorExit"
    BOOST_TEST(log == std::vector<std::string>{"handled"});
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    // ]
}

// Python: a catch-all cleanup that re-raises
BOOST_AUTO_TEST_CASE(catch_all_lets_forced_unwind_pass) {
    // [catch-all
    std::vector<std::string> log;
    {
        pygen::generator<int> g([&log](pygen::generator<int>::yielder& yield) {
            try {
                yield(1);
            } catch (boost::context::detail::forced_unwind const&) {
                throw; // pygen's forced unwind must pass every catch (...)
            } catch (...) {
                log.push_back("cleanup");
                throw;
            }
        });
        g.next();
    }
    BOOST_TEST(log == std::vector<std::string>{"cleanup"});
    // ]
}

// Python: def greet(name): yield "hello " + name
BOOST_AUTO_TEST_CASE(arguments_by_value) {
    // [lifetime-use
    std::string name = "world";
    pygen::generator<std::string> safe = greet_dangling(name); // safe only because `name` outlives it
    BOOST_TEST(safe.next() == "hello world");
    pygen::generator<std::string> g = greet(std::string("temporary")); // safe always
    BOOST_TEST(g.next() == "hello temporary");
    // ]
}

// Python: def gen(items): yield from items / items.append(3) before the loop -> 1, 2, 3
BOOST_AUTO_TEST_CASE(shared_versus_copied_arguments) {
    // [lifetime-shared
    std::vector<int> items{1, 2};
    pygen::generator<int> copied([items](pygen::generator<int>::yielder& yield) { yield.from(items); });

    std::shared_ptr<std::vector<int>> shared = std::make_shared<std::vector<int>>(items);
    pygen::generator<int> sharing([shared](pygen::generator<int>::yielder& yield) { yield.from(*shared); });

    items.push_back(3);
    shared->push_back(3);
    std::vector<int> a, b;
    for (int v : copied) {
        a.push_back(v);
    }
    for (int v : sharing) {
        b.push_back(v);
    }
    BOOST_TEST(a == (std::vector<int>{1, 2}));    // a copy made when the generator was created
    BOOST_TEST(b == (std::vector<int>{1, 2, 3})); // Python's behaviour: the same object
    // ]
}

// Python: a deep recursion in a generator raises RecursionError; in C++ the stack size is chosen
BOOST_AUTO_TEST_CASE(stack_size) {
    // [stacks
    auto body = [](pygen::generator<int>::yielder& yield) { yield(1); };
    pygen::generator<int> by_default(body); // pygen::pooled_stack(128 KiB), no guard page
    pygen::generator<int> small(std::allocator_arg, pygen::pooled_stack(16 * 1024), body);
    pygen::generator<int> guarded(std::allocator_arg, pygen::guarded_stack(1024 * 1024), body);
    pygen::generator<int> boosts(std::allocator_arg, boost::context::protected_fixedsize_stack(256 * 1024), body);
    BOOST_TEST(by_default.next() + small.next() + guarded.next() + boosts.next() == 4);
    BOOST_TEST(pygen::default_stack_size == 128u * 1024u);
    // ]
}
