// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Stack allocators: which work, when a stack is taken and when it is given back (items 1, 4, 21, 22, 28, 29).
#define BOOST_TEST_MODULE stack_allocators
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "stack_support.hpp"
#include "support.hpp"

#include <boost/context/fixedsize_stack.hpp>
#include <boost/context/pooled_fixedsize_stack.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <boost/context/stack_context.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace pygen_test;

// A Python frame lives on the heap and is dropped when the generator finishes (gi_frame is None,
// item 4). A pygen body's frame is a stack: these tests pin down that it is taken only when the
// body starts and given back as soon as the body can no longer run.

namespace {

using gen = pygen::generator<int>;

std::size_t const stack_size = 64 * 1024;

struct stack_counters {
    int allocated = 0;
    int deallocated = 0;
    int failed = 0;
    bool fail = false; // allocate() throws std::bad_alloc while set
    std::size_t last_size = 0;

    int live() const { return allocated - deallocated; }
};

// A fixedsize_stack that counts, through counters shared by all its copies and moved-from objects.
class counting_stack {
public:
    explicit counting_stack(std::shared_ptr<stack_counters> counters)
        : counters_(std::move(counters)), inner_(stack_size) {}

    boost::context::stack_context allocate() {
        if (counters_->fail) {
            ++counters_->failed;
            throw std::bad_alloc();
        }
        boost::context::stack_context sctx = inner_.allocate();
        ++counters_->allocated;
        counters_->last_size = sctx.size;
        return sctx;
    }

    void deallocate(boost::context::stack_context& sctx) noexcept {
        ++counters_->deallocated;
        inner_.deallocate(sctx);
    }

private:
    std::shared_ptr<stack_counters> counters_;
    boost::context::fixedsize_stack inner_;
};

} // namespace

static_assert(std::is_same<gen::default_stack_allocator, pygen::pooled_stack>::value,
              "the default allocator is pygen's pooled_stack");

// Python: list(gen()) == [1, 2, 3]   -- with a 64 KiB fixedsize_stack
BOOST_AUTO_TEST_CASE(fixedsize_stack_runs_a_generator) {
    gen g(std::allocator_arg, boost::context::fixedsize_stack(stack_size), &three_values);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    std::vector<int> const values = drain(g);
    BOOST_TEST(values == one_two_three(), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: the same, with a guard-page stack
BOOST_AUTO_TEST_CASE(protected_fixedsize_stack_runs_a_generator) {
    gen g(std::allocator_arg, boost::context::protected_fixedsize_stack(stack_size), &three_values);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: several generators alive at once, their stacks from one pool (copies share the pool)
BOOST_AUTO_TEST_CASE(pooled_fixedsize_stack_runs_generators) {
    boost::context::pooled_fixedsize_stack pool(stack_size);
    gen a(std::allocator_arg, pool, &three_values);
    gen b(std::allocator_arg, pool, &three_values);
    BOOST_TEST(a.next() == 1);
    BOOST_TEST(b.next() == 1);
    BOOST_TEST(a.next() == 2);
    b.close();
    BOOST_TEST(b.state() == pygen::gen_state::closed);
    BOOST_TEST(a.next() == 3);
    BOOST_CHECK_THROW(a.next(), pygen::stop_iteration);
    gen c(std::allocator_arg, pool, &three_values); // reuses a pooled stack
    std::vector<int> const values = drain(c);
    BOOST_TEST(values == one_two_three(), boost::test_tools::per_element());
}

// Python: def gen(): yield 1   ...  g = gen(); del g     -> nothing ran, nothing to free
BOOST_AUTO_TEST_CASE(never_started_generator_allocates_no_stack) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    {
        gen g(std::allocator_arg, counting_stack(counters), &three_values);
        BOOST_TEST(counters->allocated == 0);
    }
    BOOST_TEST(counters->allocated == 0);
    BOOST_TEST(counters->deallocated == 0);
}

// Python: g.close() / g.throw(E) on a created generator run no body code (items 16, 21)
BOOST_AUTO_TEST_CASE(close_or_throw_on_created_generator_allocates_no_stack) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    gen closed(std::allocator_arg, counting_stack(counters), &three_values);
    closed.close();
    BOOST_TEST(closed.state() == pygen::gen_state::closed);
    gen thrown(std::allocator_arg, counting_stack(counters), &three_values);
    BOOST_CHECK_THROW(thrown.throw_(std::out_of_range("early")), std::out_of_range);
    BOOST_TEST(thrown.state() == pygen::gen_state::closed);
    BOOST_TEST(counters->allocated == 0);
    BOOST_TEST(counters->deallocated == 0);
}

// Python: next(g) starts the frame; later resumes reuse it
BOOST_AUTO_TEST_CASE(starting_allocates_exactly_one_stack) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    gen g(std::allocator_arg, counting_stack(counters), &three_values);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->last_size == stack_size);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 0);
}

