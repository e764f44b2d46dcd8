#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Builds and runs every test and example in two sanitizer build modes (configure presets):
#   asan   g++, Debug, Boost.Context's ucontext backend (BOOST_USE_UCONTEXT, BOOST_USE_ASAN, the
#          test/checkers/ucontext_shim.cpp), AddressSanitizer + LeakSanitizer + UBSan, with
#          LSAN_OPTIONS=fast_unwind_on_malloc=0
#   ubsan  g++, Debug, UBSan on the default fcontext backend
# and counts the sanitizer reports in each program's output. Passes only with 0 reports, and with
# the canaries of test/checkers (a leak, a use-after-free and a signed overflow inside a
# generator body) reported. Also shows, for information, whether LSan reports the leak canary
# without fast_unwind_on_malloc=0. Exits non-zero on any failure.
#
#   bash tools/sanitizers.sh [MODE...]      MODE: asan, ubsan (default: both)
#
# Environment (optional): PYGEN_SANITIZERS_BUILD_ROOT, where the build directories <MODE> go
# (default build).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev libboost-test-dev valgrind

modes=("$@")
[ ${#modes[@]} -ne 0 ] || modes=(asan ubsan)
build_root=${PYGEN_SANITIZERS_BUILD_ROOT:-build}

ctest_log=$(mktemp)
trap 'rm -f "$ctest_log"' EXIT

# Report lines: one per ASan / LSan report (its ERROR line) and per UBSan report.
report_regex='ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:'

passed=0
failed=0
problems=()
summaries=()
ctest_failed=()

# Whether CTest listed test $1 as failed.
is_failed() {
    local n
    for n in "${ctest_failed[@]}"; do
        [ "$n" = "$1" ] && return 0
    done
    return 1
}

for mode in "${modes[@]}"; do
    case $mode in
        asan | ubsan) ;;
        *)
            echo "sanitizers.sh: unknown mode '$mode' (asan or ubsan)" >&2
            exit 2
            ;;
    esac
    build_dir=$build_root/$mode
    echo
    echo "======== sanitizers.sh: $mode ========"
    start=$SECONDS
    cmake --preset "$mode" -B "$build_dir"
    configured=$SECONDS
    cmake --build "$build_dir" -j2
    built=$SECONDS
    status=0
    ctest --test-dir "$build_dir" -j2 --output-on-failure --no-tests=error 2>&1 | tee "$ctest_log" || status=$?
    ran=$SECONDS

    # Each test's full output is in LastTest.log, between "N/M Testing: NAME" and
    # "\"NAME\" end time": count the report lines of each.
    declare -A reports=()
    while read -r name count; do
        reports[$name]=$count
    done < <(awk -v re="$report_regex" '
        /^[0-9]+\/[0-9]+ Testing: / { name = $3; count[name] = 0; next }
        name != "" && $0 ~ re { count[name]++ }
        END { for (n in count) print n, count[n] }
    ' "$build_dir/Testing/Temporary/LastTest.log")

    mapfile -t programs < <(ctest --test-dir "$build_dir" -N -L '^(test|example)$' | sed -n 's/^ *Test *#[0-9]*: //p')
    mapfile -t canaries < <(ctest --test-dir "$build_dir" -N -L '^canary$' | sed -n 's/^ *Test *#[0-9]*: //p')
    mapfile -t ctest_failed < <(sed -En 's/^[[:space:]]*[0-9]+ - (.*) \([A-Za-z ]+\)$/\1/p' "$ctest_log")

    mode_reports=0
    mode_failed=0
    for name in "${programs[@]}"; do
        count=${reports[$name]:-}
        if [ -z "$count" ]; then
            problems+=("$mode: $name did not run")
            mode_failed=$((mode_failed + 1))
        elif [ "$count" -ne 0 ]; then
            problems+=("$mode: $name: $count sanitizer reports (see its output above)")
            mode_reports=$((mode_reports + count))
            mode_failed=$((mode_failed + 1))
        elif is_failed "$name"; then
            problems+=("$mode: $name failed (see its output above)")
            mode_failed=$((mode_failed + 1))
        fi
    done
    caught=0
    for name in "${canaries[@]}"; do
        if is_failed "$name"; then
            problems+=("$mode: the sanitizers did not report the deliberate bug of test/checkers/${name#canary-}_canary.cpp")
            mode_failed=$((mode_failed + 1))
        else
            caught=$((caught + 1))
        fi
    done
    if { [ ${#programs[@]} -eq 0 ] || [ ${#canaries[@]} -eq 0 ] || [ "$status" -ne 0 ]; } && [ "$mode_failed" -eq 0 ]; then
        problems+=("$mode: ctest exit status $status, ${#programs[@]} programs, ${#canaries[@]} canaries")
        mode_failed=$((mode_failed + 1))
    fi
    total=$((${#programs[@]} + ${#canaries[@]}))
    passed=$((passed + total - mode_failed))
    failed=$((failed + mode_failed))

    line="$mode: ${#programs[@]} programs run, $mode_reports sanitizer reports; canaries reported: $caught of ${#canaries[@]}; time: configure $((configured - start)) s, build $((built - configured)) s, run $((ran - built)) s"
    echo
    echo "$line"
    summaries+=("$line")

    if [ "$mode" = asan ]; then
        # For information: the leak canary with LSan's default fast unwinder.
        canary=$build_dir/test/checkers/pygen-canary-leak
        out=$(LSAN_OPTIONS=fast_unwind_on_malloc=1 "$canary" 2>&1) || true
        if grep -q 'ERROR: LeakSanitizer' <<<"$out"; then
            if grep -q leaking_generator_body <<<"$out"; then
                seen="reported, with the body in the stack"
            else
                seen="reported, but without the body in the stack"
            fi
        else
            seen="NOT reported"
        fi
        line="asan: the leak canary with LSAN_OPTIONS=fast_unwind_on_malloc=1 (LSan's default): $seen"
        echo "$line"
        summaries+=("$line")
    fi
done

echo
for line in "${summaries[@]}"; do
    echo "$line"
done
for problem in "${problems[@]}"; do
    echo "FAILED: $problem" >&2
done
echo "sanitizers.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
