// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// pooled_stack, guarded_stack, idle workers: sizes, reuse, memory given back (traps 1, 10, 11, 13; items 1, 4, 11, 28).
#define BOOST_TEST_MODULE stacks
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "stack_support.hpp"
#include "support.hpp"

#include <pygen/detail/idle_workers.hpp>
#include <pygen/detail/stack_arena.hpp>
#include <pygen/stack.hpp>

#include <boost/context/fiber.hpp>
#include <boost/context/fixedsize_stack.hpp>
#include <boost/context/stack_context.hpp>
#include <boost/context/stack_traits.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define PYGEN_TEST_HAS_VALGRIND_H 1
#endif
#endif

extern "C" void __lsan_do_leak_check() __attribute__((weak));

using namespace pygen_test;

// A Python frame is a heap object: CPython has no stacks to size, pool or guard, and a runaway
// recursion raises RecursionError. Most cases here have no Python equivalent; their comments say
// which Python behaviour the C++ one stands in for, or that there is none.

namespace {

using gen = pygen::generator<int>;
using pygen::detail::idle_workers;

std::size_t const kib = 1024;

std::size_t page_size() { return boost::context::stack_traits::page_size(); }

std::size_t live_stacks() { return pygen::detail::stack_arena::instance().live_stacks(); }

std::size_t arena_mappings() { return pygen::detail::stack_arena::instance().mappings(); }

std::uintptr_t address_of(void const volatile* p) { return reinterpret_cast<std::uintptr_t>(p); }

// True when the test runs under valgrind: its address-space manager cannot take ~65,000 mappings
// and it reports the deliberate faults, so the map-limit and overflow cases check less there.
bool under_valgrind() {
#if defined(PYGEN_TEST_HAS_VALGRIND_H)
    return RUNNING_ON_VALGRIND != 0;
#else
    return false;
#endif
}

// True in a build with AddressSanitizer or LeakSanitizer, whose runtimes define this function: their
// allocators map and unmap memory of their own, so counts of mappings are a little off there.
bool sanitizer_allocator() { return &__lsan_do_leak_check != nullptr; }

// A depth limit no recursion reaches, which the optimizer cannot see through.
volatile int never = -1;

// Recurses until `depth == limit`, each frame holding 512 bytes that its callee reads: it can
// become neither a loop nor a tail call. Returns the depth reached; `deepest`: the last frame.
int recurse(volatile char const* parent, int depth, int limit, std::uintptr_t& deepest) {
    volatile char frame[512];
    frame[0] = static_cast<char>(parent[0] + 1);
    frame[511] = frame[0];
    if (depth == limit) {
        deepest = address_of(frame);
        return depth;
    }
    return recurse(frame, depth + 1, limit, deepest) + (frame[511] - frame[0]);
}

struct mapping {
    std::uintptr_t begin;
    std::uintptr_t end;
    std::string perms;
};

// This process's memory mappings (/proc/self/maps), in address order.
std::vector<mapping> memory_mappings() {
    std::vector<mapping> result;
    std::ifstream in("/proc/self/maps");
    std::string line;
    while (std::getline(in, line)) {
        unsigned long begin = 0;
        unsigned long end = 0;
        char perms[5] = {0, 0, 0, 0, 0};
        if (std::sscanf(line.c_str(), "%lx-%lx %4s", &begin, &end, perms) == 3) {
            mapping m;
            m.begin = static_cast<std::uintptr_t>(begin);
            m.end = static_cast<std::uintptr_t>(end);
            m.perms = perms;
            result.push_back(m);
        }
    }
    return result;
}

// The permissions of the mapping holding `address`, or "<unmapped>".
std::string perms_at(std::vector<mapping> const& maps, std::uintptr_t address) {
    for (std::size_t i = 0; i < maps.size(); ++i) {
        if (maps[i].begin <= address && address < maps[i].end) {
            return maps[i].perms;
        }
    }
    return "<unmapped>";
}

// The permissions of the page just below the mapping that holds `address`: "---p" for a guard.
std::string perms_below_mapping_of(std::vector<mapping> const& maps, std::uintptr_t address) {
    for (std::size_t i = 0; i < maps.size(); ++i) {
        if (maps[i].begin <= address && address < maps[i].end) {
            return perms_at(maps, maps[i].begin - 1);
        }
    }
    return "<unmapped>";
}

// The kernel's limit on mappings per process.
std::size_t max_map_count() {
    std::ifstream in("/proc/sys/vm/max_map_count");
    std::size_t n = 0;
    in >> n;
    return n;
}

struct limit_hit {
    bool threw = false;
    int code = 0;
    std::string what;
};

// Allocates guarded stacks into `stacks` until guarded_stack throws std::system_error (at most
// 100,000; `stacks` has room for them, so that nothing else needs a new mapping meanwhile).
limit_hit fill_to_map_limit(pygen::guarded_stack& salloc, std::vector<boost::context::stack_context>& stacks) {
    limit_hit result;
    while (stacks.size() < 100000) {
        try {
            stacks.push_back(salloc.allocate());
        } catch (std::system_error const& e) {
            result.threw = true;
            result.code = e.code().value();
            result.what = e.what();
            break;
        }
    }
    return result;
}

void free_all(pygen::guarded_stack& salloc, std::vector<boost::context::stack_context>& stacks) {
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        salloc.deallocate(stacks[i]);
    }
    stacks.clear();
}

