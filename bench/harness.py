# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""What bench/protocol.py and bench/yield_from.py share, as bench/harness.hpp is for the C++
programs: the consumers of a generator, the options both take, the interpreter's name and the
interleaved rounds. Standard library only; each script puts its own directory on sys.path to
import this, so that both still run from anywhere.
"""

import argparse
import platform


def consume_for(g):
    s = 0
    for v in g:
        s += v
    return s


def consume_next(g):
    """Python's `while True: s += next(g)` ended by StopIteration."""
    s = 0
    nxt = next  # a local: the loop pays for next(g), not for finding the builtin every time
    try:
        while True:
            s += nxt(g)
    except StopIteration:
        pass
    return s


def parser(doc):
    """The options of both scripts that the C++ programs pass on (--items, --rounds) or share
    (--quick); each script adds its own after them."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--items", type=int, default=None, help="items per run (default 1000000)")
    p.add_argument("--rounds", type=int, default=None, help="rounds of every variant (default 15)")
    p.add_argument("--quick", action="store_true", help="100000 items, 5 rounds")
    return p


def sizes(args):
    """(items, rounds), with the C++ programs' defaults: a full run, or --quick's."""
    items = args.items or (100000 if args.quick else 1000000)
    rounds = args.rounds or (5 if args.quick else 15)
    return items, rounds


def interpreter():
    return "%s %s" % (platform.python_implementation(), platform.python_version())


def interleaved(variants, items, rounds, measure):
    """{name: [ns per round]}, each variant a tuple whose first field is its name and
    measure(variant, n) the ns per operation of one run at n items.

    Every variant runs once first at up to 10000 items, not recorded, to warm up the adaptive
    interpreter. Then every variant runs in every round and the order rotates from round to
    round, so that a slow spell of the machine falls on all of them alike and the two sides of
    a ratio are measured next to each other.
    """
    times = {v[0]: [] for v in variants}
    for v in variants:
        measure(v, min(items, 10000))
    for r in range(rounds):
        k = r % len(variants)
        for v in variants[k:] + variants[:k]:
            times[v[0]].append(measure(v, items))
    return times