// Python: send(None) and a for loop start a created generator just like next()
BOOST_AUTO_TEST_CASE(send_none_and_begin_start_with_one_stack_each) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    gen by_send(std::allocator_arg, counting_stack(counters), &three_values);
    BOOST_TEST(by_send.send(pygen::none) == 1);
    BOOST_TEST(counters->allocated == 1);
    gen by_loop(std::allocator_arg, counting_stack(counters), &three_values);
    gen::iterator it = by_loop.begin();
    BOOST_TEST(*it == 1);
    BOOST_TEST(counters->allocated == 2);
    BOOST_TEST(counters->deallocated == 0);
}

// Python: after list(g), g.gi_frame is None while g still exists (item 4)
BOOST_AUTO_TEST_CASE(stack_freed_when_body_finishes_before_generator_is_destroyed) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    {
        gen g(std::allocator_arg, counting_stack(counters), &three_values);
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(g.next() == 2);
        BOOST_TEST(g.next() == 3);
        BOOST_TEST(counters->live() == 1);
        BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
        BOOST_TEST(counters->deallocated == 1); // g is still alive here
    }
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
}

// Python: a for loop that runs the body to its end frees the frame too
BOOST_AUTO_TEST_CASE(stack_freed_when_range_for_ends) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    gen g(std::allocator_arg, counting_stack(counters), &three_values);
    std::vector<int> const values = drain(g);
    BOOST_TEST(values == one_two_three(), boost::test_tools::per_element());
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
}

// Python: def gen(): yield 1; raise ValueError   -> the frame is dropped when the error leaves it (item 11)
BOOST_AUTO_TEST_CASE(stack_freed_when_body_raises) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    gen g(std::allocator_arg, counting_stack(counters), [](gen::yielder& yield) {
        yield(1);
        throw std::out_of_range("failed");
    });
    BOOST_TEST(g.next() == 1);
    BOOST_CHECK_THROW(g.next(), std::out_of_range);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
}

// Python: def gen(): return 5   -> next(g) raises StopIteration(5) on the first call; frame dropped
BOOST_AUTO_TEST_CASE(stack_freed_when_body_ends_during_its_first_run) {
    using rgen = pygen::generator<int, void, int>;
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    rgen g(std::allocator_arg, counting_stack(counters), [](rgen::yielder&) { return 5; });
    int value = 0;
    try {
        g.next();
    } catch (pygen::stop_iteration const& e) {
        value = e.value<int>();
    }
    BOOST_TEST(value == 5);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
}

// Python: g = gen(); next(g); del g    -> finalized, frame dropped (item 28)
BOOST_AUTO_TEST_CASE(destroying_suspended_generator_frees_its_stack) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    log_type log;
    {
        gen g(std::allocator_arg, counting_stack(counters), [&log](gen::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                log.push_back("caught GeneratorExit");
                throw;
            }
        });
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(counters->live() == 1);
    }
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
    log_type const expected = {"caught GeneratorExit"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: next(g); g.close()   -> GEN_CLOSED, gi_frame is None at once (item 22)
BOOST_AUTO_TEST_CASE(close_of_suspended_generator_frees_its_stack) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    gen g(std::allocator_arg, counting_stack(counters), &three_values);
    BOOST_TEST(g.next() == 1);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
}

// Python: a body that ignores GeneratorExit, destroyed: reported, and (pygen) unwound by force;
//   the stack is freed in every case
BOOST_AUTO_TEST_CASE(stack_freed_when_ignored_generator_exit_forces_the_unwind) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    int reports = 0;
    hook_guard guard([&reports](std::exception_ptr) { ++reports; });
    {
        gen g(std::allocator_arg, counting_stack(counters), [](gen::yielder& yield) {
            try {
                yield(1);
            } catch (pygen::generator_exit const&) {
                yield(2);
            }
        });
        BOOST_TEST(g.next() == 1);
    }
    BOOST_TEST(reports == 1);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
}

// Python: no equivalent (the frame exists from the call on). pygen takes the stack at the first
//   resume: std::bad_alloc from the allocator leaves the generator created with its body unrun
//   (frame.hpp start()), and the failed attempt does not move from the allocator (Coroutine2 calls
//   allocate() before moving it), so a later next() starts the body normally.
BOOST_AUTO_TEST_CASE(failing_allocation_leaves_generator_created_and_retry_works) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    log_type log;
    std::shared_ptr<int> state = std::make_shared<int>(10);
    std::weak_ptr<int> watch = state;
    gen g(std::allocator_arg, counting_stack(counters), [&log, state](gen::yielder& yield) {
        log.push_back("body started");
        yield(*state);
        yield(*state + 1);
    });
    state.reset();
    counters->fail = true;
    BOOST_CHECK_THROW(g.next(), std::bad_alloc);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_CHECK_THROW(g.send(pygen::none), std::bad_alloc);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_CHECK_THROW(g.begin(), std::bad_alloc);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(counters->failed == 3);
    BOOST_TEST(counters->allocated == 0);
    BOOST_TEST(log.empty());
    BOOST_TEST(!watch.expired()); // the body and what it captured are kept for the retry

    counters->fail = false;
    BOOST_TEST(g.next() == 10);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 11);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    log_type const expected = {"body started"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
    BOOST_TEST(watch.expired());
}

