#!/bin/sh
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Runs PROGRAM and checks that its standard output equals the file EXPECTED
# (line endings aside). b2 uses it as the launcher of the examples.
#
# usage: sh tools/check-output.sh PROGRAM EXPECTED

set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 PROGRAM EXPECTED" >&2
    exit 2
fi

program=$1
expected=$2

if [ ! -f "$expected" ]; then
    echo "reference output $expected does not exist"
    exit 1
fi

actual=$(mktemp) || exit 2
trap 'rm -f "$actual"' EXIT

"$program" > "$actual"
status=$?
if [ $status -ne 0 ]; then
    cat "$actual"
    echo "$program failed: exit status $status"
    exit 1
fi

if diff -u --strip-trailing-cr "$expected" "$actual"; then
    echo "output matches $expected"
    exit 0
fi
echo "the output of $program differs from $expected"
exit 1
