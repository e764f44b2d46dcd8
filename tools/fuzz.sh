#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Fuzzes pygen with libFuzzer: test/fuzz/fuzz_target.cpp decodes each input into generator
# bodies and the caller's operations on them, runs them with pygen and with an explicit model of
# CPython 3.11's generator protocol, and stops at the first difference. Builds the target with
# clang 14 (-fsanitize=fuzzer,undefined, the normal fcontext backend) in build/fuzz, runs it for
# 60 seconds from a copy of test/fuzz/corpus (the repository is not modified), and prints the
# executions, executions per second, coverage, new inputs and findings (0 required). A finding
# is kept in build/fuzz/findings/ and shown as a Python program with both traces; the script
# then exits non-zero.
#
#   bash tools/fuzz.sh [--seconds N] [--update-corpus] [--corpus DIR] [--include DIR]
#
#   --seconds N       fuzz N seconds instead of 60
#   --update-corpus   afterwards merge the new inputs that reach new code into test/fuzz/corpus
#                     (kept small: only inputs that add coverage edges)
#   --corpus DIR      start from the inputs in DIR instead (an empty directory: from scratch)
#   --include DIR     compile against DIR before include/: a copy of include/ with a planted
#                     bug, to see the fuzzer find it
#
# A finding, later:  build/fuzz/pygen-fuzz FILE            (reruns it: the difference, both traces)
#                    PYGEN_FUZZ_EXPLAIN=1 build/fuzz/pygen-fuzz FILE   (also when it crashes or hangs)

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

seconds=60
update_corpus=0
seed_corpus=test/fuzz/corpus
include_first=
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --update-corpus) update_corpus=1; shift ;;
        --corpus) seed_corpus=$2; shift 2 ;;
        --include) include_first=$2; shift 2 ;;
        *) echo "usage: bash tools/fuzz.sh [--seconds N] [--update-corpus] [--corpus DIR] [--include DIR]" >&2
           exit 2 ;;
    esac
done

pygen_ensure_packages clang libclang-rt-14-dev libboost-context-dev

cxx=clang++-14
command -v "$cxx" >/dev/null 2>&1 || cxx=clang++

fail() {
    echo "fuzz.sh: FAILED: $*" >&2
    echo "fuzz.sh summary: 0 passed, 1 failed"
    exit 1
}

build=build/fuzz
mkdir -p "$build"
binary=$build/pygen-fuzz
flags=(-std=c++11 -O2 -g -Wall -Wextra -pedantic -Werror
       -fsanitize=fuzzer,undefined -fno-sanitize-recover=all)
includes=()
if [ -n "$include_first" ]; then
    includes+=(-I"$include_first")
    echo "fuzz.sh: compiling against $include_first before include/"
fi
includes+=(-Iinclude)

start=$SECONDS
echo "fuzz.sh: building $binary ($cxx ${flags[*]})"
"$cxx" "${flags[@]}" "${includes[@]}" test/fuzz/fuzz_target.cpp -lboost_context -o "$binary" ||
    fail "the fuzz target did not build"
echo "fuzz.sh: built in $((SECONDS - start)) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
if [ -d "$seed_corpus" ]; then
    find "$seed_corpus" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$work/corpus/" \;
fi
seeds=$(find "$work/corpus" -type f | wc -l)

log=$build/fuzz.log
echo "fuzz.sh: fuzzing for $seconds s from $seeds inputs of $seed_corpus (libFuzzer's output: $log)"
status=0
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=512 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" >"$log" 2>&1 || status=$?

# libFuzzer's status lines: "#123 INITED cov: 2360 ft: 8397 corp: 377/23Kb exec/s: 0 rss: 28Mb"
field() {
    local v
    v=$(sed -n "s/.* $1: \([0-9][0-9]*\).*/\1/p" <<<"$2")
    echo "${v:-?}"
}
final_stat() { sed -n "s/^stat::$1: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1; }
inited=$(grep -E '^#[0-9]+[[:space:]]+INITED' "$log" | tail -n 1 || true)
last=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -n 1 || true)
execs=$(final_stat number_of_executed_units)
rate=$(final_stat average_exec_per_sec)
new=$(final_stat new_units_added)
[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' <<<"$last")
echo "fuzz.sh: ${execs:-?} executions, ${rate:-?} executions/s"
echo "fuzz.sh: coverage: $(field cov "$inited") -> $(field cov "$last") edges, $(field ft "$inited") -> $(field ft "$last") features"
echo "fuzz.sh: new inputs found: ${new:-?} (corpus $(field corp "$inited") -> $(field corp "$last") inputs)"

findings=()
while IFS= read -r f; do
    findings+=("$f")
done < <(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
echo "fuzz.sh: findings: ${#findings[@]}"
if [ -z "$inited" ] && [ ${#findings[@]} -gt 0 ]; then
    echo "fuzz.sh: it stopped while loading the corpus: an input of $seed_corpus (a regression test) fails"
fi

if [ ${#findings[@]} -gt 0 ] || [ "$status" -ne 0 ]; then
    mkdir -p "$build/findings"
    for f in "${findings[@]}"; do
        kept=$build/findings/$(basename "$f")
        cp "$f" "$kept"
        echo
        echo "######## finding: $kept ($(wc -c <"$kept") bytes)"
        echo "######## rerun: $binary $kept    (explained: PYGEN_FUZZ_EXPLAIN=1 $binary $kept)"
        # A disagreement ends in abort(): its stack trace says nothing more than the report.
        PYGEN_FUZZ_EXPLAIN=1 UBSAN_OPTIONS=print_stacktrace=1 timeout 60 "$binary" "$kept" 2>&1 |
            grep -vE '^(INFO: |Running: |Executed |MS: |\*\*\*)' |
            awk '/^pygen disagrees/ { d = 1 } d && /ERROR: libFuzzer: deadly signal/ { exit } { print }' |
            head -n 400 || true
    done
    if [ ${#findings[@]} -eq 0 ]; then
        echo "fuzz.sh: libFuzzer exited with status $status and left no input; the end of its output:" >&2
        tail -n 40 "$log" >&2
    fi
    fail "the fuzzer found ${#findings[@]} input(s) on which pygen misbehaves or disagrees with CPython's protocol"
fi
if [ "$update_corpus" -eq 1 ]; then
    before=$(find test/fuzz/corpus -type f | wc -l)
    # Edges only, not hit counts: the corpus is a regression test, kept small.
    "$binary" -merge=1 -use_counters=0 -max_len=512 test/fuzz/corpus "$work/corpus" >"$build/merge.log" 2>&1 ||
        fail "merging into test/fuzz/corpus failed (see $build/merge.log)"
    after=$(find test/fuzz/corpus -type f | wc -l)
    echo "fuzz.sh: test/fuzz/corpus: $before -> $after inputs, $(du -sb test/fuzz/corpus | cut -f1) bytes"
fi

echo "fuzz.sh: done in $((SECONDS - start)) s"
echo "fuzz.sh summary: 1 passed, 0 failed"
