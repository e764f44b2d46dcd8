#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Runs pygen's CMake test suite (the "default" presets, as tools/test.sh does) and the CMake
# consumer checks find_package and add_subdirectory (tools/consumers.sh) against Debian's Boost 1.81
# (libboost1.81-dev) instead of the usual 1.74, then puts 1.74 back. Exits non-zero if anything
# fails or if 1.74 could not be restored.
#
#   bash tools/boost-versions.sh             swap in 1.81, build and test, restore 1.74
#   bash tools/boost-versions.sh --dry-run   only show what apt-get would do (apt-get -s)
#
# It changes the installed packages: apt-get removes the 1.74 -dev packages while 1.81 is in
# (they conflict), so nothing else may build against Boost on this machine meanwhile. The restore
# runs on every exit (trap), after a failure or an interruption too: it reinstalls exactly the
# packages the swap removed, which takes the conflicting 1.81 -dev packages out again, then
# removes any 1.81 -dev package the swap installed that is still there.
#
# tools/test.sh cannot be called here: its pygen_ensure_packages would see libboost-context-dev
# missing and reinstall 1.74 in the middle. The steps below are its "default" workflow, in
# build/boost-1.81, with CMAKE_BUILD_TYPE=Debug: with NDEBUG (RelWithDebInfo) BOOST_ASSERT is void
# and Boost.Context hides the members it differs in between versions (forced_unwind::caught is
# in 1.74's debug builds, not in 1.81's).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

dry_run=0
case ${1:-} in
    --dry-run) dry_run=1 ;;
    "") ;;
    *)
        echo "usage: bash tools/boost-versions.sh [--dry-run]" >&2
        exit 2
        ;;
esac

pygen_ensure_packages g++ cmake ninja-build git libboost-context-dev libboost-test-dev libboost-tools-dev valgrind

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
apt_get() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"
}

new_version=1.81
new_packages=(libboost1.81-dev libboost-context1.81-dev libboost-test1.81-dev)

# The BOOST_LIB_VERSION of the headers in /usr/include, e.g. 1_74.
installed_boost() {
    sed -nE 's/^#define BOOST_LIB_VERSION "([0-9_]+)"$/\1/p' /usr/include/boost/version.hpp 2>/dev/null || true
}

# The installed -dev packages of Boost 1.81, one a line.
installed_new_dev_packages() {
    dpkg-query -W -f '${Package} ${db:Status-Abbrev}\n' 'libboost*1.81-dev' 2>/dev/null |
        awk '$2 == "ii" { print $1 }' || true
}

old=$(installed_boost)
if [ "$old" != 1_74 ]; then
    echo "boost-versions.sh: expected Boost 1_74 in /usr/include, found '${old:-none}'" >&2
    exit 1
fi

policy=$(apt-cache policy "${new_packages[0]}")
if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
    apt_get update
fi

plan=$(apt-get install -s --no-install-recommends "${new_packages[@]}")
mapfile -t removed < <(sed -nE 's/^Remv ([^ ]+) .*/\1/p' <<<"$plan")
mapfile -t installed < <(sed -nE 's/^Inst ([^ ]+) .*/\1/p' <<<"$plan")
echo "swap: apt-get install ${new_packages[*]}"
echo "  installs ${#installed[@]}: ${installed[*]}"
echo "  removes ${#removed[@]}: ${removed[*]}"
echo "restore: apt-get install ${removed[*]}"

if [ "$dry_run" -eq 1 ]; then
    echo "boost-versions.sh: dry run, nothing installed or removed"
    exit 0
fi

if [ ${#removed[@]} -eq 0 ]; then
    echo "boost-versions.sh: apt-get would remove nothing: is 1.81 installed already?" >&2
    exit 1
fi

new_dev_before=$(installed_new_dev_packages)

# Puts 1.74 back; once only (at the end, or from the trap).
restored=0
restore() {
    [ "$restored" -eq 0 ] || return 0
    restored=1
    local status=0
    echo
    echo "==================== restoring Boost 1.74 ===================="
    apt_get install -y --no-install-recommends "${removed[@]}" || status=1
    local leftover=()
    mapfile -t leftover < <(comm -13 <(sort <<<"$new_dev_before") <(installed_new_dev_packages | sort))
    if [ ${#leftover[@]} -ne 0 ]; then
        apt_get remove -y "${leftover[@]}" || status=1
    fi
    local now
    now=$(installed_boost)
    if [ "$now" = 1_74 ]; then
        echo "boost-versions.sh: Boost 1_74 restored"
    else
        echo "boost-versions.sh: RESTORE FAILED: /usr/include has Boost '${now:-none}'; reinstall: apt-get install ${removed[*]}" >&2
        status=1
    fi
    return "$status"
}
on_exit() {
    local status=$?
    if [ "$restored" -eq 0 ]; then
        restore || status=1
        echo "boost-versions.sh summary: 0 passed, 1 failed"
        [ "$status" -ne 0 ] || status=1
    fi
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

echo
echo "==================== installing Boost $new_version ===================="
apt_get install -y --no-install-recommends "${new_packages[@]}"
if [ "$(installed_boost)" != "${new_version/./_}" ]; then
    echo "boost-versions.sh: /usr/include has Boost '$(installed_boost)' after the install, not $new_version" >&2
    exit 1
fi

passed=0
failed=0

echo
echo "==================== CMake test suite against Boost $new_version ===================="
build=build/boost-$new_version
rm -rf "$build"
log=$(mktemp)
suite_status=0
{
    cmake --preset default -B "$build" -DCMAKE_BUILD_TYPE=Debug &&
        grep -q "^#define BOOST_LIB_VERSION \"${new_version/./_}\"" /usr/include/boost/version.hpp &&
        cmake --build "$build" -j 2 &&
        ctest --test-dir "$build" --output-on-failure -j 2 --no-tests=error
} 2>&1 | tee "$log" || suite_status=$?
found=$(grep -oE 'Found Boost: .*' "$log" | head -n 1 || true)
echo "configure: ${found:-no 'Found Boost' line}"
if ! grep -q "Found Boost: .*found suitable version \"$new_version\.[0-9]*\"" "$log"; then
    echo "boost-versions.sh: CMake did not find Boost $new_version" >&2
    suite_status=1
fi
read -r suite_passed suite_failed <<<"$(pygen_ctest_counts "$log")"
rm -f "$log"
if [ -z "${suite_passed:-}" ]; then
    suite_passed=0
    suite_failed=1
fi
if [ "$suite_status" -ne 0 ] && [ "$suite_failed" -eq 0 ]; then
    suite_failed=1
fi
echo "test suite against Boost $new_version: $suite_passed passed, $suite_failed failed"
passed=$((passed + suite_passed))
failed=$((failed + suite_failed))

echo
echo "==================== consumers against Boost $new_version ===================="
# PYGEN_CONSUMERS_KEEP_BOOST: consumers.sh must not reinstall libboost-*-dev (1.74) either.
log=$(mktemp)
consumers_status=0
PYGEN_CONSUMERS_KEEP_BOOST=1 bash tools/consumers.sh find_package add_subdirectory 2>&1 | tee "$log" ||
    consumers_status=$?
summary=$(grep -E '^consumers.sh summary: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
rm -f "$log"
if [[ $summary =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
fi
if [ "$consumers_status" -ne 0 ] && ! [[ $summary =~ [1-9][0-9]*\ failed ]]; then
    failed=$((failed + 1))
fi

if ! restore; then
    failed=$((failed + 1))
fi
echo
echo "boost-versions.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