// Uses up this process's remaining memory mappings while it lives, far more cheaply than ~32,000
// guarded stacks would (this file must run in well under a second): one region in which every
// other page is made inaccessible, each mprotect() splitting off two more mappings, until the
// kernel refuses. give_back(n) undoes the last n splits: 2 * n mappings free again.
class map_eater {
public:
    map_eater() : bytes_((2 * max_map_count() + 4) * page_size()) {
        base_ = static_cast<char*>(
            ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0));
        if (base_ == MAP_FAILED) {
            base_ = nullptr;
            return;
        }
        for (std::size_t offset = page_size(); offset + page_size() < bytes_; offset += 2 * page_size()) {
            if (::mprotect(base_ + offset, page_size(), PROT_NONE) != 0) {
                full_ = errno == ENOMEM;
                break;
            }
            ++splits_;
        }
    }

    map_eater(map_eater const&) = delete;
    map_eater& operator=(map_eater const&) = delete;

    ~map_eater() {
        if (base_ != nullptr) {
            ::munmap(base_, bytes_);
        }
    }

    // Whether the kernel's limit was reached.
    bool full() const { return full_; }

    // Undoes up to n splits; returns how many were undone.
    std::size_t give_back(std::size_t n) {
        std::size_t undone = 0;
        for (; undone < n && splits_ > 0; ++undone) {
            --splits_;
            if (::mprotect(base_ + (2 * splits_ + 1) * page_size(), page_size(), PROT_READ | PROT_WRITE) != 0) {
                break;
            }
        }
        return undone;
    }

private:
    std::size_t bytes_;
    char* base_ = nullptr;
    std::size_t splits_ = 0;
    bool full_ = false;
};

bool mentions_map_limit(std::string const& what) {
    return what.find("pygen::guarded_stack: ") == 0 && what.find("vm.max_map_count") != std::string::npos;
}

// A fixedsize_stack that counts its allocations.
class counting_stack {
public:
    explicit counting_stack(std::shared_ptr<int> allocated) : allocated_(std::move(allocated)), inner_(64 * kib) {}

    boost::context::stack_context allocate() {
        boost::context::stack_context sctx = inner_.allocate();
        ++*allocated_;
        return sctx;
    }

    void deallocate(boost::context::stack_context& sctx) noexcept { inner_.deallocate(sctx); }

private:
    std::shared_ptr<int> allocated_;
    boost::context::fixedsize_stack inner_;
};

} // namespace

static_assert(std::is_same<gen::default_stack_allocator, pygen::pooled_stack>::value,
              "the default stack allocator is pygen::pooled_stack");
static_assert(pygen::default_stack_size == 128 * 1024, "the default stack size is 128 KiB");

// Python: no equivalent (frames live on the heap). pygen: a stack size is rounded up to whole
//   pages, and to at least Boost.Context's minimum; the default is 128 KiB, for both kinds
BOOST_AUTO_TEST_CASE(stack_sizes_are_whole_pages_at_least_the_minimum) {
    std::size_t const page = page_size();
    std::size_t const minimum = boost::context::stack_traits::minimum_size();
    std::size_t const smallest = (minimum + page - 1) / page * page;
    BOOST_TEST(smallest >= minimum);
    BOOST_TEST(pygen::pooled_stack().size() == 128 * kib);
    BOOST_TEST(pygen::guarded_stack().size() == 128 * kib);
    BOOST_TEST(pygen::pooled_stack(0).size() == smallest);
    BOOST_TEST(pygen::pooled_stack(1).size() == smallest);
    BOOST_TEST(pygen::pooled_stack(minimum).size() == smallest);
    BOOST_TEST(pygen::guarded_stack(1).size() == smallest);
    BOOST_TEST(pygen::pooled_stack(64 * kib).size() == 64 * kib);
    BOOST_TEST(pygen::pooled_stack(64 * kib + 1).size() == 64 * kib + page);
    BOOST_TEST(pygen::guarded_stack(64 * kib - 1).size() == 64 * kib);

    pygen::pooled_stack odd(64 * kib + 1);
    boost::context::stack_context sctx = odd.allocate();
    BOOST_TEST(sctx.size == 64 * kib + page);
    BOOST_TEST(address_of(sctx.sp) % page == 0);
    odd.deallocate(sctx);
}

