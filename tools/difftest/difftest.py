#!/usr/bin/env python3
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""Differential testing of pygen against CPython.

Generates random generator functions (progen.py), emits each as Python and as C++ on pygen,
plays random caller op sequences on both (pyrt.py, runtime.hpp) and checks that the traces are
byte-identical. On a divergence it prints the first divergent op with both traces, writes a
self-contained reproducer, shrinks it, and exits 1. See README.md.

    python3 tools/difftest/difftest.py --seed 1 --programs 200 --sequences-per-program 500 --jobs 2
"""

import argparse
import collections
import gc
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import progen  # noqa: E402
import pyrt  # noqa: E402


def say(*a):
    print(*a, flush=True)


# ---------------------------------------------------------------------------------------------
# Python side

def python_namespace(source, name):
    ns = {k: getattr(pyrt, k) for k in pyrt.__all__}
    exec(compile(source, name, 'exec'), ns)
    return ns


def python_trace(source, name, pid, seqs):
    """[(text, cut, ops)] for each op sequence (a list of ops, or a progen.OpPicker): text as the
    C++ driver writes it; cut None, or the length of the prefix of text that is to be compared
    (pyrt._hook and pyrt._delete say why); ops what was played."""
    ns = python_namespace(source, name)
    f0 = ns['f0']
    out = []
    for sid, ops in enumerate(seqs):
        lines = pyrt.run_seq(f0, ops)
        head = '#seq %d %d\n' % (pid, sid)
        cut = pyrt.CUT[0]
        if cut is not None:
            cut = len(head) + sum(len(x) + 1 for x in lines[:cut])
        out.append((head + '\n'.join(lines) + '\n', cut, list(pyrt.OPS_DONE)))
    return out


def same(py, cut, cpp):
    return py == cpp if cut is None else cpp[:cut] == py[:cut]


# ---------------------------------------------------------------------------------------------
# C++ side

def compiler_command(args):
    return [args.compiler, '-std=' + args.std, args.opt, '-w', '-I' + args.include, '-I' + HERE] + args.cxxflags


def tu_source(progs):
    return '#include "runtime.hpp"\n\n' + '\n'.join(progen.cpp_source(p) for p in progs)


def main_source(pids):
    out = ['#include "runtime.hpp"', '']
    for pid in pids:
        out.append('namespace p%d { dt::gen f0(dt::cellp<dt::gen>, dt::rootp, int); }' % pid)
    out.append('')
    out.append('static dt::entry const table[] = {')
    out += ['    {%d, &p%d::f0},' % (pid, pid) for pid in pids]
    out.append('};')
    out.append('')
    out.append('int main(int argc, char** argv) {')
    out.append('    return dt::main(argc, argv, table, sizeof table / sizeof table[0]);')
    out.append('}')
    return '\n'.join(out) + '\n'


def run_checked(cmd, what):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    except OSError as e:
        raise ToolError('%s failed: cannot run %s: %s' % (what, cmd[0], e))
    if r.returncode != 0:
        raise ToolError('%s failed (exit %d): %s\n%s' % (what, r.returncode, ' '.join(cmd), r.stdout[-4000:]))
    return r.stdout


class ToolError(Exception):
    pass


def build(args, work, progs, pool):
    """Starts compiling: returns a function that waits and gives the driver's path."""
    n = max(1, min(args.tus, len(progs)))
    chunks = [progs[i::n] for i in range(n)]
    cxx = compiler_command(args)
    futures = []
    objects = []
    for i, chunk in enumerate(chunks):
        src = os.path.join(work, 'programs_%d.cpp' % i)
        with open(src, 'w') as f:
            f.write(tu_source(chunk))
        obj = src[:-4] + '.o'
        objects.append(obj)
        futures.append(pool.submit(run_checked, cxx + ['-c', src, '-o', obj], 'compiling ' + src))
    src = os.path.join(work, 'main.cpp')
    with open(src, 'w') as f:
        f.write(main_source([p.pid for p in progs]))
    obj = os.path.join(work, 'main.o')
    objects.append(obj)
    futures.append(pool.submit(run_checked, cxx + ['-c', src, '-o', obj], 'compiling ' + src))
    src = os.path.join(HERE, 'runtime.cpp')
    obj = os.path.join(work, 'runtime.o')
    objects.append(obj)
    futures.append(pool.submit(run_checked, cxx + ['-c', src, '-o', obj], 'compiling ' + src))
    exe = os.path.join(work, 'driver')

    def finish():
        for fut in futures:
            fut.result()
        run_checked(cxx + objects + ['-o', exe, '-lboost_context', '-pthread'], 'linking ' + exe)
        return exe

    return finish


