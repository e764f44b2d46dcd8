// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// A million generators suspended at once (issue 4): each is created and advanced to its first
// yield, and all of them stay alive together, as the generators of a server's connections or a
// simulation's agents would. It measures what that costs in resident memory (RSS from
// /proc/self/statm, before and after; the target is at most 6 KiB per generator, so that a million
// fit well within a 24 GiB machine), the time per create + start, the time per destruction of a
// suspended generator, and how much memory goes back once they are all destroyed.
//
//   million [--count N] [--stack SIZE] [--max-rss MIB] [--tsv FILE]
//   million --guarded [--stack SIZE] [--count N]
//
//   --count N      generators (default 1000000)
//   --stack SIZE   give each generator a pygen::pooled_stack(SIZE) (bytes, or with a K or M
//                  suffix) instead of the default constructor's stack
//   --guarded      pygen::guarded_stack(SIZE) instead, created until the allocation fails (each
//                  takes two of the kernel's vm.max_map_count mappings): prints how many were
//                  live and the error
//   --max-rss MIB  stop creating once the generators hold this much (default: half of the
//                  machine's MemAvailable), so that a library that needs far more per generator
//                  than expected cannot exhaust the machine; the figures are then per generator
//                  created, and the run says it stopped early
//
// Linux only (/proc). Build it with `cmake --workflow --preset bench`, or run tools/bench.sh.

#include "harness.hpp"

#include <pygen/generator.hpp>
#include <pygen/stack.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace {

using pygen_bench::sum_type;
using generator = pygen::generator<int>;

// A body like a real one: a couple of locals that live across its yields, so the suspended
// stack holds a real frame and not just the switch's registers.
struct body {
    int first;

    void operator()(generator::yielder& yield) const {
        long total = first;
        int steps = 0;
        for (;;) {
            yield(static_cast<int>(total));
            ++steps;
            total += steps;
        }
    }
};

// ---- memory, from /proc ---------------------------------------------------------------------

long page_kib() { return sysconf(_SC_PAGESIZE) / 1024; }

// Resident set size now, KiB.
long rss_kib() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) {
        return 0;
    }
    long size = 0, resident = 0;
    int const n = std::fscanf(f, "%ld %ld", &size, &resident);
    std::fclose(f);
    return n == 2 ? resident * page_kib() : 0;
}

// A "Name:   value kB" line of a /proc file, KiB; 0 when missing.
long proc_kib(char const* path, char const* name) {
    std::FILE* f = std::fopen(path, "r");
    if (!f) {
        return 0;
    }
    char line[256];
    long value = 0;
    std::size_t const length = std::strlen(name);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, name, length) == 0 && line[length] == ':') {
            value = std::strtol(line + length + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return value;
}

long peak_rss_kib() { return proc_kib("/proc/self/status", "VmHWM"); }
long available_kib() { return proc_kib("/proc/meminfo", "MemAvailable"); }

double mib(long kib) { return kib / 1024.0; }

// What this machine charges for a stack's memory, as a yardstick for the per-generator times:
// the first touch of a fresh page at the top of a `stride`-sized block (a page fault, as a new
// stack's first frame takes), and giving such a block's pages back with madvise(MADV_DONTNEED).
// In a virtual machine both can cost far more than on bare metal.
struct memory_costs {
    double fault_ns;
    double madvise_ns;
};

memory_costs measure_memory_costs(std::size_t blocks, std::size_t stride) {
    memory_costs c = {0, 0};
    std::size_t const bytes = blocks * stride;
    void* const p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        return c;
    }
    char* const base = static_cast<char*>(p);
    auto const t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < blocks; ++i) {
        *reinterpret_cast<char volatile*>(base + (i + 1) * stride - 64) = 1;
    }
    auto const t1 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < blocks; ++i) {
        ::madvise(base + i * stride, stride, MADV_DONTNEED);
    }
    auto const t2 = std::chrono::steady_clock::now();
    ::munmap(p, bytes);
    c.fault_ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / blocks;
    c.madvise_ns = std::chrono::duration<double, std::nano>(t2 - t1).count() / blocks;
    return c;
}

// ---- options ------------------------------------------------------------------------------

char const usage_text[] = "usage: million [--count N] [--stack SIZE] [--max-rss MIB] [--tsv FILE]\n"
                          "       million --guarded [--stack SIZE] [--count N]\n"
                          "  --count N      generators (default 1000000)\n"
                          "  --stack SIZE   pygen::pooled_stack(SIZE) for each (bytes; K or M suffix)\n"
                          "  --guarded      pygen::guarded_stack(SIZE), created until the allocation fails\n"
                          "  --max-rss MIB  stop creating past this much RSS (default: half of MemAvailable)\n"
                          "  --tsv FILE     also write the figures there, tab-separated (tools/bench.sh reads it)\n";

[[noreturn]] void usage(int status) { pygen_bench::exit_with_usage(usage_text, status); }

