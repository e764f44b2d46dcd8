// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// close()/finalization of a delegator in yield.from: sub first, errors, ignored GeneratorExit, lifetimes (22-30, 35).
#define BOOST_TEST_MODULE yield_from_close
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "yield_from_support.hpp"

#include <cstddef>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace pygen_test;

namespace {

// A hook that keeps what it receives.
pygen::unraisable_hook collect_into(std::vector<std::exception_ptr>& errors) {
    return [&errors](std::exception_ptr error) { errors.push_back(error); };
}

// def sub(): r = Rec('sub_local'); try: yield 1; yield 2
//                                  finally: log('sub finally')
gen two_values(log_type& log) {
    return gen([&log](gen::yielder& yield) {
        recorder local(log, "sub_local");
        recorder fin(log, "sub_finally");
        yield(1);
        yield(2);
    });
}

// def sub(): r = Rec('sub_local')
//            while True:
//                try: yield 1
//                except GeneratorExit: log('sub ignores')
gen always_ignores_generator_exit(log_type& log) {
    return gen([&log](gen::yielder& yield) {
        recorder local(log, "sub_local");
        for (;;) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("sub ignores");
            }
        }
    });
}

// def d(): try: yield from s; log('d not reached')
//          finally: log('d finally')
template <class D> D finally_around(log_type& log, gen& s) {
    return D([&log, &s](typename D::yielder& yield) {
        recorder fin(log, "d_finally");
        yield.from(s);
        log.push_back("d not reached");
    });
}

// def <who>(): try: <body>
//              except GeneratorExit: log('<who> GE'); raise
//              finally: log('<who> finally')
template <class G, class Body> G reraises_generator_exit(log_type& log, std::string const& who, Body body) {
    return G([&log, who, body](typename G::yielder& yield) {
        recorder fin(log, who + "_finally");
        try {
            body(yield);
        } catch (pygen::generator_exit const&) {
            log.push_back(who + " GE");
            throw;
        }
    });
}

} // namespace

// Python: def sub(): r = Rec('sub_local')
//                    try: yield 1
//                    except GeneratorExit: log(state(s), state(g)); raise
//                    finally: log('sub finally')
//         def d(): the same around `yield from s`, with 'd GE', 'd finally', Rec('d_local')
//         next(g); g.close() is None: the sub's cleanups, then GeneratorExit in d; a second close() does nothing
BOOST_AUTO_TEST_CASE_TEMPLATE(close_closes_the_sub_first_then_raises_generator_exit_in_the_delegator, D, delegators) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    D* dp = nullptr;
    gen s;
    s = gen([&](gen::yielder& yield) {
        recorder local(log, "sub_local");
        recorder fin(log, "sub_finally");
        try {
            yield(1);
            log.push_back("sub not reached");
        } catch (pygen::generator_exit const&) {
            log.push_back(states("sub GE", s.state(), dp->state()));
            throw;
        }
    });
    D d([&](typename D::yielder& yield) {
        recorder local(log, "d_local");
        recorder fin(log, "d_finally");
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (pygen::generator_exit const&) {
            log.push_back("d GE");
            throw;
        }
    });
    dp = &d;
    BOOST_TEST(d.next() == 1);
    d.close();
    log_type const expected = {
        "sub GE: sub GEN_RUNNING d GEN_RUNNING", "~sub_finally", "~sub_local", "d GE", "~d_finally", "~d_local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(!d.gi_yieldfrom());
    d.close();
    s.close();
    BOOST_TEST(log.size() == expected.size());
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    BOOST_CHECK_THROW(s.next(), pygen::stop_iteration);
    BOOST_TEST(errors.empty());
}

