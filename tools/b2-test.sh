#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Builds and runs the tests and examples with b2 (Boost.Build) against the
# installed Boost, like test/CMakeLists.txt does with CMake. Exits non-zero if
# anything fails.
#
#   bash tools/b2-test.sh [B2 OPTION...]    e.g. warnings-as-errors=on variant=release
#
# Environment (optional):
#   PYGEN_B2_TOOLSET    b2 toolset                       (default gcc)
#   PYGEN_B2_CXXSTD     b2 cxxstd, a comma list allowed   (default 11; ranges.cpp
#                       always builds as C++20, g++ only)
#   PYGEN_B2_BUILD_DIR  b2 --build-dir                    (default build/b2)

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

toolset=${PYGEN_B2_TOOLSET:-gcc}
cxxstd=${PYGEN_B2_CXXSTD:-11}
build_dir=${PYGEN_B2_BUILD_DIR:-build/b2}

case $toolset in
    clang*) compiler_package=clang ;;
    *) compiler_package=g++ ;;
esac
pygen_ensure_packages "$compiler_package" libboost-context-dev libboost-test-dev libboost-tools-dev valgrind

# b2 prints **passed** only for the tests it runs now: drop the result files
# of earlier runs (not the objects) so that every test runs and is counted.
if [ -d "$build_dir" ]; then
    find "$build_dir" -type f \( -name '*.test' -o -name '*.run' -o -name '*.output' \) -delete
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "b2 -j2 toolset=$toolset cxxstd=$cxxstd --build-dir=$build_dir $* test"
status=0
b2 -j2 "toolset=$toolset" "cxxstd=$cxxstd" "--build-dir=$build_dir" "$@" test 2>&1 | tee "$log" || status=$?

passed=$(grep -c '^\*\*passed\*\*' "$log" || true)
failed=$(grep '^\.\.\.failed ' "$log" | grep -vc '^\.\.\.failed updating' || true)

echo
echo "b2 tests and examples passed: $passed"
grep '^\.\.\.failed ' "$log" || true
echo "b2-test.sh summary: $passed passed, $failed failed"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    echo "b2-test.sh: FAILED (b2 exit status $status)" >&2
    [ "$status" -ne 0 ] || status=1
    exit "$status"
fi
