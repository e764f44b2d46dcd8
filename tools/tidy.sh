#!/usr/bin/env bash
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# clang-tidy 14 on include/ with the root .clang-tidy, where any warning is an error:
#   - each public header alone in a translation unit, at -std=c++11 and -std=c++20: also proves the
#     header is self-contained;
#   - one translation unit that instantiates the templates (clang-tidy sees little of a template
#     that nothing instantiates), at both standards;
#   - each detail/ header alone, compiled only (self-containment).
# Only diagnostics in include/pygen count (HeaderFilterRegex); Boost's and the standard
# library's headers are not checked.
#
#   bash tools/tidy.sh

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/common.sh

pygen_ensure_packages clang-tidy-14 clang-14 libboost-context-dev

build_dir=build/tidy
rm -rf "$build_dir"
mkdir -p "$build_dir"

flags=(-Iinclude -Wall -Wextra -pedantic)
passed=0
failed=0
failures=()

tu_name() {
    local header=${1#include/}
    header=${header%.hpp}
    echo "$build_dir/${header//\//__}"
}

run_tidy() { # TU STD
    local tu=$1 std=$2 log
    log="${tu%.cpp}.$std.log"
    if clang-tidy-14 --quiet --config-file=.clang-tidy "$tu" -- -std="$std" "${flags[@]}" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "ok   clang-tidy $std ${tu#"$build_dir"/}"
    else
        failed=$((failed + 1))
        failures+=("clang-tidy $std ${tu#"$build_dir"/}")
        echo "FAIL clang-tidy $std ${tu#"$build_dir"/}"
        grep -E 'warning:|error:' "$log" || cat "$log"
    fi
}

public_headers=(include/pygen.hpp include/pygen/*.hpp)
detail_headers=(include/pygen/detail/*.hpp)

for header in "${public_headers[@]}"; do
    tu="$(tu_name "$header").cpp"
    printf '#include <%s>\n' "${header#include/}" >"$tu"
done

tu_instances="$build_dir/instances.cpp"
cat >"$tu_instances" <<'CPP'
#include <pygen.hpp>
#include <pygen/coroutine2.hpp>

#include <string>
#include <vector>

template class pygen::generator<int>;
template class pygen::generator<int, int, int>;
template class pygen::generator<std::string, std::string, std::string>;
template class pygen::generator<int&>;

int instantiate();
int instantiate() {
    using gen = pygen::generator<int, int, int>;
    gen g([](gen::yielder& yield) {
        int const sent = yield(1);
        std::vector<int> values{sent};
        yield.from(values);
        return yield.from(gen());
    });
    int total = g.next() + g.send(2);
    for (int v : g) {
        total += v;
    }
    using void_gen = pygen::generator<void>;
    void_gen v([](void_gen::yielder& yield) { yield(); });
    v.next();
    v.close();
    auto pull = pygen::to_pull(pygen::from_pull(pygen::to_pull(pygen::generator<int>())));
    return total + (pull ? 1 : 0);
}
CPP

for std in c++11 c++20; do
    for header in "${public_headers[@]}"; do
        run_tidy "$(tu_name "$header").cpp" "$std"
    done
    run_tidy "$tu_instances" "$std"
done

for header in "${detail_headers[@]}"; do
    tu="$(tu_name "$header").cpp"
    printf '#include <%s>\n' "${header#include/}" >"$tu"
    if clang++-14 -std=c++11 -fsyntax-only "${flags[@]}" -Werror "$tu" >"${tu%.cpp}.log" 2>&1; then
        passed=$((passed + 1))
        echo "ok   self-contained ${header#include/}"
    else
        failed=$((failed + 1))
        failures+=("self-contained ${header#include/}")
        echo "FAIL self-contained ${header#include/}"
        cat "${tu%.cpp}.log"
    fi
done

if [ "$failed" -ne 0 ]; then
    printf 'failed: %s\n' "${failures[@]}"
fi
echo "tidy.sh summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