// Python: list(gen()) == [1, 2, 3]   -- pygen: with the default allocator the body's stack comes
//   from the arena, and after the end the worker (and its stack) waits idle on this thread
BOOST_AUTO_TEST_CASE(default_generator_runs_on_an_arena_stack) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    gen g(&three_values);
    BOOST_TEST(live_stacks() == before); // not started: no stack (item 1)
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(live_stacks() == before + 1);
    BOOST_TEST(g.next() == 2);
    BOOST_TEST(g.next() == 3);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_TEST(live_stacks() == before + 1); // idle, kept for the next generator
    idle_workers::release();
    BOOST_TEST(live_stacks() == before);
}

// Python: list(gen()) == [1, 2, 3]   -- on a 16 KiB pooled_stack
BOOST_AUTO_TEST_CASE(pooled_stack_of_16_kib_runs_a_generator) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    gen g(std::allocator_arg, pygen::pooled_stack(16 * kib), &three_values);
    BOOST_TEST(g.state() == pygen::gen_state::created);
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(live_stacks() == before + 1);
    std::vector<int> const rest = drain(g);
    std::vector<int> const two_three = {2, 3};
    BOOST_TEST(rest == two_three, boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
}

// Python: def gen(): yield f(300)   (f recursing 300 levels: fine within the recursion limit)
//   pygen: a body recursing ~150 KiB deep needs a bigger stack than the default: pooled_stack(512 KiB)
BOOST_AUTO_TEST_CASE(body_recursing_150_kib_deep_runs_on_a_512_kib_pooled_stack) {
    std::uintptr_t top = 0;
    std::uintptr_t deepest = 0;
    gen g(std::allocator_arg, pygen::pooled_stack(512 * kib), [&top, &deepest](gen::yielder& yield) {
        volatile char first = 0;
        top = address_of(&first);
        yield(recurse(&first, 0, 300, deepest));
        yield(recurse(&first, 0, 300, deepest));
    });
    BOOST_TEST(g.next() == 300);
    BOOST_TEST(top - deepest >= 150 * kib);
    BOOST_TEST(top - deepest < 512 * kib);
    BOOST_TEST(g.next() == 300);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
}

// Python: no equivalent (frames live on the heap). pygen: the arena hands out distinct stacks
//   of one mapping, a freed stack's pages go back to the system (it reads as zeros when handed
//   out again) and a mapping whose stacks are all free is unmapped
BOOST_AUTO_TEST_CASE(arena_returns_freed_pages_and_unmaps_empty_mappings) {
    pygen::pooled_stack salloc(80 * kib); // a size nothing else here uses: a mapping of its own
    std::size_t const size = salloc.size();
    std::size_t const live_before = live_stacks();
    std::size_t const mappings_before = arena_mappings();
    boost::context::stack_context a = salloc.allocate();
    boost::context::stack_context b = salloc.allocate();
    BOOST_TEST(live_stacks() == live_before + 2);
    BOOST_TEST(arena_mappings() == mappings_before + 1);
    char* const a_low = static_cast<char*>(a.sp) - size;
    char* const b_low = static_cast<char*>(b.sp) - size;
    BOOST_TEST((a_low + size <= b_low || b_low + size <= a_low)); // no overlap
    std::memset(a_low, 0x5a, size);
    std::memset(b_low, 0x5b, size);
    void* const b_sp = b.sp;
    salloc.deallocate(b);
    BOOST_TEST(live_stacks() == live_before + 1);
    BOOST_TEST(arena_mappings() == mappings_before + 1); // a still lives in it

    boost::context::stack_context c = salloc.allocate(); // the stack b had
    BOOST_TEST(c.sp == b_sp);
    char const* const c_low = static_cast<char*>(c.sp) - size;
    BOOST_TEST(std::count(c_low, c_low + size, 0) == static_cast<std::ptrdiff_t>(size)); // MADV_DONTNEED
    BOOST_TEST(std::count(a_low, a_low + size, 0x5a) == static_cast<std::ptrdiff_t>(size));
    salloc.deallocate(c);
    salloc.deallocate(a);
    BOOST_TEST(live_stacks() == live_before);
    BOOST_TEST(arena_mappings() == mappings_before);
}

