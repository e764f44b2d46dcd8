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
//   yield_from --variant NAME [--items N]   one run of one variant (for callgrind)
//   yield_from --list                       the variants
//
// Build it Release (-O2) with `cmake --workflow --preset bench`, or run `bash tools/bench.sh`.

// g++ 12 at -O2 sees a "maybe uninitialized" member inside Boost.Coroutine2 1.74's own
// coroutine<int> (push_control_block_cc.ipp, synthesized_cb.state): Boost's, not ours.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <pygen/generator.hpp>

#include <boost/coroutine2/coroutine.hpp>
#include <boost/version.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#ifndef PYGEN_BENCH_PYTHON_SCRIPT
#define PYGEN_BENCH_PYTHON_SCRIPT "bench/yield_from.py"
#endif
#ifndef PYGEN_BENCH_BUILD
#define PYGEN_BENCH_BUILD "unknown build flags"
#endif

namespace {

using sum_type = long long;

// ---- the programs measured ---------------------------------------------------------------

// The generator that yields the items: Python's `for i in range(n): yield i`.
pygen::generator<int> leaf(int n) {
    return pygen::generator<int>([n](pygen::generator<int>::yielder& yield) {
        for (int i = 0; i < n; ++i) {
            yield(i);
        }
    });
}

// `depth` generators delegating with yield.from, down to leaf(n).
pygen::generator<int> chain(int depth, int n) {
    if (depth == 0) {
        return leaf(n);
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
        return leaf(n);
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
    static pygen::generator<int> make(int n) { return leaf(n); }
};

// yield.from over a plain range (a std::vector), for information.
std::vector<int>& range_items() {
    static std::vector<int> items;
    return items;
}

pygen::generator<int> from_range() {
    return pygen::generator<int>([](pygen::generator<int>::yielder& yield) { yield.from(range_items()); });
}

// ---- consumers ---------------------------------------------------------------------------

template <class Generator> sum_type consume_for(Generator g) {
    sum_type s = 0;
    for (auto&& v : g) {
        s += v;
    }
    return s;
}

// Python's `while True: s += next(g)` ended by StopIteration.
template <class Generator> sum_type consume_next(Generator g) {
    sum_type s = 0;
    try {
        for (;;) {
            s += g.next();
        }
    } catch (pygen::stop_iteration const&) {
    }
    return s;
}

sum_type raw_coroutine2(int n) {
    using coroutine = boost::coroutines2::coroutine<int>;
    coroutine::pull_type source([n](coroutine::push_type& sink) {
        for (int i = 0; i < n; ++i) {
            sink(i);
        }
    });
    sum_type s = 0;
    for (int v : source) {
        s += v;
    }
    return s;
}

sum_type plain_for(int n) { return consume_for(leaf(n)); }
sum_type plain_next(int n) { return consume_next(leaf(n)); }
sum_type d1_for(int n) { return consume_for(chain(1, n)); }
sum_type d1_next(int n) { return consume_next(chain(1, n)); }
sum_type d10_for(int n) { return consume_for(chain(10, n)); }
sum_type d10_next(int n) { return consume_next(chain(10, n)); }
sum_type mixed1_for(int n) { return consume_for(mixed_chain<1>::make(n)); }
sum_type mixed10_for(int n) { return consume_for(mixed_chain<10>::make(n)); }
sum_type loop1_for(int n) { return consume_for(loop_chain(1, n)); }
sum_type loop10_for(int n) { return consume_for(loop_chain(10, n)); }

void fill_range(int n) {
    std::vector<int>& items = range_items();
    items.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        items[static_cast<std::size_t>(i)] = i;
    }
}

sum_type range_for(int) { return consume_for(from_range()); }

struct variant {
    char const* name;   // for --variant, and the name of the same program in yield_from.py
    char const* label;  // what it measures
    sum_type (*run)(int n);
    bool in_python;
    void (*prepare)(int n); // called before the clock starts, or null
};

variant const variants[] = {
    {"raw_for", "raw coroutine2 pull_type, range-for", raw_coroutine2, false, nullptr},
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

struct ratio {
    char const* name;
    char const* numerator;
    char const* denominator;
    double goal; // 0: for information
};

ratio const ratios[] = {
    {"d10/d1_for", "d10_for", "d1_for", 1.1},         {"d10/d1_next", "d10_next", "d1_next", 1.1},
    {"d1/plain_for", "d1_for", "plain_for", 1.2},     {"d1/plain_next", "d1_next", "plain_next", 1.2},
    {"plain/raw_for", "plain_for", "raw_for", 0},     {"mixed1/d1_for", "mixed1_for", "d1_for", 0},
    {"mixed10/mixed1_for", "mixed10_for", "mixed1_for", 0}, {"loop10/loop1_for", "loop10_for", "loop1_for", 0},
    {"range/plain_for", "range_for", "plain_for", 0},
};

// ---- measuring ---------------------------------------------------------------------------

volatile sum_type sink;

double measure(variant const& v, int n) {
    sum_type const expected = static_cast<sum_type>(n) * (n - 1) / 2;
    if (v.prepare) {
        v.prepare(n);
    }
    auto const t0 = std::chrono::steady_clock::now();
    sum_type const s = v.run(n);
    auto const t1 = std::chrono::steady_clock::now();
    if (s != expected) {
        std::fprintf(stderr, "yield_from: variant %s summed %lld, expected %lld\n", v.name, s, expected);
        std::exit(2);
    }
    sink = s;
    return std::chrono::duration<double, std::nano>(t1 - t0).count() / n;
}

double median(std::vector<double> xs) {
    if (xs.empty()) {
        return 0;
    }
    std::sort(xs.begin(), xs.end());
    std::size_t const m = xs.size() / 2;
    return xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

std::size_t index_of(char const* name) {
    for (std::size_t i = 0; i < variant_count; ++i) {
        if (std::strcmp(variants[i].name, name) == 0) {
            return i;
        }
    }
    throw std::logic_error(std::string("no variant ") + name);
}

struct python_results {
    bool ran = false;
    std::string version;
    std::map<std::string, double> ns;
    std::map<std::string, double> ratios;
    std::string error;
};

std::string shell_quote(std::string const& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

python_results run_python(std::string const& exe, std::string const& script, int items, int rounds) {
    python_results r;
    std::string const command = shell_quote(exe) + " " + shell_quote(script) + " --machine --items " +
                                std::to_string(items) + " --rounds " + std::to_string(rounds);
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        r.error = "cannot run " + command;
        return r;
    }
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        output += buffer;
    }
    int const status = pclose(pipe);
    if (status != 0) {
        r.error = command + " failed (status " + std::to_string(status) + ")";
        return r;
    }
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string kind, name;
        double value = 0;
        fields >> kind;
        if (kind == "python") {
            std::getline(fields, r.version);
            r.version.erase(0, r.version.find_first_not_of(' '));
        } else if (kind == "ns" && fields >> name >> value) {
            r.ns[name] = value;
        } else if (kind == "ratio" && fields >> name >> value) {
            r.ratios[name] = value;
        }
    }
    r.ran = true;
    return r;
}

std::string python_version_of(std::string const& exe) {
    std::string const command = shell_quote(exe) + " -c 'import sys; print(sys.executable)' 2>/dev/null";
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        return exe;
    }
    char buffer[512] = {0};
    std::string out;
    if (std::fgets(buffer, sizeof buffer, pipe)) {
        out = buffer;
    }
    pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
        out.pop_back();
    }
    return out.empty() ? exe : out;
}

