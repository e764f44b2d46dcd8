#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Checks that the Python original quoted in each example/<name>.cpp is
# example/<name>.py (see below), builds the examples (the "default" configure
# preset, "examples" build preset), runs each one and shows its output beside
# the output of its Python original, then runs the examples' CTest tests (which
# compare the output with example/<name>.expected). Exits non-zero if a quote
# differs, or an example fails its test or prints something else than its
# Python original. With --quotes, only checks the quotes, of the examples in
# DIR (default example/), and builds nothing.
#
#   bash tools/examples.sh
#   bash tools/examples.sh --quotes [DIR]
#
# The quote rule: the leading comment of <name>.cpp (its run of // lines after
# the first empty line of the file, which ends the license block) ends with
# the Python original, introduced by a line ending in "example/<name>.py:".
# Every line after that one is "//" (an empty line) or "//     " (four spaces
# of indentation) followed by a line of the Python code. With that prefix
# removed and the empty lines at both ends dropped, the quote must equal
# <name>.py byte for byte, minus a license header at its top (# lines from
# one starting "# Copyright" to the first empty line, which goes too), and
# <name>.py must end with one newline.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

quotes_only=0
example_dir=example
case "${1:-}" in
    --quotes) quotes_only=1; example_dir=${2:-example} ;;
    "") ;;
    *) echo "usage: bash tools/examples.sh [--quotes [DIR]]" >&2; exit 2 ;;
esac

# Prints one line per example, "quote ok: NAME" or "quote DIFFERS: NAME: why"
# (and a diff, quote -> .py); the status is the number of quotes that differ.
check_quotes() {
    python3 - "$1" <<'EOF'
import difflib, pathlib, sys

def quote_of(cpp, name):
    lines = cpp.read_text().split("\n")
    start = lines.index("") + 1 if "" in lines else len(lines)
    end = start
    while end < len(lines) and lines[end].startswith("//"):
        end += 1
    comment = lines[start:end]
    marker = "example/%s.py:" % name
    begin = next((i for i, line in enumerate(comment) if line.endswith(marker)), None)
    if begin is None:
        raise ValueError("no line of its leading comment ends with %r" % marker)
    quote = []
    for line in comment[begin + 1:]:
        if line == "//":
            quote.append("")
        elif line.startswith("//     "):
            quote.append(line[len("//     "):])
        else:
            raise ValueError("not a quoted line (// and 4 spaces): %r" % line)
    while quote and not quote[0]:
        quote.pop(0)
    while quote and not quote[-1]:
        quote.pop()
    return "\n".join(quote) + "\n"

def python_of(py):
    text = py.read_text()
    if text.startswith("# Copyright"):
        header, sep, rest = text.partition("\n\n")
        if all(line.startswith("#") for line in header.split("\n")):
            text = rest
    return text

failed = 0
for cpp in sorted(pathlib.Path(sys.argv[1]).glob("*.cpp")):
    name = cpp.stem
    py = cpp.with_suffix(".py")
    try:
        if not py.is_file():
            raise ValueError("no Python original %s" % py)
        quote, python = quote_of(cpp, name), python_of(py)
        if quote != python:
            diff = difflib.unified_diff(quote.splitlines(True), python.splitlines(True),
                                        "quote in %s" % cpp, str(py))
            raise ValueError("the quote is not %s:\n%s" % (py, "".join(diff).rstrip("\n")))
        print("quote ok: %s" % name)
    except ValueError as e:
        print("quote DIFFERS: %s: %s" % (name, e))
        failed += 1
sys.exit(min(failed, 100))
EOF
}

pygen_ensure_packages python3

if [ "$quotes_only" -eq 1 ]; then
    quotes_status=0
    quotes_log=$(mktemp)
    check_quotes "$example_dir" | tee "$quotes_log" || quotes_status=$?
    echo "examples.sh summary: $(grep -c '^quote ok: ' "$quotes_log" || true) passed, $(grep -c '^quote DIFFERS: ' "$quotes_log" || true) failed"
    rm -f "$quotes_log"
    exit "$quotes_status"
fi