// Python: no equivalent (frames live on the heap). pygen: both are plain Boost.Context stack
//   allocators, usable with boost::context::fiber: the fiber's stack is taken and given back
BOOST_AUTO_TEST_CASE(pygen_stacks_serve_a_plain_boost_context_fiber) {
    namespace ctx = boost::context;
    std::size_t const before = live_stacks();
    log_type log;
    ctx::fiber pooled(std::allocator_arg, pygen::pooled_stack(32 * kib), [&log](ctx::fiber&& caller) {
        log.push_back("pooled fiber");
        caller = std::move(caller).resume();
        log.push_back("pooled fiber again");
        return std::move(caller);
    });
    pooled = std::move(pooled).resume();
    BOOST_TEST(live_stacks() == before + 1);
    pooled = std::move(pooled).resume();
    BOOST_TEST(!pooled);   // it returned: its stack is freed
    pooled = ctx::fiber(); // with BOOST_USE_UCONTEXT, only with the finished fiber's last handle
    BOOST_TEST(live_stacks() == before);

    ctx::fiber guarded(std::allocator_arg, pygen::guarded_stack(32 * kib), [&log](ctx::fiber&& caller) {
        log.push_back("guarded fiber");
        return std::move(caller);
    });
    guarded = std::move(guarded).resume();
    BOOST_TEST(!guarded);
    BOOST_TEST(live_stacks() == before);
    log_type const expected = {"pooled fiber", "pooled fiber again", "guarded fiber"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: for _ in range(1000): list(gen())   -> each frame is freed at its end
//   pygen: each generator takes the worker the previous one left idle: no stack is allocated
BOOST_AUTO_TEST_CASE(generators_run_to_the_end_one_after_another_reuse_one_stack) {
    idle_workers::release();
    {
        gen warm_up(&three_values);
        drain(warm_up);
    }
    std::size_t const baseline = live_stacks();
    std::size_t const mappings_baseline = arena_mappings();
    std::size_t peak = baseline;
    int total = 0;
    for (int i = 0; i < 1000; ++i) {
        gen g(&three_values);
        total += g.next();
        peak = std::max(peak, live_stacks());
        std::vector<int> const rest = drain(g);
        total += rest.at(0) + rest.at(1);
    }
    BOOST_TEST(total == 6000);
    BOOST_TEST(peak == baseline);
    BOOST_TEST(live_stacks() == baseline);
    BOOST_TEST(arena_mappings() == mappings_baseline);
}

// Python: for _ in range(1000): g = gen(); next(g); del g   -> GeneratorExit at the yield (item 28)
//   pygen: the finalized body ends, and its worker serves the next generator
BOOST_AUTO_TEST_CASE(generators_destroyed_while_suspended_one_after_another_reuse_one_stack) {
    idle_workers::release();
    int exits = 0;
    auto body = [&exits](gen::yielder& yield) {
        try {
            yield(1);
            yield(2);
        } catch (pygen::generator_exit const&) {
            ++exits;
            throw;
        }
    };
    {
        gen warm_up(body);
        warm_up.next();
    }
    std::size_t const baseline = live_stacks();
    std::size_t const mappings_baseline = arena_mappings();
    std::size_t peak = baseline;
    int total = 0;
    for (int i = 0; i < 1000; ++i) {
        gen g(body);
        total += g.next();
        peak = std::max(peak, live_stacks());
    }
    BOOST_TEST(total == 1000);
    BOOST_TEST(exits == 1001);
    BOOST_TEST(peak == baseline);
    BOOST_TEST(live_stacks() == baseline);
    BOOST_TEST(arena_mappings() == mappings_baseline);
}

// Python: for i in range(1000): g = gen(i); next(g); next(g)  -> ValueError(i) ends each body (item 11)
//   pygen: a body ended by an exception gives its worker back like any other
BOOST_AUTO_TEST_CASE(generators_ending_with_an_exception_one_after_another_reuse_one_stack) {
    idle_workers::release();
    auto make = [](int i) {
        return gen([i](gen::yielder& yield) {
            yield(i);
            throw std::out_of_range("failed " + std::to_string(i));
        });
    };
    {
        gen warm_up = make(-1);
        warm_up.next();
        BOOST_CHECK_THROW(warm_up.next(), std::out_of_range);
    }
    std::size_t const baseline = live_stacks();
    std::size_t const mappings_baseline = arena_mappings();
    std::size_t peak = baseline;
    int wrong = 0;
    for (int i = 0; i < 1000; ++i) {
        gen g = make(i);
        wrong += g.next() != i;
        peak = std::max(peak, live_stacks());
        wrong += what_of<std::out_of_range>([&g] { g.next(); }) != "failed " + std::to_string(i);
        wrong += g.state() != pygen::gen_state::closed;
    }
    BOOST_TEST(wrong == 0);
    BOOST_TEST(peak == baseline);
    BOOST_TEST(live_stacks() == baseline);
    BOOST_TEST(arena_mappings() == mappings_baseline);
}

// Python: gens = [gen() for _ in range(200)]; for g in gens: next(g)
//         del gens                 -> 200 frames finalized and freed (item 28)
//   pygen: 200 stacks are taken; when the bodies end, 64 workers stay idle (the cap) and the other
//   stacks are freed; idle_workers::release() frees the 64, and the emptied mapping is unmapped
BOOST_AUTO_TEST_CASE(many_suspended_generators_give_their_stacks_back) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    std::size_t const mappings_before = arena_mappings();
    log_type log;
    {
        std::vector<gen> gens;
        for (int i = 0; i < 200; ++i) {
            gens.push_back(gen([&log](gen::yielder& yield) {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                    log.push_back("exit");
                    throw;
                }
            }));
        }
        int total = 0;
        for (std::size_t i = 0; i < gens.size(); ++i) {
            total += gens[i].next();
        }
        BOOST_TEST(total == 200);
        BOOST_TEST(live_stacks() == before + 200);
        BOOST_TEST(arena_mappings() > mappings_before);
    }
    BOOST_TEST(log.size() == 200u);
    BOOST_TEST(live_stacks() == before + idle_workers::per_pool);
    idle_workers::release();
    BOOST_TEST(live_stacks() == before);
    BOOST_TEST(arena_mappings() == mappings_before);
}

