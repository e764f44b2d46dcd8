// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The cost per item of `yield.from` (issue 3), against a plain yield and a raw
// Boost.Coroutine2 pull_type, with CPython's figures for the same programs beside them.
//
// The goals: per item, a chain of depth 10 costs at most 1.1 x depth 1, and depth 1 at most
// 1.2 x a plain yield. Depth d is d generators delegating with yield.from, the innermost of
// them delegating to a generator that yields the items, as in bench/yield_from.py.
//
// Every variant runs in every round, interleaved (the order rotates from round to round), and
// the figures are medians over the rounds. A ratio is the median of the per-round ratios, so the
// two sides of a ratio are always measured next to each other on this noisy, shared machine.
//
//   yield_from [--quick] [--items N] [--rounds R] [--no-python] [--python EXE] [--script PATH]
//              [--tsv FILE]
//   yield_from --variant NAME [--items N]   one run of one variant (for callgrind)
//   yield_from --list                       the variants
//
// Build it with `cmake --workflow --preset bench`, or run `bash tools/bench.sh`.

#include "harness.hpp"

#include <pygen/generator.hpp>

#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

#ifndef PYGEN_BENCH_PYTHON_SCRIPT
#define PYGEN_BENCH_PYTHON_SCRIPT "bench/yield_from.py"
#endif

namespace {

char const usage_text[] = "usage: yield_from [--quick] [--items N] [--rounds R] [--no-python] [--python EXE] "
                          "[--script PATH] [--tsv FILE]\n"
                          "       yield_from --variant NAME [--items N]\n"
                          "       yield_from --list\n"
                          "  --quick        100000 items x 5 rounds (default 1000000 x 15)\n"
                          "  --no-python    do not run CPython's version\n"
                          "  --python EXE   the interpreter (default $PYGEN_BENCH_PYTHON, else python3)\n"
                          "  --script PATH  the Python program (default " PYGEN_BENCH_PYTHON_SCRIPT ")\n"
                          "  --tsv FILE     also write the figures there, tab-separated (tools/bench.sh reads it)\n"
                          "  --variant NAME one run of one variant, no warm-up (for callgrind)\n";

using pygen_bench::consume_for;
using pygen_bench::consume_next;
using pygen_bench::items;
using pygen_bench::median;
using pygen_bench::sum_type;

// ---- the programs measured ---------------------------------------------------------------

// The generator that yields the items is the harness's items(n), Python's leaf(n).

// `depth` generators delegating with yield.from, down to items(n).
pygen::generator<int> chain(int depth, int n) {
    if (depth == 0) {
        return items(n);
    }
    return pygen::generator<int>([depth, n](pygen::generator<int>::yielder& yield) {
        pygen::generator<int> sub = chain(depth - 1, n);
        yield.from(sub);
    });
}

// What one writes without yield.from: a for loop yielding what the subgenerator yields. Every
// level is resumed for every item.
pygen::generator<int> loop_chain(int depth, int n) {
    if (depth == 0) {
        return items(n);
    }
    return pygen::generator<int>([depth, n](pygen::generator<int>::yielder& yield) {
        for (int v : loop_chain(depth - 1, n)) {
            yield(v);
        }
    });
}

// A chain whose levels alternate between generator<long> and generator<int>, so no level has
// the Y of its subgenerator: the path that goes through each delegator.
template <int Depth> struct mixed_chain {
    using value_type = typename std::conditional<Depth % 2 == 1, long, int>::type;
    using generator_type = pygen::generator<value_type>;

    static generator_type make(int n) {
        return generator_type([n](typename generator_type::yielder& yield) {
            auto sub = mixed_chain<Depth - 1>::make(n);
            yield.from(sub);
        });
    }
};

template <> struct mixed_chain<0> {
    static pygen::generator<int> make(int n) { return items(n); }
};

// yield.from over a plain range (a std::vector), for information.
std::vector<int>& range_items() {
    static std::vector<int> values;
    return values;
}

pygen::generator<int> from_range() {
    return pygen::generator<int>([](pygen::generator<int>::yielder& yield) { yield.from(range_items()); });
}

// ---- consumers (consume_for, consume_next and the raw baseline are the harness's) -------------

sum_type plain_for(int n) { return consume_for(items(n)); }
sum_type plain_next(int n) { return consume_next(items(n)); }
sum_type d1_for(int n) { return consume_for(chain(1, n)); }
sum_type d1_next(int n) { return consume_next(chain(1, n)); }
sum_type d10_for(int n) { return consume_for(chain(10, n)); }
sum_type d10_next(int n) { return consume_next(chain(10, n)); }
sum_type mixed1_for(int n) { return consume_for(mixed_chain<1>::make(n)); }
sum_type mixed10_for(int n) { return consume_for(mixed_chain<10>::make(n)); }
sum_type loop1_for(int n) { return consume_for(loop_chain(1, n)); }
sum_type loop10_for(int n) { return consume_for(loop_chain(10, n)); }

void fill_range(int n) {
    std::vector<int>& values = range_items();
    values.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        values[static_cast<std::size_t>(i)] = i;
    }
}