def write_ops(path, items):
    """items: [(pid, sid, ops)]"""
    with open(path, 'w') as f:
        for pid, sid, ops in items:
            f.write('%d %d %s\n' % (pid, sid, ' '.join(ops)))


def cpp_traces(exe, ops_path, trace_path, run_with=()):
    r = subprocess.run(list(run_with) + [exe, ops_path, trace_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    if r.returncode != 0:
        raise ToolError('the C++ driver failed (exit %d%s): %s\n%s' % (
            r.returncode, ', killed by signal %d' % -r.returncode if r.returncode < 0 else '',
            ' '.join([exe, ops_path, trace_path]), r.stderr[-4000:]))
    m = re.search(r'cpp-side: sequences=(\d+) ops=(\d+) generators=(\d+)', r.stderr)
    if not m:
        raise ToolError('the C++ driver printed no counts: ' + r.stderr[-2000:])
    return tuple(int(x) for x in m.groups())


def split_sequences(text):
    """{(pid, sid): text} of a trace file."""
    out = {}
    for chunk in text.split('#seq ')[1:]:
        head, _, _ = chunk.partition('\n')
        pid, sid = head.split()
        out[(int(pid), int(sid))] = '#seq ' + chunk
    return out


# ---------------------------------------------------------------------------------------------
# Coverage: what the programs contain, and what the op sequences made happen (from the traces).

STATIC_FEATURES = [
    ('yield-from chain of depth 3 (f0>f1>f2>f3)', 'chain3'),
    ('yield inside except', 'yield_except'),
    ('yield inside finally', 'yield_finally'),
    ('yield inside except GeneratorExit/catch-all', 'yield_ge'),
    ('bare raise in an except block', 'reraise'),
    ('catch-all (BaseException / catch (...))', 'catch_all'),
    ('catch-all that re-raises', 'catch_all_reraise'),
    ('except GeneratorExit', 'except_ge'),
    ('with (RAII guard)', 'with'),
    ('finally', 'finally'),
    ('return/break/continue through finally', 'jump_finally'),
    ('raise StopIteration in a body', 'raise_si'),
    ('re-entrant call on itself or its chain root', 'reenter'),
    ('yield from a list or range', 'yfrom_iter'),
    ('loops', 'loop'),
    ('a body driving another generator (for v in f<k>())', 'forgen'),
    ('if/else on a sent value', 'branch'),
]

DYNAMIC_FEATURES = [
    ('sequences reaching yield-from depth 3', 'depth3', lambda t: 'start d3' in t),
    ('ops from inside a caller except block', 'op_in_except', None),
    ('destruction while suspended', 'del_suspended', None),
    ('destruction while suspended, from a caller except block', 'xdel_suspended', None),
    ('suspended at a yield inside except', 'at_yield_except', None),
    ('suspended at a yield inside finally', 'at_yield_finally', None),
    ('suspended at a yield inside except GeneratorExit/catch-all', 'at_yield_ge', None),
    ('"generator ignored GeneratorExit" from close()/throw', 'ignored_ge',
     lambda t: '<< raise RuntimeError(generator ignored GeneratorExit)' in t),
    ('"generator ignored GeneratorExit" at destruction (unraisable)', 'ignored_ge_del',
     lambda t: 'unraisable RuntimeError(generator ignored GeneratorExit)' in t),
    ('other unraisable reports', 'unraisable_other',
     lambda t: re.search(r'unraisable (?!RuntimeError\(generator ignored)', t) is not None),
    ('re-entrant calls raising "generator already executing"', 'reentrant',
     lambda t: 'ValueError(generator already executing)' in t),
    ('PEP 479 "generator raised StopIteration"', 'pep479',
     lambda t: 'RuntimeError(generator raised StopIteration)' in t),
    ('send(v) into a list/range delegation (AttributeError)', 'attribute_error',
     lambda t: 'AttributeError(' in t),
    ('except GeneratorExit handler ran', 'ge_handler', lambda t: 'except GeneratorExit GeneratorExit' in t),
    ('catch-all handler ran', 'catch_all_ran', lambda t: 'except BaseException' in t),
    ('return value reached the caller (StopIteration(v))', 'return_value',
     lambda t: re.search(r'<< raise StopIteration\(\d', t) is not None),
    ('TypeError: send(v) to a just-started generator', 'type_error', lambda t: '<< raise TypeError(' in t),
    ('with-guards entered', 'with_ran', lambda t: '\nenter ' in t),
    ('finally blocks ran', 'finally_ran', lambda t: ' finally\n' in t),
]

REQUIRED = ['chain3', 'forgen', 'unraisable_other', 'yield_except', 'yield_finally', 'yield_ge', 'reraise', 'catch_all_reraise', 'except_ge',
            'with', 'jump_finally', 'raise_si', 'reenter', 'yfrom_iter', 'branch',
            'depth3', 'op_in_except', 'del_suspended', 'xdel_suspended', 'at_yield_except', 'at_yield_finally',
            'at_yield_ge', 'ignored_ge', 'ignored_ge_del', 'reentrant', 'pep479', 'attribute_error',
            'ge_handler', 'catch_all_ran', 'return_value', 'type_error', 'with_ran', 'finally_ran']


def static_features(prog):
    """(set of feature keys, {(fid, nid): context flags of each yield})"""
    feats = set()
    yields = {}
    calls = {f.fid: set() for f in prog.functions}

    def visit(stmts, fid, ctx):
        for s in stmts:
            k = s.kind
            if k == 'yield':
                yields[(fid, s.nid)] = ctx
                if 'h' in ctx:
                    feats.add('yield_except')
                if 'f' in ctx:
                    feats.add('yield_finally')
                if 'g' in ctx:
                    feats.add('yield_ge')
                if s.branch:
                    feats.add('branch')
            elif k == 'yfrom':
                calls[fid].add(s.target)
            elif k in ('yfrom_list', 'yfrom_range'):
                feats.add('yfrom_iter')
            elif k == 'reraise':
                feats.add('reraise')
            elif k == 'reenter':
                feats.add('reenter')
            elif k == 'raise' and s.what == 'SI':
                feats.add('raise_si')
            elif k == 'with':
                feats.add('with')
            elif k == 'for':
                feats.add('loop')
            elif k == 'forgen':
                feats.add('forgen')
            elif k in ('return', 'break', 'continue') and 'F' in ctx:
                feats.add('jump_finally')
            for hk, _, reraise in (s.handlers if k == 'try' else []):
                if hk == 'BaseException':
                    feats.add('catch_all')
                    if reraise:
                        feats.add('catch_all_reraise')
                if hk == 'GeneratorExit':
                    feats.add('except_ge')
            if k == 'try':
                if s.fin is not None:
                    feats.add('finally')
                inner = ctx | ({'F'} if s.fin is not None else set())
                visit(s.body, fid, inner)
                for hk, hbody, _ in s.handlers:
                    visit(hbody, fid, inner | {'h'} | ({'g'} if hk in ('GeneratorExit', 'BaseException') else set()))
                if s.fin is not None:
                    visit(s.fin, fid, ctx | {'f'})
            elif k in ('for', 'with', 'forgen'):
                visit(s.body, fid, ctx)
            elif k == 'ifi':
                visit(s.then, fid, ctx)
                visit(s.orelse, fid, ctx)
            elif k == 'yield' and s.branch:
                for b in s.branch[1:]:
                    visit(b, fid, ctx)

    for f in prog.functions:
        visit(f.body, f.fid, frozenset())
    if 1 in calls.get(0, ()) and 2 in calls.get(1, ()) and 3 in calls.get(2, ()):
        feats.add('chain3')
    return feats, yields


_yield_re = re.compile(r'^(?:<< yield|item) (\d+)', re.M)


def dynamic_features(text, yields, counts):
    for _, key, test in DYNAMIC_FEATURES:
        if test is not None and test(text):
            counts[key] += 1
    if '>> x' in text:
        counts['op_in_except'] += 1
    m = re.search(r'GEN_SUSPENDED\n>> (x?)d\n', text)
    if m:
        counts['del_suspended'] += 1
        if m.group(1):
            counts['xdel_suspended'] += 1
    ctxs = set()
    for v in _yield_re.findall(text):
        v = int(v)
        if v < progen.LIST_BASE:
            ctxs |= yields.get((v // progen.VALUE_FID, v % progen.VALUE_FID // 10), frozenset())
    if 'h' in ctxs:
        counts['at_yield_except'] += 1
    if 'f' in ctxs:
        counts['at_yield_finally'] += 1
    if 'g' in ctxs:
        counts['at_yield_ge'] += 1


# ---------------------------------------------------------------------------------------------
# Divergences: report, reproducer, shrinking

def first_divergence(py, cpp):
    a = py.split('\n')
    b = cpp.split('\n')
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b) or a[i] != b[i]:
            return i
    return None


def side_by_side(py, cpp, width=60, context=None):
    a = py.rstrip('\n').split('\n')
    b = cpp.rstrip('\n').split('\n')
    d = first_divergence(py, cpp)
    # Show the whole op in which they part: from its '>>' line.
    start = 0
    for i in range(min(d, len(a) - 1), -1, -1):
        if a[i].startswith('>> '):
            start = i
            break
    end = max(len(a), len(b)) if context is None else min(max(len(a), len(b)), d + context)
    out = ['    %-*s | %s' % (width, 'CPython 3.11 (python3)', 'C++ (pygen)')]
    for i in range(0, end):
        if i < start - 3:
            continue
        x = a[i] if i < len(a) else '<end>'
        y = b[i] if i < len(b) else '<end>'
        mark = '!!' if x != y else '  '
        out.append('%s  %-*s | %s' % (mark, width, x, y))
    return '\n'.join(out), d


def repro_python(prog, ops):
    return ('# Reproducer: CPython side. Run: python3 prog.py  (prints the trace)\n'
            'import gc, os, sys\n'
            'sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n'
            'from pyrt import *\n\n' + progen.python_source(prog) +
            '\nOPS = %r\n\n' % (ops,) +
            "if __name__ == '__main__':\n"
            '    gc.disable()\n'
            '    install_hook()\n'
            "    sys.stdout.write('#seq %d 0\\n' + '\\n'.join(run_seq(f0, OPS)) + '\\n')\n" % prog.pid)


def repro_cpp(prog):
    return ('// Reproducer: C++ side. Build and run: see run.sh (./prog ops.txt cpp.trace)\n' + tu_source([prog]) +
            '\nstatic dt::entry const table[] = {{%d, &p%d::f0}};\n\n' % (prog.pid, prog.pid) +
            'int main(int argc, char** argv) { return dt::main(argc, argv, table, 1); }\n')


def write_repro(args, d, prog, ops, py_text, cpp_text):
    os.makedirs(d, exist_ok=True)
    shutil.copy(os.path.join(HERE, 'pyrt.py'), d)
    shutil.copy(os.path.join(HERE, 'runtime.hpp'), d)
    shutil.copy(os.path.join(HERE, 'runtime.cpp'), d)
    with open(os.path.join(d, 'prog.py'), 'w') as f:
        f.write(repro_python(prog, ops))
    with open(os.path.join(d, 'prog.cpp'), 'w') as f:
        f.write(repro_cpp(prog))
    write_ops(os.path.join(d, 'ops.txt'), [(prog.pid, 0, ops)])
    with open(os.path.join(d, 'expected.trace'), 'w') as f:
        f.write(py_text)
    with open(os.path.join(d, 'actual.trace'), 'w') as f:
        f.write(cpp_text)
    cmd = ' '.join(compiler_command(args)[:1] + ['-std=' + args.std, args.opt, '-I"$PYGEN_INCLUDE"', '-I.'])
    with open(os.path.join(d, 'run.sh'), 'w') as f:
        f.write('#!/usr/bin/env bash\n'
                '# Builds the C++ program, runs both sides on ops.txt and diffs their traces.\n'
                '# PYGEN_INCLUDE: the pygen headers (default: those this was generated with).\n'
                'set -euo pipefail\ncd "$(dirname "$0")"\n'
                'PYGEN_INCLUDE=${PYGEN_INCLUDE:-%s}\n' % args.include +
                '%s prog.cpp runtime.cpp -o prog -lboost_context -pthread\n' % cmd +
                './prog ops.txt cpp.trace\n'
                'python3 prog.py > py.trace\n'
                'diff -u py.trace cpp.trace && echo "no divergence"\n')
    os.chmod(os.path.join(d, 'run.sh'), 0o755)


class Checker:
    """Runs one program on one op sequence on both sides, in a scratch directory (for shrinking)."""

    def __init__(self, args, scratch):
        self.args = args
        self.scratch = scratch
        self.builds = {}
        self.n = 0
        self.runtime = os.path.join(scratch, 'runtime.o')
        run_checked(compiler_command(args) + ['-c', os.path.join(HERE, 'runtime.cpp'), '-o', self.runtime],
                    'compiling runtime.cpp')
        if os.path.basename(args.compiler).startswith('g++'):
            # A precompiled runtime.hpp (found beside the candidates) makes each compile 2x faster.
            shutil.copy(os.path.join(HERE, 'runtime.hpp'), scratch)
            try:
                run_checked(compiler_command(args) + ['-x', 'c++-header', os.path.join(scratch, 'runtime.hpp'),
                                                      '-o', os.path.join(scratch, 'runtime.hpp.gch')],
                            'precompiling runtime.hpp')
            except ToolError:
                pass

    def python(self, prog, ops):
        """(trace, cut) as python_trace gives them."""
        try:
            return python_trace(progen.python_source(prog), '<shrink>', prog.pid, [ops])[0][:2]
        except Exception as e:  # a candidate the shrinker made invalid
            return 'python-error %r' % e, None

    def exe_for(self, prog, exe=None):
        if exe is not None:
            return exe
        src = progen.cpp_source(prog)
        if src not in self.builds:
            self.n += 1
            path = os.path.join(self.scratch, 'shrink%d' % self.n)
            with open(path + '.cpp', 'w') as f:
                f.write(repro_cpp(prog))
            try:
                run_checked(compiler_command(self.args) + [path + '.cpp', self.runtime, '-o', path,
                                                           '-lboost_context', '-pthread'],
                            'compiling a shrink candidate')
                self.builds[src] = path
            except ToolError:
                self.builds[src] = None
        return self.builds[src]

    def cpp(self, prog, ops, exe=None):
        exe = self.exe_for(prog, exe)
        if exe is None:
            return 'cpp-build-error'
        ops_path = os.path.join(self.scratch, 'ops.txt')
        out_path = os.path.join(self.scratch, 'out.trace')
        write_ops(ops_path, [(prog.pid, 0, ops)])
        r = subprocess.run([exe, ops_path, out_path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           universal_newlines=True, timeout=60)
        if r.returncode != 0:
            return 'cpp-crash %d %s' % (r.returncode, r.stderr[-300:])
        with open(out_path) as f:
            return f.read()

    def diverges(self, prog, ops, exe=None):
        py, cut = self.python(prog, ops)
        if py.startswith('python-error') or 'PYTHON-SIDE LEAK' in py:
            return False
        cpp = self.cpp(prog, ops, exe)
        if cpp == 'cpp-build-error':
            return False
        return not same(py, cut, cpp)


def shrink(args, checker, prog, ops, exe, deadline):
    """Greedy, until nothing more goes: drop ops and make ops plain (no recompiling while the
    program is the original), then drop statements of the program (one compile each)."""
    ops = list(ops)
    shrunk = False
    while time.time() < deadline:
        changed = False
        for i in range(len(ops) - 1, -1, -1):
            if i >= len(ops) - 1:
                continue  # the final destruction stays
            cand = ops[:i] + ops[i + 1:]
            if checker.diverges(prog, cand, None if shrunk else exe):
                ops = cand
                changed = True
        for i, op in enumerate(ops):
            if op.startswith('x'):
                cand = ops[:i] + [op[1:]] + ops[i + 1:]
                if checker.diverges(prog, cand, None if shrunk else exe):
                    ops = cand
                    changed = True
        for cand in _program_candidates(prog):
            if time.time() > deadline:
                break
            if checker.diverges(cand, ops):
                prog = cand
                shrunk = changed = True
                break
        if not changed:
            break
    return prog, ops


def _program_candidates(prog):
    """Copies of prog with one statement, handler, finally or function removed (largest first)."""
    import copy

    def lists(stmts):
        yield stmts
        for s in stmts:
            for c in progen._children(s):
                yield from lists(c)

    cands = []
    # Functions nobody delegates to any more.
    used = {s.target for f in prog.functions for s in progen._walk(f.body) if s.kind in ('yfrom', 'forgen')}
    if len(prog.functions) > 1 and (len(prog.functions) - 1) not in used:
        p = copy.deepcopy(prog)
        p.functions.pop()
        cands.append((1 << 30, p))
    for fi, f in enumerate(prog.functions):
        for li, lst in enumerate(lists(f.body)):
            for si, s in enumerate(lst):
                size = sum(1 for _ in progen._walk([s]))
                cands.append((size, ('del', fi, li, si)))
                if s.kind == 'try':
                    for hi in range(len(s.handlers)):
                        cands.append((size - 1, ('handler', fi, li, si, hi)))
                    if s.fin is not None and s.handlers:
                        cands.append((size - 1, ('fin', fi, li, si)))
                if s.kind == 'yield' and s.branch:
                    cands.append((size - 1, ('branch', fi, li, si)))
    cands.sort(key=lambda c: -c[0])
    for _, c in cands:
        if isinstance(c, progen.Program):
            yield c
            continue
        p = copy.deepcopy(prog)
        f = p.functions[c[1]]
        lst = list(lists(f.body))[c[2]]
        s = lst[c[3]]
        if c[0] == 'del':
            del lst[c[3]]
        elif c[0] == 'handler':
            del s.handlers[c[4]]
            if not s.handlers and s.fin is None:
                s.fin = []
        elif c[0] == 'fin':
            s.fin = None
        elif c[0] == 'branch':
            s.branch = None
        if all(progen._yields(fn.body) for fn in p.functions):
            yield p


def report_divergence(args, work, seed, prog, ops, py_text, cpp_text, exe, deadline):
    table, d = side_by_side(py_text, cpp_text)
    say('')
    say('DIVERGENCE: seed %s, program %d, op sequence %s' % (seed, prog.pid, ' '.join(ops)))
    say('first divergent line: %d of the trace; the op it is in, both sides:' % (d + 1))
    say(table)
    base = os.path.abspath(args.repro_dir or os.path.join(REPO, 'build', 'difftest-repro'))
    rdir = os.path.join(base, 'seed%s-program%d' % (seed, prog.pid))
    write_repro(args, rdir, prog, ops, py_text, cpp_text)
    say('reproducer (prog.py, prog.cpp, ops.txt, run.sh): %s' % rdir)
    if args.no_shrink:
        return
    scratch = tempfile.mkdtemp(prefix='difftest-shrink-', dir=work)
    checker = Checker(args, scratch)
    if not checker.diverges(prog, ops, exe):
        say('shrinking skipped: the divergence does not reproduce on its own (order-dependent?)')
        return
    if not checker.diverges(prog, ops):
        say('shrinking skipped: the divergence does not reproduce with the program compiled alone')
        return
    say('shrinking (up to %d s)...' % max(0, int(deadline - time.time())))
    sprog, sops = shrink(args, checker, prog, ops, exe, deadline)
    spy, _ = checker.python(sprog, sops)
    scpp = checker.cpp(sprog, sops)
    sdir = rdir + '-min'
    write_repro(args, sdir, sprog, sops, spy, scpp)
    table, d = side_by_side(spy, scpp)
    say('shrunk to ops %s (%d compiles); the program:' % (' '.join(sops), checker.n))
    say(progen.python_source(sprog))
    say(table)
    say('minimal reproducer: %s' % sdir)


# ---------------------------------------------------------------------------------------------

def run_batch(args, seed, totals, coverage, pool):
    t0 = time.time()
    pids = args.only if args.only else range(args.programs)
    progs = [progen.generate_program(pid, seed) for pid in pids]
    work = args.keep or tempfile.mkdtemp(prefix='difftest-')
    if args.keep:
        work = os.path.join(args.keep, 'seed%s' % seed)
        os.makedirs(work, exist_ok=True)
    try:
        return _run_batch(args, seed, totals, coverage, pool, progs, work, t0)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run_batch(args, seed, totals, coverage, pool, progs, work, t0):
    finish = build(args, work, progs, pool)

    # Python side, while the C++ compiles.
    items = []   # (pid, sid, ops)
    traces = []  # (text, cut), the same order
    feats_count = collections.Counter()
    py_ops = 0
    py_gens = 0
    gc.disable()
    pyrt.install_hook()
    gc_runs_before = pyrt.GC_RUNS[0]
    for n, p in enumerate(progs):
        src = progen.python_source(p)
        if args.keep:
            with open(os.path.join(work, 'program_%d.py' % p.pid), 'w') as f:
                f.write(src)
        texts = python_trace(src, '<program %d>' % p.pid, p.pid,
                             progen.op_pickers(p.pid, seed, args.sequences_per_program))
        if n % 10 == 9:
            gc.collect()  # cycles of dead frames and exceptions; every generator is gone already
        feats, yields = static_features(p)
        for k in feats:
            feats_count[k] += 1
        for sid, (t, cut, ops) in enumerate(texts):
            items.append((p.pid, sid, ops))
            traces.append((t, cut))
            py_ops += len(ops)
            py_gens += int(t[t.rindex('#end gens=') + 10:-1])
            dynamic_features(t if cut is None else t[:cut], yields, coverage['dynamic'])
    gc.enable()
    for k, v in feats_count.items():
        coverage['static'][k] += v
    ops_path = os.path.join(work, 'ops.txt')
    write_ops(ops_path, items)
    if args.keep:
        with open(os.path.join(work, 'py.trace'), 'w') as f:
            f.writelines(t for t, _ in traces)
    t_py = time.time() - t0

    exe = finish()
    t_build = time.time() - t0
    cpp_path = os.path.join(work, 'cpp.trace')
    c_seqs, c_ops, c_gens = cpp_traces(exe, ops_path, cpp_path, args.run_with)
    t_run = time.time() - t0

    cuts = sum(1 for _, cut in traces if cut is not None)
    totals['gc_runs'] += pyrt.GC_RUNS[0] - gc_runs_before
    totals['programs'] += len(progs)
    totals['sequences'] += len(items)
    totals['ops'] += py_ops
    totals['py_generators'] += py_gens
    totals['cpp_sequences'] += c_seqs
    totals['cpp_ops'] += c_ops
    totals['cpp_generators'] += c_gens
    totals['cut'] += cuts

    for (pid, sid, _), (t, _) in zip(items, traces):
        if 'PYTHON-SIDE LEAK' in t:
            raise ToolError('Python sequence %d %d leaked a generator (a reference cycle in the harness)' % (pid, sid))
    with open(cpp_path) as f:
        cpps = split_sequences(f.read())
    bad = []
    for (pid, sid, _), (t, cut) in zip(items, traces):
        if not same(t, cut, cpps.get((pid, sid), '')):
            bad.append((pid, sid, t, cut))
    totals['divergences'] += len(bad)
    say('batch seed %s: %d programs, %d sequences, %d ops, %d divergent sequences, %d compared up to a '
        'GC-dependent finalization (python done %.1fs, C++ built %.1fs, C++ ran %.1fs)' % (
            seed, len(progs), len(items), py_ops, len(bad), cuts, t_py, t_build, t_run))
    if c_seqs != len(items) or c_ops != py_ops or c_gens != py_gens:
        raise ToolError('the C++ side ran %d sequences, %d ops, %d generators; the Python side %d, %d, %d' % (
            c_seqs, c_ops, c_gens, len(items), py_ops, py_gens))
    if bad:
        pid, sid, t, cut = bad[0]
        by_key = {(p, s): o for p, s, o in items}
        kinds = collections.Counter(k[0] for k in bad)
        say('divergent sequences per program: ' +
            ', '.join('p%d: %d' % (p, n) for p, n in sorted(kinds.items())[:20]) +
            (' ...' if len(kinds) > 20 else ''))
        cpp_text = cpps.get((pid, sid), '')
        if cut is not None:
            say('(this sequence is compared only up to a GC-dependent finalization: its first %d lines)' %
                t[:cut].count('\n'))
            t, cpp_text = t[:cut], cpp_text[:cut]
        report_divergence(args, work, seed, [p for p in progs if p.pid == pid][0], by_key[(pid, sid)],
                          t, cpp_text, exe, time.time() + args.shrink_seconds)
    return not bad


def print_coverage(coverage, programs):
    say('coverage (programs containing the construct, of %d):' % programs)
    for name, key in STATIC_FEATURES:
        say('  %7d  %s' % (coverage['static'][key], name))
    say('coverage (op sequences in which it happened):')
    for name, key, _ in DYNAMIC_FEATURES:
        say('  %7d  %s' % (coverage['dynamic'][key], name))
    missing = [k for k in REQUIRED if not (coverage['static'][k] or coverage['dynamic'][k])]
    return missing


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=1, help='the first batch\'s seed (default 1)')
    ap.add_argument('--batches', type=int, default=1, help='batches to run, seeds SEED, SEED+1, ... (default 1)')
    ap.add_argument('--programs', type=int, default=200, help='programs per batch (default 200)')
    ap.add_argument('--sequences-per-program', type=int, default=500, help='op sequences per program (default 500)')
    ap.add_argument('--jobs', type=int, default=2, help='compiler processes at once (default 2)')
    ap.add_argument('--tus', type=int, default=0, help='translation units per batch (default: 2 per job)')
    ap.add_argument('--compiler', default='g++', help='g++ (default) or clang++')
    ap.add_argument('--std', default='c++17', help='C++ standard (default c++17)')
    ap.add_argument('--opt', default='-O1', help='optimization flag, written --opt=-O2 (default -O1)')
    ap.add_argument('--cxxflags', default='', help='extra compiler flags, written --cxxflags="-DNDEBUG -fsanitize=undefined"')
    ap.add_argument('--include', metavar='DIR', default=os.path.join(REPO, 'include'),
                    help='the pygen headers to test (default: this checkout\'s include/)')
    ap.add_argument('--any-python', action='store_true',
                    help='run with a python3 other than 3.11, the version pygen follows')
    ap.add_argument('--run-with', metavar='CMD', default='',
                    help='run the C++ driver under CMD, e.g. --run-with="valgrind -q --error-exitcode=99" '
                    '(with --cxxflags=-DBOOST_USE_VALGRIND)')
    ap.add_argument('--only', metavar='PIDS', help='run only these programs of the batch (e.g. 29,30)')
    ap.add_argument('--keep', metavar='DIR', help='keep every generated file (programs, ops, traces) in DIR')
    ap.add_argument('--repro-dir', metavar='DIR', help='where reproducers go (default build/difftest-repro in this checkout)')
    ap.add_argument('--no-shrink', action='store_true', help='do not minimize a divergence')
    ap.add_argument('--shrink-seconds', type=float, default=240, help='time limit of shrinking (default 240)')
    ap.add_argument('--min-sequences', type=int, default=0,
                    help='fail unless at least this many sequences ran (CI: 100000)')
    ap.add_argument('--require-coverage', action='store_true',
                    help='fail unless every feature of the list in README.md happened')
    args = ap.parse_args(argv)
    args.cxxflags = args.cxxflags.split()
    args.run_with = shlex.split(args.run_with)
    args.include = os.path.abspath(args.include)
    if sys.version_info[:2] != (3, 11) and not args.any_python:
        say('difftest: ERROR: this is Python %d.%d; pygen follows CPython 3.11 (later versions changed '
            'close() and more): run it with python3.11, or pass --any-python' % sys.version_info[:2])
        return 2
    args.only = [int(x) for x in args.only.split(',')] if args.only else None
    if args.tus <= 0:
        args.tus = 2 * max(1, args.jobs)

    t0 = time.time()
    say('difftest: seed %d, %d batch(es) of %d programs x %d op sequences, %s %s -std=%s, %d jobs' % (
        args.seed, args.batches, args.programs, args.sequences_per_program, args.compiler, args.opt, args.std,
        args.jobs))
    say('rerun exactly: python3 tools/difftest/difftest.py --seed %d --batches %d --programs %d '
        '--sequences-per-program %d --compiler %s --std %s --opt=%s%s%s' % (
            args.seed, args.batches, args.programs, args.sequences_per_program, args.compiler, args.std, args.opt,
            ' --cxxflags="%s"' % ' '.join(args.cxxflags) if args.cxxflags else '',
            ' --only %s' % ','.join(map(str, args.only)) if args.only else '') +
        (' --include %s' % args.include if args.include != os.path.join(REPO, 'include') else ''))
    totals = collections.Counter()
    coverage = {'static': collections.Counter(), 'dynamic': collections.Counter()}
    ok = True
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for b in range(args.batches):
                if not run_batch(args, args.seed + b, totals, coverage, pool):
                    ok = False
                    break
    except ToolError as e:
        say('difftest: ERROR: %s' % e)
        ok = False
        totals['errors'] += 1
    missing = print_coverage(coverage, totals['programs'])
    elapsed = time.time() - t0
    say('programs: %d' % totals['programs'])
    say('sequences: %d' % totals['sequences'])
    say('ops: %d' % totals['ops'])
    say('generators: %d python, %d C++; ops executed by the C++ driver: %d' % (
        totals['py_generators'], totals['cpp_generators'], totals['cpp_ops']))
    say('sequences whose destruction needed a collection on the Python side (README.md): %d' % totals['gc_runs'])
    say('sequences compared only up to a GC-dependent finalization (README.md): %d' % totals['cut'])
    say('divergences: %d' % totals['divergences'])
    say('time: %.1f s' % elapsed)
    if args.require_coverage and missing and not totals['errors']:
        say('difftest: FAILED: these features never happened (the generator lost coverage): ' + ', '.join(missing))
        ok = False
    if totals['sequences'] < args.min_sequences:
        say('difftest: FAILED: %d sequences ran, fewer than the %d required' % (totals['sequences'],
                                                                               args.min_sequences))
        ok = False
    if totals['divergences']:
        say('difftest: FAILED: pygen and CPython disagree (seed %d); see the reproducer above' % args.seed)
    say('difftest: %s' % ('PASSED' if ok else 'FAILED'))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