// Python: g = gen(); del g   -> no body code runs (item 29); here after a failed start, and the
//   captured state is released
BOOST_AUTO_TEST_CASE(generator_destroyed_after_failed_start_runs_nothing) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    counters->fail = true;
    log_type log;
    std::shared_ptr<int> state = std::make_shared<int>(1);
    std::weak_ptr<int> watch = state;
    {
        gen g(std::allocator_arg, counting_stack(counters), [&log, state](gen::yielder& yield) {
            log.push_back("body started");
            yield(*state);
        });
        state.reset();
        BOOST_CHECK_THROW(g.next(), std::bad_alloc);
        BOOST_TEST(!watch.expired());
    }
    BOOST_TEST(watch.expired());
    BOOST_TEST(log.empty());
    BOOST_TEST(counters->allocated == 0);
    BOOST_TEST(counters->deallocated == 0);
}

// Python: close() after a failed start: like close() on any created generator (item 21)
BOOST_AUTO_TEST_CASE(close_after_failed_start_closes_without_running) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    counters->fail = true;
    log_type log;
    gen g(std::allocator_arg, counting_stack(counters), [&log](gen::yielder& yield) {
        log.push_back("body started");
        yield(1);
    });
    BOOST_CHECK_THROW(g.next(), std::bad_alloc);
    g.close();
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    counters->fail = false;
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(log.empty());
    BOOST_TEST(counters->allocated == 0);
}

// Python: many generators in turn: every frame that was taken is given back
BOOST_AUTO_TEST_CASE(every_allocated_stack_is_deallocated) {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    {
        std::vector<gen> gens;
        for (int i = 0; i < 12; ++i) {
            gens.push_back(gen(std::allocator_arg, counting_stack(counters), &three_values));
        }
        for (std::size_t i = 0; i < gens.size(); ++i) {
            // 0: never started; 1: suspended; 2: exhausted; 3: closed
            for (std::size_t step = 0; step < i % 4 && step < 3; ++step) {
                gens[i].next();
            }
            if (i % 4 == 2) {
                drain(gens[i]);
            }
            if (i % 4 == 3) {
                gens[i].close();
            }
        }
        BOOST_TEST(counters->allocated == 9);
        BOOST_TEST(counters->live() == 3); // the suspended ones
    }
    BOOST_TEST(counters->allocated == 9);
    BOOST_TEST(counters->deallocated == 9);
}

// Python: def d(): try: yield from sub  except MemoryError: log('caught'); yield from sub
//   -> the sub's frame could not be made: the error enters the delegator at `yield from`
//   (pygen: the sub's stack could not be allocated; it stays created and a retry works),
//   for a sub that joins the delegator's chain (same Y) and for one forwarded (other Y)
template <class Delegator> void check_failing_sub_allocation() {
    std::shared_ptr<stack_counters> counters = std::make_shared<stack_counters>();
    log_type log;
    gen sub(std::allocator_arg, counting_stack(counters), [&log](gen::yielder& yield) {
        log.push_back("sub started");
        yield(1);
        yield(2);
    });
    counters->fail = true;
    Delegator d([&log, &sub, &counters](typename Delegator::yielder& yield) {
        try {
            yield.from(sub);
            log.push_back("no error");
        } catch (std::bad_alloc const&) {
            log.push_back(std::string("caught bad_alloc, sub ") + pygen::to_string(sub.state()));
        }
        counters->fail = false;
        yield.from(sub);
        log.push_back("delegator end");
    });
    std::vector<long> values;
    for (auto&& v : d) {
        values.push_back(v);
    }
    std::vector<long> const expected_values = {1, 2};
    BOOST_TEST(values == expected_values, boost::test_tools::per_element());
    log_type const expected = {"caught bad_alloc, sub GEN_CREATED", "sub started", "delegator end"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(counters->failed == 1);
    BOOST_TEST(counters->allocated == 1);
    BOOST_TEST(counters->deallocated == 1);
    BOOST_TEST(sub.state() == pygen::gen_state::closed);
}

BOOST_AUTO_TEST_CASE(failing_allocation_of_a_sub_raises_in_the_delegator_at_yield_from) {
    check_failing_sub_allocation<gen>();
    check_failing_sub_allocation<pygen::generator<long>>();
}
