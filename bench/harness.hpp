#ifndef PYGEN_BENCH_HARNESS_HPP_INCLUDED
#define PYGEN_BENCH_HARNESS_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// What the benchmark programs share: the generator and the raw baseline that protocol and
// yield_from both measure, their command line, timing and checking one run, the interleaved
// rounds, medians and per-round ratios, running the CPython scripts and reading their figures
// back, describing the build and the machine, the table of figures against their targets, and
// the tab-separated file tools/bench.sh collects them from.
//
// Each program is a single translation unit, so everything here is inline; POSIX popen is
// used to run CPython (the benchmarks run on Linux; Windows spells it _popen).

#include <pygen/generator.hpp>

#include <boost/version.hpp>

// g++ 12 sees a "maybe uninitialized" member inside Boost.Coroutine2 1.74's own coroutine<int>
// (push_control_block_cc.ipp, synthesized_cb.state): Boost's, not ours. Silenced for Boost's
// headers alone, so that the programs keep the warning for their own code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/coroutine2/coroutine.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef PYGEN_BENCH_BUILD
#define PYGEN_BENCH_BUILD "unknown build flags"
#endif

namespace pygen_bench {

using sum_type = long long;

// The sum 0 + 1 + ... + (n - 1): what most variants must add up to.
inline sum_type triangle(long long n) { return n * (n - 1) / 2; }

// ---- what protocol and yield_from both measure ----------------------------------------------

// for i in range(n): yield i
inline pygen::generator<int> items(int n) {
    return pygen::generator<int>([n](pygen::generator<int>::yielder& yield) {
        for (int i = 0; i < n; ++i) {
            yield(i);
        }
    });
}

// The consumers take the generator by value: it is destroyed inside the timed call, as
// CPython's generator is when its loop ends.
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

// What pygen's range-for is built on: a raw Boost.Coroutine2 pull_type walked by a range-for,
// the floor that both programs hold pygen's per-item cost against.
inline sum_type raw_pull_for(int n) {
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

// ---- one run, and the rounds ----------------------------------------------------------------

// Each run's sum is stored here, a volatile, so the compiler cannot prove the run's work unused
// and drop it.
inline sum_type volatile& last_sum() {
    static sum_type volatile s = 0;
    return s;
}

// ns per operation of one run doing n operations. A wrong sum ends the program with status 2:
// a variant that skipped its work must not pass for a fast one.
template <class Run>
double time_per_operation(char const* program, char const* variant, Run run, int n, sum_type expected) {
    auto const t0 = std::chrono::steady_clock::now();
    sum_type const s = run(n);
    auto const t1 = std::chrono::steady_clock::now();
    if (s != expected) {
        std::fprintf(stderr, "%s: variant %s summed %lld, expected %lld\n", program, variant, s, expected);
        std::exit(2);
    }
    last_sum() = s;
    return std::chrono::duration<double, std::nano>(t1 - t0).count() / n;
}

// times[k][r]: measure(k, items), the ns per operation of variant k, in round r. Every variant
// runs in every round and the order rotates from round to round, so a slow spell of the machine
// falls on all of them alike and the two sides of a ratio are measured next to each other; a
// first run of each at up to 10000 items, not recorded, warms the caches and the allocator.
// after_round() runs after each round's variants: protocol runs CPython there, so that its
// figures too are measured next to pygen's.
template <class Measure, class AfterRound>
std::vector<std::vector<double>> interleaved_rounds(std::size_t variant_count, int items, int rounds, Measure measure,
                                                    AfterRound after_round) {
    std::vector<std::vector<double>> times(variant_count);
    for (std::size_t k = 0; k < variant_count; ++k) {
        measure(k, std::min(items, 10000));
    }
    for (int r = 0; r < rounds; ++r) {
        for (std::size_t j = 0; j < variant_count; ++j) {
            std::size_t const k = (j + static_cast<std::size_t>(r)) % variant_count;
            times[k].push_back(measure(k, items));
        }
        after_round();
    }
    return times;
}

template <class Measure>
std::vector<std::vector<double>> interleaved_rounds(std::size_t variant_count, int items, int rounds, Measure measure) {
    return interleaved_rounds(variant_count, items, rounds, measure, [] {});
}

// Only a program's own tables and figures look variants up by index, so a name missing from
// its table is a bug in the program, not a user's error.
template <class Variant, std::size_t N> std::size_t index_of(Variant const (&variants)[N], char const* name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (std::strcmp(variants[i].name, name) == 0) {
            return i;
        }
    }
    throw std::logic_error(std::string("no variant ") + name);
}

// --variant NAME: a name not in --list is the user's error, status 1.
template <class Variant, std::size_t N>
Variant const& variant_named(Variant const (&variants)[N], char const* program, char const* name) {
    for (Variant const& v : variants) {
        if (std::strcmp(v.name, name) == 0) {
            return v;
        }
    }
    std::fprintf(stderr, "%s: no variant %s (see --list)\n", program, name);
    std::exit(1);
}

inline double median(std::vector<double> xs) {
    if (xs.empty()) {
        return 0;
    }
    std::sort(xs.begin(), xs.end());
    std::size_t const m = xs.size() / 2;
    return xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

// The median of a[i] / b[i]: both sides of each quotient were measured in the same round, next
// to each other, so a slow spell of the machine divides out instead of landing on one side.
inline double median_ratio(std::vector<double> const& a, std::vector<double> const& b) {
    std::vector<double> per_round;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (b[i] > 0) {
            per_round.push_back(a[i] / b[i]);
        }
    }
    return median(per_round);
}

inline double min_of(std::vector<double> const& xs) { return xs.empty() ? 0 : *std::min_element(xs.begin(), xs.end()); }
inline double max_of(std::vector<double> const& xs) { return xs.empty() ? 0 : *std::max_element(xs.begin(), xs.end()); }

inline std::string shell_quote(std::string const& s) {
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

// The whole standard output of a shell command; false when it could not run or failed.
inline bool read_command(std::string const& command, std::string& output) {
    output.clear();
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        return false;
    }
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        output += buffer;
    }
    return pclose(pipe) == 0;
}

