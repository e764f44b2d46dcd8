#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Differential testing against CPython (tools/difftest/README.md): 200 random generator
# programs, each run as Python by python3 and as C++ on pygen (g++ -O1, C++17) against 500
# random caller op sequences: 100,000 sequences whose traces (values, exceptions, states,
# cleanup order) must be byte-identical. Fails on any divergence (with a reproducer in
# build/difftest-repro/), on fewer than 100,000 sequences, and when a feature the generator
# promises never happened. About 150 CPU-seconds (compiling 200 programs, ~65%), spread over
# 2 cores; 222 s of wall time on a shared 2-core machine with a load of 6-8.
#
#   bash tools/difftest.sh
#   PYGEN_DIFFTEST_SEED=42 bash tools/difftest.sh      # another seed (default 1)
#   PYGEN_DIFFTEST_SEED=date bash tools/difftest.sh    # today's date as the seed, e.g. 20260129
#
# The seed is printed first, with the command that reruns exactly this run. More sequences
# locally: python3 tools/difftest/difftest.py --seed N --batches B (200 x 500 per batch).
#
# CPython is Debian's /usr/bin/python3 (3.11 on Debian 12, the reference of pygen) unless
# PYGEN_DIFFTEST_PYTHON names another 3.11 interpreter. PYGEN_DIFFTEST_ARGS adds options of
# difftest.py (later ones win), e.g. PYGEN_DIFFTEST_ARGS="--include /tmp/patched/include".
#
# The last line is "difftest.sh summary: 1 passed, 0 failed" (or 0 passed, 1 failed).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ python3 libboost-context-dev

python=${PYGEN_DIFFTEST_PYTHON:-}
if [ -z "$python" ]; then
    if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; else python=python3; fi
fi

seed=${PYGEN_DIFFTEST_SEED:-1}
if [ "$seed" = date ]; then
    seed=$(date -u +%Y%m%d)
fi
if ! [[ $seed =~ ^[0-9]+$ ]]; then
    echo "difftest.sh: PYGEN_DIFFTEST_SEED must be a number or 'date', not '$seed'" >&2
    echo "difftest.sh summary: 0 passed, 1 failed"
    exit 1
fi

echo "difftest.sh: seed $seed (rerun: PYGEN_DIFFTEST_SEED=$seed bash tools/difftest.sh)"
echo "difftest.sh: CPython: $python ($("$python" --version 2>&1)), C++: $(g++ --version | head -n 1)"

status=0
"$python" tools/difftest/difftest.py --seed "$seed" --programs 200 --sequences-per-program 500 --jobs 2 \
    --compiler g++ --std c++17 --opt=-O1 --min-sequences 100000 --require-coverage \
    --repro-dir build/difftest-repro --shrink-seconds 120 ${PYGEN_DIFFTEST_ARGS:-} || status=$?

if [ "$status" -eq 0 ]; then
    echo "difftest.sh summary: 1 passed, 0 failed"
else
    echo "difftest.sh: FAILED (exit status $status); reproducers, if any, are in build/difftest-repro/" >&2
    echo "difftest.sh summary: 0 passed, 1 failed"
fi
exit "$status"