sum_type range_for(int) { return consume_for(from_range()); }

struct variant {
    char const* name;  // for --variant, and the name of the same program in yield_from.py
    char const* label; // what it measures
    sum_type (*run)(int n);
    bool in_python;
    void (*prepare)(int n); // called before the clock starts, or null
};

variant const variants[] = {
    {"raw_for", "raw coroutine2 pull_type, range-for", pygen_bench::raw_pull_for, false, nullptr},
    {"plain_for", "plain yield, range-for", plain_for, true, nullptr},
    {"plain_next", "plain yield, next() loop", plain_next, true, nullptr},
    {"d1_for", "yield.from depth 1, range-for", d1_for, true, nullptr},
    {"d1_next", "yield.from depth 1, next() loop", d1_next, true, nullptr},
    {"d10_for", "yield.from depth 10, range-for", d10_for, true, nullptr},
    {"d10_next", "yield.from depth 10, next() loop", d10_next, true, nullptr},
    {"mixed1_for", "mixed Y depth 1 (long<-int), range-for", mixed1_for, false, nullptr},
    {"mixed10_for", "mixed Y depth 10 (long/int), range-for", mixed10_for, false, nullptr},
    {"loop1_for", "for-loop re-yield depth 1, range-for", loop1_for, false, nullptr},
    {"loop10_for", "for-loop re-yield depth 10, range-for", loop10_for, false, nullptr},
    {"range_for", "yield.from(std::vector), range-for", range_for, false, fill_range},
};

std::size_t const variant_count = sizeof variants / sizeof variants[0];

void list_variants() {
    for (variant const& v : variants) {
        std::printf("%-12s %s\n", v.name, v.label);
    }
}

pygen_bench::program_info const program = {"yield_from", usage_text, PYGEN_BENCH_PYTHON_SCRIPT, list_variants};

struct ratio {
    char const* name;
    char const* numerator;
    char const* denominator;
    double goal;       // 0: for information
    char const* label; // for the table of tools/bench.sh
};

ratio const ratios[] = {
    {"d10/d1_for", "d10_for", "d1_for", 1.1, "yield.from depth 10 / depth 1, range-for"},
    {"d10/d1_next", "d10_next", "d1_next", 1.1, "yield.from depth 10 / depth 1, next()"},
    {"d1/plain_for", "d1_for", "plain_for", 1.2, "yield.from depth 1 / plain yield, range-for"},
    {"d1/plain_next", "d1_next", "plain_next", 1.2, "yield.from depth 1 / plain yield, next()"},
    {"plain/raw_for", "plain_for", "raw_for", 0, "plain yield / raw pull_type, range-for"},
    {"mixed1/d1_for", "mixed1_for", "d1_for", 0, "mixed-Y yield.from depth 1 / same-Y, range-for"},
    {"mixed10/mixed1_for", "mixed10_for", "mixed1_for", 0, "mixed-Y yield.from depth 10 / depth 1, range-for"},
    {"loop10/loop1_for", "loop10_for", "loop1_for", 0, "for-loop re-yield depth 10 / depth 1, range-for"},
    {"range/plain_for", "range_for", "plain_for", 0, "yield.from(std::vector) / plain yield, range-for"},
};

// ---- measuring ---------------------------------------------------------------------------

double measure(variant const& v, int n) {
    if (v.prepare) {
        v.prepare(n);
    }
    return pygen_bench::time_per_operation("yield_from", v.name, v.run, n, pygen_bench::triangle(n));
}

} // namespace

