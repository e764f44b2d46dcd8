#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Builds and runs every test and example with each compiler and C++ standard
# (-Wall -Wextra -pedantic -Werror; the compile-fail tests at the first and last
# standard only), then prints a compiler x standard table.
# Exits non-zero if any cell fails.
#
#   bash tools/std-matrix.sh
#
# Environment (optional):
#   PYGEN_MATRIX_COMPILERS   default "g++ clang++"
#   PYGEN_MATRIX_STANDARDS   default "11 14 17 20 23" (CMAKE_CXX_STANDARD values)
#   PYGEN_MATRIX_BUILD_TYPE  default Debug, built with -O0 and no -g: assertions
#                            on and quick to compile (tools/test.sh covers -O2)
#   PYGEN_MATRIX_DIR         default build/matrix

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

read -r -a compilers <<<"${PYGEN_MATRIX_COMPILERS:-g++ clang++}"
read -r -a standards <<<"${PYGEN_MATRIX_STANDARDS:-11 14 17 20 23}"
build_type=${PYGEN_MATRIX_BUILD_TYPE:-Debug}
matrix_dir=${PYGEN_MATRIX_DIR:-build/matrix}

packages=(cmake ninja-build libboost-context-dev libboost-test-dev valgrind)
for cxx in "${compilers[@]}"; do
    case $cxx in
        clang++*) packages+=(clang) ;;
        g++*) packages+=(g++) ;;
    esac
done
pygen_ensure_packages "${packages[@]}"

# The -std= name: CMake 3.25 passes CMAKE_CXX_STANDARD=23 as -std=c++23 to
# g++ 12 and as -std=c++2b to clang++ 14; both accept it.
std_label() {
    case $1 in
        23) echo "c++2b" ;;
        *) echo "c++$1" ;;
    esac
}

declare -A cell
total_passed=0
total_failed=0
any_failed=0
start_all=$SECONDS

for cxx in "${compilers[@]}"; do
    for std in "${standards[@]}"; do
        label=$(std_label "$std")
        dir="$matrix_dir/$cxx-$label"
        log="$dir.log"
        mkdir -p "$matrix_dir"
        start=$SECONDS
        echo "==== $cxx -std=$label ($build_type) -> $dir"

        result=""
        if ! cmake -S . -B "$dir" -G Ninja \
                "-DCMAKE_CXX_COMPILER=$cxx" \
                "-DCMAKE_CXX_STANDARD=$std" \
                -DCMAKE_CXX_STANDARD_REQUIRED=ON \
                -DCMAKE_CXX_EXTENSIONS=OFF \
                "-DCMAKE_BUILD_TYPE=$build_type" \
                "-DCMAKE_CXX_FLAGS_DEBUG=-O0" \
                -DBUILD_TESTING=ON \
                -DPYGEN_BUILD_TESTS=ON \
                -DPYGEN_WERROR=ON >"$log" 2>&1; then
            result="FAIL (configure)"
        elif ! cmake --build "$dir" -j 2 >>"$log" 2>&1; then
            result="FAIL (build)"
        fi

        passed=0
        failed=0
        if [ -z "$result" ]; then
            ctest_status=0
            # The compile-fail tests compile one program after another (about a minute): at the
            # first and last standard only, where a static_assert's condition is most likely to change.
            ctest_filter=()
            if [ "$std" != "${standards[0]}" ] && [ "$std" != "${standards[${#standards[@]} - 1]}" ]; then
                ctest_filter=(-LE compile-fail)
            fi
            ctest --test-dir "$dir" -j 2 --output-on-failure --no-tests=error "${ctest_filter[@]}" >>"$log" 2>&1 ||
                ctest_status=$?
            read -r passed failed <<<"$(pygen_ctest_counts "$log")"
            passed=${passed:-0}
            failed=${failed:-0}
            if [ "$ctest_status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then
                result="PASS $passed/$((passed + failed))"
            else
                result="FAIL $passed/$((passed + failed))"
            fi
        fi

        total_passed=$((total_passed + passed))
        total_failed=$((total_failed + failed))
        cell["$cxx,$std"]=$result
        echo "     $result in $((SECONDS - start)) s (log: $log)"
        if [[ $result == FAIL* ]]; then
            any_failed=1
            # the end of the log tells why: compiler errors or failing tests
            grep -E 'error|Failed|\*\*\*' "$log" | head -n 40 || true
        fi
    done
done

# The table: one row per compiler, one column per standard.
echo
printf '%-10s' "compiler"
for std in "${standards[@]}"; do
    printf ' | %-17s' "$(std_label "$std")"
done
echo
printf '%-10s' "----------"
for std in "${standards[@]}"; do
    printf ' | %-17s' "-----------------"
done
echo
for cxx in "${compilers[@]}"; do
    printf '%-10s' "$cxx"
    for std in "${standards[@]}"; do
        printf ' | %-17s' "${cell["$cxx,$std"]}"
    done
    echo
done
echo
echo "std-matrix.sh: $build_type, -Wall -Wextra -pedantic -Werror, $((SECONDS - start_all)) s in all"
echo "std-matrix.sh summary: $total_passed passed, $total_failed failed"

if [ "$any_failed" -ne 0 ]; then
    echo "std-matrix.sh: FAILED" >&2
    exit 1
fi
