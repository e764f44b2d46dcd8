#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Builds the examples (the "default" configure preset, "examples" build
# preset), runs each one and shows its output beside the output of its Python
# original example/<name>.py, then runs the examples' CTest tests (which
# compare the output with example/<name>.expected). Exits non-zero if an
# example fails its test or prints something else than its Python original.
#
#   bash tools/examples.sh

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev libboost-test-dev python3

cmake --preset default
cmake --build --preset examples

bin_dir=build/default/test
width=$(( ${COLUMNS:-160} < 100 ? 100 : ${COLUMNS:-160} ))
mismatches=()

shopt -s nullglob
for source in example/*.cpp; do
    name=$(basename "$source" .cpp)
    exe="$bin_dir/pygen-example-$name"
    script="example/$name.py"

    echo
    echo "==================== example $name ===================="
    if [ ! -x "$exe" ]; then
        echo "(not built: add '$name' to PYGEN_EXAMPLES in test/CMakeLists.txt)"
        mismatches+=("$name (not built)")
        continue
    fi

    cxx_out=$(mktemp)
    cxx_err=$(mktemp)
    py_out=$(mktemp)
    py_err=$(mktemp)
    cxx_status=0
    "$exe" >"$cxx_out" 2>"$cxx_err" || cxx_status=$?

    if [ ! -f "$script" ]; then
        echo "---- C++: $exe (exit $cxx_status); no Python original $script ----"
        cat "$cxx_out"
        [ ! -s "$cxx_err" ] || { echo "---- C++ standard error ----"; cat "$cxx_err"; }
        [ "$cxx_status" -eq 0 ] || mismatches+=("$name (C++ exit status $cxx_status)")
        rm -f "$cxx_out" "$cxx_err" "$py_out" "$py_err"
        continue
    fi

    py_status=0
    python3 "$script" >"$py_out" 2>"$py_err" || py_status=$?

    # Standard output side by side; diff marks a differing line with |, a line
    # on one side only with < or >.
    col=$(( (width - 3) / 2 ))
    printf "%-${col}s | %s\n" "C++: $exe (exit $cxx_status)" "Python: python3 $script (exit $py_status)"
    printf '%s-+-%s\n' "$(printf '%*s' "$col" '' | tr ' ' -)" "$(printf '%*s' "$col" '' | tr ' ' -)"
    diff --side-by-side --expand-tabs --width="$width" "$cxx_out" "$py_out" || true
    if [ -s "$cxx_err" ] || [ -s "$py_err" ]; then
        echo "---- standard error: C++ | Python ----"
        diff --side-by-side --expand-tabs --width="$width" "$cxx_err" "$py_err" || true
    fi

    if [ "$cxx_status" -ne "$py_status" ] || ! diff -q --strip-trailing-cr "$cxx_out" "$py_out" >/dev/null; then
        echo ">>> $name: the C++ and Python outputs DIFFER"
        mismatches+=("$name")
    else
        echo ">>> $name: same standard output and exit status"
    fi
    rm -f "$cxx_out" "$cxx_err" "$py_out" "$py_err"
done

echo
echo "==================== CTest: examples ===================="
ctest_status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --preset examples 2>&1 | tee "$log" || ctest_status=$?

read -r passed failed <<<"$(pygen_ctest_counts "$log")"
if [ -n "$passed" ]; then
    echo "examples.sh summary: $passed passed, $failed failed"
fi

if [ ${#mismatches[@]} -ne 0 ]; then
    echo "examples.sh: C++ and Python differ for: ${mismatches[*]}" >&2
    exit 1
fi
exit "$ctest_status"
