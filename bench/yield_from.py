# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""CPython's side of bench/yield_from.cpp: the cost per item of a plain generator and of
`yield from` chains of depth 1 and 10, each consumed by a for loop and by next().

    python3 bench/yield_from.py [--items N] [--rounds R] [--quick] [--machine]

The variants run interleaved, round after round (the order rotates each round), and the
figures are medians over the rounds; a ratio is the median of the per-round ratios, so that
variants compared are always measured side by side. bench/yield_from.cpp runs this script with
--machine and shows its figures beside pygen's; without --machine it prints a table.
"""

import gc
import os
import statistics
import sys
import time

# harness.py sits beside this script. Python puts the script's directory on sys.path only when
# it runs the script itself, and not even then under -I, -P or PYTHONSAFEPATH.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import consume_for, consume_next, interleaved, interpreter, parser, sizes  # noqa: E402


def leaf(n):
    for i in range(n):
        yield i


def chain(depth, n):
    """A generator delegating with `yield from` through `depth` generators to leaf(n)."""
    if depth == 0:
        return leaf(n)
    return delegator(depth, n)


def delegator(depth, n):
    sub = chain(depth - 1, n)
    yield from sub


# name, what it measures, generator factory, consumer; the names are the C++ program's.
VARIANTS = [
    ("plain_for", "plain yield, for loop", lambda n: leaf(n), consume_for),
    ("plain_next", "plain yield, next() loop", lambda n: leaf(n), consume_next),
    ("d1_for", "yield from depth 1, for loop", lambda n: chain(1, n), consume_for),
    ("d1_next", "yield from depth 1, next() loop", lambda n: chain(1, n), consume_next),
    ("d10_for", "yield from depth 10, for loop", lambda n: chain(10, n), consume_for),
    ("d10_next", "yield from depth 10, next() loop", lambda n: chain(10, n), consume_next),
]

# name, numerator, denominator, goal (None: for information)
RATIOS = [
    ("d10/d1_for", "d10_for", "d1_for", 1.1),
    ("d10/d1_next", "d10_next", "d1_next", 1.1),
    ("d1/plain_for", "d1_for", "plain_for", 1.2),
    ("d1/plain_next", "d1_next", "plain_next", 1.2),
]


def measure(make, consume, n):
    """ns per item of one run: creating the generators, exhausting them, dropping them."""
    expected = n * (n - 1) // 2
    t0 = time.perf_counter_ns()
    s = consume(make(n))
    t1 = time.perf_counter_ns()
    if s != expected:
        raise SystemExit("wrong sum %d, expected %d" % (s, expected))
    return (t1 - t0) / n


def run(items, rounds):
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as timeit does; these generators make no cycles
    try:
        times = interleaved(VARIANTS, items, rounds, lambda v, n: measure(v[2], v[3], n))
    finally:
        if gc_was_enabled:
            gc.enable()
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    ratios = {}
    for name, num, den, _ in RATIOS:
        ratios[name] = statistics.median(a / b for a, b in zip(times[num], times[den]))
    return times, medians, ratios


def main():
    options = parser(__doc__)
    options.add_argument("--machine", action="store_true", help="output for bench/yield_from.cpp")
    args = options.parse_args()
    items, rounds = sizes(args)

    times, medians, ratios = run(items, rounds)

    if args.machine:
        print("python %s" % interpreter())
        for name, _, _, _ in VARIANTS:
            print("ns %s %.4f %.4f %.4f" % (name, medians[name], min(times[name]), max(times[name])))
        for name, _, _, _ in RATIOS:
            print("ratio %s %.4f" % (name, ratios[name]))
        return

    print("%s, %d items x %d rounds, interleaved; medians" % (interpreter(), items, rounds))
    print("%-34s %10s %10s %10s" % ("variant", "ns/item", "min", "max"))
    for name, label, _, _ in VARIANTS:
        print("%-34s %10.2f %10.2f %10.2f" % (label, medians[name], min(times[name]), max(times[name])))
    print()
    print("%-16s %8s %8s" % ("ratio", "value", "pygen goal"))
    for name, _, _, goal in RATIOS:
        print("%-16s %8.3f %8s" % (name, ratios[name], "<= %.1f" % goal))


if __name__ == "__main__":
    sys.exit(main())
