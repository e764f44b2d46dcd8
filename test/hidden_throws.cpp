// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// A generator's life throws only what Python raises: no forced_unwind per destruction (trap 9; items 22, 28, 29, 35).
#define BOOST_TEST_MODULE hidden_throws
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include <boost/context/fiber.hpp> // forced_unwind, from whichever backend the build uses

#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

// Linked with -Wl,--wrap=__cxa_throw (test/CMakeLists.txt, test/Jamfile): every `throw` compiled
// into this program, pygen's and Boost.Context's header code included, goes through
// __wrap___cxa_throw, which records the type thrown. (Rethrows, `throw;` and
// std::rethrow_exception, do not call __cxa_throw and are not recorded.)
//
// Destroying a Boost.Coroutine2 coroutine throws forced_unwind through its stack, even when it
// has finished (boostorg/coroutine2#25: ~1 us per generator). pygen's workers outlive their
// bodies, so a generator's life throws only what Python raises: GeneratorExit into a suspended
// generator that is closed or destroyed, and nothing for one that finished or never started.

namespace {

std::vector<std::type_info const*>& thrown() {
    static std::vector<std::type_info const*> types;
    return types;
}

// The names of the types thrown since the last call, in order; clears the record.
std::vector<std::string> take_thrown() {
    std::vector<std::string> names;
    for (std::type_info const* t : thrown()) {
        names.push_back(*t == typeid(pygen::generator_exit)                   ? "generator_exit"
                        : *t == typeid(pygen::runtime_error)                  ? "runtime_error"
                        : *t == typeid(pygen::detail::unwind_request)         ? "pygen unwind_request"
                        : *t == typeid(boost::context::detail::forced_unwind) ? "boost forced_unwind"
                        : *t == typeid(std::logic_error)                      ? "logic_error"
                                                                              : t->name());
    }
    thrown().clear();
    return names;
}

using gen = pygen::generator<int>;
using names = std::vector<std::string>;

} // namespace

extern "C" {

[[noreturn]] void __real___cxa_throw(void* object, std::type_info* type, void (*destroy)(void*));

[[noreturn]] void __wrap___cxa_throw(void* object, std::type_info* type, void (*destroy)(void*)) {
    thrown().push_back(type);
    __real___cxa_throw(object, type, destroy);
}

} // extern "C"

// Python: no equivalent. The record sees a throw of this program: it is linked with the wrap.
BOOST_AUTO_TEST_CASE(control_a_throw_here_is_recorded) {
    take_thrown();
    try {
        throw std::logic_error("control");
    } catch (std::logic_error const&) {
    }
    BOOST_TEST(take_thrown() == names({"logic_error"}), boost::test_tools::per_element());
}

// Python: g = gen(); list(g); del g   -> nothing raised but the StopIteration a for loop swallows
//   pygen: a generator run to its end by a range-for, then destroyed, throws nothing at all
BOOST_AUTO_TEST_CASE(finished_generator_throws_nothing_in_its_whole_life) {
    take_thrown();
    {
        gen g([](gen::yielder& yield) {
            yield(1);
            yield(2);
        });
        int sum = 0;
        for (int v : g) {
            sum += v;
        }
        BOOST_TEST(sum == 3);
        BOOST_TEST(g.state() == pygen::gen_state::closed);
    }
    BOOST_TEST(take_thrown() == names(), boost::test_tools::per_element());
}

// Python: g = gen(); del g   -> the body never runs, nothing raised
BOOST_AUTO_TEST_CASE(never_started_generator_throws_nothing) {
    take_thrown();
    {
        gen g([](gen::yielder& yield) { yield(1); });
        BOOST_TEST(g.state() == pygen::gen_state::created);
    }
    BOOST_TEST(take_thrown() == names(), boost::test_tools::per_element());
}

// Python: g = gen(); next(g); del g   -> GeneratorExit raised at the yield, once
//   pygen: exactly that one generator_exit; no forced_unwind follows
BOOST_AUTO_TEST_CASE(suspended_generator_destroyed_throws_only_generator_exit) {
    take_thrown();
    {
        gen g([](gen::yielder& yield) { yield(1); });
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST(take_thrown() == names({"generator_exit"}), boost::test_tools::per_element());
}

// Python: for i in range(1000): g = gen(); next(g); (g.close() if i % 2 else list(g))
//   pygen: 500 generator_exits for the 500 closed while suspended, nothing else, though the 1000
//   bodies ran one after another on reused stacks
BOOST_AUTO_TEST_CASE(a_thousand_lives_throw_only_the_generator_exits_of_close) {
    take_thrown();
    int sum = 0;
    for (int i = 0; i < 1000; ++i) {
        gen g([](gen::yielder& yield) {
            yield(1);
            yield(2);
        });
        sum += g.next();
        if (i % 2 != 0) {
            g.close();
        } else {
            for (int v : g) {
                sum += v;
            }
        }
    }
    BOOST_TEST(sum == 2000);
    names const got = take_thrown();
    BOOST_TEST(got.size() == 500u);
    BOOST_TEST(got == names(500, "generator_exit"), boost::test_tools::per_element());
}

// Python: def level(sub): yield from sub
//         g = level(level(inner())); next(g); del g   -> GeneratorExit in each of the three frames
BOOST_AUTO_TEST_CASE(suspended_chain_destroyed_throws_one_generator_exit_per_level) {
    take_thrown();
    {
        gen g([](gen::yielder& yield) {
            yield.from(gen([](gen::yielder& middle) { middle.from(gen([](gen::yielder& inner) { inner(1); })); }));
        });
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST(take_thrown() == names(3, "generator_exit"), boost::test_tools::per_element());
}

// Python: def gen():
//             while True:
//                 try: yield 1
//                 except GeneratorExit: pass
//         next(g); del g   -> GeneratorExit, then RuntimeError('generator ignored GeneratorExit')
//   pygen: the same two, then its own forced unwind of that stack (never Boost's forced_unwind)
BOOST_AUTO_TEST_CASE(generator_ignoring_generator_exit_throws_pygens_own_unwind_once) {
    std::vector<std::exception_ptr> errors;
    pygen::unraisable_hook const previous =
        pygen::set_unraisable_hook([&errors](std::exception_ptr e) { errors.push_back(e); });
    take_thrown();
    {
        gen g([](gen::yielder& yield) {
            for (;;) {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                }
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    names const got = take_thrown();
    pygen::set_unraisable_hook(previous);
    BOOST_TEST(got == names({"generator_exit", "runtime_error", "pygen unwind_request"}),
               boost::test_tools::per_element());
    BOOST_TEST(errors.size() == 1u);
}
