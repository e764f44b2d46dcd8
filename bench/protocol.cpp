// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// What the generator protocol costs (issue 4): per item of a range-for, of a next() loop and of
// send(), and per generator created and exhausted (three items), created, advanced once and
// destroyed while suspended, and created and destroyed without ever running; against what the
// library is built on (a raw Boost.Coroutine2 pull_type, a raw coroutine2 "send" through a slot,
// a raw Boost.Context fiber round trip), one C++ throw+catch, and CPython 3.11 running the same
// programs (bench/protocol.py).
//
// Every variant runs in every round, interleaved (the order rotates from round to round), and
// CPython's script runs once per round right after pygen's variants, so the two sides of every
// ratio are measured next to each other on this noisy, shared machine. The figures are medians
// over the rounds, and a ratio is the median of the per-round ratios.
//
//   protocol [--quick] [--items N] [--rounds R] [--no-python] [--python EXE] [--script PATH]
//            [--tsv FILE]
//   protocol --variant NAME [--items N]   one run of one variant doing N operations (callgrind)
//   protocol --list                       the variants
//
// Build it with `cmake --workflow --preset bench`, or run `bash tools/bench.sh`.

#include "harness.hpp"

#include <pygen/generator.hpp>

#include <boost/context/fiber.hpp>
#include <boost/context/stack_context.hpp>
#include <boost/coroutine2/coroutine.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#ifndef PYGEN_BENCH_PYTHON_SCRIPT
#define PYGEN_BENCH_PYTHON_SCRIPT "bench/protocol.py"
#endif

namespace {

char const usage_text[] = "usage: protocol [--quick] [--items N] [--rounds R] [--no-python] [--python EXE] "
                          "[--script PATH] [--tsv FILE]\n"
                          "       protocol --variant NAME [--items N]\n"
                          "       protocol --list\n"
                          "  --quick        100000 items x 5 rounds (default 1000000 x 15); the creation variants\n"
                          "                 and throw_catch do a tenth of the items per run\n"
                          "  --no-python    do not run CPython's version\n"
                          "  --python EXE   the interpreter (default $PYGEN_BENCH_PYTHON, else python3)\n"
                          "  --script PATH  the Python program (default " PYGEN_BENCH_PYTHON_SCRIPT ")\n"
                          "  --tsv FILE     also write the figures there, tab-separated (tools/bench.sh reads it)\n"
                          "  --variant NAME one run of one variant doing exactly --items operations, no warm-up\n"
                          "                 (for callgrind: tools/bench-callgrind.sh --program protocol)\n";

using pygen_bench::consume_for;
using pygen_bench::consume_next;
using pygen_bench::items;
using pygen_bench::sum_type;
using pygen_bench::triangle;

// ---- the generators (bench/protocol.py has the same ones; items(n) is the harness's) --------

// v = yield 0; while True: v = yield v
pygen::generator<int, int> echo() {
    return pygen::generator<int, int>([](pygen::generator<int, int>::yielder& yield) {
        int v = yield(0);
        for (;;) {
            v = yield(v);
        }
    });
}

// yield k; yield k + 1; yield k + 2
pygen::generator<int> three(int k) {
    return pygen::generator<int>([k](pygen::generator<int>::yielder& yield) {
        yield(k);
        yield(k + 1);
        yield(k + 2);
    });
}

// while True: yield k; k += 1 -- a body with a local, left suspended at its first yield.
pygen::generator<int> counter(int k) {
    return pygen::generator<int>([k](pygen::generator<int>::yielder& yield) mutable {
        for (;;) {
            yield(k);
            ++k;
        }
    });
}

// ---- pygen's programs: each does n operations and returns a sum that is checked --------------

sum_type pygen_for(int n) { return consume_for(items(n)); }
sum_type pygen_next(int n) { return consume_next(items(n)); }

sum_type pygen_send(int n) {
    pygen::generator<int, int> g = echo();
    g.next();
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        s += g.send(i);
    }
    g.close();
    return s;
}

sum_type pygen_create3(int n) {
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        for (int x : three(i)) {
            s += x;
        }
    }
    return s;
}

sum_type pygen_create_next_destroy(int n) {
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        pygen::generator<int> g = counter(i);
        s += g.next();
    } // destroyed while suspended: generator_exit is raised at its yield
    return s;
}

// The generator's address goes here, so the compiler must build the object (and its heap part)
// in memory each time instead of proving the pair of new and delete useless.
void const* volatile escape;

