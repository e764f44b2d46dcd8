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

import argparse
import gc
import platform
import statistics
import sys
import time


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


def consume_for(g):
    s = 0
    for v in g:
        s += v
    return s


def consume_next(g):
    s = 0
    nxt = next
    try:
        while True:
            s += nxt(g)
    except StopIteration:
        pass
    return s


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
    times = {name: [] for name, _, _, _ in VARIANTS}
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as timeit does; these generators make no cycles
    try:
        for _, _, make, consume in VARIANTS:  # warm-up round, not recorded
            measure(make, consume, min(items, 10000))
        for r in range(rounds):
            k = r % len(VARIANTS)
            for name, _, make, consume in VARIANTS[k:] + VARIANTS[:k]:
                times[name].append(measure(make, consume, items))
    finally:
        if gc_was_enabled:
            gc.enable()
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    ratios = {}
    for name, num, den, _ in RATIOS:
        ratios[name] = statistics.median(a / b for a, b in zip(times[num], times[den]))
    return times, medians, ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=None, help="items per run (default 1000000)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds of every variant (default 15)")
    parser.add_argument("--quick", action="store_true", help="100000 items, 5 rounds")
    parser.add_argument("--machine", action="store_true", help="output for bench/yield_from.cpp")
    args = parser.parse_args()
    items = args.items or (100000 if args.quick else 1000000)
    rounds = args.rounds or (5 if args.quick else 15)

    times, medians, ratios = run(items, rounds)

    if args.machine:
        print("python %s %s" % (platform.python_implementation(), platform.python_version()))
        for name, _, _, _ in VARIANTS:
            print("ns %s %.4f %.4f %.4f" % (name, medians[name], min(times[name]), max(times[name])))
        for name, _, _, _ in RATIOS:
            print("ratio %s %.4f" % (name, ratios[name]))
        return

    print("%s %s, %d items x %d rounds, interleaved; medians"
          % (platform.python_implementation(), platform.python_version(), items, rounds))
    print("%-34s %10s %10s %10s" % ("variant", "ns/item", "min", "max"))
    for name, label, _, _ in VARIANTS:
        print("%-34s %10.2f %10.2f %10.2f" % (label, medians[name], min(times[name]), max(times[name])))
    print()
    print("%-16s %8s %8s" % ("ratio", "value", "pygen goal"))
    for name, _, _, goal in RATIOS:
        print("%-16s %8.3f %8s" % (name, ratios[name], "<= %.1f" % goal))


if __name__ == "__main__":
    sys.exit(main())
