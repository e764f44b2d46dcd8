#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Builds the "valgrind" configure preset (g++, Debug, BOOST_USE_VALGRIND) and runs every test and
# example under valgrind memcheck, each writing its full log; then reads each program's ERROR
# SUMMARY and LEAK SUMMARY. Passes only with 0 errors and 0 bytes definitely or indirectly lost
# in every program, and with the canaries of test/checkers (a leak and a use-after-free inside a
# generator body) reported. Exits non-zero otherwise.
#
#   bash tools/valgrind.sh
#
# Environment (optional): PYGEN_VALGRIND_BUILD_DIR, the build directory (default build/valgrind).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev libboost-test-dev valgrind

build_dir=${PYGEN_VALGRIND_BUILD_DIR:-build/valgrind}
mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd)
log_dir=$build_dir/valgrind-logs
rm -rf "$log_dir"
mkdir -p "$log_dir"

ctest_log=$(mktemp)
trap 'rm -f "$ctest_log"' EXIT

start=$SECONDS
cmake --preset valgrind -B "$build_dir" "-DPYGEN_VALGRIND_LOG_DIR=$log_dir"
configured=$SECONDS
cmake --build "$build_dir" -j2
built=$SECONDS
status=0
ctest --test-dir "$build_dir" -j2 --output-on-failure --no-tests=error 2>&1 | tee "$ctest_log" || status=$?
ran=$SECONDS

# The programs: every test and example (label test or example) that runs a program writes
# <name>.<pid>.log (a compile-fail test writes none and is judged by CTest alone); the canaries
# (label canary) print to the terminal and pass only if valgrind reported their bug.
mapfile -t programs < <(ctest --test-dir "$build_dir" -N -L '^(test|example)$' | sed -n 's/^ *Test *#[0-9]*: //p')
mapfile -t canaries < <(ctest --test-dir "$build_dir" -N -L '^canary$' | sed -n 's/^ *Test *#[0-9]*: //p')
mapfile -t ctest_failed < <(sed -En 's/^[[:space:]]*[0-9]+ - (.*) \([A-Za-z ]+\)$/\1/p' "$ctest_log")

failed_in_ctest() {
    local name
    for name in "${ctest_failed[@]}"; do
        [ "$name" = "$1" ] && return 0
    done
    return 1
}

# "in use at exit: 1,024 bytes" -> 1024
bytes_of() {
    local n
    n=$(sed -n "s/.*== *$1: \([0-9,]*\) bytes.*/\1/p" "$2" | tail -n 1)
    n=${n//,/}
    echo "${n:-0}"
}

passed=0
failed=0
run=0
processes=0
not_run=0
total_errors=0
total_definite=0
total_indirect=0
total_possible=0
problems=()
printf '\n%-28s %8s %14s %14s %14s\n' program errors "definitely" "indirectly" "possibly lost"
for name in "${programs[@]}"; do
    errors=0 definite=0 indirect=0 possible=0 summaries=0
    shopt -s nullglob
    logs=("$log_dir/$name".*.log)
    shopt -u nullglob
    for log in "${logs[@]}"; do
        # Forked children (death tests) run silently and leave no summary: only the program's own.
        if ! grep -q 'ERROR SUMMARY:' "$log"; then
            continue
        fi
        summaries=$((summaries + 1))
        e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tail -n 1)
        errors=$((errors + ${e//,/}))
        definite=$((definite + $(bytes_of 'definitely lost' "$log")))
        indirect=$((indirect + $(bytes_of 'indirectly lost' "$log")))
        possible=$((possible + $(bytes_of 'possibly lost' "$log")))
    done
    processes=$((processes + summaries))
    if [ "${#logs[@]}" -ne 0 ]; then
        run=$((run + 1))
    fi
    total_errors=$((total_errors + errors))
    total_definite=$((total_definite + definite))
    total_indirect=$((total_indirect + indirect))
    total_possible=$((total_possible + possible))
    if [ "${#logs[@]}" -eq 0 ]; then
        printf '%-28s %s\n' "$name" "(runs no program under valgrind)"
    else
        printf '%-28s %8s %14s %14s %14s\n' "$name" "$errors" "$definite B" "$indirect B" "$possible B"
    fi
    problem=
    if [ "${#logs[@]}" -eq 0 ]; then
        # Not a program run under valgrind (a compile-fail test): CTest's verdict only.
        not_run=$((not_run + 1))
        if failed_in_ctest "$name"; then
            problem="$name: failed (see its output above)"
        fi
    elif [ "$summaries" -eq 0 ]; then
        problem="$name: no valgrind ERROR SUMMARY (it did not run to the end under valgrind; see $log_dir)"
    elif [ "$errors" -ne 0 ] || [ "$definite" -ne 0 ] || [ "$indirect" -ne 0 ]; then
        problem="$name: $errors memory errors, $definite bytes definitely and $indirect bytes indirectly lost"
    elif failed_in_ctest "$name"; then
        problem="$name: failed under valgrind (see its output above)"
    fi
    if [ -n "$problem" ]; then
        failed=$((failed + 1))
        problems+=("$problem")
        for log in "${logs[@]}"; do
            if grep -q 'ERROR SUMMARY:' "$log"; then
                echo "---- $log ----"
                cat "$log"
            fi
        done
    else
        passed=$((passed + 1))
    fi
done

caught=0
for name in "${canaries[@]}"; do
    if failed_in_ctest "$name"; then
        failed=$((failed + 1))
        problems+=("$name: valgrind did not report the deliberate bug of test/checkers/${name#canary-}_canary.cpp")
    else
        caught=$((caught + 1))
        passed=$((passed + 1))
    fi
done

echo
echo "valgrind memcheck: $run programs run ($processes processes), $total_errors errors," \
    "$total_definite bytes definitely lost, $total_indirect bytes indirectly lost" \
    "($total_possible bytes possibly lost, not an error)"
if [ "$not_run" -ne 0 ]; then
    echo "tests that run no program under valgrind (compile-fail tests, judged by CTest): $not_run"
fi
echo "canaries reported by valgrind: $caught of ${#canaries[@]}"
echo "time: configure $((configured - start)) s, build $((built - configured)) s, run $((ran - built)) s"
for problem in "${problems[@]}"; do
    echo "FAILED: $problem" >&2
done
echo "valgrind.sh summary: $passed passed, $failed failed"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "${#programs[@]}" -eq 0 ] || [ "${#canaries[@]}" -eq 0 ]; then
    echo "valgrind.sh: FAILED (ctest exit status $status)" >&2
    exit 1
fi
