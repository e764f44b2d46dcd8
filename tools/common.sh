# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Sourced by the other scripts in tools/ (bash).
#
#   pygen_ensure_packages PACKAGE...
#       Installs the Debian packages that are not installed yet: `apt-get
#       update` once, then `apt-get install -y`. As root directly, otherwise
#       through sudo.
#
#   pygen_ctest_counts LOG
#       Prints "PASSED FAILED" from the last CTest summary line in LOG
#       ("100% tests passed, 0 tests failed out of 19"), nothing without one.

# `dpkg -s` also succeeds for a removed package whose config files remain,
# so look at its status line.
pygen_package_installed() {
    local info
    info=$(dpkg -s "$1" 2>/dev/null) || return 1
    grep -q '^Status: install ok installed$' <<<"$info"
}

pygen_ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! pygen_package_installed "$pkg"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi

    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: missing packages (${missing[*]}) and no apt-get to install them" >&2
        return 1
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "error: missing packages (${missing[*]}); run as root or install sudo" >&2
            return 1
        fi
        sudo=(sudo)
    fi

    echo "installing missing packages: ${missing[*]}"
    if [ -z "${PYGEN_APT_UPDATED:-}" ]; then
        "${sudo[@]}" apt-get update
        PYGEN_APT_UPDATED=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
}

pygen_ctest_counts() {
    local summary
    summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -n 1 || true)
    if [[ $summary =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
        echo "$((BASH_REMATCH[2] - BASH_REMATCH[1])) ${BASH_REMATCH[1]}"
    fi
}
