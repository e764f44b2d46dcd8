// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Overflowing a guarded_stack ends the process with SIGSEGV, never silent corruption (trap 10; item 28).
#define BOOST_TEST_MODULE stack_overflow
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "death_test.hpp"

#include <pygen/detail/idle_workers.hpp>
#include <pygen/stack.hpp>

#include <boost/config.hpp>
#include <boost/context/stack_context.hpp>

#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include <signal.h>
#include <unistd.h>

// This file must be compiled with -fstack-clash-protection (test/CMakeLists.txt, test/Jamfile):
// without it g++ 12 and clang++ 14 (Debian enables it by default in neither) move the stack
// pointer past a frame larger than a page in one step, and a 64 KiB frame jumps the 4 KiB guard
// page and writes into whatever lies below the stack. The death tests below then fail.
//
// Each overflow happens in a forked child; the parent checks that it died of SIGSEGV and that the
// fault was in the guard page of a stack the child allocated (a SIGSEGV handler on an alternate
// stack says where, then lets the fault kill the child). A child whose overflow went unnoticed
// exits normally instead. CPython has no stacks to overflow: deep recursion raises
// RecursionError, and a frame's locals are on the heap.

using namespace pygen_test;

namespace {

using gen = pygen::generator<int>;

std::size_t const kib = 1024;

// Exit codes of a child whose overflow went unnoticed.
int const survived = 0;          // the body returned: nothing faulted
int const worker_not_reused = 7; // setup failed: the second body did not get the first one's stack

std::uintptr_t address_of(void const volatile* p) { return reinterpret_cast<std::uintptr_t>(p); }

// Writes both ends of a frame's array, where the compiler cannot drop or shrink it.
BOOST_NOINLINE void touch(volatile char* p, std::size_t n) {
    p[n - 1] = 1;
    p[0] = 2;
}

// A single 64 KiB frame: larger than the 32 KiB stacks below, and than the guard page.
BOOST_NOINLINE int frame_of_64_kib() {
    volatile char big[64 * 1024];
    touch(big, sizeof big);
    return big[0] + big[sizeof big - 1];
}

// A depth limit no recursion reaches, which the optimizer cannot see through.
volatile int never = -1;

// Recurses with 512-byte frames until it reaches `never` (it never does).
BOOST_NOINLINE int recurse(int depth) {
    volatile char frame[512];
    touch(frame, sizeof frame);
    if (depth == never) {
        return 0;
    }
    return recurse(depth + 1) + frame[0];
}

// The [begin, end) of the mapping holding `address` and of the one right below it, and the
// permissions of the latter, from /proc/self/maps.
struct neighbourhood {
    std::uintptr_t begin = 0;
    std::uintptr_t below_begin = 0;
    std::uintptr_t below_end = 0;
    std::string below_perms;
};

neighbourhood mappings_around(std::uintptr_t address) {
    neighbourhood result;
    std::ifstream in("/proc/self/maps");
    std::string line;
    std::uintptr_t previous_begin = 0;
    std::uintptr_t previous_end = 0;
    std::string previous_perms;
    while (std::getline(in, line)) {
        unsigned long begin = 0;
        unsigned long end = 0;
        char perms[5] = {0, 0, 0, 0, 0};
        if (std::sscanf(line.c_str(), "%lx-%lx %4s", &begin, &end, perms) != 3) {
            continue;
        }
        if (begin <= address && address < end) {
            result.begin = begin;
            result.below_begin = previous_begin;
            result.below_end = previous_end;
            result.below_perms = previous_perms;
            break;
        }
        previous_begin = begin;
        previous_end = end;
        previous_perms = perms;
    }
    return result;
}

// The guard pages an overflow in this (child) process may fault in: the one right below each
// stack the tests allocate, nothing else.
struct page_range {
    std::uintptr_t begin;
    std::uintptr_t end;
};
page_range watched_guards[8];
std::size_t watched_count = 0;

// Adds the inaccessible page right below the mapping holding `address` to the watched guards;
// false when there is no such page.
bool watch_guard_below(std::uintptr_t address) {
    neighbourhood const n = mappings_around(address);
    if (n.below_perms != "---p" || n.below_end != n.begin || watched_count == 8) {
        return false;
    }
    page_range const guard = {n.below_begin, n.below_end};
    watched_guards[watched_count++] = guard;
    return true;
}

// The SIGSEGV handler of a child: says whether the fault is in a watched guard page, then lets
// the fault happen again with the default action, so that the child dies of SIGSEGV either way.
// It runs on an alternate stack: the overflowing stack has no room left for it.
extern "C" void report_sigsegv(int, siginfo_t* info, void*) {
    std::uintptr_t const address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    bool in_guard = false;
    for (std::size_t i = 0; i < watched_count; ++i) {
        in_guard = in_guard || (watched_guards[i].begin <= address && address < watched_guards[i].end);
    }
    static char const inside[] = "SIGSEGV in the guard page of the stack\n";
    static char const outside[] = "SIGSEGV outside the guard pages of the stacks\n";
    ssize_t const written = in_guard ? ::write(2, inside, sizeof inside - 1) : ::write(2, outside, sizeof outside - 1);
    (void)written;
}

char alternate_stack[64 * 1024];

// In the child, before anything overflows.
void install_sigsegv_report() {
    stack_t ss;
    ss.ss_sp = alternate_stack;
    ss.ss_size = sizeof alternate_stack;
    ss.ss_flags = 0;
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = &report_sigsegv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    if (::sigaltstack(&ss, nullptr) != 0 || ::sigaction(SIGSEGV, &sa, nullptr) != 0) {
        ::_exit(3);
    }
}

// pygen::guarded_stack, whose guard page the SIGSEGV report watches. Not pooled (pygen pools only
// its own allocators): each generator gets a new stack with a new guard.
class watched_guarded_stack {
public:
    explicit watched_guarded_stack(std::size_t size) : inner_(size) {}