std::size_t to_size(char const* s) {
    char* end = nullptr;
    unsigned long long v = std::strtoull(s, &end, 10);
    if (end == s) {
        usage(1);
    }
    if (*end == 'k' || *end == 'K') {
        v *= 1024;
        ++end;
    } else if (*end == 'm' || *end == 'M') {
        v *= 1024 * 1024;
        ++end;
    }
    if (*end || v == 0 || v > (1ull << 30)) {
        std::fprintf(stderr, "million: --stack needs a size in bytes (K or M suffix), not '%s'\n", s);
        usage(1);
    }
    return static_cast<std::size_t>(v);
}

// How the generators get their stacks: the default constructor, or one of pygen's allocators.
enum class stack_kind { default_constructor, pooled, guarded };

generator make(stack_kind kind, std::size_t stack_size, int first) {
    body const b = {first};
    switch (kind) {
    case stack_kind::pooled:
        return generator(std::allocator_arg, pygen::pooled_stack(stack_size), b);
    case stack_kind::guarded:
        return generator(std::allocator_arg, pygen::guarded_stack(stack_size), b);
    case stack_kind::default_constructor:
        break;
    }
    return generator(b);
}

std::string describe(stack_kind kind, std::size_t stack_size) {
    switch (kind) {
    case stack_kind::pooled:
        return "pygen::pooled_stack(" + std::to_string(stack_size) + ")";
    case stack_kind::guarded:
        return "pygen::guarded_stack(" + std::to_string(stack_size) + ")";
    case stack_kind::default_constructor:
        break;
    }
    return "default constructor, generator<int>(body)";
}

} // namespace

