#ifndef PYGEN_TEST_YIELD_FROM_SUPPORT_HPP_INCLUDED
#define PYGEN_TEST_YIELD_FROM_SUPPORT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Types and helpers shared by the yield_from_*.cpp test files.

#include "support.hpp"

#include <pygen/generator.hpp>

#include <stdexcept>
#include <string>
#include <tuple>

namespace pygen_test {

using gen = pygen::generator<int>;             // the sub-generators
using rgen = pygen::generator<int, void, int>; // a sub-generator with a return value
using lgen = pygen::generator<long>;           // other Y: values pass through the delegator
using sgen = pygen::generator<int, int>;       // other S: values pass through the delegator

// Delegators: the same Y and S as the sub (one chain, calls go straight to the innermost stack),
// and two that differ (each value passes through the delegator's stack).
using delegators = std::tuple<gen, lgen, sgen>;

// Depth-3 chains outer -> middle -> inner (inner is a gen): one chain of the same types, the outer
// forwarding to a chain of two, and a chain of two whose middle forwards to the inner.
struct all_same {
    using outer = gen;
    using middle = gen;
};
struct outer_forwards {
    using outer = lgen;
    using middle = gen;
};
struct middle_forwards {
    using outer = lgen;
    using middle = lgen;
};
using chains = std::tuple<all_same, outer_forwards, middle_forwards>;

// The messages of the contract's errors.
char const* const ignored_exit = "generator ignored GeneratorExit";
char const* const already_executing = "generator already executing";
char const* const raised_stop = "generator raised StopIteration";

// "GEN_RUNNING" and so on.
inline std::string name(pygen::gen_state s) { return pygen::to_string(s); }

// "where: sub <state> d <state>", to log the states of a sub and its delegator from inside a body.
inline std::string states(char const* where, pygen::gen_state sub, pygen::gen_state delegator) {
    return std::string(where) + ": sub " + name(sub) + " d " + name(delegator);
}

// def sub(): yield 1; log('sub end'); return 7
inline rgen one_then_returns_7(log_type& log) {
    return rgen([&log](rgen::yielder& yield) -> int {
        yield(1);
        log.push_back("sub end");
        return 7;
    });
}

// def sub(): try: yield 1
//            except GeneratorExit: log('sub GE'); return 5
inline rgen returns_5_on_generator_exit(log_type& log) {
    return rgen([&log](rgen::yielder& yield) -> int {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("sub GE");
            return 5;
        }
        return 0;
    });
}

// def sub(): try: yield 1
//            except GeneratorExit: log('sub GE'); raise KeyError('k')
//            finally: log('sub finally')
inline gen raises_on_generator_exit(log_type& log) {
    return gen([&log](gen::yielder& yield) {
        recorder fin(log, "sub_finally");
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("sub GE");
            throw std::out_of_range("k");
        }
    });
}

} // namespace pygen_test

#endif // #ifndef PYGEN_TEST_YIELD_FROM_SUPPORT_HPP_INCLUDED
