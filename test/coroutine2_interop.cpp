// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Boost.Coroutine2 interop: from_pull (a pull_type as a generator: next (5), exhaustion (9), close
// (14, 15), errors (11, 12), state (36)) and to_pull (a generator as a pull_type), yield.from(pull).
#define BOOST_TEST_MODULE coroutine2_interop
#include <pygen/coroutine2.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace pygen_test;

namespace {

using coro = boost::coroutines2::coroutine<int>;
using int_gen = pygen::generator<int>;

// A pull_type over first, first + 1, ... last - 1 that logs each value it computes, and "~coro"
// when its coroutine is unwound or ends.
coro::pull_type counting(log_type& log, int first, int last) {
    return coro::pull_type([&log, first, last](coro::push_type& sink) {
        recorder guard(log, "coro");
        for (int i = first; i < last; ++i) {
            log.push_back("computed " + std::to_string(i));
            sink(i);
        }
    });
}

// An API written for Coroutine2: it takes the pull_type by reference.
int sum_of(coro::pull_type& source) {
    int total = 0;
    for (int v : source) {
        total += v;
    }
    return total;
}

} // namespace

// ---- from_pull ---------------------------------------------------------------------------------

// Python: g = (x for x in it)  # nothing runs until next(g); here the pull_type already holds
//         its first value (Coroutine2 is eager), and each later value is computed by its next()
BOOST_AUTO_TEST_CASE(from_pull_computes_each_later_value_in_the_next_that_asks_for_it) {
    log_type log;
    int_gen g = pygen::from_pull(counting(log, 0, 3));
    BOOST_TEST(log == (log_type{"computed 0"}));
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(log == (log_type{"computed 0"}));
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(log == (log_type{"computed 0", "computed 1"}));
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(log == (log_type{"computed 0", "computed 1", "computed 2"}));
}

// Python: next(g) after the last value -> StopIteration (no value), and again on every later call
BOOST_AUTO_TEST_CASE(from_pull_ends_with_stop_iteration_and_stays_closed) {
    log_type log;
    int_gen g = pygen::from_pull(counting(log, 5, 7));
    BOOST_TEST(g.next() == 5);
    BOOST_TEST(g.next() == 6);
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(log.back() == "~coro");
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: list(g) == [0, 1, 2, 3]
BOOST_AUTO_TEST_CASE(from_pull_iterates_with_range_for) {
    log_type log;
    int_gen g = pygen::from_pull(counting(log, 0, 4));
    std::vector<int> seen;
    for (int v : g) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (std::vector<int>{0, 1, 2, 3}));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: an exception raised by the iterator comes out of next(g), and g is closed
BOOST_AUTO_TEST_CASE(from_pull_propagates_the_coroutines_exception_and_closes) {
    coro::pull_type pull([](coro::push_type& sink) {
        sink(1);
        throw derived_error("from the coroutine", 7);
    });
    int_gen g = pygen::from_pull(std::move(pull));
    BOOST_TEST(g.next() == 1);
    int code = 0;
    try {
        g.next();
    } catch (derived_error const& e) {
        code = e.code;
    }
    BOOST_TEST(code == 7);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
}

// Python: g.close() on a suspended generator releases what its frame holds
BOOST_AUTO_TEST_CASE(from_pull_close_unwinds_the_pull_type) {
    log_type log;
    int_gen g = pygen::from_pull(counting(log, 0, 10));
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.next() == 1);
    g.close();
    BOOST_TEST(log == (log_type{"computed 0", "computed 1", "~coro"}));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
}

// Python: del g  (suspended, and never started) -> the frame and what it holds go
BOOST_AUTO_TEST_CASE(from_pull_destruction_unwinds_the_pull_type_started_or_not) {
    log_type log;
    {
        int_gen g = pygen::from_pull(counting(log, 0, 10));
        BOOST_TEST(g.next() == 0);
    }
    BOOST_TEST(log == (log_type{"computed 0", "~coro"}));
    log.clear();
    {
        int_gen g = pygen::from_pull(counting(log, 0, 10));
        BOOST_TEST(g.state() == pygen::gen_state::created);
    }
    BOOST_TEST(log == (log_type{"computed 0", "~coro"}));
    log.clear();
    {
        int_gen g = pygen::from_pull(counting(log, 0, 10));
        g.close();
        BOOST_TEST(log == (log_type{"computed 0", "~coro"}));
    }
}