// Python: no equivalent (frames live on the heap). pygen: an idle worker is taken only by a
//   generator whose stack has its size: a 64 KiB generator gets a stack of its own, while a 128 KiB
//   one takes the idle 128 KiB worker
BOOST_AUTO_TEST_CASE(idle_worker_is_taken_only_for_the_same_stack_size) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    {
        gen big(std::allocator_arg, pygen::pooled_stack(128 * kib), &three_values);
        BOOST_TEST(drain(big) == one_two_three(), boost::test_tools::per_element());
    }
    BOOST_TEST(live_stacks() == before + 1); // idle 128 KiB worker
    gen small(std::allocator_arg, pygen::pooled_stack(64 * kib), &three_values);
    BOOST_TEST(small.next() == 1);
    BOOST_TEST(live_stacks() == before + 2); // a new 64 KiB stack
    gen same(&three_values);                 // the default size: 128 KiB
    BOOST_TEST(same.next() == 1);
    BOOST_TEST(live_stacks() == before + 2); // took the idle 128 KiB worker
    BOOST_TEST(drain(small) == std::vector<int>({2, 3}), boost::test_tools::per_element());
    BOOST_TEST(drain(same) == std::vector<int>({2, 3}), boost::test_tools::per_element());
    BOOST_TEST(small.state() == pygen::gen_state::closed);
    BOOST_TEST(same.state() == pygen::gen_state::closed);
    BOOST_TEST(live_stacks() == before + 2); // both idle now
    idle_workers::release();
    BOOST_TEST(live_stacks() == before);
}

// Python: no equivalent (frames live on the heap). pygen: guarded and pooled stacks of one size
//   have separate pools: a guarded generator does not take a pooled idle worker (its body runs
//   above a guard page), and the pooled worker is still there for the next pooled generator
BOOST_AUTO_TEST_CASE(guarded_generator_does_not_take_a_pooled_idle_worker) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    {
        gen pooled(&three_values);
        drain(pooled);
    }
    BOOST_TEST(live_stacks() == before + 1);
    std::uintptr_t where = 0;
    gen guarded(std::allocator_arg, pygen::guarded_stack(pygen::default_stack_size), [&where](gen::yielder& yield) {
        volatile char marker = 0;
        where = address_of(&marker);
        yield(1);
    });
    BOOST_TEST(guarded.next() == 1);
    std::vector<mapping> const maps = memory_mappings();
    BOOST_TEST(perms_at(maps, where) == "rw-p");
    BOOST_TEST(perms_below_mapping_of(maps, where) == "---p");
    gen pooled_again(&three_values);
    BOOST_TEST(pooled_again.next() == 1);
    BOOST_TEST(live_stacks() == before + 1); // it took the pooled idle worker, still there
    BOOST_CHECK_THROW(guarded.next(), pygen::stop_iteration);
    BOOST_TEST(guarded.state() == pygen::gen_state::closed);
    idle_workers::release();
}

