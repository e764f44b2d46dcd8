#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Builds and runs the consumer projects of test/consumers/, each getting pygen another way, and
# checks that none of them builds pygen's own tests:
#   find_package       `cmake --install` into a prefix, then find_package(pygen CONFIG), with the
#                      version file refusing incompatible requests
#   add_subdirectory   add_subdirectory(<pygen>)
#   fetchcontent-*     FetchContent from the source tree (SOURCE_DIR), from a source archive (URL)
#                      and from a git repository (a commit of the current tree, uncommitted
#                      changes included, made in a scratch repository)
#   boost-deps         the Boost:: names pygen gives the Boost superproject against the Boost
#                      headers include/ includes
#   boost-cmake        a minimal Boost tree of our own (test/consumers/boost_tree) with pygen as
#                      libs/pygen: BOOST_INCLUDE_LIBRARIES=pygen, some of pygen's tests through CTest
#   boost-b2           the same tree: `b2 libs/pygen/test//<test>` from its root
#   b2                 use-project /pygen and <library>/pygen//pygen
# Every consumer program is test/consumers/consumer.cpp and must print "0 1 2".
#
#   bash tools/consumers.sh [CHECK...]     (default: all of them, in the order above)
#
# Environment (optional):
#   PYGEN_CONSUMERS_BOOST_TESTS  the tests the Boost tree builds and runs, with CMake and with b2:
#                                names from test/CMakeLists.txt or "all" (default: next send
#                                yield_from_values version, and the example gen)
#   PYGEN_CONSUMERS_KEEP_BOOST=1 do not install Boost's packages (tools/boost-versions.sh)

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

# tools/boost-versions.sh runs this with another Boost installed: then Boost's packages are its business.
if [ "${PYGEN_CONSUMERS_KEEP_BOOST:-0}" = 1 ]; then
    pygen_ensure_packages g++ cmake ninja-build git
else
    pygen_ensure_packages g++ cmake ninja-build git libboost-context-dev libboost-test-dev libboost-tools-dev
fi

src=$(pwd)
work=$src/build/consumers
rm -rf "$work"
mkdir -p "$work"
jobs=2
boost_tests=${PYGEN_CONSUMERS_BOOST_TESTS:-next send yield_from_values version}
expected_output="0 1 2"
version=$(sed -nE 's/^project\(pygen VERSION ([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' CMakeLists.txt)
if [ -z "$version" ]; then
    echo "consumers.sh: no 'project(pygen VERSION x.y.z' line in CMakeLists.txt" >&2
    exit 1
fi

passed=0
failed=0
failures=()
start_all=$SECONDS

# run_check NAME FUNCTION: runs FUNCTION with its output in $work/NAME.log. FUNCTION writes lines
# on file descriptor 3: the last one is its result (what it checked, or what failed).
run_check() {
    local name=$1 function=$2 start=$SECONDS status=0 result
    local log=$work/$name.log
    # In the background, not in a `|| status=$?` list: that would turn off set -e in FUNCTION.
    "$function" 3>"$work/$name.result" >"$log" 2>&1 &
    wait $! || status=$?
    result=$(tail -n 1 "$work/$name.result")
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
        echo "$name: ok ($((SECONDS - start)) s): $result"
    else
        failed=$((failed + 1))
        failures+=("$name")
        echo "$name: FAILED ($((SECONDS - start)) s): $result"
        echo "---- last lines of $log ----"
        tail -n 40 "$log"
        echo "----"
    fi
}

# The files of the tree: tracked and untracked ones (not ignored) that exist, or without git
# everything but build output.
list_sources() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
            [ -f "$f" ] && printf '%s\0' "$f"
        done
    else
        find . \( -path ./build -o -path ./.git -o -name bin.v2 -o -path ./bin \) -prune -o -type f -print0 |
            sed -z 's|^\./||'
    fi
}

# copy_tree DIR: the current tree, as list_sources gives it, into DIR.
copy_tree() {
    mkdir -p "$1"
    list_sources | tar --null -T - -cf - | tar -C "$1" -xf -
}

# run_program EXE: runs it, and fails unless it printed $expected_output.
run_program() {
    local output
    output=$("$1")
    echo "$1 printed: $output"
    if [ "$output" != "$expected_output" ]; then
        echo "expected: $expected_output"
        return 1
    fi
}