// Python: g.throw(E) while g is suspended in `yield from it` (it has no throw) -> E out of g, g closed
BOOST_AUTO_TEST_CASE(from_pull_throw_closes_the_pull_type_and_propagates) {
    log_type log;
    int_gen g = pygen::from_pull(counting(log, 0, 10));
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(thrown_what<caller_error>([&] { g.throw_(caller_error("thrown in")); }) == "thrown in");
    BOOST_TEST(log == (log_type{"computed 0", "~coro"}));
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: an exhausted iterator gives an empty generator
BOOST_AUTO_TEST_CASE(from_pull_of_a_finished_or_moved_from_pull_type_is_empty) {
    log_type log;
    coro::pull_type pull = counting(log, 0, 0);
    BOOST_TEST(!pull);
    int_gen g = pygen::from_pull(std::move(pull));
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    int_gen h = pygen::from_pull(std::move(pull)); // moved from: no coroutine at all
    BOOST_TEST(stop_has_value([&] { h.next(); }) == 0);
}

// Python: (str(x) for x in it)  -- here a chosen Y that T converts to
BOOST_AUTO_TEST_CASE(from_pull_with_a_chosen_yield_type_converts_each_value) {
    using words = boost::coroutines2::coroutine<char const*>;
    words::pull_type pull([](words::push_type& sink) {
        sink("a");
        sink("bc");
    });
    pygen::generator<std::string> g = pygen::from_pull<std::string>(std::move(pull));
    BOOST_TEST(g.next() == "a");
    BOOST_TEST(g.next() == "bc");
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
}

// A move-only T goes through by moves.
BOOST_AUTO_TEST_CASE(from_pull_moves_move_only_values) {
    using ptrs = boost::coroutines2::coroutine<std::unique_ptr<int>>;
    ptrs::pull_type pull([](ptrs::push_type& sink) {
        sink(std::unique_ptr<int>(new int(4)));
        sink(std::unique_ptr<int>(new int(5)));
    });
    pygen::generator<std::unique_ptr<int>> g = pygen::from_pull(std::move(pull));
    BOOST_TEST(*g.next() == 4);
    BOOST_TEST(*g.next() == 5);
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
}

// A pull_type<T&> gives a generator<T&>: the values are the coroutine's own objects.
BOOST_AUTO_TEST_CASE(from_pull_of_a_reference_pull_type_yields_references) {
    using refs = boost::coroutines2::coroutine<int&>;
    std::vector<int> values{1, 2, 3};
    refs::pull_type pull([&values](refs::push_type& sink) {
        for (int& v : values) {
            sink(v);
        }
    });
    pygen::generator<int&> g = pygen::from_pull(std::move(pull));
    for (int& v : g) {
        v *= 10;
    }
    BOOST_TEST(values == (std::vector<int>{10, 20, 30}));
}

// A pull_type<void> gives a generator<void>: one next() per step of the coroutine.
BOOST_AUTO_TEST_CASE(from_pull_of_a_void_pull_type_steps_it) {
    using steps = boost::coroutines2::coroutine<void>;
    log_type log;
    steps::pull_type pull([&log](steps::push_type& sink) {
        log.push_back("step 1");
        sink();
        log.push_back("step 2");
        sink();
        log.push_back("end");
    });
    pygen::generator<void> g = pygen::from_pull(std::move(pull));
    g.next();
    BOOST_TEST(log == (log_type{"step 1"}));
    g.next();
    BOOST_TEST(log == (log_type{"step 1", "step 2"}));
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
    BOOST_TEST(log == (log_type{"step 1", "step 2", "end"}));
}

// The generator's own stack comes from the allocator given.
BOOST_AUTO_TEST_CASE(from_pull_with_a_stack_allocator) {
    log_type log;
    int_gen g = pygen::from_pull(std::allocator_arg, pygen::guarded_stack(), counting(log, 0, 2));
    BOOST_TEST(g.next() == 0);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(stop_has_value([&] { g.next(); }) == 0);
}

// Python: def outer(it): r = yield from it; yield 'after'  -- with `it` kept by the caller,
// and with a from_pull generator
BOOST_AUTO_TEST_CASE(yield_from_a_pull_type_kept_by_reference) {
    log_type log;
    coro::pull_type pull = counting(log, 0, 5);
    {
        int_gen outer([&pull](int_gen::yielder& yield) {
            yield.from(pull);
            yield(-1);
        });
        BOOST_TEST(outer.next() == 0);
        BOOST_TEST(outer.next() == 1);
        BOOST_TEST(outer.state() == pygen::gen_state::suspended);
    } // closing the delegator leaves the pull_type to its owner, where the iteration left it
    BOOST_TEST(static_cast<bool>(pull));
    BOOST_TEST(pull.get() == 1);
    pull();
    BOOST_TEST(pull.get() == 2);
    int_gen rest([&pull](int_gen::yielder& yield) {
        yield.from(pull);
        yield.from(pygen::from_pull(coro::pull_type([](coro::push_type& sink) { sink(100); })));
    });
    std::vector<int> seen;
    for (int v : rest) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (std::vector<int>{2, 3, 4, 100}));
    BOOST_TEST(!pull);
    BOOST_TEST(log.back() == "~coro");
}

