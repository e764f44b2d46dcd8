// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// yield.from values and sends: values straight to the caller (32), next/send forwarding (33), return value (36, 9).
#define BOOST_TEST_MODULE yield_from_values
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "yield_from_support.hpp"

#include <boost/optional.hpp>

#include <memory>
#include <string>
#include <vector>

using namespace pygen_test;

namespace {

using opt = boost::optional<int>;

std::string show(int v) { return std::to_string(v); }
std::string show(long v) { return std::to_string(v); }
std::string show(opt const& v) { return v ? std::to_string(*v) : std::string("None"); }
std::string show(boost::optional<long> const& v) { return v ? std::to_string(*v) : std::string("None"); }

// StopIteration.value of what f throws (a copy), which must be an R.
template <class R, class F> R stop_value(F f) {
    try {
        f();
    } catch (pygen::stop_iteration const& e) {
        return e.value<R>();
    }
    BOOST_FAIL("no stop_iteration thrown");
    return R();
}

using ret_gen = pygen::generator<int, void, int>;
using str_gen = pygen::generator<int, void, std::string>;
using ptr_gen = pygen::generator<int, void, std::unique_ptr<int>>;
using int_gen = pygen::generator<int>;

// def counted(first, n, ret): yield first; ...; yield first + n - 1; return ret
ret_gen counted(int first, int n, int ret) {
    return ret_gen([first, n, ret](ret_gen::yielder& yield) -> int {
        for (int i = 0; i < n; ++i) {
            yield(first + i);
        }
        return ret;
    });
}

// def chain(level): see the chain_of_depth_* cases.
using chain_gen = pygen::generator<int, int, int>;

chain_gen chain(int level, log_type& log) {
    return chain_gen([level, &log](chain_gen::yielder& yield) -> int {
        if (level == 0) {
            log.push_back("leaf " + show(yield(1000)));
            log.push_back("leaf " + show(yield(1001)));
            return 7;
        }
        std::string const me = "L" + show(level);
        log.push_back(me + " before " + show(yield(level * 10)));
        int const r = yield.from(chain(level - 1, log));
        log.push_back(me + " r " + show(r));
        log.push_back(me + " after " + show(yield(level * 10 + 1)));
        return r + 1;
    });
}

struct chain_run {
    std::vector<int> values;
    int returned = -1;
};

// out = [next(g)]; then g.send(1), g.send(2), ... until StopIteration.
chain_run drive(chain_gen& g) {
    chain_run run;
    run.values.push_back(g.next());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    try {
        for (int n = 1; n < 100; ++n) {
            run.values.push_back(g.send(n));
            BOOST_TEST(g.state() == pygen::gen_state::suspended);
        }
    } catch (pygen::stop_iteration const& e) {
        run.returned = e.value<int>();
    }
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    return run;
}

// What Python's chain(depth) logs and yields, written out for any depth.
void check_chain(int depth) {
    log_type log;
    chain_gen g = chain(depth, log);
    chain_run const run = drive(g);
    std::vector<int> values;
    log_type expected;
    int sent = 1;
    for (int level = depth; level >= 1; --level) {
        values.push_back(level * 10);
        expected.push_back("L" + show(level) + " before " + show(sent++));
    }
    values.push_back(1000);
    values.push_back(1001);
    expected.push_back("leaf " + show(sent++));
    expected.push_back("leaf " + show(sent++));
    for (int level = 1; level <= depth; ++level) {
        values.push_back(level * 10 + 1);
        expected.push_back("L" + show(level) + " r " + show(6 + level));
        expected.push_back("L" + show(level) + " after " + show(sent++));
    }
    BOOST_TEST(run.values == values, boost::test_tools::per_element());
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(run.returned == 7 + depth);
}

} // namespace

