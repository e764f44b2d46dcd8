#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Checks that every C++ file git knows is formatted as .clang-format says
# (clang-format 14, Debian 12's). With --fix, formats them in place instead.
#
#   bash tools/format.sh [--fix]
#
# A file that is not formatted is listed with the first lines clang-format
# would change; the last line is "format.sh summary: N passed, M failed", one
# per file.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

fix=0
case "${1:-}" in
    --fix) fix=1 ;;
    "") ;;
    *) echo "usage: bash tools/format.sh [--fix]" >&2; exit 2 ;;
esac

pygen_ensure_packages clang-format-14 git

# Debian's clang-format 14 is clang-format-14; /usr/bin/clang-format is an
# alternative that may point elsewhere.
clang_format=clang-format-14
echo "$($clang_format --version)"

# Tracked and new (not ignored) files, so that a file not yet added is checked too.
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' | sort -u)

passed=0
failed=0
unformatted=()
for file in "${files[@]}"; do
    [ -f "$file" ] || continue # deleted but not yet staged
    if [ "$fix" -eq 1 ]; then
        "$clang_format" -i "$file"
    fi
    if diff -u "$file" <("$clang_format" "$file") >/tmp/pygen-format.$$ 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        unformatted+=("$file")
        echo "not formatted: $file (bash tools/format.sh --fix formats it)"
        head -n 20 /tmp/pygen-format.$$ | sed 's/^/    /'
    fi
done
rm -f /tmp/pygen-format.$$

echo "$passed of ${#files[@]} C++ files formatted as .clang-format says"
echo "format.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
