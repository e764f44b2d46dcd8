#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Deterministic per-item cost of the yield_from benchmark's variants: instructions
# counted by valgrind's callgrind, for one run of each variant at two item counts;
# the difference divided by the difference of items is the cost of one item, without
# the program's start-up and the generators' creation and destruction.
#
#   bash tools/bench-callgrind.sh                     # the default variants
#   bash tools/bench-callgrind.sh plain_for d1_for    # these (bench/yield_from --list)
#
# Builds the "bench" preset (Release, -O2) like tools/bench.sh. Set KEEP=DIR to keep
# the callgrind output files (for callgrind_annotate) in DIR.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev valgrind

build_log=$(mktemp)
out_dir=${KEEP:-$(mktemp -d)}
mkdir -p "$out_dir"
cleanup() {
    rm -f "$build_log"
    if [ -z "${KEEP:-}" ]; then rm -rf "$out_dir"; fi
}
trap cleanup EXIT
if ! cmake --workflow --preset bench >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "bench-callgrind.sh: the build failed" >&2
    exit 1
fi

exe=build/bench/bench/yield_from
small=${PYGEN_BENCH_SMALL:-20000}
large=${PYGEN_BENCH_LARGE:-120000}
if [ $# -gt 0 ]; then
    variants=("$@")
else
    variants=(raw_for plain_for plain_next d1_for d1_next d10_for d10_next mixed1_for mixed10_for
              loop1_for loop10_for range_for)
fi

# instructions VARIANT ITEMS: the total instruction count of one run
instructions() {
    local file="$out_dir/callgrind.$1.$2"
    valgrind --tool=callgrind --callgrind-out-file="$file" "$exe" --variant "$1" --items "$2" \
        >/dev/null 2>&1
    awk '/^totals:/ { print $2 }' "$file"
}

declare -A per_item
printf '%-14s %14s %14s %12s\n' variant "Ir ($small)" "Ir ($large)" "Ir/item"
for v in "${variants[@]}"; do
    a=$(instructions "$v" "$small")
    b=$(instructions "$v" "$large")
    per_item[$v]=$(awk -v a="$a" -v b="$b" -v n="$small" -v m="$large" 'BEGIN { printf "%.1f", (b - a) / (m - n) }')
    printf '%-14s %14s %14s %12s\n' "$v" "$a" "$b" "${per_item[$v]}"
done

echo
printf '%-20s %8s %8s\n' "ratio (Ir/item)" value goal
ratio() {
    local name=$1 num=$2 den=$3 goal=$4
    if [ -n "${per_item[$num]:-}" ] && [ -n "${per_item[$den]:-}" ]; then
        awk -v name="$name" -v a="${per_item[$num]}" -v b="${per_item[$den]}" -v goal="$goal" \
            'BEGIN { printf "%-20s %8.3f %8s\n", name, a / b, goal }'
    fi
}
ratio d10/d1_for d10_for d1_for "<= 1.1"
ratio d10/d1_next d10_next d1_next "<= 1.1"
ratio d1/plain_for d1_for plain_for "<= 1.2"
ratio d1/plain_next d1_next plain_next "<= 1.2"
ratio plain/raw_for plain_for raw_for "-"
ratio mixed1/d1_for mixed1_for d1_for "-"
ratio mixed10/mixed1_for mixed10_for mixed1_for "-"
ratio loop10/loop1_for loop10_for loop1_for "-"
ratio range/plain_for range_for plain_for "-"