    boost::context::stack_context allocate() {
        boost::context::stack_context sctx = inner_.allocate();
        if (!watch_guard_below(address_of(sctx.sp) - 1)) {
            std::fputs("a pygen::guarded_stack has no guard page right below it\n", stderr);
            ::_exit(3);
        }
        return sctx;
    }

    void deallocate(boost::context::stack_context& sctx) noexcept { inner_.deallocate(sctx); }

private:
    pygen::guarded_stack inner_;
};

// What the parent expects of a child that overflowed: death by SIGSEGV, at a guard page.
void check_died_of_sigsegv_in_the_guard(child_result const& r) {
    BOOST_TEST(r.signaled, "the child did not die of a signal: exit code "
                               << r.exit_code << " ("
                               << (r.exit_code == survived            ? "the overflow went unnoticed"
                                   : r.exit_code == worker_not_reused ? "setup failed: no reused worker"
                                                                      : "see stderr")
                               << ") " << r.stderr_text);
    BOOST_TEST(r.signal == SIGSEGV);
    BOOST_TEST(r.has("SIGSEGV in the guard page of the stack\n"),
               "the fault was not in the stack's guard page (a frame larger than a page jumps it unless built "
               "with -fstack-clash-protection): "
                   << r.stderr_text);
}

} // namespace

// Python: def gen(): big = bytearray(65536); yield len(big)   -> 65536 (locals on the heap)
//   pygen: a body whose frame holds 64 KiB runs on a guarded_stack large enough for it, and on the
//   default 128 KiB stack: the page-by-page probes of -fstack-clash-protection stay inside the stack
BOOST_AUTO_TEST_CASE(frame_of_64_kib_runs_on_a_stack_that_holds_it) {
    gen guarded(std::allocator_arg, pygen::guarded_stack(256 * kib), [](gen::yielder& yield) {
        yield(frame_of_64_kib());
        yield(frame_of_64_kib());
    });
    BOOST_TEST(guarded.next() == 3);
    BOOST_TEST(guarded.next() == 3);
    BOOST_CHECK_THROW(guarded.next(), pygen::stop_iteration);
    BOOST_TEST(guarded.state() == pygen::gen_state::closed);

    gen pooled([](gen::yielder& yield) { yield(frame_of_64_kib()); });
    BOOST_TEST(pooled.next() == 3);
    BOOST_CHECK_THROW(pooled.next(), pygen::stop_iteration);
    BOOST_TEST(pooled.state() == pygen::gen_state::closed);
}

