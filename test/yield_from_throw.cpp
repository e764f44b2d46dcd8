// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// throw_() into a delegator in yield.from: innermost sub first, its return/raise, GeneratorExit, PEP 479 (12, 19,
// 34-37).
#define BOOST_TEST_MODULE yield_from_throw
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "yield_from_support.hpp"

#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

using namespace pygen_test;

namespace {

// The value of the stop_iteration a PEP 479 runtime_error carries as its cause (__cause__):
// -1 when it has no value, -2 when nothing is nested.
int nested_stop_value(pygen::runtime_error const& e) {
    try {
        std::rethrow_if_nested(e);
    } catch (pygen::stop_iteration const& cause) {
        return cause.has_value() ? cause.value<int>() : -1;
    }
    return -2;
}

// The return value a stop_iteration from f() carries: -1 without a value, -2 when f() does not end.
template <class F> int stop_value(F f) {
    try {
        f();
    } catch (pygen::stop_iteration const& e) {
        return e.has_value() ? e.value<int>() : -1;
    }
    return -2;
}

// def sub(): try: yield 1
//            finally: log('sub finally')
gen finally_sub(log_type& log) {
    return gen([&log](gen::yielder& yield) {
        recorder fin(log, "sub_finally");
        yield(1);
    });
}

// def d(): try: yield from s
//          except RuntimeError as e: log(str(e), e.__cause__); yield 2
template <class D> D catches_runtime_error(gen& s, log_type& log) {
    return D([&s, &log](typename D::yielder& yield) {
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (pygen::runtime_error const& e) {
            log.push_back(std::string("d caught ") + e.what() + " cause " + std::to_string(nested_stop_value(e)));
            yield(2);
        } catch (pygen::stop_iteration const&) {
            log.push_back("d caught a bare stop_iteration");
        }
    });
}

} // namespace