sum_type pygen_create_destroy(int n) {
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        pygen::generator<int> g = counter(i);
        escape = &g;
        if (g.state() == pygen::gen_state::created) {
            s += i;
        }
    } // never started: nothing to unwind, and no stack to free
    return s;
}

// ---- the baselines (raw_pull_for is the harness's) ---------------------------------------

using coroutine = boost::coroutines2::coroutine<int>;

// send() with nothing but coroutine2: the caller writes the value into a slot and resumes a
// pull_type, whose body reads the slot and yields the value back.
sum_type raw_send(int n) {
    int slot = 0;
    coroutine::pull_type echo_raw([&slot](coroutine::push_type& sink) {
        for (;;) {
            sink(slot);
        }
    }); // a pull_type runs to its first yield at once, like echo()'s first next()
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        slot = i;
        echo_raw();
        s += echo_raw.get();
    }
    return s;
}

// The bare context switch there and back that every resume of a generator costs at least.
sum_type raw_fiber(int n) {
    int slot = 0;
    int out = 0;
    boost::context::fiber f([&slot, &out](boost::context::fiber&& caller) -> boost::context::fiber {
        for (;;) {
            out = slot;
            caller = std::move(caller).resume();
        }
        return std::move(caller);
    });
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        slot = i;
        f = std::move(f).resume();
        s += out;
    }
    return s;
}

struct thrown {
    int value;
};

void throw_value(int v) { throw thrown{v}; }

// Called through a volatile pointer, so the compiler cannot see that the throw lands in the
// catch right below and turn the pair into a jump.
void (*volatile thrower)(int) = throw_value;

sum_type throw_catch(int n) {
    sum_type s = 0;
    for (int i = 0; i < n; ++i) {
        try {
            thrower(i);
        } catch (thrown const& e) {
            s += e.value;
        }
    }
    return s;
}

sum_type three_sum(long long n) { return 3 * triangle(n) + 3 * n; }

struct variant {
    char const* name;  // for --variant, and the name of the same program in protocol.py
    char const* label; // what it measures
    char const* per;   // what one operation is
    sum_type (*run)(int n);
    sum_type (*expected)(long long n);
    int divisor; // a timed run does items / divisor operations (creation is much dearer)
    bool in_python;
};

variant const variants[] = {
    {"for", "pygen range-for", "item", pygen_for, triangle, 1, true},
    {"next", "pygen next() loop", "item", pygen_next, triangle, 1, true},
    {"send", "pygen send() loop", "item", pygen_send, triangle, 1, true},
    {"create3", "pygen create + exhaust 3 items (range-for)", "generator", pygen_create3, three_sum, 10, true},
    {"create_next_destroy", "pygen create + next + destroy suspended", "generator", pygen_create_next_destroy, triangle,
     10, true},
    {"create_destroy", "pygen create + destroy never started", "generator", pygen_create_destroy, triangle, 10, true},
    {"raw_pull_for", "raw coroutine2 pull_type range-for", "item", pygen_bench::raw_pull_for, triangle, 1, false},
    {"raw_send", "raw coroutine2 send through a slot", "item", raw_send, triangle, 1, false},
    {"raw_fiber", "raw Boost.Context fiber round trip", "round trip", raw_fiber, triangle, 1, false},
    {"throw_catch", "one C++ throw + catch", "throw", throw_catch, triangle, 10, false},
};

std::size_t const variant_count = sizeof variants / sizeof variants[0];

void list_variants() {
    for (variant const& v : variants) {
        std::printf("%-20s %s, per %s\n", v.name, v.label, v.per);
    }
}

pygen_bench::program_info const program = {"protocol", usage_text, PYGEN_BENCH_PYTHON_SCRIPT, list_variants};

int operations(int n, variant const& v) { return n / v.divisor > 0 ? n / v.divisor : 1; }

// ---- "no stack allocated" ---------------------------------------------------------------

// The generator's own default stack allocator, counting the stacks it hands out: what an unstarted
// generator allocates is seen through the library's public interface, whatever the library does
// inside.
struct counting_stack {
    using inner_type = pygen::generator<int>::default_stack_allocator;

    inner_type inner;
    long* count;

    boost::context::stack_context allocate() {
        ++*count;
        return inner.allocate();
    }

    void deallocate(boost::context::stack_context& sc) { inner.deallocate(sc); }
};

pygen::generator<int> counted_counter(int k, long* count) {
    counting_stack salloc;
    salloc.count = count;
    return pygen::generator<int>(std::allocator_arg, salloc, [k](pygen::generator<int>::yielder& yield) mutable {
        for (;;) {
            yield(k);
            ++k;
        }
    });
}