int main(int argc, char** argv) {
    long long count = 1000000;
    stack_kind kind = stack_kind::default_constructor;
    std::size_t stack_size = pygen::default_stack_size;
    bool stack_given = false;
    bool guarded = false;
    long long max_rss_mib = 0;
    std::string tsv_path;

    for (int i = 1; i < argc; ++i) {
        std::string const a = argv[i];
        bool const has_value = i + 1 < argc;
        if (a == "--count" && has_value) {
            count = pygen_bench::to_count("million", argv[++i], "--count", 100000000);
        } else if (a == "--stack" && has_value) {
            stack_size = to_size(argv[++i]);
            stack_given = true;
        } else if (a == "--guarded") {
            guarded = true;
        } else if (a == "--max-rss" && has_value) {
            max_rss_mib = pygen_bench::to_count("million", argv[++i], "--max-rss", 1 << 30);
        } else if (a == "--tsv" && has_value) {
            tsv_path = argv[++i];
        } else if (a == "--help" || a == "-h") {
            usage(0);
        } else {
            std::fprintf(stderr, "million: unknown argument '%s'\n", argv[i]);
            usage(1);
        }
    }
    if (guarded) {
        kind = stack_kind::guarded;
    } else if (stack_given) {
        kind = stack_kind::pooled;
    }

    pygen_bench::tsv_writer tsv(tsv_path);
    pygen_bench::begin_run("million", tsv, tsv_path);

    long const available = available_kib();
    long const limit_kib = max_rss_mib > 0 ? static_cast<long>(max_rss_mib * 1024) : available / 2;
    std::size_t const n = static_cast<std::size_t>(count);

    std::printf("%zu generators, each started and suspended at its first yield, all alive at once; stacks: %s\n", n,
                describe(kind, stack_size).c_str());
    std::printf("memory guard: stop creating past %.0f MiB of RSS (MemAvailable %.0f MiB)\n", mib(limit_kib),
                mib(available));
    std::fflush(stdout);

    // The handles first (empty generators: a null pointer each), so that their own pages are
    // already resident when the generators' memory is measured.
    std::vector<generator> gens(n);

    long const rss_before = rss_kib();
    std::size_t created = 0;
    bool guard_stopped = false;
    std::string error;
    sum_type sum = 0;
    auto const t0 = std::chrono::steady_clock::now();
    try {
        for (; created < n; ++created) {
            if (created % 4096 == 0 && rss_kib() - rss_before > limit_kib) {
                guard_stopped = true;
                break;
            }
            gens[created] = make(kind, stack_size, static_cast<int>(created));
            sum += gens[created].next();
        }
    } catch (std::exception const& e) {
        error = e.what();
    }
    auto const t1 = std::chrono::steady_clock::now();
    long const rss_live = rss_kib();

    sum_type const expected = pygen_bench::triangle(static_cast<long long>(created));
    if (sum != expected) {
        std::fprintf(stderr, "million: the first values summed %lld, expected %lld\n", sum, expected);
        return 2;
    }
    for (std::size_t i = 0; i < created; ++i) {
        if (gens[i].state() != pygen::gen_state::suspended) {
            std::fprintf(stderr, "million: generator %zu is not suspended\n", i);
            return 2;
        }
    }

    double const per_generator_kib = created ? static_cast<double>(rss_live - rss_before) / created : 0;
    double const create_ns = created ? std::chrono::duration<double, std::nano>(t1 - t0).count() / created : 0;

    auto const t2 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < created; ++i) {
        gens[i] = generator(); // destroyed while suspended: generator_exit at its yield
    }
    auto const t3 = std::chrono::steady_clock::now();
    double const destroy_ns = created ? std::chrono::duration<double, std::nano>(t3 - t2).count() / created : 0;
    long const rss_after = rss_kib();
    // VmHWM is updated lazily and can lag the last reading.
    long const peak = peak_rss_kib() > rss_live ? peak_rss_kib() : rss_live;
    memory_costs const costs = measure_memory_costs(4096, stack_size);
    long const grown = rss_live - rss_before;
    double const returned = grown > 0 ? 100.0 * (rss_live - rss_after) / grown : 0;

    char const* const why = guard_stopped ? " (stopped by the memory guard)" : "";
    std::printf("\ncreated and suspended:  %zu of %zu%s%s\n", created, n, why,
                error.empty() ? "" : " (allocation failed)");
    if (!error.empty()) {
        std::printf("the error:              %s\n", error.c_str());
    }
    std::printf("RSS before:             %10.1f MiB\n", mib(rss_before));
    std::printf("RSS with all suspended: %10.1f MiB  (+%.1f MiB, %.2f KiB per generator)\n", mib(rss_live), mib(grown),
                per_generator_kib);
    std::printf("RSS after destroying:   %10.1f MiB  (%.0f%% of the growth returned)\n", mib(rss_after), returned);
    std::printf("peak RSS (VmHWM):       %10.1f MiB\n", mib(peak));
    std::printf("create + start:         %10.1f ns per generator\n", create_ns);
    std::printf("destroy suspended:      %10.1f ns per generator\n", destroy_ns);
    std::printf("this machine:           %10.1f ns per first touch of a fresh page, %.1f ns per madvise(DONTNEED) "
                "of a %zu KiB block\n",
                costs.fault_ns, costs.madvise_ns, stack_size / 1024);

    using pygen_bench::info_figure;
    using pygen_bench::make_figure;
    std::vector<pygen_bench::figure> figures;
    // The keys tools/bench.sh knows a figure by: a --guarded run's must not clash with the default's.
    std::string const prefix = kind == stack_kind::guarded ? "guarded" : "million";
    if (kind == stack_kind::guarded) {
        figures.push_back(info_figure("guarded_live", "guarded stacks live at once before the allocation failed",
                                      static_cast<double>(created), "count"));
        figures.push_back(info_figure("guarded_rss_per_generator", "RSS per suspended generator (guarded), KiB",
                                      per_generator_kib, "KiB"));
    } else {
        // The million target is "fits on the 24 GiB machine": measured when the run had a
        // million, projected from the per-generator figure otherwise (--count, memory guard).
        double const million_gib = per_generator_kib * 1000000 / (1024.0 * 1024.0);
        figures.push_back(
            make_figure("million_rss_per_generator", "RSS per suspended generator, KiB", per_generator_kib, 6, "KiB"));
        figures.push_back(make_figure("million_rss_gib",
                                      created >= 1000000 ? "RSS of 1,000,000 suspended generators, GiB"
                                                         : "RSS of 1,000,000 suspended generators (projected), GiB",
                                      million_gib, 24, "GiB"));
        figures.push_back(info_figure("million_created", "generators created and suspended at once",
                                      static_cast<double>(created), "count"));
    }
    std::string const tag = kind == stack_kind::guarded ? " (guarded)" : "";
    figures.push_back(info_figure(prefix + "_create_ns", "create + start to the first yield, ns per generator" + tag,
                                  create_ns, "ns"));
    figures.push_back(
        info_figure(prefix + "_destroy_ns", "destroy while suspended, ns per generator" + tag, destroy_ns, "ns"));
    figures.push_back(
        info_figure(prefix + "_returned_percent", "RSS growth returned after destroying them, %" + tag, returned, "%"));
    figures.push_back(info_figure(prefix + "_peak_mib", "peak RSS of the run, MiB" + tag, mib(peak), "MiB"));
    if (kind != stack_kind::guarded) {
        figures.push_back(
            info_figure("page_fault_ns", "this machine: first touch of a fresh page, ns", costs.fault_ns, "ns"));
        figures.push_back(
            info_figure("madvise_ns", "this machine: madvise(DONTNEED) of one stack, ns", costs.madvise_ns, "ns"));
    }
    int const missed = pygen_bench::print_figures(figures);
    if (kind != stack_kind::guarded) {
        std::printf("\n%s%s\n", missed ? "some targets MISSED" : "all targets met",
                    guard_stopped ? " (stopped early by the memory guard: per-generator figures)" : "");
    }

    tsv.meta("program", "million");
    tsv.meta("stacks", describe(kind, stack_size));
    tsv.meta("count", std::to_string(n));
    tsv.meta("created", std::to_string(created));
    if (!error.empty()) {
        tsv.meta("error", error);
    }
    for (pygen_bench::figure const& f : figures) {
        tsv.add(f);
    }

    // An allocation error is the expected end of --guarded; anywhere else it is a failure.
    if (!error.empty() && kind != stack_kind::guarded) {
        std::fprintf(stderr, "million: %s\n", error.c_str());
        return 2;
    }
    return 0;
}