// The figures a CPython script printed with --machine: "python NAME VERSION", then
// "ns VARIANT MEDIAN MIN MAX" and "ratio NAME VALUE" lines.
struct python_results {
    bool ran = false;
    std::string version;
    std::map<std::string, double> ns;
    std::map<std::string, double> ratios;
    std::string error;
};

inline python_results run_python(std::string const& exe, std::string const& script, std::string const& arguments) {
    python_results r;
    std::string const command = shell_quote(exe) + " " + shell_quote(script) + " --machine " + arguments;
    std::string output;
    if (!read_command(command, output)) {
        r.error = command + " failed";
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

// The interpreter's full path: "python3" alone does not say which of several it was.
inline std::string python_path_of(std::string const& exe) {
    std::string out;
    read_command(shell_quote(exe) + " -c 'import sys; print(sys.executable)' 2>/dev/null", out);
    while (!out.empty() && (out[out.size() - 1] == '\n' || out[out.size() - 1] == '\r')) {
        out.erase(out.size() - 1);
    }
    return out.empty() ? exe : out;
}

// The machine's load average (Linux), to judge how noisy a run was; empty elsewhere.
inline std::string load_average() {
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

inline std::string compiler() {
#if defined(__clang__)
    return "clang++ " __clang_version__;
#elif defined(__GNUC__)
    return "g++ " __VERSION__;
#else
    return "unknown compiler";
#endif
}

inline std::string boost_version() {
    return std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) + "." +
           std::to_string(BOOST_VERSION % 100);
}

inline bool optimized_build() {
#if defined(__OPTIMIZE__) && defined(NDEBUG)
    return true;
#else
    return false;
#endif
}

// The value of a positive integer option; exits with status 1 on anything else.
inline long long to_count(char const* program, char const* s, char const* option, long long limit) {
    char* end = nullptr;
    long long const v = std::strtoll(s, &end, 10);
    if (!*s || *end || v <= 0 || v > limit) {
        std::fprintf(stderr, "%s: %s needs a positive integer up to %lld, not '%s'\n", program, option, limit, s);
        std::exit(1);
    }
    return v;
}

// Printed before and after the measuring, to judge how noisy the run was; returned for the .tsv
// file. Nothing is printed where the machine has no load average.
inline std::string print_load_average(char const* when) {
    std::string const load = load_average();
    if (!load.empty()) {
        std::printf("load average %s: %s\n", when, load.c_str());
    }
    return load;
}

// ---- the command line of protocol and yield_from ---------------------------------------------

struct options {
    int items;   // per run; --quick's default or the full run's when not given
    int rounds;  // likewise
    bool python; // false: --no-python
    std::string python_exe;
    std::string script;
    std::string tsv_path; // empty: no --tsv
    char const* variant;  // --variant NAME, or null
};

// Prints `usage` whole: stdout for --help, stderr after a wrong argument.
[[noreturn]] inline void exit_with_usage(char const* usage, int status) {
    std::fputs(usage, status ? stderr : stdout);
    std::exit(status);
}

// What parse_options() needs to know of a program.
struct program_info {
    char const* name;           // for its messages
    char const* usage;          // all that --help prints
    char const* default_script; // --script's default
    void (*list_variants)();    // prints --list
};

// The options of protocol and yield_from. --help (status 0), --list (status 0) and a wrong
// argument (status 1) end the program where the parse meets them, so that `--list --bogus`
// lists and `--bogus --list` fails, as each program always did.
inline options parse_options(int argc, char** argv, program_info const& program) {
    options o;
    o.items = 0;
    o.rounds = 0;
    o.python = true;
    char const* env_python = std::getenv("PYGEN_BENCH_PYTHON");
    o.python_exe = env_python && *env_python ? env_python : "python3";
    o.script = program.default_script;
    o.variant = nullptr;
    bool quick = false;

    for (int i = 1; i < argc; ++i) {
        std::string const a = argv[i];
        bool const has_value = i + 1 < argc;
        if (a == "--quick") {
            quick = true;
        } else if (a == "--no-python") {
            o.python = false;
        } else if (a == "--items" && has_value) {
            o.items = static_cast<int>(to_count(program.name, argv[++i], "--items", 1000000000));
        } else if (a == "--rounds" && has_value) {
            o.rounds = static_cast<int>(to_count(program.name, argv[++i], "--rounds", 100000));
        } else if (a == "--python" && has_value) {
            o.python_exe = argv[++i];
        } else if (a == "--script" && has_value) {
            o.script = argv[++i];
        } else if (a == "--tsv" && has_value) {
            o.tsv_path = argv[++i];
        } else if (a == "--variant" && has_value) {
            o.variant = argv[++i];
        } else if (a == "--list") {
            program.list_variants();
            std::exit(0);
        } else if (a == "--help" || a == "-h") {
            exit_with_usage(program.usage, 0);
        } else {
            std::fprintf(stderr, "%s: unknown argument '%s'\n", program.name, argv[i]);
            exit_with_usage(program.usage, 1);
        }
    }
    if (o.items == 0) {
        o.items = quick ? 100000 : 1000000;
    }
    if (o.rounds == 0) {
        o.rounds = quick ? 5 : 15;
    }
    return o;
}

// ---- figures against their targets --------------------------------------------------------

// One line of the table: a ratio or an absolute figure, with or without a target. Every target
// of issue 4 is an upper bound ("value <= target"); a figure without one is for information.
struct figure {
    std::string key;   // stable name, for tools/bench.sh and the chart
    std::string label; // what it is, for people
    double value;
    bool has_target;
    double target;
    std::string unit; // "x" (a ratio), "ns", "KiB", "count", ...
    bool measured;    // false: could not be measured in this run (e.g. CPython missing)

    bool met() const { return measured && (!has_target || value <= target); }
    std::string verdict() const { return !measured ? "n/a" : !has_target ? "info" : met() ? "met" : "MISSED"; }
};

inline figure make_figure(std::string key, std::string label, double value, double target, std::string unit,
                          bool measured = true) {
    figure f;
    f.key = key;
    f.label = label;
    f.value = value;
    f.has_target = target >= 0;
    f.target = target;
    f.unit = unit;
    f.measured = measured;
    return f;
}

// target < 0: no target.
inline figure info_figure(std::string key, std::string label, double value, std::string unit, bool measured = true) {
    return make_figure(key, label, value, -1, unit, measured);
}

inline std::string format_value(double v, std::string const& unit) {
    char text[64];
    if (unit == "count" || unit == "KiB total" || unit == "MiB") {
        std::snprintf(text, sizeof text, "%.0f", v);
    } else if (unit == "x") {
        std::snprintf(text, sizeof text, "%.3f", v);
    } else {
        std::snprintf(text, sizeof text, "%.2f", v);
    }
    return text;
}

inline std::string format_target(figure const& f) {
    if (!f.has_target) {
        return "-";
    }
    return "<= " + format_value(f.target, f.unit == "x" ? std::string("target") : f.unit);
}

// Prints the table; returns how many targets were missed.
inline int print_figures(std::vector<figure> const& figures) {
    std::printf("\n%-56s %10s %-6s %10s  %s\n", "figure", "value", "unit", "target", "verdict");
    int missed = 0;
    for (figure const& f : figures) {
        std::string const value = f.measured ? format_value(f.value, f.unit) : std::string("-");
        std::printf("%-56s %10s %-6s %10s  %s\n", f.label.c_str(), value.c_str(), f.unit.c_str(),
                    format_target(f).c_str(), f.verdict().c_str());
        if (f.has_target && !f.met()) {
            ++missed;
        }
    }
    return missed;
}

// The file tools/bench.sh reads: "meta KEY VALUE" lines, "ns VARIANT LABEL PYGEN CPYTHON" lines
// and "figure KEY LABEL VALUE TARGET UNIT VERDICT" lines, tab-separated ("-" when absent).
class tsv_writer {
public:
    explicit tsv_writer(std::string const& path) : file_(path.empty() ? nullptr : std::fopen(path.c_str(), "w")) {}
    tsv_writer(tsv_writer const&) = delete;
    tsv_writer& operator=(tsv_writer const&) = delete;
    ~tsv_writer() {
        if (file_) {
            std::fclose(file_);
        }
    }

    bool failed_to_open(std::string const& path) const { return !path.empty() && !file_; }

    void meta(std::string const& key, std::string const& value) {
        if (file_) {
            std::fprintf(file_, "meta\t%s\t%s\n", key.c_str(), clean(value).c_str());
        }
    }

    void ns(std::string const& variant, std::string const& label, double pygen, bool has_python, double python) {
        if (file_) {
            std::fprintf(file_, "ns\t%s\t%s\t%.3f\t%s\n", variant.c_str(), clean(label).c_str(), pygen,
                         has_python ? format_value(python, "ns").c_str() : "-");
        }
    }

    void add(figure const& f) {
        if (file_) {
            std::fprintf(file_, "figure\t%s\t%s\t%s\t%s\t%s\t%s\n", f.key.c_str(), clean(f.label).c_str(),
                         f.measured ? format_value(f.value, f.unit).c_str() : "-",
                         f.has_target ? format_value(f.target, f.unit == "x" ? "target" : f.unit).c_str() : "-",
                         f.unit.c_str(), f.verdict().c_str());
        }
    }

private:
    // A tab or a newline would break the file's columns.
    static std::string clean(std::string s) {
        for (char& c : s) {
            if (c == '\t' || c == '\n' || c == '\r') {
                c = ' ';
            }
        }
        return s;
    }

    std::FILE* file_;
};

// The start of every program's run. A --tsv FILE that cannot be written ends it with status 1
// at once, not after minutes of measuring. Then the first lines of its output: figures from an
// unoptimized build would mislead, and figures mean little without the compiler and flags that
// made them.
inline void begin_run(char const* program, tsv_writer const& tsv, std::string const& tsv_path) {
    if (tsv.failed_to_open(tsv_path)) {
        std::fprintf(stderr, "%s: cannot write %s\n", program, tsv_path.c_str());
        std::exit(1);
    }
    if (!optimized_build()) {
        std::printf("WARNING: not an optimized NDEBUG build; build the 'bench' preset (Release)\n");
    }
    std::printf("pygen bench %s: %s, Boost %s, %s\n", program, compiler().c_str(), boost_version().c_str(),
                PYGEN_BENCH_BUILD);
}

// What protocol and yield_from say of their run; python is "-" when CPython was not measured.
inline void write_run_meta(tsv_writer& tsv, char const* program, options const& o, std::string const& python,
                           std::string const& load_before, std::string const& load_after) {
    tsv.meta("program", program);
    tsv.meta("compiler", compiler());
    tsv.meta("boost", boost_version());
    tsv.meta("build", PYGEN_BENCH_BUILD);
    tsv.meta("python", python);
    tsv.meta("items", std::to_string(o.items));
    tsv.meta("rounds", std::to_string(o.rounds));
    tsv.meta("load", load_before + " -> " + load_after);
}

} // namespace pygen_bench

#endif // #ifndef PYGEN_BENCH_HARNESS_HPP_INCLUDED
