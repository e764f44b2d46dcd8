#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Deterministic cost per operation of the benchmarks' variants: instructions counted by
# valgrind's callgrind, for one run of each variant at two operation counts; the difference
# divided by the difference of counts is the cost of one operation (an item, a generator),
# without the program's start-up and, for the per-item variants, the generators' creation
# and destruction. Unlike the timings of tools/bench.sh, these do not depend on the load of
# the machine, so small differences (pygen's range-for against a raw pull_type's) show.
#
#   bash tools/bench-callgrind.sh                            # yield_from's default variants
#   bash tools/bench-callgrind.sh plain_for d1_for           # these (bench/yield_from --list)
#   bash tools/bench-callgrind.sh --program protocol         # protocol's default variants
#   bash tools/bench-callgrind.sh --program protocol raw_pull_for for   # (bench/protocol --list)
#
# Builds the "bench" preset (Release, -O3) like tools/bench.sh. Set KEEP=DIR to keep
# the callgrind output files (for callgrind_annotate) in DIR; PYGEN_BENCH_SMALL and
# PYGEN_BENCH_LARGE set the two counts (default 20000 and 120000; a tenth of them for
# protocol's creation variants and throw_catch, which cost far more per operation).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

program=yield_from
variants=()
while [ $# -gt 0 ]; do
    case $1 in
        --program)
            [ $# -ge 2 ] || { echo "bench-callgrind.sh: --program needs yield_from or protocol" >&2; exit 1; }
            program=$2
            shift
            ;;
        --program=*) program=${1#--program=} ;;
        -h | --help)
            sed -n '/^#   bash tools\/bench-callgrind.sh/p' "${BASH_SOURCE[0]}" | sed 's/^#   //'
            exit 0
            ;;
        *) variants+=("$1") ;;
    esac
    shift
done
case $program in
    yield_from | protocol) ;;
    *)
        echo "bench-callgrind.sh: --program is yield_from or protocol, not '$program'" >&2
        exit 1
        ;;
esac

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

exe=build/bench/bench/$program
small=${PYGEN_BENCH_SMALL:-20000}
large=${PYGEN_BENCH_LARGE:-120000}
if [ ${#variants[@]} -eq 0 ]; then
    if [ "$program" = protocol ]; then
        variants=(raw_pull_for for next raw_send send raw_fiber create3 create_next_destroy create_destroy
                  throw_catch)
    else
        variants=(raw_for plain_for plain_next d1_for d1_next d10_for d10_next mixed1_for mixed10_for
                  loop1_for loop10_for range_for)
    fi
fi

# counts VARIANT: the two operation counts for it (protocol's dear variants: a tenth).
counts() {
    case $program:$1 in
        protocol:create3 | protocol:create_next_destroy | protocol:create_destroy | protocol:throw_catch)
            echo "$((small / 10)) $((large / 10))"
            ;;
        *) echo "$small $large" ;;
    esac
}

# instructions VARIANT COUNT: the total instruction count of one run
instructions() {
    local file="$out_dir/callgrind.$program.$1.$2"
    valgrind --tool=callgrind --callgrind-out-file="$file" "$exe" --variant "$1" --items "$2" \
        >/dev/null 2>&1
    awk '/^totals:/ { print $2 }' "$file"
}

declare -A per_op
printf '%-20s %10s %14s %10s %14s %10s\n' variant count Ir count Ir Ir/op
for v in "${variants[@]}"; do
    read -r n m <<<"$(counts "$v")"
    a=$(instructions "$v" "$n")
    b=$(instructions "$v" "$m")
    per_op[$v]=$(awk -v a="$a" -v b="$b" -v n="$n" -v m="$m" 'BEGIN { printf "%.1f", (b - a) / (m - n) }')
    printf '%-20s %10s %14s %10s %14s %10s\n' "$v" "$n" "$a" "$m" "$b" "${per_op[$v]}"
done

echo
printf '%-34s %8s %8s\n' "ratio (Ir/op)" value target
ratio() {
    local name=$1 num=$2 den=$3 target=$4
    if [ -n "${per_op[$num]:-}" ] && [ -n "${per_op[$den]:-}" ]; then
        awk -v name="$name" -v a="${per_op[$num]}" -v b="${per_op[$den]}" -v target="$target" \
            'BEGIN { printf "%-34s %8.3f %8s\n", name, a / b, target }'
    fi
}
if [ "$program" = protocol ]; then
    # Instructions are not time: a throw's are cheap ones, a context switch's dear ones.
    ratio for/raw_pull_for for raw_pull_for "<= 1.1"
    ratio next/raw_pull_for next raw_pull_for "-"
    ratio send/raw_send send raw_send "-"
    ratio raw_pull_for/raw_fiber raw_pull_for raw_fiber "-"
    ratio create_next_destroy/throw_catch create_next_destroy throw_catch "(<= 1.5 in time)"
else
    ratio d10/d1_for d10_for d1_for "<= 1.1"
    ratio d10/d1_next d10_next d1_next "<= 1.1"
    ratio d1/plain_for d1_for plain_for "<= 1.2"
    ratio d1/plain_next d1_next plain_next "<= 1.2"
    ratio plain/raw_for plain_for raw_for "-"
    ratio mixed1/d1_for mixed1_for d1_for "-"
    ratio mixed10/mixed1_for mixed10_for mixed1_for "-"
    ratio loop10/loop1_for loop10_for loop1_for "-"
    ratio range/plain_for range_for plain_for "-"
fi