# cmake_consumer NAME SOURCE_DIR CMAKE_ARGS...: configures, builds and runs a consumer project.
cmake_consumer() {
    local name=$1 dir=$2
    shift 2
    cmake -S "$dir" -B "$work/$name" -G Ninja "$@" | tee "$work/$name.configure"
    cmake --build "$work/$name" -j "$jobs"
    run_program "$work/$name/consumer"
    local tests
    tests=$(cd "$work/$name" && ctest -N | sed -nE 's/^Total Tests: ([0-9]+)$/\1/p')
    echo "tests registered in the consumer build: $tests"
    [ "$tests" = 0 ]
}

# The line pygen_assert_no_tests (test/consumers/no_pygen_tests.cmake) printed.
no_tests_line() {
    sed -nE 's/^-- pygen consumer check: (pygen defined only .*)$/\1/p' "$work/$1.configure"
}

check_find_package() {
    local build=$work/install-build prefix=$work/prefix
    echo "failed to configure, build or install pygen" >&3
    cmake -S "$src" -B "$build" -G Ninja -DBUILD_TESTING=OFF "-DCMAKE_INSTALL_PREFIX=$prefix"
    cmake --build "$build" -j "$jobs"
    cmake --install "$build"

    local test_targets
    test_targets=$(ninja -C "$build" -t targets all | grep -cE '^pygen-(test|example|fuzz|compile-fail)' || true)
    local manifest=$build/install_manifest.txt files headers source_headers others
    files=$(wc -l <"$manifest")
    headers=$(grep -c "^$prefix/include/.*\.hpp$" "$manifest" || true)
    source_headers=$(find include -name '*.hpp' | wc -l)
    others=$(grep -vE "^$prefix/(include/pygen(\.hpp|/.*\.hpp)|share/cmake/pygen/pygen-[a-z-]+\.cmake|share/doc/pygen/LICENSE)$" "$manifest" || true)
    echo "pygen build: $test_targets test/example targets; installed $files files, $headers headers ($source_headers in include/)"
    if [ "$test_targets" -ne 0 ] || [ "$headers" -ne "$source_headers" ] || [ -n "$others" ]; then
        echo "unexpected installed files: $others"
        echo "pygen build or install wrong: $test_targets test targets, $headers of $source_headers headers, others: $others" >&3
        return 1
    fi

    echo "the consumer failed (configure, build or run)" >&3
    cmake_consumer find_package test/consumers/find_package "-DCMAKE_PREFIX_PATH=$prefix" \
        "-DPYGEN_EXPECTED_VERSION=$version"
    local refused found
    refused=$(sed -nE 's/^-- pygen consumer check: find_package\(pygen ([0-9.]+)\) refused.*/\1/p' \
        "$work/find_package.configure" | paste -sd, | sed 's/,/, /g')
    found=$(sed -nE 's/^-- pygen consumer check: (find_package\(pygen [0-9.]+\) found [0-9.]+) .*/\1/p' \
        "$work/find_package.configure")
    echo "installed $files files ($headers headers, pygen-config*.cmake, pygen-targets*.cmake, LICENSE; no test or example target in the build, nothing else installed); version file refused $refused; $found; built, ran, printed $expected_output" >&3
}

check_add_subdirectory() {
    echo "the consumer failed (configure, build or run)" >&3
    cmake_consumer add_subdirectory test/consumers/add_subdirectory "-DPYGEN_SOURCE_DIR=$src"
    echo "$(no_tests_line add_subdirectory); consumer's CTest: 0 tests; built, ran, printed $expected_output" >&3
}

check_fetchcontent_source_dir() {
    echo "the consumer failed (configure, build or run)" >&3
    cmake_consumer fetchcontent-source-dir test/consumers/fetchcontent
    echo "SOURCE_DIR $src: $(no_tests_line fetchcontent-source-dir); consumer's CTest: 0 tests; built, ran, printed $expected_output" >&3
}

check_fetchcontent_url() {
    echo "could not make the source archive" >&3
    local archive=$work/pygen-$version.tar.gz
    list_sources | tar --null -T - --transform "s|^|pygen-$version/|" -czf "$archive"
    echo "the consumer failed (configure, build or run)" >&3
    cmake_consumer fetchcontent-url test/consumers/fetchcontent "-DPYGEN_URL=file://$archive"
    echo "URL file://$archive ($(tar -tzf "$archive" | grep -vc '/$') files): $(no_tests_line fetchcontent-url); consumer's CTest: 0 tests; built, ran, printed $expected_output" >&3
}