// Python: def inner(): try: yield 1
//                      except GeneratorExit: log('inner GE'); raise
//                      finally: log('inner finally')
//         middle, outer: the same around `yield from inner()` / `yield from middle()`
//         g.close(): inner GE, inner finally, middle GE, middle finally, outer GE, outer finally; all GEN_CLOSED
BOOST_AUTO_TEST_CASE_TEMPLATE(close_of_a_depth_three_chain_cleans_up_innermost_first, C, chains) {
    using M = typename C::middle;
    using O = typename C::outer;
    log_type log;
    gen inner = reraises_generator_exit<gen>(log, "inner", [](gen::yielder& yield) { yield(1); });
    M middle = reraises_generator_exit<M>(log, "middle", [&inner](typename M::yielder& yield) { yield.from(inner); });
    O outer = reraises_generator_exit<O>(log, "outer", [&middle](typename O::yielder& yield) { yield.from(middle); });
    BOOST_TEST(outer.next() == 1);
    BOOST_TEST(middle.state() == pygen::gen_state::suspended);
    BOOST_TEST(inner.state() == pygen::gen_state::suspended);
    outer.close();
    log_type const expected = {"inner GE",        "~inner_finally", "middle GE",
                               "~middle_finally", "outer GE",       "~outer_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(outer.state() == pygen::gen_state::closed);
    BOOST_TEST(middle.state() == pygen::gen_state::closed);
    BOOST_TEST(inner.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub GE'); return 5
//         def d(): try: r = yield from sub(); log('d r')
//                  except GeneratorExit: log('d GE'); raise
//         g.close() is None; log == ['sub GE', 'd GE']: the delegator gets GeneratorExit, not 5 (item 22)
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_returning_a_value_on_generator_exit_still_exits_the_delegator, D, delegators) {
    log_type log;
    rgen s = returns_5_on_generator_exit(log);
    D d([&](typename D::yielder& yield) {
        try {
            int const r = yield.from(s);
            log.push_back("d r " + std::to_string(r));
            yield(r);
        } catch (pygen::generator_exit const&) {
            log.push_back("d GE");
            throw;
        }
    });
    BOOST_TEST(d.next() == 1);
    d.close();
    log_type const expected = {"sub GE", "d GE"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub GE'); raise KeyError('k')
//                    finally: log('sub finally')
//         def d(): try: yield from sub()
//                  except KeyError as e: log('d caught')    # e.__context__ is the GeneratorExit
//                  log('d end')      # g.close() is None; both GEN_CLOSED
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_raising_on_close_enters_the_delegator_which_can_catch_it, D, delegators) {
    log_type log;
    gen s = raises_on_generator_exit(log);
    D d([&](typename D::yielder& yield) {
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (std::out_of_range const& e) {
            log.push_back(std::string("d caught ") + e.what());
        } catch (pygen::generator_exit const&) {
            log.push_back("d got GeneratorExit instead");
            throw;
        }
        log.push_back("d end");
    });
    BOOST_TEST(d.next() == 1);
    d.close();
    log_type const expected = {"sub GE", "~sub_finally", "d caught k", "d end"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: sub as above; def d(): try: yield from sub()
//                                finally: log('d finally')
//         g.close() -> KeyError('k'); log == ['sub GE', 'sub finally', 'd finally']; both GEN_CLOSED (item 24)
BOOST_AUTO_TEST_CASE(sub_raising_on_close_uncaught_propagates_out_of_close) {
    log_type log;
    gen s = raises_on_generator_exit(log);
    gen d([&](gen::yielder& yield) {
        recorder fin(log, "d_finally");
        yield.from(s);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(thrown_what<std::out_of_range>([&d] { d.close(); }) == "k");
    log_type const expected = {"sub GE", "~sub_finally", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
}

// Python: sub as above; def d(): try: yield from sub()
//                                except KeyError: log('d caught')
//                                yield 2
//         g.close() -> RuntimeError('generator ignored GeneratorExit'); g GEN_SUSPENDED; sub GEN_CLOSED;
//         del g: GeneratorExit at `yield 2` propagates, nothing reported
BOOST_AUTO_TEST_CASE(delegator_yielding_after_catching_the_subs_close_error_ignored_generator_exit) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen s([&log](gen::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("sub GE");
                throw std::out_of_range("k");
            }
        });
        gen d([&](gen::yielder& yield) {
            recorder fin(log, "d_finally");
            try {
                yield.from(s);
            } catch (std::out_of_range const&) {
                log.push_back("d caught");
            }
            yield(2);
            log.push_back("d not reached");
        });
        BOOST_TEST(d.next() == 1);
        BOOST_TEST(thrown_what<pygen::runtime_error>([&d] { d.close(); }) == ignored_exit);
        log_type const expected = {"sub GE", "d caught"};
        BOOST_TEST(log == expected, boost::test_tools::per_element());
        BOOST_TEST(d.state() == pygen::gen_state::suspended);
        BOOST_TEST(s.state() == pygen::gen_state::closed);
        BOOST_TEST(!d.gi_yieldfrom());
    }
    BOOST_TEST(log.back() == "~d_finally");
    BOOST_TEST(errors.empty());
}

// Python: def sub(): r = Rec('sub_local'); n = 0
//                    while True: try: n += 1; yield n  except GeneratorExit: log('sub ignores')  finally: log(n)
//         s = sub(); def d(): try: yield from s  finally: log('d finally')
//         g.close() -> RuntimeError('generator ignored GeneratorExit') through d; d GEN_CLOSED, s GEN_SUSPENDED;
//         del s -> unraisablehook gets the same RuntimeError (pygen then unwinds the sub's stack by force,
//         destroying its locals; CPython leaves the frame)
BOOST_AUTO_TEST_CASE_TEMPLATE(sub_ignoring_generator_exit_makes_close_raise_and_stays_suspended, D, delegators) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen s([&log](gen::yielder& yield) {
            recorder local(log, "sub_local");
            for (int n = 1;; ++n) {
                recorder fin(log, "sub_finally_" + std::to_string(n));
                try {
                    yield(n);
                } catch (pygen::generator_exit const&) {
                    log.push_back("sub ignores");
                }
            }
        });
        {
            D d = finally_around<D>(log, s);
            BOOST_TEST(d.next() == 1);
            BOOST_TEST(thrown_what<pygen::runtime_error>([&d] { d.close(); }) == ignored_exit);
            log_type const expected = {"sub ignores", "~sub_finally_1", "~d_finally"};
            BOOST_TEST(log == expected, boost::test_tools::per_element());
            BOOST_TEST(d.state() == pygen::gen_state::closed);
            BOOST_TEST(s.state() == pygen::gen_state::suspended);
            BOOST_TEST(!d.gi_yieldfrom());
        }
        BOOST_TEST(s.state() == pygen::gen_state::suspended);
        BOOST_TEST(errors.empty());
        BOOST_TEST(log.size() == 3u);
    }
    BOOST_TEST(errors.size() == 1u);
    if (!errors.empty()) {
        BOOST_TEST(describe<pygen::runtime_error>(errors.front()) == ignored_exit);
    }
    log_type const expected = {"sub ignores",    "~sub_finally_1", "~d_finally", "sub ignores",
                               "~sub_finally_2", "~sub_finally_3", "~sub_local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub ignores'); yield 2
//                    log('sub end')
//         s = sub(); def d(): try: yield from s
//                             except RuntimeError as e: log('d caught ' + str(e))
//                             log('d end')   # g.close() is None, g GEN_CLOSED, s GEN_SUSPENDED; next(s) ends s
BOOST_AUTO_TEST_CASE(delegator_catching_the_ignored_generator_exit_error_closes_normally) {
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
    gen d([&](gen::yielder& yield) {
        try {
            yield.from(s);
        } catch (pygen::runtime_error const& e) {
            log.push_back(std::string("d caught ") + e.what());
        }
        log.push_back("d end");
    });
    BOOST_TEST(d.next() == 1);
    d.close();
    log_type expected = {"sub ignores", std::string("d caught ") + ignored_exit, "d end"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
    BOOST_CHECK_THROW(s.next(), pygen::stop_iteration);
    expected.push_back("sub end");
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
}

// Python: def inner(): try: yield 1  finally: log('inner finally')
//         def middle(): try: yield from inner()
//                       except GeneratorExit: log('middle ignores'); yield 2
//         def outer(): try: yield from middle()
//                      except RuntimeError as e: log('outer caught ' + str(e))
//         g.close() is None; g GEN_CLOSED, middle GEN_SUSPENDED, inner GEN_CLOSED
BOOST_AUTO_TEST_CASE(middle_of_a_chain_ignoring_generator_exit) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen inner([&log](gen::yielder& yield) {
            recorder fin(log, "inner_finally");
            yield(1);
        });
        gen middle([&](gen::yielder& yield) {
            try {
                yield.from(inner);
            } catch (pygen::generator_exit const&) {
                log.push_back("middle ignores");
                yield(2);
            }
        });
        gen outer([&](gen::yielder& yield) {
            try {
                yield.from(middle);
            } catch (pygen::runtime_error const& e) {
                log.push_back(std::string("outer caught ") + e.what());
            }
        });
        BOOST_TEST(outer.next() == 1);
        outer.close();
        log_type const expected = {"~inner_finally", "middle ignores", std::string("outer caught ") + ignored_exit};
        BOOST_TEST(log == expected, boost::test_tools::per_element());
        BOOST_TEST(outer.state() == pygen::gen_state::closed);
        BOOST_TEST(middle.state() == pygen::gen_state::suspended);
        BOOST_TEST(inner.state() == pygen::gen_state::closed);
        BOOST_TEST(!middle.gi_yieldfrom());
    }
    // Destroying middle raises GeneratorExit at its `yield 2`, which propagates: nothing to report.
    BOOST_TEST(errors.empty());
}

// Python: def sub(): try: yield 1
//                    except GeneratorExit: log('sub GE'); raise
//                    finally: log('sub finally')
//         def d(): the same around `yield from sub()`
//         next(g); del g -> ['sub GE', 'sub finally', 'd GE', 'd finally'], nothing reported (items 28, 35)
BOOST_AUTO_TEST_CASE_TEMPLATE(destroying_a_delegator_closes_its_sub_first, D, delegators) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    gen s = reraises_generator_exit<gen>(log, "sub", [](gen::yielder& yield) { yield(1); });
    {
        D d = reraises_generator_exit<D>(log, "d", [&s](typename D::yielder& yield) { yield.from(s); });
        BOOST_TEST(d.next() == 1);
        BOOST_TEST(log.empty());
    }
    log_type const expected = {"sub GE", "~sub_finally", "d GE", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(errors.empty());
}

// Python: def sub(): while True:
//                        try: yield 1
//                        except GeneratorExit: log('sub ignores')
//         s = sub(); def d(): try: yield from s
//                             finally: log('d finally')
//         next(g); del g -> hook: RuntimeError for d; s GEN_SUSPENDED; del s -> hook: RuntimeError for s
BOOST_AUTO_TEST_CASE_TEMPLATE(destroying_a_delegator_whose_sub_object_ignores_generator_exit, D, delegators) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        gen s(always_ignores_generator_exit(log));
        {
            D d([&](typename D::yielder& yield) {
                recorder fin(log, "d_finally");
                yield.from(s);
            });
            BOOST_TEST(d.next() == 1);
        }
        log_type const expected = {"sub ignores", "~d_finally"};
        BOOST_TEST(log == expected, boost::test_tools::per_element());
        BOOST_TEST(errors.size() == 1u);
        BOOST_TEST(s.state() == pygen::gen_state::suspended);
    }
    log_type const expected = {"sub ignores", "~d_finally", "sub ignores", "~sub_local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.size() == 2u);
    for (std::size_t i = 0; i < errors.size(); ++i) {
        BOOST_TEST(describe<pygen::runtime_error>(errors[i]) == ignored_exit);
    }
}

// Python: s = sub()   # r = Rec('sub_local'); try: yield 1; yield 2  finally: log('sub finally')
//         def d(): yield from s; log('d after yield from'); yield 3; log('d end')
//         next(g) == 1; del s -> nothing runs (g's frame holds the sub); next(g) == 2;
//         next(g) == 3 -> ['sub finally', '~sub_local', 'd after yield from']
BOOST_AUTO_TEST_CASE_TEMPLATE(destroyed_sub_object_does_not_close_the_sub_while_delegating, D, delegators) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    std::unique_ptr<gen> s(new gen(two_values(log)));
    gen* const sp = s.get();
    D d([&log, sp](typename D::yielder& yield) {
        yield.from(*sp);
        log.push_back("d after yield from");
        yield(3);
        log.push_back("d end");
    });
    BOOST_TEST(d.next() == 1);
    s.reset();
    BOOST_TEST(log.empty());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(d.gi_yieldfrom().kind() == pygen::yield_from_kind::generator);
    BOOST_TEST(d.gi_yieldfrom().state() == pygen::gen_state::suspended);
    BOOST_TEST(d.next() == 2);
    BOOST_TEST(log.empty());
    BOOST_TEST(d.next() == 3);
    log_type expected = {"~sub_finally", "~sub_local", "d after yield from"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(!d.gi_yieldfrom());
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    expected.push_back("d end");
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: s = sub(); def d(): try: yield from s
//                             finally: log('d finally')
//         next(g); del s -> nothing; del g -> ['sub finally', '~sub_local', 'd finally']
BOOST_AUTO_TEST_CASE(destroyed_sub_object_is_finalized_when_the_delegator_is_destroyed) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        std::unique_ptr<gen> s(new gen(two_values(log)));
        gen d = finally_around<gen>(log, *s);
        BOOST_TEST(d.next() == 1);
        s.reset();
        BOOST_TEST(log.empty());
    }
    log_type const expected = {"~sub_finally", "~sub_local", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.empty());
}

// Python: s = sub(); def d(): try: yield from s  finally: log('d finally')
//         next(g); del s -> nothing; g.close() -> ['sub finally', '~sub_local', 'd finally']
BOOST_AUTO_TEST_CASE(destroyed_sub_object_is_finalized_when_the_delegator_is_closed) {
    log_type log;
    std::unique_ptr<gen> s(new gen(two_values(log)));
    lgen d = finally_around<lgen>(log, *s);
    BOOST_TEST(d.next() == 1);
    s.reset();
    BOOST_TEST(log.empty());
    d.close();
    log_type const expected = {"~sub_finally", "~sub_local", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    except ValueError: log('sub caught'); yield 2
//         s = sub(); def d(): yield from s; log('d end')
//         next(g); del s; g.throw(ValueError) == 2 (the sub still runs); next(g) -> 'd end', StopIteration
BOOST_AUTO_TEST_CASE(destroyed_sub_object_still_receives_throw) {
    log_type log;
    std::unique_ptr<gen> s(new gen([&log](gen::yielder& yield) {
        recorder local(log, "sub_local");
        try {
            yield(1);
        } catch (std::invalid_argument const&) {
            log.push_back("sub caught");
            yield(2);
        }
    }));
    gen* const sp = s.get();
    gen d([&log, sp](gen::yielder& yield) {
        yield.from(*sp);
        log.push_back("d end");
    });
    BOOST_TEST(d.next() == 1);
    s.reset();
    BOOST_TEST(d.throw_(std::invalid_argument("x")) == 2);
    BOOST_TEST(log == (log_type{"sub caught"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW(d.next(), pygen::stop_iteration);
    log_type const expected = {"sub caught", "~sub_local", "d end"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def d(): r = yield from sub(); log(f'd got {r}'); yield 9
//         next(g) == 1 (g.gi_yieldfrom GEN_SUSPENDED); next(g) == 2; next(g) == 9 with
//         ['sub finally', '~sub_local', 'd got None']: the temporary lives exactly as long as the delegation
BOOST_AUTO_TEST_CASE_TEMPLATE(temporary_sub_lives_as_long_as_the_delegation, D, delegators) {
    log_type log;
    D d([&log](typename D::yielder& yield) {
        yield.from(two_values(log));
        log.push_back("d after yield from");
        yield(9);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(log.empty());
    BOOST_TEST(d.gi_yieldfrom().kind() == pygen::yield_from_kind::generator);
    BOOST_TEST(d.gi_yieldfrom().state() == pygen::gen_state::suspended);
    BOOST_TEST(d.next() == 2);
    BOOST_TEST(log.empty());
    BOOST_TEST(d.next() == 9);
    log_type const expected = {"~sub_finally", "~sub_local", "d after yield from"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(!d.gi_yieldfrom());
}

// Python: def sub(): r = Rec('sub_local'); yield 1; return 7   (a generator with a return value)
//         def d(): try: r = yield from sub(); yield r
//                  finally: log('d finally')
//         next(g); g.close() -> ['~sub_local', 'd finally'], the value 7 is never seen
BOOST_AUTO_TEST_CASE(temporary_sub_is_closed_with_the_delegator) {
    log_type log;
    gen d([&log](gen::yielder& yield) {
        recorder fin(log, "d_finally");
        int const r = yield.from(rgen([&log](rgen::yielder& y) -> int {
            recorder local(log, "sub_local");
            y(1);
            return 7;
        }));
        log.push_back("d got " + std::to_string(r));
        yield(r);
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(log.empty());
    d.close();
    log_type const expected = {"~sub_local", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def sub(): r = Rec('sub_local')
//                    while True: try: yield 1  except GeneratorExit: log('sub ignores')
//         def d(): r = Rec('d_local'); try: yield from sub()  finally: log('d finally')
//         next(g); del g -> unraisablehook: RuntimeError('generator ignored GeneratorExit') for the sub (freed as
//         d leaves the yield from), then for d; log ['sub ignores', 'sub ignores', 'd finally', '~d_local']
//         (pygen also unwinds the sub's stack by force after its report: '~sub_local'; CPython leaves it)
BOOST_AUTO_TEST_CASE_TEMPLATE(destroying_a_delegator_whose_temporary_sub_ignores_generator_exit, D, delegators) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    {
        D d([&log](typename D::yielder& yield) {
            recorder local(log, "d_local");
            recorder fin(log, "d_finally");
            yield.from(always_ignores_generator_exit(log));
            log.push_back("d not reached");
        });
        BOOST_TEST(d.next() == 1);
    }
    log_type const expected = {"sub ignores", "sub ignores", "~sub_local", "~d_finally", "~d_local"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(errors.size() == 2u);
    for (std::size_t i = 0; i < errors.size(); ++i) {
        BOOST_TEST(describe<pygen::runtime_error>(errors[i]) == ignored_exit);
    }
}

// Python: def d(): try: yield from always_ignores()
//                  finally: log('d finally')
//         next(g); g.close() -> RuntimeError('generator ignored GeneratorExit') (from the sub, through d);
//         then the sub, no longer referenced, is finalized: unraisablehook gets its second refusal
BOOST_AUTO_TEST_CASE(closing_a_delegator_whose_temporary_sub_ignores_generator_exit) {
    std::vector<std::exception_ptr> errors;
    hook_guard guard(collect_into(errors));
    log_type log;
    gen d([&log](gen::yielder& yield) {
        recorder fin(log, "d_finally");
        yield.from(always_ignores_generator_exit(log));
    });
    BOOST_TEST(d.next() == 1);
    BOOST_TEST(thrown_what<pygen::runtime_error>([&d] { d.close(); }) == ignored_exit);
    log_type const expected = {"sub ignores", "sub ignores", "~sub_local", "~d_finally"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
    BOOST_TEST(errors.size() == 1u);
    if (!errors.empty()) {
        BOOST_TEST(describe<pygen::runtime_error>(errors.front()) == ignored_exit);
    }
}

// Python: def sub(): yield 1; log('sub end'); return 7
//         s = sub(); def d(): try: yield from s
//                             except GeneratorExit: log('d GE'); raise
//         next(g); next(s) -> StopIteration(7); g.close() is None: GeneratorExit in d; GEN_CLOSED
BOOST_AUTO_TEST_CASE(close_after_the_sub_was_exhausted_directly) {
    log_type log;
    rgen s = one_then_returns_7(log);
    gen d([&](gen::yielder& yield) {
        try {
            yield.from(s);
            log.push_back("d not reached");
        } catch (pygen::generator_exit const&) {
            log.push_back("d GE");
            throw;
        }
    });
    BOOST_TEST(d.next() == 1);
    BOOST_CHECK_THROW(s.next(), pygen::stop_iteration);
    BOOST_TEST(d.gi_yieldfrom().state() == pygen::gen_state::closed);
    d.close();
    log_type const expected = {"sub end", "d GE"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::closed);
}

// Python: def sub(): try: yield 1
//                    finally: log('sub finally')
//         s = sub(); def d(): r = yield from s; log(f'd r {r}'); yield 2
//         next(g); s.close() -> 'sub finally'; g still GEN_SUSPENDED with gi_yieldfrom s;
//         next(g) == 2 with r None (C++: a value-initialized R)
BOOST_AUTO_TEST_CASE(closing_the_sub_directly_while_it_is_delegated_to) {
    log_type log;
    rgen s([&log](rgen::yielder& yield) -> int {
        recorder fin(log, "sub_finally");
        yield(1);
        return 7;
    });
    gen d([&](gen::yielder& yield) {
        int const r = yield.from(s);
        log.push_back("d r " + std::to_string(r));
        yield(2);
    });
    BOOST_TEST(d.next() == 1);
    s.close();
    BOOST_TEST(log == (log_type{"~sub_finally"}), boost::test_tools::per_element());
    BOOST_TEST(s.state() == pygen::gen_state::closed);
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(d.gi_yieldfrom().get<rgen>() == &s);
    BOOST_TEST(d.next() == 2);
    log_type const expected = {"~sub_finally", "d r 0"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: def sub():
//             try: g.close()
//             except ValueError as e: log('d.close: ' + str(e))
//             try: s.close()    (the same)
//             yield 1
//         next(g) == 1 with both ValueError('generator already executing') (items 26, 27)
BOOST_AUTO_TEST_CASE_TEMPLATE(close_from_inside_the_running_sub_is_value_error, D, delegators) {
    log_type log;
    D* dp = nullptr;
    gen s;
    s = gen([&](gen::yielder& yield) {
        log.push_back("d.close: " + thrown_what<pygen::value_error>([dp] { dp->close(); }));
        log.push_back("s.close: " + thrown_what<pygen::value_error>([&s] { s.close(); }));
        yield(1);
    });
    D d([&s](typename D::yielder& yield) { yield.from(s); });
    dp = &d;
    BOOST_TEST(d.next() == 1);
    log_type const expected = {std::string("d.close: ") + already_executing,
                               std::string("s.close: ") + already_executing};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(d.state() == pygen::gen_state::suspended);
    BOOST_TEST(s.state() == pygen::gen_state::suspended);
}
