#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Configures and builds the benchmarks (the "bench" workflow of CMakePresets.json:
# g++, Release, -O2, build/bench), then runs bench/yield_from with the arguments
# given here, which runs CPython's version of the same programs (bench/yield_from.py)
# and prints both side by side.
#
#   bash tools/bench.sh              # 1,000,000 items x 15 rounds per variant
#   bash tools/bench.sh --quick      # 100,000 x 5: a smoke run
#   bash tools/bench.sh --no-python  # pygen only
#   bash tools/bench.sh --help       # the other options
#
# CPython is Debian's /usr/bin/python3 (the package installed above) unless
# PYGEN_BENCH_PYTHON names another interpreter: a python3 first on PATH may be a
# slower build (pyenv's 3.11.7 here, shared libpython and no --enable-optimizations,
# is 1.1-1.4x slower per item).
#
# The figures are medians of interleaved rounds; on a shared machine run it a few
# times. Deterministic per-item instruction counts: tools/bench-callgrind.sh.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev python3

build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
if ! cmake --workflow --preset bench >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "bench.sh: the build failed" >&2
    exit 1
fi

rm -f "$build_log"
trap - EXIT

export PYGEN_BENCH_PYTHON=${PYGEN_BENCH_PYTHON:-/usr/bin/python3}
status=0
build/bench/bench/yield_from "$@" || status=$?

# For .ci/run: "passed" means the benchmark ran and every variant's sum checked out.
# Timings are printed with the goals beside them, never judged here: CI machines are
# shared and noisy.
if [ "$status" -eq 0 ]; then
    echo "bench.sh summary: 1 passed, 0 failed"
else
    echo "bench.sh summary: 0 passed, 1 failed"
fi
exit "$status"