// Python: def gen1(): try: raise KeyError
//                     except KeyError: yield 1      # g1 = gen1(); next(g1); del g1
//         def gen2(): assert sys.exc_info() == (None, None, None); yield 2
//   pygen: gen2's body runs on the worker gen1's body left, started from the caller's own catch
//   block (pygen: a body never sees its caller's exception, see exception_state.cpp), and starts
//   with no handled and no uncaught exception
BOOST_AUTO_TEST_CASE(reused_worker_starts_its_body_with_a_clean_exception_state) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    log_type log;
    std::uintptr_t first_at = 0;
    {
        gen first([&log, &first_at](gen::yielder& yield) {
            volatile char marker = 0;
            first_at = address_of(&marker);
            try {
                throw std::out_of_range("handled in the body");
            } catch (std::out_of_range const& e) {
                log.push_back(std::string("caught ") + e.what());
                yield(1); // destroyed here: GeneratorExit leaves this catch block
                log.push_back("not reached");
            }
        });
        BOOST_TEST(first.next() == 1);
        BOOST_TEST(live_stacks() == before + 1);
    }
    BOOST_TEST(live_stacks() == before + 1); // the worker waits idle

    std::uintptr_t second_at = 0;
    gen second([&log, &second_at](gen::yielder& yield) {
        volatile char marker = 0;
        second_at = address_of(&marker);
        log.push_back(std::current_exception() ? "handled exception" : "no handled exception");
#if __cplusplus >= 201703L
        log.push_back("uncaught " + std::to_string(std::uncaught_exceptions()));
#else
        log.push_back(std::uncaught_exception() ? "uncaught 1" : "uncaught 0");
#endif
        yield(2);
    });
    std::string caller_after;
    try {
        throw std::logic_error("the caller's own");
    } catch (std::logic_error const&) {
        BOOST_TEST(second.next() == 2);
        caller_after = what_of<std::logic_error>([] { throw; });
    }
    BOOST_TEST(live_stacks() == before + 1); // no new stack: the idle worker was taken
    BOOST_TEST(second_at + 16 * kib > first_at);
    BOOST_TEST(second_at < first_at + 16 * kib); // on the same stack
    log_type const expected = {"caught handled in the body", "no handled exception", "uncaught 0"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(caller_after == "the caller's own");
    BOOST_TEST(!std::current_exception());
    BOOST_CHECK_THROW(second.next(), pygen::stop_iteration);
    BOOST_TEST(second.state() == pygen::gen_state::closed);
    idle_workers::release();
}

// Python: threading.Thread(target=lambda: [list(g) for g in gens]).start(); join()
//   pygen: idle workers are per thread: the thread does not take this thread's idle worker, it
//   reuses its own, and they are retired (stacks freed) when it exits
BOOST_AUTO_TEST_CASE(thread_exit_retires_the_threads_idle_workers) {
    idle_workers::release();
    {
        gen here(&three_values);
        drain(here);
    }
    std::size_t const before = live_stacks(); // with this thread's idle worker
    std::vector<std::size_t> seen;
    std::vector<int> values;
    std::thread t([&seen, &values, before] {
        gen a(&three_values);
        gen b(&three_values);
        gen c(&three_values);
        values.push_back(a.next() + b.next() + c.next());
        seen.push_back(live_stacks() - before);
        for (gen* g : {&a, &b, &c}) {
            std::vector<int> const rest = drain(*g);
            values.push_back(rest.at(0) + rest.at(1));
        }
        seen.push_back(live_stacks() - before);
        gen d(&three_values);
        values.push_back(d.next());
        seen.push_back(live_stacks() - before);
        drain(d);
    });
    t.join();
    std::vector<std::size_t> const expected_seen = {3, 3, 3};
    BOOST_TEST(seen == expected_seen, boost::test_tools::per_element());
    std::vector<int> const expected_values = {3, 5, 5, 5, 1};
    BOOST_TEST(values == expected_values, boost::test_tools::per_element());
    BOOST_TEST(live_stacks() == before);
    idle_workers::release();
    BOOST_TEST(live_stacks() == before - 1);
}

// pygen policy (threads.cpp): a suspended generator destroyed on another thread is finalized
//   there; its worker then idles on that thread and is retired when that thread exits
//   Python: g = gen(); next(g); Thread(target=lambda: g.close()) -> GeneratorExit at the yield (item 28)
BOOST_AUTO_TEST_CASE(generator_started_here_and_destroyed_on_another_thread_frees_its_stack) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    log_type log;
    gen g([&log](gen::yielder& yield) {
        try {
            yield(1);
        } catch (pygen::generator_exit const&) {
            log.push_back("caught GeneratorExit");
            throw;
        }
    });
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(live_stacks() == before + 1);
    std::size_t on_thread = 0;
    std::thread t(
        [&on_thread, before](gen moved) {
            { gen local(std::move(moved)); }
            on_thread = live_stacks() - before;
        },
        std::move(g));
    t.join();
    log_type const expected = {"caught GeneratorExit"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
    BOOST_TEST(on_thread == 1u); // idle on that thread
    BOOST_TEST(live_stacks() == before);
}