// Python: def sub(): yield 1; yield 2; return 3
//         def outer(): yield 0; r = yield from sub(); log.append(r); yield r * 10
//         [next(g) for _ in range(3)] == [0, 1, 2]; log == []; next(g) == 30; log == [3]
BOOST_AUTO_TEST_CASE(values_go_straight_to_the_caller_and_the_return_value_is_the_result) {
    using gen = pygen::generator<int>;
    std::vector<int> log;
    gen g([&log](gen::yielder& yield) {
        yield(0);
        int const r = yield.from(counted(1, 2, 3));
        log.push_back(r);
        yield(r * 10);
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(log.empty());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 30);
    BOOST_TEST(log == (std::vector<int>{3}), boost::test_tools::per_element());
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub():
//             while True: got.append((yield len(got)))
//         def outer(): outer_got.append((yield from sub()))
//         next(g) == 0; g.send(5) == 1; next(g) == 2; g.send(None) == 3; g.send(7) == 4; g.send(0) == 5
//         got == [5, None, None, 7, 0]; outer_got == []
BOOST_AUTO_TEST_CASE(next_forwards_as_next_and_send_forwards_as_send) {
    using sub_gen = pygen::generator<int, opt, int>;
    using gen = pygen::generator<int, opt>;
    log_type got;
    log_type outer_got;
    gen g([&got, &outer_got](gen::yielder& yield) {
        int const r = yield.from(sub_gen([&got](sub_gen::yielder& sub_yield) -> int {
            for (;;) {
                got.push_back(show(sub_yield(static_cast<int>(got.size()))));
            }
        }));
        outer_got.push_back(show(r));
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.send(opt(5)) == 1);
    BOOST_TEST(got == (log_type{"5"}), boost::test_tools::per_element());
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(got == (log_type{"5", "None"}), boost::test_tools::per_element());
    BOOST_TEST(g.send(pygen::none) == 3);
    BOOST_TEST(g.send(opt(7)) == 4);
    BOOST_TEST(g.send(opt(0)) == 5);
    BOOST_TEST(got == (log_type{"5", "None", "None", "7", "0"}), boost::test_tools::per_element());
    BOOST_TEST(outer_got.empty());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: def sub():
//             while True: got.append((yield))
//         def outer(): yield from sub()
//         next(g); next(g); g.send(0); g.send(4)    -> got == [None, 0, 4]
// (C++: the delegator's S is int, the sub's boost::optional<int>: next() must stay a next() in the sub.)
BOOST_AUTO_TEST_CASE(next_stays_next_for_a_sub_of_another_send_type) {
    using sub_gen = pygen::generator<int, opt>;
    using gen = pygen::generator<int, int>;
    log_type got;
    gen g([&got](gen::yielder& yield) {
        yield.from(sub_gen([&got](sub_gen::yielder& sub_yield) {
            for (int i = 0;; ++i) {
                got.push_back(show(sub_yield(i)));
            }
        }));
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.send(0) == 2);
    BOOST_TEST(g.send(4) == 3);
    BOOST_TEST(got == (log_type{"None", "0", "4"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: def sub_s(): yield 1; return "done"
//         def sub_void(): yield 2
//         def outer(): log.append((yield from sub_s())); yield from sub_void(); log.append('after void')
//         list(outer()) == [1, 2]; log == ["done", 'after void']
BOOST_AUTO_TEST_CASE(yield_from_value_is_a_string_or_void_return_value) {
    using gen = pygen::generator<int>;
    log_type log;
    gen g([&log](gen::yielder& yield) {
        log.push_back(yield.from(str_gen([](str_gen::yielder& sub_yield) -> std::string {
            sub_yield(1);
            return "done";
        })));
        yield.from(int_gen([](int_gen::yielder& sub_yield) { sub_yield(2); }));
        log.push_back("after void");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(log.empty());
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(log == (log_type{"done"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(log == (log_type{"done", "after void"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub(n): yield n; return [n * 10]     (a fresh object, handed over, not copied)
//         def outer(): a = yield from sub(1); b = yield from s; yield a[0] + b[0]
//         list(outer()) == [1, 2, 30]
BOOST_AUTO_TEST_CASE(yield_from_value_is_a_move_only_return_value) {
    using gen = pygen::generator<int>;
    std::vector<int const*> made;
    auto make_sub = [&made](int n) {
        return ptr_gen([n, &made](ptr_gen::yielder& yield) -> std::unique_ptr<int> {
            yield(n);
            std::unique_ptr<int> p(new int(n * 10));
            made.push_back(p.get());
            return p;
        });
    };
    ptr_gen s = make_sub(2);
    std::vector<int const*> received;
    gen g([&](gen::yielder& yield) {
        std::unique_ptr<int> a = yield.from(make_sub(1)); // a temporary sub
        received.push_back(a.get());
        std::unique_ptr<int> b = yield.from(s); // an lvalue sub
        received.push_back(b.get());
        yield(*a + *b);
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(received.size() == 1u);
    BOOST_TEST(g.next() == 30);
    BOOST_TEST(received == made, boost::test_tools::per_element());
    BOOST_TEST(received.size() == 2u);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&s] { s.next(); }) == 0); // the value went to the delegator, not replayed
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub():
//             ran.append('sub'); return 42
//             yield
//         def outer(): r = yield from sub(); yield r
//         list(outer()) == [42]
BOOST_AUTO_TEST_CASE(sub_that_returns_without_yielding_gives_its_value_at_once) {
    using gen = pygen::generator<int>;
    log_type ran;
    gen g([&ran](gen::yielder& yield) {
        int const r = yield.from(ret_gen([&ran](ret_gen::yielder&) -> int {
            ran.push_back("sub");
            return 42;
        }));
        ran.push_back("outer " + show(r));
        yield(r);
    });
    BOOST_TEST(g.next() == 42);
    BOOST_TEST(ran == (log_type{"sub", "outer 42"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: s = sub(); next(s) == 1; next(s) -> StopIteration(5)
//         def outer(): log.append('before'); r = yield from s; log.append(r); yield -1
//         next(g) == -1; log == ['before', None]        (C++: a value-initialized int, 0)
BOOST_AUTO_TEST_CASE(exhausted_sub_gives_value_initialized_int_at_once) {
    using gen = pygen::generator<int>;
    int runs = 0;
    ret_gen s([&runs](ret_gen::yielder& yield) -> int {
        ++runs;
        yield(1);
        ++runs;
        return 5;
    });
    BOOST_TEST(s.next() == 1);
    BOOST_TEST(stop_value<int>([&s] { s.next(); }) == 5);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    log_type log;
    gen g([&log, &s](gen::yielder& yield) {
        log.push_back("before");
        int const r = yield.from(s);
        log.push_back(show(r));
        yield(-1);
    });
    BOOST_TEST(g.next() == -1);
    BOOST_TEST(log == (log_type{"before", "0"}), boost::test_tools::per_element());
    BOOST_TEST(runs == 2);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&s] { s.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: exhausted or closed-before-start subs of every return type:
//         s = sub(); s.close()   (the body never runs)
//         def outer(): r = yield from s; yield r     -> list(outer()) == [None], ran == []
//         (C++: "" for std::string, a null unique_ptr, nothing for void)
BOOST_AUTO_TEST_CASE(exhausted_or_closed_subs_of_other_return_types_give_value_initialized_results) {
    using gen = pygen::generator<int>;
    int ran = 0;
    str_gen s1([&ran](str_gen::yielder& yield) -> std::string {
        ++ran;
        yield(1);
        return "x";
    });
    BOOST_TEST(s1.next() == 1);
    BOOST_TEST(stop_value<std::string>([&s1] { s1.next(); }) == "x");
    ptr_gen s2([&ran](ptr_gen::yielder&) -> std::unique_ptr<int> {
        ++ran;
        return std::unique_ptr<int>(new int(1));
    });
    BOOST_TEST(stop_has_value([&s2] { s2.next(); }) == 1);
    int_gen s3([&ran](int_gen::yielder& yield) {
        ++ran;
        yield(1);
    });
    s3.close(); // before its start: the body never runs
    BOOST_TEST(s3.state() == pygen::gen_state::closed);
    ret_gen s4([&ran](ret_gen::yielder& yield) -> int {
        ++ran;
        yield(1);
        return 4;
    });
    s4.close();
    BOOST_TEST(ran == 2);
    log_type log;
    gen g([&](gen::yielder& yield) {
        log.push_back("[" + yield.from(s1) + "]");
        log.push_back(yield.from(s2) ? "ptr" : "null");
        yield.from(s3);
        log.push_back("void");
        log.push_back(show(yield.from(s4)));
        yield(-1);
    });
    BOOST_TEST(g.next() == -1);
    BOOST_TEST(log == (log_type{"[]", "null", "void", "0"}), boost::test_tools::per_element());
    BOOST_TEST(ran == 2);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

// Python: def outer(): r = yield from iter(()); yield r    -> list(outer()) == [None]
//         (C++: an empty, default-constructed generator is closed: a value-initialized R2 at once)
BOOST_AUTO_TEST_CASE(empty_generator_gives_value_initialized_result_at_once) {
    using gen = pygen::generator<int>;
    ret_gen empty;
    BOOST_TEST(empty.state() == pygen::gen_state::closed);
    log_type log;
    gen g([&log, &empty](gen::yielder& yield) {
        log.push_back(show(yield.from(ret_gen())));
        log.push_back("[" + yield.from(str_gen()) + "]");
        log.push_back(yield.from(ptr_gen()) ? "ptr" : "null");
        yield.from(int_gen());
        log.push_back(show(yield.from(empty)));
        yield(-1);
    });
    BOOST_TEST(g.next() == -1);
    BOOST_TEST(log == (log_type{"0", "[]", "null", "0"}), boost::test_tools::per_element());
    BOOST_TEST(empty.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: s = sub()   (yield 1; yield 2; return 9);  def outer(): r = yield from s; yield r
//         getgeneratorstate(s) == 'GEN_CREATED'; next(g) == 1; s and g 'GEN_SUSPENDED'; next(g) == 2
//         next(g) == 9; getgeneratorstate(s) == 'GEN_CLOSED'; next(s) -> StopIteration, value None
BOOST_AUTO_TEST_CASE(lvalue_sub_states_and_its_return_value_is_reported_once) {
    using gen = pygen::generator<int>;
    ret_gen s = counted(1, 2, 9);
    gen g([&s](gen::yielder& yield) {
        int const r = yield.from(s);
        yield(r);
    });
    BOOST_TEST(s.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 9);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(stop_has_value([&s] { s.next(); }) == 0);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub(n):
//             try: yield n
//             finally: log.append('sub finally')
//             return n + 1
//         def outer(): r = yield from sub(3); log.append(('r', r)); yield r
//         list(outer()) == [3, 4]; log == ['sub finally', ('r', 4)]
BOOST_AUTO_TEST_CASE(temporary_sub_finishes_before_yield_from_returns) {
    using gen = pygen::generator<int>;
    log_type log;
    auto make_sub = [&log](int n) {
        return ret_gen([n, &log](ret_gen::yielder& yield) -> int {
            recorder local(log, "sub local");
            yield(n);
            return n + 1;
        });
    };
    gen g([&log, &make_sub](gen::yielder& yield) {
        int const r = yield.from(make_sub(3));
        log.push_back("r " + show(r));
        yield(r);
    });
    BOOST_TEST(g.next() == 3);
    BOOST_TEST(log.empty());
    BOOST_TEST(g.next() == 4);
    BOOST_TEST(log == (log_type{"~sub local", "r 4"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

namespace {

// Python: def sub(): got.append((yield 1)); got.append((yield 2)); got.append((yield 3)); return 'r'
//         s = sub(); next(s) == 1
//         def outer(): x = yield 0; got.append(('outer', x)); r = yield from s; yield r
//         next(g) == 0; g.send(5) == 2; got == [('outer', 5), None]
//         g.send(6) == 3; g.send(7) == 'r'; got == [('outer', 5), None, 6, 7]
template <class Outer> void check_partly_consumed_sub() {
    using sub_gen = pygen::generator<int, opt, std::string>;
    using gen = Outer;
    log_type got;
    sub_gen s([&got](sub_gen::yielder& yield) -> std::string {
        got.push_back(show(yield(1)));
        got.push_back(show(yield(2)));
        got.push_back(show(yield(3)));
        return "r";
    });
    BOOST_TEST(s.next() == 1);
    gen g([&got, &s](typename gen::yielder& yield) {
        got.push_back("outer " + show(yield(0)));
        std::string const r = yield.from(s);
        got.push_back("r " + r);
        yield(-1);
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.send(5) == 2);
    BOOST_TEST(got == (log_type{"outer 5", "None"}), boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(6) == 3);
    BOOST_TEST(g.send(7) == -1);
    BOOST_TEST(got == (log_type{"outer 5", "None", "6", "7", "r r"}), boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

} // namespace

// (Python above) once with the sub's Y and S in the delegator, once with other types (long, int)
BOOST_AUTO_TEST_CASE(partly_consumed_sub_is_resumed_with_next) {
    BOOST_TEST_CONTEXT("same types") { check_partly_consumed_sub<pygen::generator<int, opt>>(); }
    BOOST_TEST_CONTEXT("other types") { check_partly_consumed_sub<pygen::generator<long, int>>(); }
}

namespace {

// Python: def leaf(): log.append(('leaf', (yield 1))); log.append(('leaf', (yield 2))); return 'L'
//         def mid(): r = yield from leaf(); log.append(('mid r', r)); log.append(('mid', (yield 10))); return 'M'
//         m = mid(); next(m) == 1          (m is now suspended inside its own yield from)
//         def outer(): r = yield from m; log.append(('outer r', r)); yield 100
//         next(g) == 2; g.send(5) == 10; g.send(6) == 100
//         log == [('leaf', None), ('leaf', 5), ('mid r', 'L'), ('mid', 6), ('outer r', 'M')]
template <class Outer> void check_partly_consumed_delegating_sub() {
    using mid_gen = pygen::generator<int, int, std::string>;
    using gen = Outer;
    log_type log;
    mid_gen m([&log](mid_gen::yielder& yield) -> std::string {
        std::string const r = yield.from(mid_gen([&log](mid_gen::yielder& leaf_yield) -> std::string {
            log.push_back("leaf " + show(leaf_yield(1)));
            log.push_back("leaf " + show(leaf_yield(2)));
            return "L";
        }));
        log.push_back("mid r " + r);
        log.push_back("mid " + show(yield(10)));
        return "M";
    });
    BOOST_TEST(m.next() == 1);
    gen g([&log, &m](typename gen::yielder& yield) {
        std::string const r = yield.from(m);
        log.push_back("outer r " + r);
        yield(100);
    });
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(log == (log_type{"leaf 0"}), boost::test_tools::per_element());
    BOOST_TEST(g.send(5) == 10);
    BOOST_TEST(log == (log_type{"leaf 0", "leaf 5", "mid r L"}), boost::test_tools::per_element());
    BOOST_TEST(g.send(6) == 100);
    BOOST_TEST(log == (log_type{"leaf 0", "leaf 5", "mid r L", "mid 6", "outer r M"}),
               boost::test_tools::per_element());
    BOOST_TEST(m.state() == pygen::gen_state::closed);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

} // namespace

// (Python above) once with the sub's Y and S in the delegator, once with other types (long, long)
BOOST_AUTO_TEST_CASE(partly_consumed_sub_that_is_itself_delegating) {
    BOOST_TEST_CONTEXT("same types") { check_partly_consumed_delegating_sub<pygen::generator<int, int>>(); }
    BOOST_TEST_CONTEXT("other types") { check_partly_consumed_delegating_sub<pygen::generator<long, long>>(); }
}

// Python: def sub(): got.append(('sub', (yield 1))); return 4
//         def outer(): x = yield 0; got.append(('outer', x)); r = yield from sub(); got.append(('r', r)); yield r
//         next(g) == 0; g.send(5) == 1 (no TypeError: yield from starts the sub with next)
//         g.send(8) == 4; got == [('outer', 5), ('sub', 8), ('r', 4)]
BOOST_AUTO_TEST_CASE(fresh_sub_is_started_with_next_even_after_a_send) {
    using gen = pygen::generator<int, int>;
    using sub_gen = pygen::generator<int, int, int>;
    log_type got;
    gen g([&got](gen::yielder& yield) {
        got.push_back("outer " + show(yield(0)));
        int const r = yield.from(sub_gen([&got](sub_gen::yielder& sub_yield) -> int {
            got.push_back("sub " + show(sub_yield(1)));
            return 4;
        }));
        got.push_back("r " + show(r));
        yield(r);
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.send(5) == 1);
    BOOST_TEST(got == (log_type{"outer 5"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(8) == 4);
    BOOST_TEST(got == (log_type{"outer 5", "sub 8", "r 4"}), boost::test_tools::per_element());
}

// Python: def chain(level):
//             if level == 0: log.append(('leaf', (yield 1000))); log.append(('leaf', (yield 1001))); return 7
//             log.append((level, 'before', (yield level * 10))); r = yield from chain(level - 1)
//             log.append((level, 'r', r)); log.append((level, 'after', (yield level * 10 + 1))); return r + 1
//         g = chain(2); [next(g), g.send(1), ..., g.send(5)] == [20, 10, 1000, 1001, 11, 21]
//         g.send(6) -> StopIteration(9)
BOOST_AUTO_TEST_CASE(chain_of_depth_2) {
    log_type log;
    chain_gen g = chain(2, log);
    chain_run const run = drive(g);
    BOOST_TEST(run.values == (std::vector<int>{20, 10, 1000, 1001, 11, 21}), boost::test_tools::per_element());
    BOOST_TEST(log == (log_type{"L2 before 1", "L1 before 2", "leaf 3", "leaf 4", "L1 r 7", "L1 after 5", "L2 r 8",
                                "L2 after 6"}),
               boost::test_tools::per_element());
    BOOST_TEST(run.returned == 9);
    check_chain(2);
}

// Python: g = chain(3) -> [30, 20, 10, 1000, 1001, 11, 21, 31], StopIteration(10)
//         log == [(3,'before',1), (2,'before',2), (1,'before',3), ('leaf',4), ('leaf',5), (1,'r',7),
//                 (1,'after',6), (2,'r',8), (2,'after',7), (3,'r',9), (3,'after',8)]
BOOST_AUTO_TEST_CASE(chain_of_depth_3) {
    log_type log;
    chain_gen g = chain(3, log);
    chain_run const run = drive(g);
    BOOST_TEST(run.values == (std::vector<int>{30, 20, 10, 1000, 1001, 11, 21, 31}), boost::test_tools::per_element());
    BOOST_TEST(log == (log_type{"L3 before 1", "L2 before 2", "L1 before 3", "leaf 4", "leaf 5", "L1 r 7", "L1 after 6",
                                "L2 r 8", "L2 after 7", "L3 r 9", "L3 after 8"}),
               boost::test_tools::per_element());
    BOOST_TEST(run.returned == 10);
    check_chain(3);
}

// Python: g = chain(10) -> [100, 90, ..., 10, 1000, 1001, 11, 21, ..., 101], StopIteration(17)
//         log: (10,'before',1) ... (1,'before',10), ('leaf',11), ('leaf',12), (1,'r',7), (1,'after',13) ...
//         (10,'r',16), (10,'after',22)
BOOST_AUTO_TEST_CASE(chain_of_depth_10) { check_chain(10); }

// Python: def leaf(): log.append(('leaf', (yield 1))); log.append(('leaf', (yield 2))); return 7
//         def mid(): log.append(('mid', (yield 10))); r = yield from leaf(); log.append(('mid r', r)); return r + 1
//         def outer(): r = yield from mid(); log.append(('outer r', r)); yield 100.0; return str(r)
//         next(g) == 10; g.send(5) == 1; next(g) == 2; g.send(6) == 100.0; next(g) -> StopIteration('8')
//         log == [('mid', 5), ('leaf', None), ('leaf', 6), ('mid r', 7), ('outer r', 8)]
BOOST_AUTO_TEST_CASE(chain_of_depth_3_with_different_types_at_each_level) {
    using leaf_gen = pygen::generator<int, boost::optional<long>, int>;
    using mid_gen = pygen::generator<long, long, long>;
    using gen = pygen::generator<double, int, std::string>;
    log_type log;
    gen g([&log](gen::yielder& yield) -> std::string {
        long const r = yield.from(mid_gen([&log](mid_gen::yielder& mid_yield) -> long {
            log.push_back("mid " + show(mid_yield(10)));
            int const r2 = mid_yield.from(leaf_gen([&log](leaf_gen::yielder& leaf_yield) -> int {
                log.push_back("leaf " + show(leaf_yield(1)));
                log.push_back("leaf " + show(leaf_yield(2)));
                return 7;
            }));
            log.push_back("mid r " + show(r2));
            return r2 + 1;
        }));
        log.push_back("outer r " + show(r));
        yield(100.0);
        return std::to_string(r);
    });
    BOOST_TEST(g.next() == 10.0);
    BOOST_TEST(g.send(5) == 1.0);
    BOOST_TEST(g.next() == 2.0);
    BOOST_TEST(g.send(6) == 100.0);
    BOOST_TEST(log == (log_type{"mid 5", "leaf None", "leaf 6", "mid r 7", "outer r 8"}),
               boost::test_tools::per_element());
    BOOST_TEST(stop_value<std::string>([&g] { g.next(); }) == "8");
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub(): got.append((yield 1)); got.append((yield 2)); return 3
//         def outer(): r = yield from sub(); yield r * 10
//         next(g) == 1; g.send(5) == 2; g.send(6) == 30; got == [5, 6]
//         (C++: int values into a long generator, int sends into a long-receiving sub; strings from
//         `std::string const&` and `char const*` subs into a std::string generator)
BOOST_AUTO_TEST_CASE(values_and_sends_convert_between_generator_types) {
    using sub_gen = pygen::generator<int, long, int>;
    using gen = pygen::generator<long, int, long>;
    log_type got;
    gen g([&got](gen::yielder& yield) -> long {
        long const r = yield.from(sub_gen([&got](sub_gen::yielder& sub_yield) -> int {
            got.push_back(show(sub_yield(1)));
            got.push_back(show(sub_yield(2)));
            return 3;
        }));
        yield(r * 10);
        return r;
    });
    BOOST_TEST(g.next() == 1L);
    BOOST_TEST(g.send(5) == 2L);
    BOOST_TEST(g.send(6) == 30L);
    BOOST_TEST(got == (log_type{"5", "6"}), boost::test_tools::per_element());
    BOOST_TEST(stop_value<long>([&g] { g.next(); }) == 3L);

    using cref_gen = pygen::generator<std::string const&>;
    using cstr_gen = pygen::generator<char const*>;
    using string_gen = pygen::generator<std::string>;
    string_gen strings([](string_gen::yielder& yield) {
        yield.from(cref_gen([](cref_gen::yielder& sub_yield) {
            std::string const a = "a";
            std::string const b = "b";
            sub_yield(a);
            sub_yield(b);
        }));
        yield.from(cstr_gen([](cstr_gen::yielder& sub_yield) { sub_yield("c"); }));
    });
    std::vector<std::string> out;
    for (std::string& s : strings) {
        out.push_back(s);
    }
    BOOST_TEST(out == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
    BOOST_TEST(strings.state() == pygen::gen_state::closed);
}

// Python: def sub(): yield 1; yield 2       (its yields' values are ignored)
//         def outer(): x = yield 0; log.append(('x', x)); yield from sub(); y = yield 10; log.append(('y', y))
//         next(g) == 0; g.send(5) == 1; g.send(6) == 2; g.send(7) == 10; g.send(8) -> StopIteration
//         log == [('x', 5), ('y', 8)]      (C++: the sub's S is void, so 6 and 7 are dropped)
BOOST_AUTO_TEST_CASE(sends_are_dropped_for_a_sub_with_void_send_type) {
    using gen = pygen::generator<int, int>;
    log_type log;
    int sub_steps = 0;
    gen g([&log, &sub_steps](gen::yielder& yield) {
        log.push_back("x " + show(yield(0)));
        yield.from(int_gen([&sub_steps](int_gen::yielder& sub_yield) {
            ++sub_steps;
            sub_yield(1);
            ++sub_steps;
            sub_yield(2);
            ++sub_steps;
        }));
        log.push_back("y " + show(yield(10)));
    });
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.send(5) == 1);
    BOOST_TEST(g.send(6) == 2);
    BOOST_TEST(sub_steps == 2);
    BOOST_TEST(g.send(7) == 10);
    BOOST_TEST(sub_steps == 3);
    BOOST_CHECK_THROW(g.send(8), pygen::stop_iteration);
    BOOST_TEST(log == (log_type{"x 5", "y 8"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: cells = [[1], [2]]
//         def sub():
//             for c in cells: yield c; seen.append(c[0])
//         def outer(): yield from sub()
//         c = next(g); c[0] += 100; c = next(g); c[0] *= 10; next(g) -> StopIteration
//         seen == [101, 20]; cells == [[101], [20]]
BOOST_AUTO_TEST_CASE(reference_yields_let_the_caller_modify_the_object) {
    using gen = pygen::generator<int&>;
    std::vector<int> cells{1, 2};
    std::vector<int> seen;
    gen g([&cells, &seen](gen::yielder& yield) {
        yield.from(gen([&cells, &seen](gen::yielder& sub_yield) {
            for (int& c : cells) {
                sub_yield(c);
                seen.push_back(c);
            }
        }));
    });
    int& a = g.next();
    BOOST_TEST(&a == &cells[0]);
    a += 100;
    int& b = g.next();
    BOOST_TEST(&b == &cells[1]);
    BOOST_TEST(seen == (std::vector<int>{101}), boost::test_tools::per_element());
    b *= 10;
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(seen == (std::vector<int>{101, 20}), boost::test_tools::per_element());
    BOOST_TEST(cells == (std::vector<int>{101, 20}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def inner():
//             total = 0
//             while True: x = yield; (return total if x < 0); total += x
//         def middle(): t = yield from inner(); log.append(('middle', t)); return t * 2
//         def outer(): t = yield from middle(); log.append(('outer', t)); yield
//         next(g); g.send(1); g.send(2); g.send(4); log == []; g.send(-1); log == [('middle', 7), ('outer', 14)]
BOOST_AUTO_TEST_CASE(void_consumer_chain_sends_reach_the_innermost) {
    using consumer = pygen::generator<void, int, int>;
    using gen = pygen::generator<void, int>;
    log_type log;
    std::vector<int> received;
    gen g([&log, &received](gen::yielder& yield) {
        int const t = yield.from(consumer([&log, &received](consumer::yielder& middle_yield) -> int {
            int const t2 = middle_yield.from(consumer([&received](consumer::yielder& inner_yield) -> int {
                int total = 0;
                for (;;) {
                    int const x = inner_yield();
                    received.push_back(x);
                    if (x < 0) {
                        return total;
                    }
                    total += x;
                }
            }));
            log.push_back("middle " + show(t2));
            return t2 * 2;
        }));
        log.push_back("outer " + show(t));
        yield();
    });
    g.next();
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    g.send(1);
    g.send(2);
    g.send(4);
    BOOST_TEST(received == (std::vector<int>{1, 2, 4}), boost::test_tools::per_element());
    BOOST_TEST(log.empty());
    g.send(-1);
    BOOST_TEST(log == (log_type{"middle 7", "outer 14"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(g.send(3), pygen::stop_iteration);
    BOOST_TEST(received == (std::vector<int>{1, 2, 4, -1}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def a(): yield 1; return 10          done = a(); list(done)
//         def b(): yield 2; yield 3; return 20
//         def c(): yield 4
//         def outer(): x = yield from a(); y = yield from done; z = yield from b(); w = yield from c(); return x + z
//         values == [1, 2, 3, 4]; log == [10, None, 20, None]; StopIteration(30)
BOOST_AUTO_TEST_CASE(several_yield_from_in_sequence) {
    using gen = pygen::generator<int, void, int>;
    ret_gen done = counted(1, 1, 10);
    BOOST_TEST(done.next() == 1);
    BOOST_TEST(stop_value<int>([&done] { done.next(); }) == 10);
    log_type log;
    gen g([&log, &done](gen::yielder& yield) -> int {
        int const x = yield.from(counted(1, 1, 10));
        log.push_back(show(x));
        int const y = yield.from(done);
        log.push_back(show(y));
        int const z = yield.from(counted(2, 2, 20));
        log.push_back(show(z));
        yield.from(int_gen([](int_gen::yielder& sub_yield) { sub_yield(4); }));
        log.push_back("void");
        return x + z;
    });
    std::vector<int> values;
    values.push_back(g.next());
    values.push_back(g.next());
    BOOST_TEST(log == (log_type{"10", "0"}), boost::test_tools::per_element());
    values.push_back(g.next());
    values.push_back(g.next());
    BOOST_TEST(values == (std::vector<int>{1, 2, 3, 4}), boost::test_tools::per_element());
    BOOST_TEST(stop_value<int>([&g] { g.next(); }) == 30);
    BOOST_TEST(log == (log_type{"10", "0", "20", "void"}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub(i):
//             for k in range(i): yield i * 10 + k
//             return i
//         def outer(): total = 0; for i in range(4): total += yield from sub(i); return total
//         values == [10, 20, 21, 30, 31, 32]; StopIteration(6)
BOOST_AUTO_TEST_CASE(yield_from_inside_a_loop) {
    using gen = pygen::generator<int, void, int>;
    gen g([](gen::yielder& yield) -> int {
        int total = 0;
        for (int i = 0; i < 4; ++i) {
            total += yield.from(counted(i * 10, i, i));
        }
        return total;
    });
    std::vector<int> values;
    int returned = -1;
    try {
        for (int n = 0; n < 20; ++n) {
            values.push_back(g.next());
        }
    } catch (pygen::stop_iteration const& e) {
        returned = e.value<int>();
    }
    BOOST_TEST(values == (std::vector<int>{10, 20, 21, 30, 31, 32}), boost::test_tools::per_element());
    BOOST_TEST(returned == 6);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

namespace {

using helper_gen = pygen::generator<int>;

// A plain function that yields, and yields from, on its caller's behalf.
int helper(helper_gen::yielder& yield, int n) {
    yield(n);
    if (n == 0) {
        return yield.from(counted(700, 1, 7));
    }
    return helper(yield, n - 1) + 1;
}

} // namespace

// Python: def helper(n):
//             yield n
//             if n == 0: return (yield from sub())     # sub: yield 700; return 7
//             return (yield from helper(n - 1)) + 1
//         def outer(): r = yield from helper(3); yield r    -> list(outer()) == [3, 2, 1, 0, 700, 10]
// (C++: helper is a plain function on the body's stack, so no yield from is needed to call it.)
BOOST_AUTO_TEST_CASE(yield_from_in_a_helper_function_at_any_depth) {
    using gen = helper_gen;
    gen g([](gen::yielder& yield) {
        int const r = helper(yield, 3);
        yield(r);
    });
    std::vector<int> values;
    for (int& v : g) {
        values.push_back(v);
    }
    BOOST_TEST(values == (std::vector<int>{3, 2, 1, 0, 700, 10}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: def sub(): yield 1; yield 2; return 99
//         def outer(): yield 0; r = yield from sub(); yield r     -> [v for v in outer()] == [0, 1, 2, 99]
//         cells = [[1], [2], [3]]; for c in (yield-from-cells generator): c[0] *= 2  -> [[2], [4], [6]]
//         (then long strings, and a loop body that calls next(s) on the sub directly: comments below)
BOOST_AUTO_TEST_CASE(range_for_over_a_delegating_generator) {
    using gen = pygen::generator<int>;
    gen g([](gen::yielder& yield) {
        yield(0);
        int const r = yield.from(counted(1, 2, 99));
        yield(r);
    });
    std::vector<int> values;
    for (int& v : g) {
        values.push_back(v);
    }
    BOOST_TEST(values == (std::vector<int>{0, 1, 2, 99}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    using ref_gen = pygen::generator<int&>;
    std::vector<int> cells{1, 2, 3};
    ref_gen refs([&cells](ref_gen::yielder& yield) {
        yield.from(ref_gen([&cells](ref_gen::yielder& sub_yield) {
            for (int& c : cells) {
                sub_yield(c);
            }
        }));
    });
    for (int& c : refs) {
        c *= 2;
    }
    BOOST_TEST(cells == (std::vector<int>{2, 4, 6}), boost::test_tools::per_element());
    BOOST_TEST(refs.state() == pygen::gen_state::closed);

    // Python: def sub(): yield 'x' * 40; yield 'y' * 40; return 'z' * 40
    //         def outer(): r = yield from sub(); yield r     -> ['x' * 40, 'y' * 40, 'z' * 40]
    using string_gen = pygen::generator<std::string, void, std::string>;
    string_gen strings([](string_gen::yielder& yield) -> std::string {
        std::string const r = yield.from(string_gen([](string_gen::yielder& sub_yield) -> std::string {
            sub_yield(std::string(40, 'x'));
            sub_yield(std::string(40, 'y'));
            return std::string(40, 'z');
        }));
        yield(r);
        return "unused";
    });
    std::vector<std::string> texts;
    for (std::string& t : strings) {
        texts.push_back(t);
    }
    BOOST_TEST(texts == (std::vector<std::string>{std::string(40, 'x'), std::string(40, 'y'), std::string(40, 'z')}),
               boost::test_tools::per_element());

    // Python: s = sub()  (yield 1; yield 2; yield 3; return 'r');  def outer(): r = yield from s; yield r
    //         for v in outer(): out.append(v); (out.append(('direct', next(s))) if v == 1)
    //         out == [1, ('direct', 2), 3, 'r']          (C++: r.size() * 100 instead of 'r')
    str_gen s([](str_gen::yielder& sub_yield) -> std::string {
        sub_yield(1);
        sub_yield(2);
        sub_yield(3);
        return "r";
    });
    gen shared([&s](gen::yielder& yield) {
        std::string const r = yield.from(s);
        yield(static_cast<int>(r.size()) * 100);
    });
    log_type out;
    for (int& v : shared) {
        out.push_back(show(v));
        if (v == 1) {
            out.push_back("direct " + show(s.next()));
        }
    }
    BOOST_TEST(out == (log_type{"1", "direct 2", "3", "100"}), boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(shared.state() == pygen::gen_state::closed);
}

// Python: def sub():
//             for i in (1, 2): o = [i]; made.append(o); yield o
//         def outer(): yield [0]; yield from sub(); yield [3]
//         next(g) == [0]; next(g) is made[0]; next(g) is made[1]; next(g) == [3]
BOOST_AUTO_TEST_CASE(move_only_values_pass_through_unchanged) {
    using gen = pygen::generator<std::unique_ptr<int>>;
    std::vector<int const*> made;
    gen g([&made](gen::yielder& yield) {
        yield(std::unique_ptr<int>(new int(0)));
        yield.from(gen([&made](gen::yielder& sub_yield) {
            for (int i = 1; i <= 2; ++i) {
                std::unique_ptr<int> p(new int(i));
                made.push_back(p.get());
                sub_yield(std::move(p));
            }
        }));
        yield(std::unique_ptr<int>(new int(3)));
    });
    std::unique_ptr<int> p0 = g.next();
    BOOST_TEST(*p0 == 0);
    std::unique_ptr<int> p1 = g.next();
    BOOST_TEST(made.size() == 1u);
    BOOST_TEST(p1.get() == made[0]);
    BOOST_TEST(*p1 == 1);
    std::unique_ptr<int> p2 = g.next();
    BOOST_TEST(p2.get() == made[1]);
    BOOST_TEST(*p2 == 2);
    std::unique_ptr<int> p3 = g.next();
    BOOST_TEST(*p3 == 3);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

namespace {

// The sub of the direct-use cases: logs what it receives and both states, each time it runs.
using direct_sub = pygen::generator<int, int, std::string>;

template <class Outer> direct_sub make_direct_sub(log_type& log, Outer*& outer, direct_sub*& self) {
    return direct_sub([&log, &outer, &self](direct_sub::yielder& yield) -> std::string {
        log.push_back("start " + name(outer->state()) + " " + name(self->state()));
        int const a = yield(1);
        log.push_back("got " + show(a) + " " + name(outer->state()) + " " + name(self->state()));
        int const b = yield(2);
        log.push_back("got " + show(b) + " " + name(outer->state()) + " " + name(self->state()));
        int const c = yield(3);
        log.push_back("got " + show(c) + " " + name(outer->state()) + " " + name(self->state()));
        return "end";
    });
}

// Python: s = sub(); def outer(): r = yield from s; log.append(('r', r)); yield -1
// g (of type Outer) and s, with the pointers the sub's log lines read.
template <class Outer> struct direct_use {
    log_type log;
    Outer* outer = nullptr;
    direct_sub* self = nullptr;
    direct_sub s;
    Outer g;

    direct_use()
        : s(make_direct_sub(log, outer, self)), g([this](typename Outer::yielder& yield) {
              std::string const r = yield.from(s);
              log.push_back("r [" + r + "]");
              yield(-1);
          }) {
        self = &s;
        outer = &g;
    }
};

// Python: s = sub(); def outer(): r = yield from s; log.append(('r', r)); yield -1
//         next(g) == 1; s.send(5) == 2 (g stays 'GEN_SUSPENDED'); g.send(6) == 3; next(g) == -1
//         log == [('start', RUNNING, RUNNING), ('got', 5, SUSPENDED, RUNNING), ('got', 6, RUNNING, RUNNING),
//                 ('got', None, RUNNING, RUNNING), ('r', 'end')]     (C++ next(): a value-initialized 0)
template <class Outer> void check_direct_use_then_delegator_continues() {
    direct_use<Outer> t;
    log_type const& log = t.log;
    direct_sub& s = t.s;
    Outer& g = t.g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(s.send(5) == 2);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.send(6) == 3);
    BOOST_TEST(g.next() == -1);
    BOOST_TEST(log == (log_type{"start GEN_RUNNING GEN_RUNNING", "got 5 GEN_SUSPENDED GEN_RUNNING",
                                "got 6 GEN_RUNNING GEN_RUNNING", "got 0 GEN_RUNNING GEN_RUNNING", "r [end]"}),
               boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: the same s and outer; next(g) == 1; s.send(5) == 2; next(s) == 3; next(s) -> StopIteration('end')
//         getgeneratorstate(g) == 'GEN_SUSPENDED'; g.gi_yieldfrom is s
//         next(g) == -1 (the yield from gives None at once)
//         log == [('start', RUNNING, RUNNING), ('got', 5, SUSPENDED, RUNNING), ('got', None, SUSPENDED, RUNNING),
//                 ('got', None, SUSPENDED, RUNNING), ('r', None)]
template <class Outer> void check_sub_exhausted_directly() {
    direct_use<Outer> t;
    log_type const& log = t.log;
    direct_sub& s = t.s;
    Outer& g = t.g;
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(s.send(5) == 2);
    BOOST_TEST(s.next() == 3);
    BOOST_TEST(stop_value<std::string>([&s] { s.next(); }) == "end");
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    pygen::yield_from_target const target = g.gi_yieldfrom();
    BOOST_TEST(static_cast<bool>(target));
    BOOST_TEST(target.get<direct_sub>() == &s);
    BOOST_TEST(log == (log_type{"start GEN_RUNNING GEN_RUNNING", "got 5 GEN_SUSPENDED GEN_RUNNING",
                                "got 0 GEN_SUSPENDED GEN_RUNNING", "got 0 GEN_SUSPENDED GEN_RUNNING"}),
               boost::test_tools::per_element());
    BOOST_TEST(g.next() == -1);
    BOOST_TEST(log.size() == 5u);
    BOOST_TEST(log.back() == "r []");
    BOOST_TEST(stop_has_value([&g] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

} // namespace

// (Python above) once with the sub's Y and S in the delegator, once with other types (long, long)
BOOST_AUTO_TEST_CASE(caller_uses_the_sub_directly_then_the_delegator_continues) {
    BOOST_TEST_CONTEXT("same types") { check_direct_use_then_delegator_continues<pygen::generator<int, int>>(); }
    BOOST_TEST_CONTEXT("other types") { check_direct_use_then_delegator_continues<pygen::generator<long, long>>(); }
}

// (Python above) once with the sub's Y and S in the delegator, once with other types (long, long)
BOOST_AUTO_TEST_CASE(sub_exhausted_directly_gives_value_initialized_result) {
    BOOST_TEST_CONTEXT("same types") { check_sub_exhausted_directly<pygen::generator<int, int>>(); }
    BOOST_TEST_CONTEXT("other types") { check_sub_exhausted_directly<pygen::generator<long, long>>(); }
}

namespace {

using tag_gen = pygen::generator<std::string, int, std::string>;

// def leaf(tag, n): for i in range(n): log.append((tag, (yield f'{tag}{i}'))); return tag
tag_gen tagged(std::string const& tag, int n, log_type& log) {
    return tag_gen([tag, n, &log](tag_gen::yielder& yield) -> std::string {
        for (int i = 0; i < n; ++i) {
            log.push_back(tag + " " + show(yield(tag + show(i))));
        }
        return tag;
    });
}

// Python: def mid():
//             r = yield from leaf('a', 2); log.append(('mid r', r)); r = yield from leaf('b', 2)
//             log.append(('mid r', r)); log.append(('mid', (yield 'm'))); return 'M'
//         m = mid(); def outer(): r = yield from m; log.append(('outer r', r)); yield 'end'
//         next(g) == 'a0'; m.send(1) == 'a1'; m.send(2) == 'b0' (a ends, m starts b); g.send(3) == 'b1'
//         g.send(4) == 'm'; g.send(5) == 'end'; log == [('a',1), ('a',2), ('mid r','a'), ('b',3), ..., ('outer r','M')]
template <class Outer> void check_middle_of_a_chain_used_directly() {
    using gen = Outer;
    log_type log;
    tag_gen m([&log](tag_gen::yielder& yield) -> std::string {
        std::string r = yield.from(tagged("a", 2, log));
        log.push_back("mid r " + r);
        r = yield.from(tagged("b", 2, log));
        log.push_back("mid r " + r);
        log.push_back("mid " + show(yield("m")));
        return "M";
    });
    gen g([&log, &m](typename gen::yielder& yield) {
        std::string const r = yield.from(m);
        log.push_back("outer r " + r);
        yield("end");
    });
    BOOST_TEST(g.next() == "a0");
    BOOST_TEST(m.send(1) == "a1");
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(m.state() == pygen::gen_state::suspended);
    BOOST_TEST(m.send(2) == "b0");
    BOOST_TEST(log == (log_type{"a 1", "a 2", "mid r a"}), boost::test_tools::per_element());
    BOOST_TEST(g.send(3) == "b1");
    BOOST_TEST(g.send(4) == "m");
    BOOST_TEST(g.send(5) == "end");
    BOOST_TEST(log == (log_type{"a 1", "a 2", "mid r a", "b 3", "b 4", "mid r b", "mid 5", "outer r M"}),
               boost::test_tools::per_element());
    BOOST_TEST(m.state() == pygen::gen_state::closed);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
}

} // namespace

// (Python above) once with the sub's Y and S in the delegator, once with another S (long)
BOOST_AUTO_TEST_CASE(caller_uses_the_middle_of_a_chain_directly) {
    BOOST_TEST_CONTEXT("same types") { check_middle_of_a_chain_used_directly<pygen::generator<std::string, int>>(); }
    BOOST_TEST_CONTEXT("other types") { check_middle_of_a_chain_used_directly<pygen::generator<std::string, long>>(); }
}

// Python: def sub(): got 3 values (yield 1, 2, 3); return 'end'
//         def outer(tag): r = yield from s; log.append((tag, r)); yield tag
//         next(a) == 1; b.send(None) == 2 (b delegates to the same s); a.send(7) == 3; b.send(8) == 'b'
//         next(a) == 'a'; log == [('got', None), ('got', 7), ('got', 8), ('b', 'end'), ('a', None)]
BOOST_AUTO_TEST_CASE(two_delegators_share_one_sub) {
    using gen = pygen::generator<int, int>;
    log_type log;
    direct_sub s([&log](direct_sub::yielder& yield) -> std::string {
        log.push_back("got " + show(yield(1)));
        log.push_back("got " + show(yield(2)));
        log.push_back("got " + show(yield(3)));
        return "end";
    });
    auto make_outer = [&log, &s](int tag) {
        return gen([&log, &s, tag](gen::yielder& yield) {
            std::string const r = yield.from(s);
            log.push_back(show(tag) + " [" + r + "]");
            yield(tag);
        });
    };
    gen a = make_outer(-1);
    gen b = make_outer(-2);
    BOOST_TEST(a.next() == 1);
    BOOST_TEST(b.send(pygen::none) == 2);
    BOOST_TEST(a.state() == pygen::gen_state::suspended);
    BOOST_TEST(b.state() == pygen::gen_state::suspended);
    BOOST_TEST(a.send(7) == 3);
    BOOST_TEST(b.send(8) == -2);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(a.next() == -1);
    BOOST_TEST(log == (log_type{"got 0", "got 7", "got 8", "-2 [end]", "-1 []"}), boost::test_tools::per_element());
    BOOST_TEST(a.state() == pygen::gen_state::suspended);
    BOOST_TEST(b.state() == pygen::gen_state::suspended);
}
