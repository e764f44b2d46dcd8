#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Checks that the documentation is true to the code (tools/docs.py does the work):
#   - every `<!-- include FILE [region] -->` block of README.md and docs/*.md equals the code it
#     quotes (the code itself is compiled and run by the test suite and the examples);
#   - every ```python block of docs/porting.md runs under python3 and its asserts hold;
#   - every relative link and #anchor of README.md and docs/*.md resolves;
#   - docs/porting.md covers the CPython semantics items 1-40, each with its Python and C++;
#   - docs/examples.md includes every example/*.cpp and its Python original;
#   - docs/reference.md names every public header and every compile-fail test.
# Each unit checked is one line "ok ..." or "FAIL ..."; the last line counts them.
#
#   bash tools/docs.sh
#   python3 tools/docs.py --update     # after changing quoted code: rewrites the blocks

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages python3

log=$(mktemp)
trap 'rm -f "$log"' EXIT

docs=(README.md docs/*.md)
status=0
run() {
    echo "---- tools/docs.py $* ----"
    python3 tools/docs.py "$@" 2>&1 | tee -a "$log" || status=1
}

run --check "${docs[@]}"
run --python docs/porting.md
run --links "${docs[@]}"
run --items docs/porting.md
run --gallery docs/examples.md
run --reference docs/reference.md

passed=$(grep -c '^ok ' "$log" || true)
failed=$(grep -c '^FAIL ' "$log" || true)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # docs.py failed without reporting a unit (a crash): count it
fi
echo "docs.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