struct stack_counts {
    long unstarted; // stacks allocated by `n` generators created and destroyed unstarted
    long started;   // by `n` generators created, advanced once and destroyed (for comparison)
    int n;
};

stack_counts count_stacks(int n) {
    stack_counts c = {0, 0, n};
    for (int i = 0; i < n; ++i) {
        pygen::generator<int> g = counted_counter(i, &c.unstarted);
        escape = &g;
    }
    for (int i = 0; i < n; ++i) {
        pygen::generator<int> g = counted_counter(i, &c.started);
        if (g.next() != i) {
            std::fprintf(stderr, "protocol: the counted generator yielded a wrong value\n");
            std::exit(2);
        }
    }
    return c;
}

// ---- measuring ---------------------------------------------------------------------------

double measure(variant const& v, int n) {
    return pygen_bench::time_per_operation("protocol", v.name, v.run, n, v.expected(n));
}

} // namespace

int main(int argc, char** argv) {
    pygen_bench::options const opt = pygen_bench::parse_options(argc, argv, program);
    if (opt.variant) {
        variant const& v = pygen_bench::variant_named(variants, "protocol", opt.variant);
        std::printf("%s %d operations: %.2f ns per %s\n", v.name, opt.items, measure(v, opt.items), v.per);
        return 0;
    }

    pygen_bench::tsv_writer tsv(opt.tsv_path);
    pygen_bench::begin_run("protocol", tsv, opt.tsv_path);
    std::printf("%d items per run (creation and throw variants: %d), %d rounds, variants interleaved%s; "
                "ns are medians over the rounds\n",
                opt.items, opt.items / 10 > 0 ? opt.items / 10 : 1, opt.rounds,
                opt.python ? ", CPython run after each round" : "");
    std::string const load_before = pygen_bench::print_load_average("before");
    std::string python_path;
    if (opt.python) {
        python_path = pygen_bench::python_path_of(opt.python_exe);
        std::printf("CPython: %s %s\n", python_path.c_str(), opt.script.c_str());
    }
    std::fflush(stdout);

    std::vector<std::vector<double>> python_times(variant_count);
    std::string python_version;
    std::string python_error;
    std::string const python_arguments = "--items " + std::to_string(opt.items) + " --rounds 1";

    // CPython runs once per round, right after pygen's variants of the round.
    auto const measure_cpython = [&] {
        if (!opt.python || !python_error.empty()) {
            return;
        }
        pygen_bench::python_results const py = pygen_bench::run_python(opt.python_exe, opt.script, python_arguments);
        if (!py.ran) {
            python_error = py.error;
            std::printf("CPython not measured: %s\n", py.error.c_str());
            return;
        }
        python_version = py.version;
        for (std::size_t k = 0; k < variant_count; ++k) {
            auto const p = py.ns.find(variants[k].name);
            if (variants[k].in_python && p != py.ns.end()) {
                python_times[k].push_back(p->second);
            }
        }
    };
    std::vector<std::vector<double>> const times = pygen_bench::interleaved_rounds(
        variant_count, opt.items, opt.rounds,
        [](std::size_t k, int n) { return measure(variants[k], operations(n, variants[k])); }, measure_cpython);
    bool const python_ok = opt.python && python_error.empty();
    if (python_ok) {
        std::printf("CPython version: %s\n", python_version.c_str());
    }

    stack_counts const stacks = count_stacks(1000);

    std::string const load_after = pygen_bench::print_load_average("after");

    std::printf("\n%-44s %-10s %9s %9s %9s | %9s %8s\n", "variant", "per", "pygen ns", "min", "max", "CPython",
                "CPy/this");
    for (std::size_t k = 0; k < variant_count; ++k) {
        variant const& v = variants[k];
        double const m = pygen_bench::median(times[k]);
        std::printf("%-44s %-10s %9.2f %9.2f %9.2f |", v.label, v.per, m, pygen_bench::min_of(times[k]),
                    pygen_bench::max_of(times[k]));
        bool const has_python = !python_times[k].empty();
        double const pm = pygen_bench::median(python_times[k]);
        if (has_python) {
            std::printf(" %9.2f %7.2fx\n", pm, pm / m);
        } else {
            std::printf(" %9s %8s\n", "-", "-");
        }
        tsv.ns(v.name, std::string(v.label) + ", per " + v.per, m, has_python, pm);
    }

    auto const t = [&](char const* name) -> std::vector<double> const& {
        return times[pygen_bench::index_of(variants, name)];
    };
    auto const py = [&](char const* name) -> std::vector<double> const& {
        return python_times[pygen_bench::index_of(variants, name)];
    };
    auto const ratio = [&](std::vector<double> const& a, std::vector<double> const& b) {
        return pygen_bench::median_ratio(a, b);
    };
    auto const has_py = [&](char const* name) { return !py(name).empty(); };

    using pygen_bench::info_figure;
    using pygen_bench::make_figure;
    std::vector<pygen_bench::figure> figures;
    figures.push_back(make_figure("for_vs_raw_pull_for", "range-for / raw coroutine2 pull_type range-for, per item",
                                  ratio(t("for"), t("raw_pull_for")), 1.10, "x"));
    figures.push_back(make_figure("for_vs_cpython_for", "range-for / CPython for loop over a generator, per item",
                                  ratio(t("for"), py("for")), 0.6, "x", has_py("for")));
    figures.push_back(make_figure("send_vs_cpython_send", "send / CPython send, per item", ratio(t("send"), py("send")),
                                  0.4, "x", has_py("send")));
    figures.push_back(make_figure("create3_vs_cpython", "create + exhaust a 3-item generator / CPython",
                                  ratio(t("create3"), py("create3")), 0.5, "x", has_py("create3")));
    figures.push_back(make_figure("create_next_destroy_vs_throw", "create + next + destroy suspended / one throw+catch",
                                  ratio(t("create_next_destroy"), t("throw_catch")), 1.5, "x"));
    figures.push_back(make_figure("create_destroy_unstarted_ns", "create + destroy never started, ns",
                                  pygen_bench::median(t("create_destroy")), 50, "ns"));
    figures.push_back(make_figure("create_destroy_unstarted_stacks",
                                  "stacks allocated by 1000 unstarted create + destroy", stacks.unstarted, 0, "count"));
    // What bounds the 3-item figure: its generator's life is four resumes (three values and the
    // end), each at least a raw fiber round trip, measured in the same rounds.
    std::vector<double> four_round_trips(t("raw_fiber"));
    for (double& x : four_round_trips) {
        x *= 4;
    }
    figures.push_back(info_figure("create3_floor_vs_cpython",
                                  "floor of create + exhaust 3: 4 raw fiber round trips / CPython",
                                  ratio(four_round_trips, py("create3")), "x", has_py("create3")));
    figures.push_back(info_figure("next_vs_cpython_next", "next() / CPython next(g), per item",
                                  ratio(t("next"), py("next")), "x", has_py("next")));
    figures.push_back(
        info_figure("send_vs_raw_send", "send / raw coroutine2 send, per item", ratio(t("send"), t("raw_send")), "x"));
    figures.push_back(info_figure("create_destroy_vs_cpython", "create + destroy never started / CPython gen(); del",
                                  ratio(t("create_destroy"), py("create_destroy")), "x", has_py("create_destroy")));
    figures.push_back(info_figure("create_next_destroy_vs_cpython", "create + next + destroy suspended / CPython",
                                  ratio(t("create_next_destroy"), py("create_next_destroy")), "x",
                                  has_py("create_next_destroy")));
    figures.push_back(info_figure("raw_fiber_ns", "raw Boost.Context fiber round trip, ns",
                                  pygen_bench::median(t("raw_fiber")), "ns"));
    figures.push_back(
        info_figure("throw_catch_ns", "one C++ throw + catch, ns", pygen_bench::median(t("throw_catch")), "ns"));
    figures.push_back(info_figure("for_ns", "range-for, ns per item", pygen_bench::median(t("for")), "ns"));
    figures.push_back(info_figure("create_next_destroy_started_stacks",
                                  "stacks allocated by 1000 create + next + destroy (the counter works)",
                                  stacks.started, "count"));

    int const missed = pygen_bench::print_figures(figures);
    std::printf("\n%s%s\n", missed ? "some targets MISSED" : "all targets met",
                opt.python && !python_ok ? " (CPython could not be measured)" : "");

    pygen_bench::write_run_meta(tsv, "protocol", opt,
                                python_ok ? python_version + " (" + python_path + ")" : std::string("-"), load_before,
                                load_after);
    for (pygen_bench::figure const& f : figures) {
        tsv.add(f);
    }
    // CPython asked for but not measured: the run is incomplete, and says so by its status.
    return opt.python && !python_ok ? 3 : 0;
}
