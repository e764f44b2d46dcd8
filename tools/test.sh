#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Configures, builds and runs every test and example with CMake and CTest
# (g++, C++20, RelWithDebInfo; the "default" workflow of CMakePresets.json).
# Exits non-zero if anything fails.
#
#   bash tools/test.sh

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev libboost-test-dev valgrind

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
cmake --workflow --preset default 2>&1 | tee "$log" || status=$?

read -r passed failed <<<"$(pygen_ctest_counts "$log")"
if [ -n "$passed" ]; then
    echo "test.sh summary: $passed passed, $failed failed"
fi
if [ "$status" -ne 0 ]; then
    echo "test.sh: FAILED (exit status $status)" >&2
fi
exit "$status"
