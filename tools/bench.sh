#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Every benchmark in one run: builds the "bench" workflow of CMakePresets.json (g++,
# CMake's Release flags -O3 -DNDEBUG, build/bench), then runs, one after the other,
#
#   bench/protocol     for/next/send per item and generator creation, beside raw
#                      Boost.Coroutine2, a raw Boost.Context fiber, one throw+catch and
#                      CPython (bench/protocol.py, run once per round)
#   bench/yield_from   yield.from chains, beside a plain yield, raw coroutine2 and CPython
#   bench/million      1,000,000 suspended generators at once (100,000 with --quick):
#                      resident memory per generator; then, for information, guarded
#                      stacks until the kernel's map limit
#
# and prints one table of every figure with its target (bench/report.py). A full run
# also writes docs/performance.md (its results section) and docs/performance.svg.
#
#   bash tools/bench.sh               # full run (a few minutes); writes docs/
#   bash tools/bench.sh --quick       # CI smoke run (~30 s on 2 cores); docs/ untouched
#   bash tools/bench.sh --quick --write-docs
#   bash tools/bench.sh --no-python   # without CPython: its ratios show n/a
#
# The results of the last run stay in build/bench/results/ (each program's output
# and .tsv figures; a --quick run's performance.md and .svg preview too).
#
# CPython is Debian's /usr/bin/python3 unless PYGEN_BENCH_PYTHON names another
# interpreter: a python3 first on PATH may be a slower build (pyenv's 3.11.7 here,
# shared libpython and no --enable-optimizations, is 1.1-1.4x slower per item).
#
# The figures are medians of interleaved rounds; on a shared machine run it a few
# times. Deterministic per-item instruction counts: tools/bench-callgrind.sh.
#
# The last line is "bench.sh summary: N passed, M failed", N and M counting the
# programs: passed means it ran to the end and every sum it checked (pygen's and
# CPython's) was right. Timings are printed with their targets, never judged pass/fail:
# machines are shared and noisy.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

arguments="$*" # for docs/performance.md: how the figures were made
quick=0
write_docs=0
python_args=()
usage() {
    sed -n '/^#   bash tools\/bench.sh/p' "${BASH_SOURCE[0]}" | sed 's/^#   //'
}
while [ $# -gt 0 ]; do
    case $1 in
        --quick) quick=1 ;;
        --write-docs) write_docs=1 ;;
        --no-python) python_args=(--no-python) ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "bench.sh: unknown argument '$1'" >&2
            usage >&2
            exit 1
            ;;
    esac
    shift
done
if [ "$quick" -eq 0 ]; then
    write_docs=1
fi

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev python3 gnuplot-nox

build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
if ! cmake --workflow --preset bench >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "bench.sh: the build failed" >&2
    echo "bench.sh summary: 0 passed, 1 failed"
    exit 1
fi
rm -f "$build_log"
trap - EXIT

export PYGEN_BENCH_PYTHON=${PYGEN_BENCH_PYTHON:-/usr/bin/python3}
bin=build/bench/bench
results=build/bench/results
rm -rf "$results"
mkdir -p "$results"

mode_args=()
count=1000000
mode="full run: 1,000,000 items x 15 rounds, 1,000,000 generators"
if [ "$quick" -eq 1 ]; then
    mode_args=(--quick)
    count=100000
    mode="quick run: 100,000 items x 5 rounds, 100,000 generators"
fi

passed=0
failed=0
failures=()
# run NAME COMMAND...: runs one program, its output shown and kept in $results/NAME.log.
run() {
    local name=$1 status=0
    shift
    echo
    echo "==================== $name: $* ===================="
    # pipefail: the program's status (tee does not fail).
    "$@" 2>&1 | tee "$results/$name.log" || status=$?
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name (exit status $status)")
        rm -f "$results/$name.tsv" # a partial file would pass for results
    fi
}

# One after the other, never two at once: each would disturb the other's timings.
run protocol "$bin/protocol" "${mode_args[@]}" "${python_args[@]}" --tsv "$results/protocol.tsv"
run yield_from "$bin/yield_from" "${mode_args[@]}" "${python_args[@]}" --tsv "$results/yield_from.tsv"
run million "$bin/million" --count "$count" --tsv "$results/million.tsv"
# For information: how many guarded stacks (a mapping each) the kernel allows at once.
run guarded "$bin/million" --guarded --count 100000 --tsv "$results/guarded.tsv"

echo
echo "==================== all figures ===================="
command="bash tools/bench.sh${arguments:+ $arguments}"
# The report and the chart go to $results first; docs/ gets them only from a run meant for it.
report_status=0
"$PYGEN_BENCH_PYTHON" bench/report.py "$results" --md "$results/performance.md" --svg "$results/performance.svg" \
    --mode "$mode" --command "$command" || report_status=$?
if [ "$report_status" -ne 0 ]; then
    failed=$((failed + 1))
    failures+=("report (exit status $report_status)")
elif [ "$write_docs" -eq 1 ]; then
    mkdir -p docs
    "$PYGEN_BENCH_PYTHON" bench/report.py "$results" --md docs/performance.md --svg docs/performance.svg \
        --mode "$mode" --command "$command" >/dev/null
    echo "docs written: docs/performance.md, docs/performance.svg"
else
    echo "docs/ left as it was (a --quick run writes it only with --write-docs); preview: $results/"
fi

if [ ${#failures[@]} -gt 0 ]; then
    echo "bench.sh: FAILED: ${failures[*]}" >&2
fi
echo "bench.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