check_fetchcontent_git() {
    echo "could not make the scratch git repository" >&3
    local repo=$work/pygen-git
    copy_tree "$repo"
    git -C "$repo" init -q
    git -C "$repo" add -A
    git -C "$repo" -c user.name=consumers.sh -c user.email=consumers.sh@localhost \
        commit -q -m "the tree tools/consumers.sh checks"
    local commit
    commit=$(git -C "$repo" rev-parse HEAD)
    echo "the consumer failed (configure, build or run)" >&3
    cmake_consumer fetchcontent-git test/consumers/fetchcontent "-DPYGEN_GIT_REPOSITORY=file://$repo" \
        "-DPYGEN_GIT_TAG=$commit"
    local fetched=$work/fetchcontent-git/_deps/pygen-src
    echo "FetchContent's checkout $fetched differs from the working tree" >&3
    diff <(list_sources | tr '\0' '\n' | sort) <(git -C "$fetched" ls-files | sort)
    echo "GIT_REPOSITORY file://$repo GIT_TAG ${commit:0:12} (a commit of the working tree; the checkout has the same $(git -C "$fetched" ls-files | wc -l) files): $(no_tests_line fetchcontent-git); consumer's CTest: 0 tests; built, ran, printed $expected_output" >&3
}

# The Boost libraries whose headers include/ includes, one a line.
included_boost_libraries() {
    grep -rhoE '#[[:space:]]*include[[:space:]]*<boost/[A-Za-z0-9_]+[./]' include |
        sed -E 's|.*<boost/([A-Za-z0-9_]+)[./]|\1|' | sort -u
}

# The Boost:: names the superproject branch of CMakeLists.txt links, one a line.
superproject_boost_libraries() {
    sed -n '/^if(BOOST_SUPERPROJECT_VERSION)/,/^endif()/p' CMakeLists.txt | sed 's/#.*//' |
        grep -oE 'Boost::[A-Za-z0-9_]+' | sed 's/^Boost:://' | grep -vxE 'pygen|headers' | sort -u
}

check_boost_deps() {
    local included linked
    included=$(included_boost_libraries | paste -sd, -)
    linked=$(superproject_boost_libraries | paste -sd, -)
    echo "include/ includes boost/{$included}; the superproject branch links Boost::{$linked}"
    if [ "$included" != "$linked" ]; then
        echo "include/ includes boost/{$included}, but the superproject branch of CMakeLists.txt links Boost::{$linked}" >&3
        return 1
    fi
    echo "include/ includes boost/{$included}; the superproject branch of CMakeLists.txt links the same Boost::{$linked}" >&3
}

# The minimal Boost tree in $work/boost: test/consumers/boost_tree, a header-only stand-in for
# every Boost library pygen includes (but context and test, which have their own), libs/pygen.
make_boost_tree() {
    local tree=$work/boost template=test/consumers/boost_tree lib
    [ ! -d "$tree" ] || return 0
    mkdir -p "$tree"
    cp -r "$template/." "$tree/"
    rm -r "$tree/libs/header_only"
    for lib in headers $(included_boost_libraries); do
        if [ ! -d "$tree/libs/$lib" ]; then
            mkdir -p "$tree/libs/$lib"
            cp "$template/libs/header_only/CMakeLists.txt" "$tree/libs/$lib/"
        fi
    done
    copy_tree "$tree/libs/pygen"
}