int main(int argc, char** argv) {
    pygen_bench::options const opt = pygen_bench::parse_options(argc, argv, program);
    if (opt.variant) {
        variant const& v = pygen_bench::variant_named(variants, "yield_from", opt.variant);
        std::printf("%s %d items: %.2f ns/item\n", v.name, opt.items, measure(v, opt.items));
        return 0;
    }

    pygen_bench::tsv_writer tsv(opt.tsv_path);
    pygen_bench::begin_run("yield_from", tsv, opt.tsv_path);
    std::printf("%d items per run, %d rounds, variants interleaved; ns per item are medians over the rounds\n",
                opt.items, opt.rounds);
    std::string const load_before = pygen_bench::print_load_average("before");
    std::fflush(stdout);

    std::vector<std::vector<double>> const times = pygen_bench::interleaved_rounds(
        variant_count, opt.items, opt.rounds, [](std::size_t k, int n) { return measure(variants[k], n); });

    pygen_bench::python_results py;
    std::string python_path;
    if (opt.python) {
        python_path = pygen_bench::python_path_of(opt.python_exe);
        std::printf("running CPython: %s %s\n", python_path.c_str(), opt.script.c_str());
        std::fflush(stdout);
        py =
            pygen_bench::run_python(opt.python_exe, opt.script,
                                    "--items " + std::to_string(opt.items) + " --rounds " + std::to_string(opt.rounds));
        if (!py.ran) {
            std::printf("CPython not measured: %s\n", py.error.c_str());
        } else {
            std::printf("CPython: %s\n", py.version.c_str());
        }
    }

    std::string const load_after = pygen_bench::print_load_average("after");

    std::printf("\n%-42s %9s %9s %9s | %9s %9s\n", "variant", "pygen ns", "min", "max", "CPython", "speedup");
    for (std::size_t k = 0; k < variant_count; ++k) {
        variant const& v = variants[k];
        double const m = median(times[k]);
        std::printf("%-42s %9.2f %9.2f %9.2f |", v.label, m, pygen_bench::min_of(times[k]),
                    pygen_bench::max_of(times[k]));
        auto const p = py.ns.find(v.name);
        bool const has_python = v.in_python && p != py.ns.end();
        if (has_python) {
            std::printf(" %9.2f %8.2fx\n", p->second, p->second / m);
        } else {
            std::printf(" %9s %9s\n", "-", "-");
        }
        tsv.ns(v.name, std::string(v.label) + ", per item", m, has_python, has_python ? p->second : 0);
    }

    std::printf("\n%-20s %9s %9s %9s  %s\n", "ratio (per item)", "pygen", "CPython", "goal", "pygen verdict");
    int missed = 0;
    for (ratio const& q : ratios) {
        double const value = pygen_bench::median_ratio(times[pygen_bench::index_of(variants, q.numerator)],
                                                       times[pygen_bench::index_of(variants, q.denominator)]);
        std::printf("%-20s %9.3f", q.name, value);
        auto const p = py.ratios.find(q.name);
        if (p != py.ratios.end()) {
            std::printf(" %9.3f", p->second);
        } else {
            std::printf(" %9s", "-");
        }
        if (q.goal > 0) {
            bool const pass = value <= q.goal;
            missed += pass ? 0 : 1;
            std::printf("   <= %.1f  %s\n", q.goal, pass ? "PASS" : "MISS");
        } else {
            std::printf(" %9s  (information)\n", "-");
        }
        // The key for tools/bench.sh: "d10/d1_for" -> "yield_from_d10_vs_d1_for".
        std::string key = std::string("yield_from_") + q.name;
        key.replace(key.find('/'), 1, "_vs_");
        tsv.add(pygen_bench::make_figure(key, q.label, value, q.goal > 0 ? q.goal : -1, "x"));
    }
    std::printf("\n%s\n", missed ? "some goals MISSED" : "all goals PASS");

    pygen_bench::write_run_meta(tsv, "yield_from", opt,
                                py.ran ? py.version + " (" + python_path + ")" : std::string("-"), load_before,
                                load_after);
    // CPython asked for but not measured (its script failed, or its sums were wrong): say so.
    return opt.python && !py.ran ? 3 : 0;
}