// Python: list(gen()) == [1, 2, 3]   -- on a guarded_stack: the body's stack is a mapping of its
//   own with an inaccessible page right below it; the stack has the usable size asked for
BOOST_AUTO_TEST_CASE(guarded_stack_runs_a_generator_above_a_guard_page) {
    std::size_t const arena_before = live_stacks();
    std::uintptr_t where = 0;
    gen g(std::allocator_arg, pygen::guarded_stack(64 * kib), [&where](gen::yielder& yield) {
        volatile char marker = 0;
        where = address_of(&marker);
        three_values(yield);
    });
    BOOST_TEST(g.next() == 1);
    std::vector<mapping> const maps = memory_mappings();
    BOOST_TEST(perms_at(maps, where) == "rw-p");
    BOOST_TEST(perms_below_mapping_of(maps, where) == "---p");
    BOOST_TEST(live_stacks() == arena_before); // not from the arena
    BOOST_TEST(drain(g) == std::vector<int>({2, 3}), boost::test_tools::per_element());
    BOOST_TEST(g.state() == pygen::gen_state::closed);

    pygen::guarded_stack salloc(64 * kib);
    boost::context::stack_context sctx = salloc.allocate();
    char* const low = static_cast<char*>(sctx.sp) - salloc.size();
    std::memset(low, 0x5a, salloc.size()); // all of it usable
    std::vector<mapping> const direct = memory_mappings();
    BOOST_TEST(perms_at(direct, address_of(low)) == "rw-p");
    BOOST_TEST(perms_at(direct, address_of(low) - 1) == "---p");
    BOOST_TEST(perms_at(direct, address_of(low) - page_size()) == "---p");
    salloc.deallocate(sctx);
}

// Python: def f(): return f()   -> RecursionError
//   pygen: a body that overflows its guarded_stack hits the guard page: SIGSEGV ends the process
//   (here a forked child) instead of the body writing over other memory
BOOST_AUTO_TEST_CASE(overflowing_a_guarded_stack_ends_the_process_with_sigsegv) {
    idle_workers::release(); // the body gets a new guarded stack
    if (under_valgrind()) {
        // valgrind would report the deliberate fault: check instead that a body may use the stack
        // down to near its end, and that the guard is right below it.
        std::uintptr_t top = 0;
        std::uintptr_t deepest = 0;
        gen g(std::allocator_arg, pygen::guarded_stack(64 * kib), [&top, &deepest](gen::yielder& yield) {
            volatile char first = 0;
            top = address_of(&first);
            yield(recurse(&first, 0, 80, deepest));
        });
        BOOST_TEST(g.next() == 80);
        BOOST_TEST(top - deepest >= 40 * kib);
        BOOST_TEST(perms_below_mapping_of(memory_mappings(), deepest) == "---p");
        return;
    }
    pid_t const child = ::fork();
    BOOST_TEST_REQUIRE(child != -1);
    if (child == 0) {
        std::signal(SIGSEGV, SIG_DFL); // Boost.Test's handler would report and carry on
        try {
            gen g(std::allocator_arg, pygen::guarded_stack(64 * kib), [](gen::yielder& yield) {
                std::uintptr_t deepest = 0;
                volatile char first = 0;
                yield(recurse(&first, 0, never, deepest));
            });
            g.next();
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(0); // the overflow went unnoticed
    }
    int status = 0;
    BOOST_TEST(::waitpid(child, &status, 0) == child);
    BOOST_TEST(WIFSIGNALED(status));
    BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV));
}

// Python: no equivalent (frames live on the heap). pygen: each guarded stack takes two of the
//   kernel's vm.max_map_count mappings (with all but 4,000 mappings taken, about 2,000 fit); past
//   the limit guarded_stack throws std::system_error naming it, never a stack without its guard,
//   and freeing a stack makes room for another
BOOST_AUTO_TEST_CASE(guarded_stacks_past_the_map_limit_throw_system_error) {
    pygen::guarded_stack salloc(1);
    std::vector<boost::context::stack_context> stacks;
    // A stack larger than the address space cannot be mapped either: the same error.
    pygen::guarded_stack huge(std::size_t(1) << 47);
    std::string const huge_what = what_of<std::system_error>([&huge] { huge.allocate(); });
    BOOST_TEST(mentions_map_limit(huge_what), huge_what);
    if (under_valgrind()) {
        // valgrind cannot hold ~65,000 mappings: a few stacks, each with its guard.
        for (int i = 0; i < 16; ++i) {
            stacks.push_back(salloc.allocate());
        }
        std::vector<mapping> const maps = memory_mappings();
        int guarded = 0;
        for (std::size_t i = 0; i < stacks.size(); ++i) {
            std::uintptr_t const low = address_of(stacks[i].sp) - salloc.size();
            guarded += perms_at(maps, low) == "rw-p" && perms_at(maps, low - 1) == "---p";
        }
        BOOST_TEST(guarded == 16);
        free_all(salloc, stacks);
        return;
    }
    // All mappings taken but 2 * 2000: room for 2000 guarded stacks.
    stacks.reserve(100000);
    bool full = false;
    std::size_t freed = 0;
    limit_hit hit;
    std::size_t count = 0;
    std::size_t unguarded = 0;
    bool allocated_again = false;
    {
        map_eater eater;
        full = eater.full();
        freed = 2 * eater.give_back(2000);
        hit = fill_to_map_limit(salloc, stacks);
        count = stacks.size();
        // Still at the limit: freeing one stack makes room for one more.
        if (!stacks.empty()) {
            salloc.deallocate(stacks.back());
            stacks.pop_back();
            try {
                stacks.push_back(salloc.allocate());
                allocated_again = true;
            } catch (std::system_error const&) {
            }
        }
    }
    // Every stack handed out has its guard: an inaccessible mapping ends where the stack begins.
    std::vector<mapping> const maps = memory_mappings();
    std::vector<std::uintptr_t> guard_ends;
    for (std::size_t i = 0; i < maps.size(); ++i) {
        if (maps[i].perms == "---p") {
            guard_ends.push_back(maps[i].end);
        }
    }
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        std::uintptr_t const low = address_of(stacks[i].sp) - salloc.size();
        unguarded += !std::binary_search(guard_ends.begin(), guard_ends.end(), low);
    }
    free_all(salloc, stacks);

    BOOST_TEST(full);
    BOOST_TEST(freed == 4000u);
    BOOST_TEST(hit.threw);
    BOOST_TEST(mentions_map_limit(hit.what), hit.what);
    BOOST_TEST(hit.code == ENOMEM);
    BOOST_TEST(count > 1000u);
    BOOST_TEST(count + 2 >= freed / 2); // two mappings each (one or two may merge with neighbours)
    BOOST_TEST(count <= freed / 2 + (sanitizer_allocator() ? 16u : 2u));
    BOOST_TEST(unguarded == 0u);
    BOOST_TEST(allocated_again);
}

