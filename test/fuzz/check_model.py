#!/usr/bin/env python3
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""Checks the fuzzer's model (model.hpp) against CPython itself: each input is printed as a
Python program by the replay driver, python3 runs it, and its output must equal the model's
trace in CPython mode (no C++-only details). Inputs: the files and directories given, plus
--random N random byte strings. Python's standard library only.

  python3 test/fuzz/check_model.py BUILD/pygen-fuzz-replay test/fuzz/corpus --random 2000 \
      [--seed 1] [--python python3.11] [--fallback python3.12]

CPython up to 3.11 has a bug the model does not copy: a re-entrant throw() into a generator
that is forwarding a throw() (or close()) to its sub-generator cuts the sub-generator off the
outer generator's `yield from` (_gen_throw pops it although the ValueError came from the re-entry;
fixed in 3.12). With --fallback, an input on which python3 differs is run again with that
interpreter, and counted apart when the model equals it.
"""

import argparse
import difflib
import os
import random
import subprocess
import sys
import tempfile


def inputs(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                full = os.path.join(path, name)
                if os.path.isfile(full) and not name.startswith('.'):
                    yield full
        else:
            yield path


def compare(replay, python, path):
    """None when `python` prints the model's trace, else the difference."""
    program = subprocess.run([replay, '--python', path], check=True, capture_output=True).stdout
    run = subprocess.run([python, '-'], input=program, capture_output=True)
    model = subprocess.run([replay, '--model', '--cpython', path], check=True, capture_output=True).stdout
    if run.returncode != 0:
        return python + ' failed:\n' + run.stderr.decode(errors='replace')
    if run.stdout == model:
        return None
    diff = difflib.unified_diff(model.decode().splitlines(), run.stdout.decode().splitlines(),
                                'model (--cpython)', python, lineterm='')
    return '\n'.join(diff)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('replay', help='the pygen-fuzz-replay binary')
    parser.add_argument('paths', nargs='*', help='input files or directories')
    parser.add_argument('--random', type=int, default=0, help='also check N random inputs')
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--keep', help='copy inputs that disagree into this directory')
    parser.add_argument('--python', default=sys.executable, help='the CPython to check against')
    parser.add_argument('--fallback', help='a CPython 3.12 or later (see above)')
    args = parser.parse_args()

    rng = random.Random(args.seed)
    checked = bad = fixed_later = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = list(inputs(args.paths))
        for i in range(args.random):
            path = os.path.join(tmp, 'random-%d' % i)
            with open(path, 'wb') as f:
                f.write(bytes(rng.randrange(256) for _ in range(rng.randrange(4, 120))))
            files.append(path)
        for path in files:
            checked += 1
            problem = compare(args.replay, args.python, path)
            if problem and args.fallback and compare(args.replay, args.fallback, path) is None:
                fixed_later += 1
                print('%s: equal to %s, not to %s (the CPython bug above)' % (path, args.fallback, args.python))
                continue
            if problem:
                bad += 1
                print('MODEL DIFFERS FROM CPYTHON: %s\n%s\n' % (path, problem))
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    with open(path, 'rb') as src, open(os.path.join(args.keep, os.path.basename(path)), 'wb') as dst:
                        dst.write(src.read())
    print('check_model.py: %d inputs, model equals %s on %d, equals only %s on %d, differs on %d'
          % (checked, args.python, checked - bad - fixed_later, args.fallback, fixed_later, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