// Python: no equivalent (locals live on the heap). pygen: a body whose own frame holds 64 KiB, on
//   a 32 KiB guarded_stack, dies of SIGSEGV in the guard page on its first next()
BOOST_AUTO_TEST_CASE(body_with_a_64_kib_frame_on_a_32_kib_guarded_stack_faults_in_the_guard) {
    child_result const r = run_in_child([] {
        install_sigsegv_report();
        gen g(std::allocator_arg, watched_guarded_stack(32 * kib), [](gen::yielder& yield) {
            volatile char big[64 * 1024];
            touch(big, sizeof big);
            yield(big[0]);
        });
        g.next();
        ::_exit(survived);
    });
    check_died_of_sigsegv_in_the_guard(r);
}

// Python: no equivalent. pygen: a body that calls a function with a 64 KiB frame after a yield
//   dies of SIGSEGV in its stack's guard page, not somewhere below it
BOOST_AUTO_TEST_CASE(call_with_a_64_kib_frame_faults_in_the_guard) {
    child_result const r = run_in_child([] {
        install_sigsegv_report();
        gen g(std::allocator_arg, watched_guarded_stack(32 * kib), [](gen::yielder& yield) {
            yield(0);
            yield(frame_of_64_kib());
        });
        g.next();
        g.next();
        ::_exit(survived);
    });
    check_died_of_sigsegv_in_the_guard(r);
}

// Python: def f(n): return f(n + 1)   -> RecursionError
//   pygen: runaway recursion in a sub-generator that a yield.from chain drives dies of SIGSEGV in
//   a guard page
BOOST_AUTO_TEST_CASE(recursion_in_a_delegated_sub_generator_faults_in_the_guard) {
    child_result const r = run_in_child([] {
        install_sigsegv_report();
        gen outer(std::allocator_arg, watched_guarded_stack(32 * kib), [](gen::yielder& yield) {
            gen sub(std::allocator_arg, watched_guarded_stack(32 * kib), [](gen::yielder& sub_yield) {
                sub_yield(1);
                sub_yield(recurse(0));
            });
            yield.from(sub);
        });
        outer.next();
        outer.next();
        ::_exit(survived);
    });
    check_died_of_sigsegv_in_the_guard(r);
}

// Python: no equivalent. pygen: a guarded_stack reused by the next body started on the thread (its
//   idle worker) keeps its guard page: an overflow there dies of SIGSEGV in the guard too
BOOST_AUTO_TEST_CASE(overflow_on_a_reused_guarded_stack_faults_in_the_guard) {
    child_result const r = run_in_child([] {
        install_sigsegv_report();
        pygen::detail::idle_workers::release();
        std::uintptr_t first = 0;
        std::uintptr_t second = 0;
        {
            gen g(std::allocator_arg, pygen::guarded_stack(32 * kib), [&first](gen::yielder& yield) {
                volatile char marker = 0;
                first = address_of(&marker);
                yield(1);
            });
            for (int v : g) {
                (void)v;
            }
        }
        gen g(std::allocator_arg, pygen::guarded_stack(32 * kib), [&second](gen::yielder& yield) {
            volatile char marker = 0;
            second = address_of(&marker);
            yield(0);
            yield(frame_of_64_kib());
        });
        g.next();
        if (first == 0 || mappings_around(first).begin != mappings_around(second).begin || !watch_guard_below(second)) {
            ::_exit(worker_not_reused);
        }
        g.next();
        ::_exit(survived);
    });
    check_died_of_sigsegv_in_the_guard(r);
}

// Python: def gen():
//             try: yield 1
//             except GeneratorExit: f(0)      # recursing without end -> RecursionError
//   pygen: an overflow while the destructor finalizes the generator dies of SIGSEGV in the guard
BOOST_AUTO_TEST_CASE(overflow_while_finalizing_faults_in_the_guard) {
    child_result const r = run_in_child([] {
        install_sigsegv_report();
        {
            gen g(std::allocator_arg, watched_guarded_stack(32 * kib), [](gen::yielder& yield) {
                try {
                    yield(1);
                } catch (pygen::generator_exit const&) {
                    recurse(0);
                    throw;
                }
            });
            g.next();
        }
        ::_exit(survived);
    });
    check_died_of_sigsegv_in_the_guard(r);
}