// ---- to_pull -----------------------------------------------------------------------------------

// Coroutine2 semantics: the pull_type runs the generator to its first value at once.
BOOST_AUTO_TEST_CASE(to_pull_is_eager_like_any_pull_type) {
    log_type log;
    int_gen g([&log](int_gen::yielder& yield) {
        log.push_back("started");
        yield(1);
        log.push_back("resumed");
        yield(2);
        log.push_back("ended");
    });
    coro::pull_type pull = pygen::to_pull(std::move(g));
    BOOST_TEST(log == (log_type{"started"}));
    BOOST_TEST(static_cast<bool>(pull));
    BOOST_TEST(pull.get() == 1);
    pull();
    BOOST_TEST(log == (log_type{"started", "resumed"}));
    BOOST_TEST(pull.get() == 2);
    pull();
    BOOST_TEST(!pull);
    BOOST_TEST(log == (log_type{"started", "resumed", "ended"}));
}

// Python: sum(g)  -- here through an API that takes a coroutine<int>::pull_type&
BOOST_AUTO_TEST_CASE(to_pull_feeds_an_api_taking_a_pull_type) {
    coro::pull_type pull = pygen::to_pull(int_gen([](int_gen::yielder& yield) {
        for (int i = 1; i <= 4; ++i) {
            yield(i);
        }
    }));
    BOOST_TEST(sum_of(pull) == 10);
    BOOST_TEST(!pull);
}

// An exception raised before the first value comes out of to_pull (the pull_type's constructor).
BOOST_AUTO_TEST_CASE(to_pull_propagates_an_exception_raised_before_the_first_value) {
    int_gen g([](int_gen::yielder&) { throw body_error("before any value"); });
    BOOST_TEST(thrown_what<body_error>([&] { pygen::to_pull(std::move(g)); }) == "before any value");
}

// An exception raised later comes out of the pull() that resumed the body; the pull_type is finished.
BOOST_AUTO_TEST_CASE(to_pull_propagates_an_exception_out_of_pull) {
    coro::pull_type pull = pygen::to_pull(int_gen([](int_gen::yielder& yield) {
        yield(1);
        throw derived_error("after one value", 3);
    }));
    BOOST_TEST(pull.get() == 1);
    int code = 0;
    try {
        pull();
    } catch (derived_error const& e) {
        code = e.code;
    }
    BOOST_TEST(code == 3);
    BOOST_TEST(!pull);
}

// PEP 479 still holds inside: a stop_iteration escaping the body is "generator raised StopIteration".
BOOST_AUTO_TEST_CASE(to_pull_keeps_pep479) {
    coro::pull_type pull = pygen::to_pull(int_gen([](int_gen::yielder& yield) {
        yield(1);
        throw pygen::stop_iteration();
    }));
    BOOST_TEST(what_of<pygen::runtime_error>([&] { pull(); }) == "generator raised StopIteration");
    BOOST_TEST(!pull);
}

// Python: del g while suspended -> GeneratorExit at its yield, its cleanups run
BOOST_AUTO_TEST_CASE(destroying_the_pull_type_early_finalizes_the_generator) {
    log_type log;
    {
        coro::pull_type pull = pygen::to_pull(int_gen([&log](int_gen::yielder& yield) {
            recorder local(log, "local");
            try {
                yield(1);
                yield(2);
            } catch (pygen::generator_exit const&) {
                log.push_back("GeneratorExit");
                throw;
            }
        }));
        BOOST_TEST(pull.get() == 1);
        BOOST_TEST(log.empty());
    }
    BOOST_TEST(log == (log_type{"GeneratorExit", "~local"}));
}

// Python: for v in g: ...  -- the return value is dropped, as a for loop drops it; a started
// generator goes on from where it is
BOOST_AUTO_TEST_CASE(to_pull_continues_a_started_generator_and_drops_its_return_value) {
    using ret_gen = pygen::generator<int, void, std::string>;
    ret_gen g([](ret_gen::yielder& yield) -> std::string {
        yield(1);
        yield(2);
        yield(3);
        return "dropped";
    });
    BOOST_TEST(g.next() == 1);
    coro::pull_type pull = pygen::to_pull(std::move(g));
    std::vector<int> seen;
    for (int v : pull) {
        seen.push_back(v);
    }
    BOOST_TEST(seen == (std::vector<int>{2, 3}));
    BOOST_TEST(g.state() == pygen::gen_state::closed); // moved from
}

// An empty or closed generator gives a finished pull_type.
BOOST_AUTO_TEST_CASE(to_pull_of_an_empty_generator_is_finished) {
    coro::pull_type pull = pygen::to_pull(int_gen());
    BOOST_TEST(!pull);
}

