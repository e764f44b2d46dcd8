# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""CPython's side of bench/protocol.cpp: what the generator protocol costs in CPython, per
item of a for loop, of a next() loop and of send(), and per generator created and exhausted
(three items), created, advanced once and dropped while suspended, and created and dropped
without ever running.

    python3 bench/protocol.py [--items N] [--rounds R] [--quick] [--variant NAME] [--machine]

Every run is timed with timeit (one call of a function doing N operations, garbage collection
off as timeit has it) and its sum is checked, so a wrong program cannot pass for a fast one.
The variants run interleaved, round after round (the order rotates each round), and the figures
are medians over the rounds. bench/protocol.cpp runs this script once per round of its own, with
--machine --rounds 1, so that each CPython figure is measured next to the pygen figure it is
divided by; without --machine it prints a table.
"""

import os
import statistics
import sys
import timeit

# harness.py sits beside this script. Python puts the script's directory on sys.path only when
# it runs the script itself, and not even then under -I, -P or PYTHONSAFEPATH.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import consume_for, consume_next, interleaved, interpreter, parser, sizes  # noqa: E402


# ---- the generators (the C++ program has the same ones) ------------------------------------

def items(n):
    for i in range(n):
        yield i


def echo():
    v = yield 0
    while True:
        v = yield v


def three(k):
    yield k
    yield k + 1
    yield k + 2


def counter(k):
    """A generator with a local, suspended at its first yield by next()."""
    while True:
        yield k
        k += 1


# ---- the programs measured: each does n operations and returns a sum to check ---------------

def v_for(n):
    return consume_for(items(n))


def v_next(n):
    return consume_next(items(n))


def v_send(n):
    g = echo()
    next(g)
    send = g.send
    s = 0
    for i in range(n):
        s += send(i)
    g.close()
    return s


def v_create3(n):
    s = 0
    for i in range(n):
        for x in three(i):
            s += x
    return s


def v_create_next_destroy(n):
    s = 0
    for i in range(n):
        g = counter(i)
        s += next(g)
        del g  # finalized while suspended: close() raises GeneratorExit at the yield
    return s


def v_create_destroy(n):
    s = 0
    for i in range(n):
        g = counter(i)
        del g  # never started: nothing to close
        s += i
    return s


def triangle(n):
    return n * (n - 1) // 2


# name (the C++ program's), what it measures, run, expected sum, operations per item count
# (the creation variants do a tenth of --items, as in the C++ program: each is much dearer).
VARIANTS = [
    ("for", "for loop over a generator, per item", v_for, triangle, 1),
    ("next", "next(g) loop, per item", v_next, triangle, 1),
    ("send", "g.send(v) loop, per item", v_send, triangle, 1),
    ("create3", "create + exhaust a 3-item generator (for)", v_create3, lambda n: 3 * triangle(n) + 3 * n, 10),
    ("create_next_destroy", "create + next + drop while suspended", v_create_next_destroy, triangle, 10),
    ("create_destroy", "create + drop never started", v_create_destroy, triangle, 10),
]


def operations(items_count, divisor):
    return max(1, items_count // divisor)


def measure(run, expected, n):
    """ns per operation of one call of run(n), timed by timeit; the sum is checked."""
    result = []
    seconds = timeit.Timer(lambda: result.append(run(n))).timeit(number=1)
    if result[0] != expected(n):
        raise SystemExit("protocol.py: wrong sum %d, expected %d" % (result[0], expected(n)))
    return seconds * 1e9 / n


def run(variants, items_count, rounds):
    return interleaved(variants, items_count, rounds,
                       lambda v, n: measure(v[2], v[3], operations(n, v[4])))


def main():
    options = parser(__doc__)
    options.add_argument("--variant", action="append", default=None, help="only this variant (repeatable)")
    options.add_argument("--list", action="store_true", help="the variants")
    options.add_argument("--machine", action="store_true", help="output for bench/protocol.cpp")
    args = options.parse_args()
    if args.list:
        for name, label, _, _, _ in VARIANTS:
            print("%-20s %s" % (name, label))
        return 0
    items_count, rounds = sizes(args)
    variants = VARIANTS
    if args.variant:
        known = {v[0] for v in VARIANTS}
        unknown = [n for n in args.variant if n not in known]
        if unknown:
            options.error("no variant %s (see --list)" % ", ".join(unknown))
        variants = [v for v in VARIANTS if v[0] in args.variant]

    times = run(variants, items_count, rounds)

    if args.machine:
        print("python %s" % interpreter())
        for name, _, _, _, _ in variants:
            ts = times[name]
            print("ns %s %.4f %.4f %.4f" % (name, statistics.median(ts), min(ts), max(ts)))
        return 0

    print("%s, %d items x %d rounds, interleaved; ns per operation, medians" % (interpreter(), items_count, rounds))
    print("%-44s %10s %10s %10s" % ("variant", "ns/op", "min", "max"))
    for name, label, _, _, _ in variants:
        ts = times[name]
        print("%-44s %10.2f %10.2f %10.2f" % (label, statistics.median(ts), min(ts), max(ts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
