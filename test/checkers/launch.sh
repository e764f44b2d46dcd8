#!/bin/sh
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Runs a program under the checker of a build mode, as test/CMakeLists.txt does for CMake builds.
# The launcher of b2's tests with pygen-check=MODE (test/Jamfile).
#
#   sh launch.sh MODE PROGRAM [ARG...]                   a test: fails on any report
#   sh launch.sh MODE --check-output PROGRAM EXPECTED    an example: tools/check-output.sh under it
#   sh launch.sh MODE --canary PROGRAM SOURCE            a canary: must fail with a report that
#                                                        has the string of each of SOURCE's
#                                                        "// canary-expect CHECKER: STRING" lines
#                                                        for a checker of MODE
#
# MODE: valgrind (memcheck, BOOST_USE_VALGRIND builds), asan (ASan + LSan + UBSan, ucontext
# builds) or ubsan (UBSan + LSan).

set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 MODE [--check-output|--canary] PROGRAM [ARG...]" >&2
    exit 2
fi

mode=$1
shift
here=$(cd "$(dirname "$0")" && pwd)

valgrind_command="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --child-silent-after-fork=yes --quiet"

case $mode in
    valgrind) checkers=valgrind ;;
    asan) checkers='asan\|lsan\|ubsan' ;;
    ubsan) checkers='lsan\|ubsan' ;;
esac

case $mode in
    valgrind)
        if ! command -v valgrind >/dev/null 2>&1; then
            echo "$0: valgrind is not installed (Debian: apt-get install valgrind)" >&2
            exit 2
        fi
        ;;
    asan | ubsan)
        # The full unwinder: LSan's fast one stops at the edge of the thread's stack and, on the
        # fcontext backend, records nothing for a block allocated inside a generator body (another
        # stack); such leaks then go unreported. A user's own LSAN_OPTIONS stay in force.
        LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}fast_unwind_on_malloc=0"
        UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1"
        export LSAN_OPTIONS UBSAN_OPTIONS
        valgrind_command=
        ;;
    *)
        echo "$0: unknown mode '$mode' (valgrind, asan or ubsan)" >&2
        exit 2
        ;;
esac

case $1 in
    --check-output)
        shift
        program=$1
        expected=$2
        if [ -n "$valgrind_command" ]; then
            # check-output.sh runs one program: a script that runs it under valgrind.
            wrapper=$(mktemp) || exit 2
            trap 'rm -f "$wrapper"' EXIT
            printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$valgrind_command" "$program" >"$wrapper"
            chmod +x "$wrapper"
            program=$wrapper
        fi
        sh "$here/../../tools/check-output.sh" "$program" "$expected"
        ;;
    --canary)
        shift
        program=$1
        source=$2
        expected=$(sed -n "s#^// canary-expect \\($checkers\\): ##p" "$source")
        if [ -z "$expected" ]; then
            echo "$source has no '// canary-expect CHECKER: ' line for the $mode mode" >&2
            exit 2
        fi
        output=$(mktemp) || exit 2
        trap 'rm -f "$output"' EXIT
        $valgrind_command "$program" >"$output" 2>&1
        status=$?
        cat "$output"
        missing=$(printf '%s\n' "$expected" | while IFS= read -r string; do
            grep -qF -- "$string" "$output" || printf "'%s' " "$string"
        done)
        name=$(basename "$source" .cpp)
        if [ "$status" -eq 0 ] || [ -n "$missing" ]; then
            echo "the checkers of the $mode mode missed the deliberate bug of $name inside a" \
                "generator body: the program exited with status $status, and its output lacks:" \
                "${missing:-nothing}. They cannot see such bugs in generator bodies with this" \
                "build's settings; see \"Debugging generators with valgrind and sanitizers\" in README.md."
            exit 1
        fi
        echo "the checkers of the $mode mode caught the deliberate bug of $name"
        ;;
    *)
        exec $valgrind_command "$@"
        ;;
esac