// A generator<T&> gives a pull_type<T&>; a generator with a send type is resumed with S{} (next()).
BOOST_AUTO_TEST_CASE(to_pull_of_reference_and_send_generators) {
    using ref_gen = pygen::generator<int&>;
    using refs = boost::coroutines2::coroutine<int&>;
    std::vector<int> values{1, 2};
    refs::pull_type pull = pygen::to_pull(ref_gen([&values](ref_gen::yielder& yield) {
        for (int& v : values) {
            yield(v);
        }
    }));
    for (int& v : pull) {
        v += 1;
    }
    BOOST_TEST(values == (std::vector<int>{2, 3}));

    using send_gen = pygen::generator<int, int>;
    std::vector<int> received;
    coro::pull_type sends = pygen::to_pull(send_gen([&received](send_gen::yielder& yield) {
        received.push_back(yield(1));
        received.push_back(yield(2));
    }));
    BOOST_TEST(sum_of(sends) == 3);
    BOOST_TEST(received == (std::vector<int>{0, 0}));
}

// A generator<void> gives a pull_type<void>: each pull() is a next().
BOOST_AUTO_TEST_CASE(to_pull_of_a_void_generator_steps_it) {
    using void_gen = pygen::generator<void>;
    using steps = boost::coroutines2::coroutine<void>;
    log_type log;
    steps::pull_type pull = pygen::to_pull(void_gen([&log](void_gen::yielder& yield) {
        log.push_back("1");
        yield();
        log.push_back("2");
    }));
    BOOST_TEST(log == (log_type{"1"}));
    BOOST_TEST(static_cast<bool>(pull));
    pull();
    BOOST_TEST(log == (log_type{"1", "2"}));
    BOOST_TEST(!pull);
}

// The pull_type's coroutine stack comes from the allocator given (Coroutine2's or pygen's own).
BOOST_AUTO_TEST_CASE(to_pull_with_a_stack_allocator) {
    coro::pull_type pull =
        pygen::to_pull(std::allocator_arg, boost::coroutines2::fixedsize_stack(), int_gen([](int_gen::yielder& yield) {
                           yield(1);
                           yield(2);
                       }));
    BOOST_TEST(sum_of(pull) == 3);
    coro::pull_type guarded =
        pygen::to_pull(std::allocator_arg, pygen::guarded_stack(), int_gen([](int_gen::yielder& yield) { yield(5); }));
    BOOST_TEST(sum_of(guarded) == 5);
}

// Round trips: a pull_type through a generator and back, each direction, with early destruction.
BOOST_AUTO_TEST_CASE(round_trips_preserve_values_and_cleanup) {
    log_type log;
    coro::pull_type back = pygen::to_pull(pygen::from_pull(counting(log, 0, 4)));
    BOOST_TEST(sum_of(back) == 6);
    BOOST_TEST(log.back() == "~coro");

    log.clear();
    {
        int_gen g = pygen::from_pull(pygen::to_pull(pygen::from_pull(counting(log, 0, 100))));
        BOOST_TEST(g.next() == 0);
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST(log.back() == "~coro");
    // each layer holds one value ahead, and all of them the same one: 0 and 1 are computed, no more
    BOOST_TEST(log == (log_type{"computed 0", "computed 1", "~coro"}));
}

// Trap 1 across both libraries: the caller is inside a catch block while the generator, behind the
// pull_type, yields from inside its own catch block; each `throw;` must rethrow its own exception.
// Python: try: raise CallerError  except: next(p); raise   (and the body: except BodyError: yield; raise)
BOOST_AUTO_TEST_CASE(catch_blocks_on_both_sides_keep_their_own_exceptions) {
    coro::pull_type pull = pygen::to_pull(int_gen([](int_gen::yielder& yield) {
        yield(1);
        try {
            throw body_error("body");
        } catch (body_error const&) {
            yield(2);
            throw;
        }
    }));
    std::string caller_rethrew;
    try {
        try {
            throw caller_error("caller");
        } catch (caller_error const&) {
            pull(); // the body now waits inside its catch block
            BOOST_TEST(pull.get() == 2);
            throw;
        }
    } catch (caller_error const& e) {
        caller_rethrew = e.what();
    }
    BOOST_TEST(caller_rethrew == "caller");
    BOOST_TEST(thrown_what<body_error>([&] { pull(); }) == "body");
    BOOST_TEST(!pull);

    log_type log;
    int_gen g = pygen::from_pull(counting(log, 0, 3));
    BOOST_TEST(g.next() == 0);
    try {
        try {
            throw caller_error("caller again");
        } catch (caller_error const&) {
            BOOST_TEST(g.next() == 1);
            throw;
        }
    } catch (caller_error const& e) {
        caller_rethrew = e.what();
    }
    BOOST_TEST(caller_rethrew == "caller again");
}