// The machine's load average (Linux), to judge how noisy a run was; empty elsewhere.
std::string load_average() {
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    if (!f) {
        return std::string();
    }
    double a = 0, b = 0, c = 0;
    int const n = std::fscanf(f, "%lf %lf %lf", &a, &b, &c);
    std::fclose(f);
    if (n != 3) {
        return std::string();
    }
    char text[64];
    std::snprintf(text, sizeof text, "%.2f %.2f %.2f", a, b, c);
    return text;
}

[[noreturn]] void usage(int status) {
    std::fprintf(status ? stderr : stdout,
                 "usage: yield_from [--quick] [--items N] [--rounds R] [--no-python] [--python EXE] "
                 "[--script PATH]\n"
                 "       yield_from --variant NAME [--items N]\n"
                 "       yield_from --list\n"
                 "  --quick        100000 items x 5 rounds (default 1000000 x 15)\n"
                 "  --no-python    do not run CPython's version\n"
                 "  --python EXE   the interpreter (default $PYGEN_BENCH_PYTHON, else python3)\n"
                 "  --script PATH  the Python program (default %s)\n"
                 "  --variant NAME one run of one variant, no warm-up (for callgrind)\n",
                 PYGEN_BENCH_PYTHON_SCRIPT);
    std::exit(status);
}

int to_int(char const* s, char const* option) {
    char* end = nullptr;
    long const v = std::strtol(s, &end, 10);
    if (!*s || *end || v <= 0 || v > 1000000000L) {
        std::fprintf(stderr, "yield_from: %s needs a positive integer, not '%s'\n", option, s);
        usage(1);
    }
    return static_cast<int>(v);
}

} // namespace