// Python: def sub():
//             try: yield 1
//             except ValueError as e: log(str(e)); yield 2
//             yield 3
//         def d(): yield from sub(); log('d after'); yield 10
//         next(g); g.throw(ValueError('x')) == 2; next(g) == 3; next(g) == 10
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_reaches_the_sub_which_catches_and_yields, D, delegators) {
    log_type log;
    gen s([&log](gen::yielder& yield) {
        try {
            yield(1);
            log.push_back("sub not reached");
        } catch (std::invalid_argument const& e) {
            log.push_back(std::string("sub caught ") + e.what());
            yield(2);
        }
        yield(3);
    });
    D d([&](typename D::yielder& yield) {
        yield.from(s);
        log.push_back("d after");
        yield(10);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(std::invalid_argument("x")) == 2);
    BOOST_TEST(log == (log_type{"sub caught x"}), boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_TEST(static_cast<bool>(d.gi_yieldfrom()));
    BOOST_TEST(d.gi_yieldfrom().state() == pygen::gen_state::suspended);
    BOOST_TEST(d.next() == 3);
    BOOST_TEST(log.size() == 1u);
    BOOST_TEST(d.next() == 10);
    BOOST_TEST(log == (log_type{"sub caught x", "d after"}), boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(!d.gi_yieldfrom());
}

// Python: def sub():
//             try: yield 1
//             except ValueError: log('sub caught'); return 42
//             finally: log('sub finally')
//         def d(): r = yield from sub(); log(f'd got {r}'); yield r + 1; log('d end')
//         next(g); g.throw(ValueError) == 43; sub GEN_CLOSED; next(g) -> StopIteration
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_returning_on_throw_gives_the_value_of_yield_from, D, delegators) {
    log_type log;
    rgen s([&log](rgen::yielder& yield) -> int {
        recorder fin(log, "sub_finally");
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            log.push_back("sub caught");
            return 42;
        }
        return 0;
    });
    D d([&](typename D::yielder& yield) {
        int const r = yield.from(s);
        log.push_back("d got " + std::to_string(r));
        yield(r + 1);
        log.push_back("d end");
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(std::invalid_argument("v")) == 43);
    log_type const expected = {"sub caught", "~sub_finally", "d got 42"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    BOOST_TEST(log.back() == "d end");
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def sub(): r = Rec('sub_local'); try: yield 1  finally: log('sub finally')
//         def d(): try: yield from sub()
//                  except ValueError as e: log('d caught ' + str(e)); yield 5
//                  yield 6
//         g.throw(ValueError('v')) == 5: 'sub finally' before 'd caught v' (Python's traceback delays
//         Rec.__del__ past the handler; C++ destroys the sub's locals as the exception leaves the sub)
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_reraising_reaches_the_delegator_after_its_cleanups, D, delegators) {
    log_type log;
    gen s([&log](gen::yielder& yield) {
        recorder local(log, "sub_local");
        recorder fin(log, "sub_finally");
        yield(1);
        log.push_back("sub not reached");
    });
    D d([&](typename D::yielder& yield) {
        recorder local(log, "d_local");
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (std::invalid_argument const& e) {
            log.push_back(std::string("d caught ") + e.what());
            yield(5);
        }
        yield(6);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(std::invalid_argument("v")) == 5);
    log_type const expected = {"~sub_finally", "~sub_local", "d caught v"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_TEST(d.next() == 6);
    BOOST_TEST(log.size() == 3u);
}

// Python: def sub(): try: yield 1
//                    except ValueError as e: log('sub caught'); raise KeyError('k') from e
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  except ValueError: log('wrong')
//                  except KeyError as e: log('d caught'); yield 7
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_raising_another_exception_reaches_the_delegator, D, delegators) {
    log_type log;
    gen s([&log](gen::yielder& yield) {
        recorder fin(log, "sub_finally");
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            log.push_back("sub caught");
            throw derived_error("k", 17);
        }
    });
    D d([&](typename D::yielder& yield) {
        try {
            yield.from(s);
        } catch (std::invalid_argument const&) {
            log.push_back("d caught the thrown exception");
        } catch (base_error const& e) {
            derived_error const* derived = dynamic_cast<derived_error const*>(&e);
            log.push_back(std::string("d caught ") + e.what() + " " + std::to_string(derived ? derived->code : -1));
            yield(7);
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(std::invalid_argument("v")) == 7);
    log_type const expected = {"sub caught", "~sub_finally", "d caught k 17"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  finally: log('d finally')
//         next(g); g.throw(ValueError('u')) -> ValueError('u'); both GEN_CLOSED; next(g) -> StopIteration
BOOST_AUTO_TEST_CASE_TEMPLATE(uncaught_throw_closes_sub_and_delegator, D, delegators) {
    log_type log;
    gen s = finally_sub(log);
    D d([&](typename D::yielder& yield) {
        recorder fin(log, "d_finally");
        yield.from(s);
        log.push_back("d not reached");
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(thrown_what<std::invalid_argument>([&d] { d.throw_(std::invalid_argument("u")); }) == "u");
    log_type const expected = {"~sub_finally", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    BOOST_TEST(stop_value([&s] { s.next(); }) == -1);
}

// Python: def inner(): try: yield 1
//                      except ValueError: log('inner caught A'); yield 2
//                      try: yield 3
//                      finally: log('inner finally')
//         middle: the same around `yield from inner()` with KeyError (11, 12); outer with IndexError (21), then 22
//         throw(ValueError) == 2; next == 3; throw(KeyError) == 11; next == 12; throw(IndexError) == 21; next == 22
BOOST_AUTO_TEST_CASE_TEMPLATE(depth_three_chain_catches_at_each_level, C, chains) {
    using M = typename C::middle;
    using O = typename C::outer;
    log_type log;
    gen inner([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            log.push_back("inner caught A");
            yield(2);
        }
        recorder fin(log, "inner_finally");
        yield(3);
    });
    M middle([&](typename M::yielder& yield) {
        try {
            yield.from(inner);
        } catch (std::out_of_range const&) {
            log.push_back("middle caught B");
            yield(11);
        }
        recorder fin(log, "middle_finally");
        yield(12);
    });
    O outer([&](typename O::yielder& yield) {
        try {
            yield.from(middle);
        } catch (std::length_error const&) {
            log.push_back("outer caught C");
            yield(21);
        }
        yield(22);
    });
    BOOST_TEST(outer.next() == 1);

    BOOST_TEST(outer.throw_(std::invalid_argument("A")) == 2);
    BOOST_TEST(log == (log_type{"inner caught A"}), boost::test_tools::per_element());
    BOOST_TEST(outer.state() == pygen::gen_state::suspended);
    BOOST_TEST(middle.state() == pygen::gen_state::suspended);
    BOOST_TEST(inner.state() == pygen::gen_state::suspended);
    BOOST_TEST(outer.next() == 3);

    BOOST_TEST(outer.throw_(std::out_of_range("B")) == 11);
    log_type expected = {"inner caught A", "~inner_finally", "middle caught B"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(outer.state() == pygen::gen_state::suspended);
    BOOST_TEST(middle.state() == pygen::gen_state::suspended);
    BOOST_TEST(inner.state() == pygen::gen_state::closed);
    BOOST_TEST(!middle.gi_yieldfrom());
    BOOST_TEST(static_cast<bool>(outer.gi_yieldfrom()));
    BOOST_TEST(outer.next() == 12);

    BOOST_TEST(outer.throw_(std::length_error("C")) == 21);
    expected.push_back("~middle_finally");
    expected.push_back("outer caught C");
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(outer.state() == pygen::gen_state::suspended);
    BOOST_TEST(middle.state() == pygen::gen_state::closed);
    BOOST_TEST(!outer.gi_yieldfrom());
    BOOST_TEST(outer.next() == 22);
    BOOST_CHECK_THROW(outer.next(), pygen::stop_iteration);
    BOOST_TEST(outer.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log(f'sub GE, d {state(g)}'); raise
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  except GeneratorExit: log('d GE'); yield 99
//                  yield 100   # g.throw(GeneratorExit) == 99 (sub closed first, no "ignored"); next(g) == 100
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_generator_exit_closes_the_sub_then_raises_in_the_delegator, D, delegators) {
    log_type log;
    D* dp = nullptr;
    gen s;
    s = gen([&](gen::yielder& yield) {
        recorder fin(log, "sub_finally");
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back(states("sub GE", s.state(), dp->state()));
            throw;
        }
    });
    D d([&](typename D::yielder& yield) {
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (pygen::generator_exit const&) {
            log.push_back("d GE");
            yield(99);
        }
        yield(100);
    });
    dp = &d;
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(pygen::generator_exit()) == 99);
    log_type const expected = {"sub GE: sub GEN_RUNNING d GEN_RUNNING", "~sub_finally", "d GE"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_TEST(d.next() == 100);
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub GE'); return 5
//         def d(): try: r = yield from sub(); log('d r')
//                  except GeneratorExit: log('d GE'); yield 99
//         g.throw(GeneratorExit) == 99: the delegator gets GeneratorExit, not the value 5
BOOST_AUTO_TEST_CASE(throw_generator_exit_the_subs_return_value_is_not_the_result) {
    log_type log;
    rgen s = returns_5_on_generator_exit(log);
    gen d([&](gen::yielder& yield) {
        try {
            int const r = yield.from(s);
            log.push_back("d r " + std::to_string(r));
        } catch (pygen::generator_exit const&) {
            log.push_back("d GE");
            yield(99);
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(pygen::generator_exit()) == 99);
    log_type const expected = {"sub GE", "d GE"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub GE'); raise KeyError('k')
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  except KeyError: log('d caught'); yield 5      # context: the GeneratorExit
//         g.throw(GeneratorExit) == 5: the error of the sub's close enters d instead (item 35)
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_generator_exit_sub_close_raising_enters_the_delegator, D, delegators) {
    log_type log;
    gen s = raises_on_generator_exit(log);
    D d([&](typename D::yielder& yield) {
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (std::out_of_range const& e) {
            log.push_back(std::string("d caught ") + e.what());
            yield(5);
        } catch (pygen::generator_exit const&) {
            log.push_back("d got GeneratorExit instead");
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(pygen::generator_exit()) == 5);
    log_type const expected = {"sub GE", "~sub_finally", "d caught k"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  finally: log('d finally')
//         g.throw(GeneratorExit) -> GeneratorExit out of throw(); both GEN_CLOSED (item 19)
BOOST_AUTO_TEST_CASE(throw_generator_exit_uncaught_propagates_out_of_throw) {
    log_type log;
    gen s = finally_sub(log);
    gen d([&](gen::yielder& yield) {
        recorder fin(log, "d_finally");
        yield.from(s);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_CHECK_THROW(d.throw_(pygen::generator_exit()), pygen::generator_exit);
    log_type const expected = {"~sub_finally", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub ignores'); yield 2
//                    log('sub end')
//         def d(): try: yield from s
//                  except RuntimeError as e: log('d caught ' + str(e)); yield 3
//         g.throw(GeneratorExit) == 3; s stays GEN_SUSPENDED; next(s) -> 'sub end', StopIteration
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_generator_exit_sub_ignoring_it_raises_runtime_error_in_the_delegator, D,
                              delegators) {
    log_type log;
    gen s([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("sub ignores");
            yield(2);
        }
        log.push_back("sub end");
    });
    D d([&](typename D::yielder& yield) {
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (pygen::runtime_error const& e) {
            log.push_back(std::string("d caught ") + e.what());
            yield(3);
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(pygen::generator_exit()) == 3);
    log_type expected = {"sub ignores", std::string("d caught ") + ignored_exit};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_CHECK_THROW(s.next(), pygen::stop_iteration);
    expected.push_back("sub end");
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def sub(): yield 1; raise StopIteration(8)
//         def d(): try: yield from sub()
//                  except RuntimeError as e: log(str(e), e.__cause__); yield 2
//         next(g); next(g) == 2: RuntimeError('generator raised StopIteration') from StopIteration(8) (items 12, 37)
BOOST_AUTO_TEST_CASE_TEMPLATE(pep479_stop_iteration_in_the_sub_reaches_the_delegator_as_runtime_error, D, delegators) {
    log_type log;
    gen s([](gen::yielder& yield) {
        yield(1);
        throw pygen::stop_iteration(8);
    });
    D d = catches_runtime_error<D>(s, log);
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.next() == 2);
    log_type const expected = {std::string("d caught ") + raised_stop + " cause 8"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  except RuntimeError as e: log(str(e), e.__cause__); yield 2
//         next(g); g.throw(StopIteration(9)) == 2: the sub turns it into RuntimeError (item 37)
BOOST_AUTO_TEST_CASE_TEMPLATE(pep479_thrown_stop_iteration_uncaught_by_the_sub, D, delegators) {
    log_type log;
    gen s = finally_sub(log);
    D d = catches_runtime_error<D>(s, log);
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(pygen::stop_iteration(9)) == 2);
    log_type const expected = {"~sub_finally", std::string("d caught ") + raised_stop + " cause 9"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def sub(): yield 1; raise StopIteration(3)
//         def d(): yield from sub()
//         next(g); next(g) -> RuntimeError('generator raised StopIteration') from StopIteration(3);
//         both GEN_CLOSED (the delegator does not wrap the RuntimeError again)
BOOST_AUTO_TEST_CASE(pep479_runtime_error_uncaught_by_the_delegator_reaches_the_caller) {
    gen s([](gen::yielder& yield) {
        yield(1);
        throw pygen::stop_iteration(3);
    });
    gen d([&s](gen::yielder& yield) { yield.from(s); });
    BOOST_TEST(d.next() == 1);
    std::string what = "<nothing thrown>";
    int cause = -3;
    try {
        d.next();
    } catch (pygen::runtime_error const& e) {
        what = e.what();
        cause = nested_stop_value(e);
    }
    BOOST_TEST(what == raised_stop);
    BOOST_TEST(cause == 3);
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    except StopIteration as e: yield e.value
//         def d(): yield from sub()
//         next(g); g.throw(StopIteration(4)) == 4: the sub sees the StopIteration itself
BOOST_AUTO_TEST_CASE(thrown_stop_iteration_reaches_the_sub_unchanged) {
    gen s([](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::stop_iteration const& e) {
            yield(e.has_value() ? e.value<int>() : -1);
        }
    });
    gen d([&s](gen::yielder& yield) { yield.from(s); });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.throw_(pygen::stop_iteration(4)) == 4);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
}

// Python: def sub(): yield 1; log('sub end'); return 7
//         s = sub(); def d(): try: r = yield from s
//                             except ValueError as e: log('d caught ' + str(e)); yield 2
//         next(g); next(s) -> StopIteration(7), s GEN_CLOSED, g GEN_SUSPENDED, g.gi_yieldfrom is s
//         g.throw(ValueError('late')) == 2: raised in the delegator at the yield from
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_after_the_sub_was_exhausted_directly_raises_at_yield_from, D, delegators) {
    log_type log;
    rgen s = one_then_returns_7(log);
    D d([&](typename D::yielder& yield) {
        try {
            int const r = yield.from(s);
            log.push_back("r " + std::to_string(r));
        } catch (std::invalid_argument const& e) {
            log.push_back(std::string("d caught ") + e.what());
            yield(2);
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(stop_value([&s] { s.next(); }) == 7);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(static_cast<bool>(d.gi_yieldfrom()));
    BOOST_TEST(d.gi_yieldfrom().state() == pygen::gen_state::closed);
    pygen::yield_from_target const target = d.gi_yieldfrom();
    BOOST_TEST(target.get<rgen>() == &s);
    BOOST_TEST(d.throw_(std::invalid_argument("late")) == 2);
    log_type const expected = {"sub end", "d caught late"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(!d.gi_yieldfrom());
}

// Python: s = sub() (as above); def d(): r = yield from s; log(f'r {r}'); yield 100 + r
//         next(g); next(s) -> StopIteration(7)
//         g.throw(StopIteration(11)) == 111: s.throw re-raises the StopIteration at once, and PEP 380
//         (and CPython's _gen_throw) take a StopIteration from sub.throw() as the sub's end: r = 11
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_stop_iteration_after_the_sub_was_exhausted_directly_ends_the_yield_from, D,
                              delegators) {
    log_type log;
    rgen s = one_then_returns_7(log);
    D d([&](typename D::yielder& yield) {
        int const r = yield.from(s);
        log.push_back("r " + std::to_string(r));
        yield(100 + r);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(stop_value([&s] { s.next(); }) == 7);
    std::string outcome = "<nothing thrown>";
    try {
        BOOST_TEST(d.throw_(pygen::stop_iteration(11)) == 111);
        outcome = "yielded";
    } catch (pygen::runtime_error const& e) {
        outcome = std::string(e.what()) + " cause " + std::to_string(nested_stop_value(e));
    }
    BOOST_TEST(outcome == "yielded");
    log_type const expected = {"sub end", "r 11"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
}

// Python: s = sub() (as above); def d(): r = yield from s; log(f'r {r}'); yield 3
//         next(g); next(s) -> StopIteration(7); next(g) == 3 with r None: the value is reported once only
// (C++: a value-initialized R, 0, where Python gives None.)
BOOST_AUTO_TEST_CASE(next_after_the_sub_was_exhausted_directly_gives_a_value_initialized_result) {
    log_type log;
    rgen s = one_then_returns_7(log);
    gen d([&](gen::yielder& yield) {
        int const r = yield.from(s);
        log.push_back("r " + std::to_string(r));
        yield(3);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(stop_value([&s] { s.next(); }) == 7);
    BOOST_TEST(d.next() == 3);
    log_type const expected = {"sub end", "r 0"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def sub(): try: yield 1
//                    except ValueError: log('sub caught'); return 5
//         s = sub(); def d(): r = yield from s; log(f'r {r}'); yield 6
//         next(g); s.throw(ValueError) -> StopIteration(5) to the caller; next(g) == 6 with r None
BOOST_AUTO_TEST_CASE(throw_into_the_sub_directly_while_it_is_delegated_to) {
    log_type log;
    rgen s([&log](rgen::yielder& yield) -> int {
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            log.push_back("sub caught");
            return 5;
        }
        return 0;
    });
    gen d([&](gen::yielder& yield) {
        int const r = yield.from(s);
        log.push_back("r " + std::to_string(r));
        yield(6);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(stop_value([&s] { s.throw_(std::invalid_argument("direct")); }) == 5);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(d.next() == 6);
    log_type const expected = {"sub caught", "r 0"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def sub(): log(state(s), state(g))
//                    try: yield 1
//                    except ValueError: log(state(s), state(g)); yield 2
//         def d(): yield from s
//         next(g); g.throw(ValueError) == 2: inside the sub both are GEN_RUNNING; outside both GEN_SUSPENDED
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_and_delegator_are_running_while_the_sub_runs, D, delegators) {
    log_type log;
    D* dp = nullptr;
    gen s;
    s = gen([&](gen::yielder& yield) {
        log.push_back(states("start", s.state(), dp->state()));
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            log.push_back(states("handler", s.state(), dp->state()));
            yield(2);
        }
    });
    D d([&s](typename D::yielder& yield) { yield.from(s); });
    dp = &d;
    BOOST_TEST(d.state() == pygen::gen_state::created);
    BOOST_TEST(s.state() == pygen::gen_state::created);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    pygen::yield_from_target const target = d.gi_yieldfrom();
    BOOST_TEST(target.kind() == pygen::yield_from_kind::generator);
    BOOST_TEST((target.type() == typeid(gen)));
    BOOST_TEST(target.get<gen>() == &s);
    BOOST_TEST(target.state() == pygen::gen_state::suspended);
    BOOST_TEST(d.throw_(std::invalid_argument("x")) == 2);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    log_type const expected = {"start: sub GEN_RUNNING d GEN_RUNNING", "handler: sub GEN_RUNNING d GEN_RUNNING"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

namespace {

rgen returns_on_throw(log_type& log) {
    return rgen([&log](rgen::yielder& yield) -> int {
        recorder local(log, "sub_local");
        try {
            yield(1);
            yield(2);
        } catch (std::invalid_argument const& e) {
            log.push_back(std::string("sub caught ") + e.what());
            return 30;
        }
        return 0;
    });
}

} // namespace

// Python: def sub(): try: yield 1; yield 2
//                    except ValueError as e: log('sub caught'); return 30
//         def d(): r = yield from sub(); log(f'd got {r}'); yield r
//         next(g); g.gi_yieldfrom GEN_SUSPENDED; g.throw(ValueError('t')) == 30; g.gi_yieldfrom is None
BOOST_AUTO_TEST_CASE_TEMPLATE(throw_into_a_temporary_sub, D, delegators) {
    log_type log;
    D d([&log](typename D::yielder& yield) {
        int const r = yield.from(returns_on_throw(log));
        log.push_back("d got " + std::to_string(r));
        yield(r);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(log.empty());
    BOOST_TEST(d.gi_yieldfrom().kind() == pygen::yield_from_kind::generator);
    BOOST_TEST((d.gi_yieldfrom().type() == typeid(rgen)));
    BOOST_TEST(d.gi_yieldfrom().state() == pygen::gen_state::suspended);
    BOOST_TEST(d.throw_(std::invalid_argument("t")) == 30);
    log_type const expected = {"sub caught t", "~sub_local", "d got 30"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
}

// Python: def sub(): yield 1; return 2
//         def d(): r = yield from sub()
//                  try: yield r
//                  except ValueError: log('d caught'); yield 20
//         next(g); next(g) == 2 (no longer delegating); g.throw(ValueError) == 20
BOOST_AUTO_TEST_CASE(throw_after_the_delegation_ended_goes_to_the_delegator) {
    log_type log;
    rgen s([](rgen::yielder& yield) -> int {
        yield(1);
        return 2;
    });
    gen d([&](gen::yielder& yield) {
        int const r = yield.from(s);
        try {
            yield(r);
        } catch (std::invalid_argument const&) {
            log.push_back("d caught");
            yield(20);
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(d.next() == 2);
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(d.throw_(std::invalid_argument("x")) == 20);
    BOOST_TEST(log == (log_type{"d caught"}), boost::test_tools::per_element());
}

// Python: class Derived(Base): ...
//         def sub(): yield 1
//         def d(): try: yield from sub()
//                  except Base as e: yield e.code
//         next(g); g.throw(Derived('boom', 3)) == 3: the instance crosses both frames unchanged
BOOST_AUTO_TEST_CASE(thrown_exception_keeps_its_dynamic_type_through_the_chain) {
    gen s([](gen::yielder& yield) { yield(1); });
    gen m([&s](gen::yielder& yield) { yield.from(s); });
    gen d([&m](gen::yielder& yield) {
        try {
            yield.from(m);
        } catch (base_error const& e) {
            derived_error const* derived = dynamic_cast<derived_error const*>(&e);
            yield(derived ? derived->code : -1);
        }
    });
    BOOST_TEST(d.next() == 1);
    std::exception_ptr const error = std::make_exception_ptr(derived_error("boom", 3));
    BOOST_TEST(d.throw_(error) == 3);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(m.state() == pygen::gen_state::closed);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
}