pygen_ensure_packages g++ cmake ninja-build libboost-context-dev libboost-test-dev

echo "==================== Python originals quoted in the examples ===================="
quotes_log=$(mktemp)
check_quotes example | tee "$quotes_log" || true
mapfile -t quote_mismatches < <(sed -n 's/^quote DIFFERS: \([^:]*\):.*/\1 (quote)/p' "$quotes_log")
quotes_passed=$(grep -c '^quote ok: ' "$quotes_log" || true)
rm -f "$quotes_log"

cmake --preset default
cmake --build --preset examples

bin_dir=build/default/test
width=$(( ${COLUMNS:-160} < 100 ? 100 : ${COLUMNS:-160} ))
mismatches=()
compared=0

shopt -s nullglob
for source in example/*.cpp; do
    name=$(basename "$source" .cpp)
    compared=$((compared + 1))
    exe="$bin_dir/pygen-example-$name"
    script="example/$name.py"

    echo
    echo "==================== example $name ===================="
    if [ ! -x "$exe" ]; then
        echo "(not built: add '$name' to PYGEN_EXAMPLES in test/CMakeLists.txt)"
        mismatches+=("$name (not built)")
        continue
    fi

    cxx_out=$(mktemp)
    cxx_err=$(mktemp)
    py_out=$(mktemp)
    py_err=$(mktemp)
    cxx_status=0
    "$exe" >"$cxx_out" 2>"$cxx_err" || cxx_status=$?

    if [ ! -f "$script" ]; then
        echo "---- C++: $exe (exit $cxx_status); no Python original $script ----"
        cat "$cxx_out"
        [ ! -s "$cxx_err" ] || { echo "---- C++ standard error ----"; cat "$cxx_err"; }
        [ "$cxx_status" -eq 0 ] || mismatches+=("$name (C++ exit status $cxx_status)")
        rm -f "$cxx_out" "$cxx_err" "$py_out" "$py_err"
        continue
    fi

    py_status=0
    python3 "$script" >"$py_out" 2>"$py_err" || py_status=$?

    # Standard output side by side; diff marks a differing line with |, a line
    # on one side only with < or >.
    col=$(( (width - 3) / 2 ))
    printf "%-${col}s | %s\n" "C++: $exe (exit $cxx_status)" "Python: python3 $script (exit $py_status)"
    printf '%s-+-%s\n' "$(printf '%*s' "$col" '' | tr ' ' -)" "$(printf '%*s' "$col" '' | tr ' ' -)"
    diff --side-by-side --expand-tabs --width="$width" "$cxx_out" "$py_out" || true
    if [ -s "$cxx_err" ] || [ -s "$py_err" ]; then
        echo "---- standard error: C++ | Python ----"
        diff --side-by-side --expand-tabs --width="$width" "$cxx_err" "$py_err" || true
    fi

    if [ "$cxx_status" -ne "$py_status" ] || ! diff -q --strip-trailing-cr "$cxx_out" "$py_out" >/dev/null; then
        echo ">>> $name: the C++ and Python outputs DIFFER"
        mismatches+=("$name")
    else
        echo ">>> $name: same standard output and exit status"
    fi
    rm -f "$cxx_out" "$cxx_err" "$py_out" "$py_err"
done

echo
echo "==================== CTest: examples ===================="
ctest_status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --preset examples 2>&1 | tee "$log" || ctest_status=$?

# One check per quote, per comparison with Python, per CTest test.
read -r passed failed <<<"$(pygen_ctest_counts "$log")"
if [ -z "$passed" ]; then
    passed=0
    failed=1 # no CTest summary: CTest itself failed
fi
passed=$((passed + quotes_passed + compared - ${#mismatches[@]}))
mismatches=("${quote_mismatches[@]}" "${mismatches[@]}")
failed=$((failed + ${#mismatches[@]}))
if [ ${#mismatches[@]} -ne 0 ]; then
    echo "examples.sh: differ from their Python originals: ${mismatches[*]}"
fi
echo "examples.sh summary: $passed passed, $failed failed"
if [ ${#mismatches[@]} -ne 0 ]; then
    exit 1
fi
exit "$ctest_status"