int main(int argc, char** argv) {
    int items = 0;
    int rounds = 0;
    bool quick = false;
    bool python = true;
    char const* env_python = std::getenv("PYGEN_BENCH_PYTHON");
    std::string python_exe = env_python && *env_python ? env_python : "python3";
    std::string script = PYGEN_BENCH_PYTHON_SCRIPT;
    char const* only = nullptr;

    for (int i = 1; i < argc; ++i) {
        std::string const a = argv[i];
        bool const has_value = i + 1 < argc;
        if (a == "--quick") {
            quick = true;
        } else if (a == "--no-python") {
            python = false;
        } else if (a == "--items" && has_value) {
            items = to_int(argv[++i], "--items");
        } else if (a == "--rounds" && has_value) {
            rounds = to_int(argv[++i], "--rounds");
        } else if (a == "--python" && has_value) {
            python_exe = argv[++i];
        } else if (a == "--script" && has_value) {
            script = argv[++i];
        } else if (a == "--variant" && has_value) {
            only = argv[++i];
        } else if (a == "--list") {
            for (variant const& v : variants) {
                std::printf("%-12s %s\n", v.name, v.label);
            }
            return 0;
        } else if (a == "--help" || a == "-h") {
            usage(0);
        } else {
            std::fprintf(stderr, "yield_from: unknown argument '%s'\n", argv[i]);
            usage(1);
        }
    }
    if (items == 0) {
        items = quick ? 100000 : 1000000;
    }
    if (rounds == 0) {
        rounds = quick ? 5 : 15;
    }

    if (only) {
        std::size_t k;
        try {
            k = index_of(only);
        } catch (std::logic_error const& e) {
            std::fprintf(stderr, "yield_from: %s (see --list)\n", e.what());
            return 1;
        }
        std::printf("%s %d items: %.2f ns/item\n", variants[k].name, items, measure(variants[k], items));
        return 0;
    }

#if !defined(__OPTIMIZE__) || !defined(NDEBUG)
    std::printf("WARNING: not an optimized NDEBUG build; build the 'bench' preset (Release, -O2)\n");
#endif
#if defined(__clang__)
    char const* const compiler = "clang++ " __clang_version__;
#elif defined(__GNUC__)
    char const* const compiler = "g++ " __VERSION__;
#else
    char const* const compiler = "unknown compiler";
#endif
    std::printf("pygen bench yield_from: %s, Boost %d.%d, %s\n", compiler, BOOST_VERSION / 100000,
                BOOST_VERSION / 100 % 1000, PYGEN_BENCH_BUILD);
    std::printf("%d items per run, %d rounds, variants interleaved; ns per item are medians over the rounds\n",
                items, rounds);
    std::string const load_before = load_average();
    if (!load_before.empty()) {
        std::printf("load average before: %s\n", load_before.c_str());
    }
    std::fflush(stdout);

    std::vector<std::vector<double>> times(variant_count);
    for (variant const& v : variants) { // warm-up, not recorded
        measure(v, std::min(items, 10000));
    }
    for (int r = 0; r < rounds; ++r) {
        for (std::size_t j = 0; j < variant_count; ++j) {
            std::size_t const k = (j + static_cast<std::size_t>(r)) % variant_count;
            times[k].push_back(measure(variants[k], items));
        }
    }

    python_results py;
    if (python) {
        std::printf("running CPython: %s %s\n", python_version_of(python_exe).c_str(), script.c_str());
        std::fflush(stdout);
        py = run_python(python_exe, script, items, rounds);
        if (!py.ran) {
            std::printf("CPython not measured: %s\n", py.error.c_str());
        } else {
            std::printf("CPython: %s\n", py.version.c_str());
        }
    }

    std::string const load_after = load_average();
    if (!load_after.empty()) {
        std::printf("load average after: %s\n", load_after.c_str());
    }

    std::printf("\n%-42s %9s %9s %9s | %9s %9s\n", "variant", "pygen ns", "min", "max", "CPython", "speedup");
    for (std::size_t k = 0; k < variant_count; ++k) {
        variant const& v = variants[k];
        double const m = median(times[k]);
        std::printf("%-42s %9.2f %9.2f %9.2f |", v.label, m, *std::min_element(times[k].begin(), times[k].end()),
                    *std::max_element(times[k].begin(), times[k].end()));
        auto const p = py.ns.find(v.name);
        if (v.in_python && p != py.ns.end()) {
            std::printf(" %9.2f %8.2fx\n", p->second, p->second / m);
        } else {
            std::printf(" %9s %9s\n", "-", "-");
        }
    }

    std::printf("\n%-20s %9s %9s %9s  %s\n", "ratio (per item)", "pygen", "CPython", "goal", "pygen verdict");
    int missed = 0;
    for (ratio const& q : ratios) {
        std::vector<double> const& a = times[index_of(q.numerator)];
        std::vector<double> const& b = times[index_of(q.denominator)];
        std::vector<double> per_round;
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            per_round.push_back(a[i] / b[i]);
        }
        double const value = median(per_round);
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
    }
    std::printf("\n%s\n", missed ? "some goals MISSED" : "all goals PASS");
    return 0;
}