check_boost_cmake() {
    echo "could not make the Boost tree" >&3
    make_boost_tree
    local tree=$work/boost build=$work/boost-cmake
    echo "configuring the Boost tree failed" >&3
    cmake -S "$tree" -B "$build" -G Ninja -DBOOST_INCLUDE_LIBRARIES=pygen -DBUILD_TESTING=ON | tee "$work/boost-cmake.configure"
    local order install
    order=$(sed -nE 's/^-- boost tree: added libs\/ in this order: (.*)$/\1/p' "$work/boost-cmake.configure" | tr ';' ' ')
    install=$(grep -c '^-- boost tree: libs/pygen would be installed' "$work/boost-cmake.configure" || true)
    local words=($order) i pygen_at=-1 test_at=-1
    for i in "${!words[@]}"; do
        case ${words[$i]} in
            pygen) pygen_at=$i ;;
            test) test_at=$i ;;
        esac
    done
    if [ "$pygen_at" -lt 0 ] || [ "$test_at" -lt "$pygen_at" ]; then
        echo "libs/ added in the order $order: pygen must come before test, as in a Boost tree" >&3
        return 1
    fi
    [ "$install" -eq 1 ] || { echo "the install condition of libs/pygen was not checked" >&3; return 1; }

    echo "building 'all' built pygen's tests" >&3
    cmake --build "$build" -j "$jobs"
    if find "$build" -name 'pygen-test-*' -type f -perm -u+x | grep -q .; then
        return 1
    fi

    local targets=() regex
    if [ "$boost_tests" = all ]; then
        targets=(tests)
        regex=.
    else
        local t
        for t in $boost_tests; do
            targets+=("pygen-test-$t")
        done
        targets+=(pygen-example-gen)
        regex="^($(echo "$boost_tests example-gen" | tr ' ' '|'))\$"
    fi
    echo "building pygen's tests in the Boost tree failed" >&3
    cmake --build "$build" -j "$jobs" --target "${targets[@]}"
    local commands
    commands=$(ninja -C "$build" -t commands "${targets[0]}")
    if ! grep -q -- -DBOOST_TREE_STANDIN_TEST <<<"$commands" || ! grep -q -- -DBOOST_TREE_STANDIN_CONTEXT <<<"$commands"; then
        echo "${targets[0]} did not get Boost::context and Boost::unit_test_framework from the Boost tree (libs/context, libs/test)" >&3
        return 1
    fi
    local log=$work/boost-cmake.ctest status=0 counts
    (cd "$build" && ctest -j "$jobs" --output-on-failure -R "$regex") | tee "$log" || status=$?
    counts=$(pygen_ctest_counts "$log")
    read -r tests_passed tests_failed <<<"${counts:-0 0}"
    echo "BOOST_INCLUDE_LIBRARIES=pygen: libs/ added in the order $order; install condition met (boost_pygen, Boost::pygen, include dir libs/pygen/include); 'all' built no test; Boost::context and Boost::unit_test_framework came from libs/context and libs/test; CTest ($([ "$boost_tests" = all ] && echo all tests || echo "$boost_tests example-gen")): $tests_passed passed, $tests_failed failed" >&3
    [ "$status" -eq 0 ] && [ "$tests_failed" -eq 0 ] && [ "$tests_passed" -gt 0 ]
}

check_boost_b2() {
    echo "could not make the Boost tree" >&3
    make_boost_tree
    local tree=$work/boost targets=() t
    if [ "$boost_tests" = all ]; then
        targets=(libs/pygen/test)
    else
        for t in $boost_tests example-gen; do
            targets+=("libs/pygen/test//$t")
        done
    fi
    local log=$work/boost-b2.b2 status=0
    (cd "$tree" && b2 -j"$jobs" -d+2 toolset=gcc "--build-dir=$work/boost-b2" "${targets[@]}") | tee "$log" || status=$?
    local tests_passed tests_failed
    tests_passed=$(grep -c '^\*\*passed\*\*' "$log" || true)
    # b2's closing count: with -d+2 it prints no "...failed <action>" line per failed test
    tests_failed=$(sed -nE 's/^\.\.\.failed updating ([0-9]+) targets?\.\.\.$/\1/p' "$log" | tail -n 1)
    tests_failed=${tests_failed:-0}
    local from_tree=yes
    grep -q -- -DBOOST_TREE_STANDIN_CONTEXT "$log" && grep -q -- -DBOOST_TREE_STANDIN_TEST "$log" || from_tree=no
    echo "b2 ${targets[*]} from the Boost root: $tests_passed passed, $tests_failed failed; /boost/context//boost_context and /boost/test//boost_unit_test_framework came from the tree: $from_tree" >&3
    [ "$status" -eq 0 ] && [ "$tests_failed" -eq 0 ] && [ "$tests_passed" -gt 0 ] && [ "$from_tree" = yes ]
}

check_b2() {
    echo "the b2 consumer failed (build or run)" >&3
    (cd test/consumers/b2 && b2 -j"$jobs" toolset=gcc "--build-dir=$work/b2" "-spygen=$src")
    local exe
    exe=$(find "$work/b2" -name x -type f -perm -u+x | head -n 1)
    run_program "$exe"
    echo "use-project /pygen : $src; exe x : ../consumer.cpp : <library>/pygen//pygen; built, ran, printed $expected_output" >&3
}

all_checks=(find_package add_subdirectory fetchcontent-source-dir fetchcontent-url fetchcontent-git
    boost-deps boost-cmake boost-b2 b2)
checks=("$@")
[ ${#checks[@]} -ne 0 ] || checks=("${all_checks[@]}")
for name in "${checks[@]}"; do
    if [[ " ${all_checks[*]} " != *" $name "* ]]; then
        echo "consumers.sh: no check '$name' (checks: ${all_checks[*]})" >&2
        exit 2
    fi
done

echo "consumers.sh: pygen $version from $src; scratch directory $work"
for name in "${checks[@]}"; do
    run_check "$name" "check_${name//-/_}"
done

echo
echo "consumers.sh: $((SECONDS - start_all)) s"
if [ ${#failures[@]} -ne 0 ]; then
    echo "consumers.sh: FAILED: ${failures[*]}" >&2
fi
echo "consumers.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