// Python: no equivalent (frames live on the heap). pygen: when its guarded stack cannot be
//   mapped, next() throws that std::system_error, the body does not run and the generator stays
//   created; once stacks are freed, next() starts it normally
BOOST_AUTO_TEST_CASE(generator_whose_guarded_stack_cannot_be_mapped_stays_created) {
    idle_workers::release(); // no idle guarded worker that would need no new stack
    log_type log;
    auto body = [&log](gen::yielder& yield) {
        log.push_back("body started");
        yield(1);
        yield(2);
    };
    gen g(std::allocator_arg, pygen::guarded_stack(24 * kib), body);
    if (under_valgrind()) {
        // valgrind cannot hold ~65,000 mappings: a stack too large to map fails the same way.
        gen too_big(std::allocator_arg, pygen::guarded_stack(std::size_t(1) << 47), body);
        std::string const what = what_of<std::system_error>([&too_big] { too_big.next(); });
        BOOST_TEST(mentions_map_limit(what), what);
        BOOST_TEST(too_big.state() == pygen::gen_state::created);
        BOOST_TEST(log.empty());
    } else {
        std::string what;
        std::string send_what;
        pygen::gen_state after = pygen::gen_state::closed;
        pygen::gen_state after_send = pygen::gen_state::closed;
        bool full = false;
        {
            map_eater const eater;
            full = eater.full();
            what = what_of<std::system_error>([&g] { g.next(); });
            after = g.state();
            send_what = what_of<std::system_error>([&g] { g.send(pygen::none); });
            after_send = g.state();
        }
        BOOST_TEST(full);
        BOOST_TEST(mentions_map_limit(what), what);
        BOOST_TEST(mentions_map_limit(send_what), send_what);
        BOOST_TEST(after == pygen::gen_state::created);
        BOOST_TEST(after_send == pygen::gen_state::created);
        BOOST_TEST(log.empty());
    }
    BOOST_TEST(g.next() == 1);
    BOOST_TEST(g.state() == pygen::gen_state::suspended);
    BOOST_TEST(g.next() == 2);
    BOOST_CHECK_THROW(g.next(), pygen::stop_iteration);
    BOOST_TEST(g.state() == pygen::gen_state::closed);
    log_type const expected = {"body started"};
    BOOST_TEST(log == expected, boost::test_tools::per_element());
}

// Python: list(gen()) == [1, 2, 3]   -- pygen: a stack allocator pygen does not pool (here Boost's
//   fixedsize_stack) is used as it is: the arena is not touched and no idle worker is taken or left
//   (stack_allocators.cpp checks that it gets its stack back when the body ends)
BOOST_AUTO_TEST_CASE(user_stack_allocator_leaves_the_arena_alone) {
    idle_workers::release();
    std::size_t const before = live_stacks();
    std::size_t const mappings_before = arena_mappings();
    std::shared_ptr<int> allocated = std::make_shared<int>(0);
    for (int i = 0; i < 3; ++i) {
        gen g(std::allocator_arg, counting_stack(allocated), &three_values);
        BOOST_TEST(g.next() == 1);
        BOOST_TEST(live_stacks() == before);
        BOOST_TEST(drain(g) == std::vector<int>({2, 3}), boost::test_tools::per_element());
        BOOST_TEST(g.state() == pygen::gen_state::closed);
    }
    BOOST_TEST(*allocated == 3); // one stack each, from the user's allocator
    BOOST_TEST(live_stacks() == before);
    BOOST_TEST(arena_mappings() == mappings_before);
}
