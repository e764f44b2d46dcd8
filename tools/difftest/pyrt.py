# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""What a generated Python program runs against, and the driver that plays an op sequence.

runtime.hpp is the same in C++; the two must print byte-identical traces. A generated program
does `from pyrt import *` (or is exec'd in a copy of this module's namespace).
"""

import gc
import inspect
import re
import sys
import types
import weakref

__all__ = ['LOG', 'log', 'E1', 'E2', 'Marker', 'Cell', 'mk', 'CM', 'desc', 'sv', 'state', 'reenter',
           'run_seq', 'install_hook']

LOG = []
log = LOG.append
STATS = [0]  # generators created in the current sequence
ALIVE = []   # weak references to them
GC_RUNS = [0]  # sequences that needed gc.collect() after del
CUT = [None]   # how many lines of LOG to compare, when not all (see _hook, _delete)
CELLS = {}     # id(generator) -> its Cell, for the generators of the current sequence
OPS_DONE = []  # the ops run_seq played
ROOT = [0]     # id() of the sequence's root generator


class E1(Exception):
    pass


class E2(E1):
    pass


class Marker(Exception):
    """What the caller is handling when an op is made from inside its own except block."""


class Cell:
    """A generator's handle on itself (or on the root of its yield-from chain): a weak reference,
    so it makes no cycle, and it is dead while the generator is finalized, as in C++. kids: weak
    references to the generators its body created (for _hook)."""
    __slots__ = ('r', 'kids')

    def __init__(self):
        self.r = None
        self.kids = []

    def get(self):
        r = self.r
        return None if r is None else r()


def mk(fn, root, d, parent=None):
    """fn(...) with its Cell; parent: the Cell of the generator whose body calls this."""
    c = Cell()
    g = fn(c, c if root is None else root, d)
    c.r = weakref.ref(g)
    ALIVE.append(c.r)
    CELLS[id(g)] = c
    if parent is not None:
        parent.kids.append(c.r)
    STATS[0] += 1
    return g


class CM:
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        LOG.append('enter ' + self.name)

    def __exit__(self, *exc):
        LOG.append('exit ' + self.name)
        return False


# pygen's attribute_error cannot name the iterator's Python type (README, "Porting table").
_send_attr = re.compile(r"^'\w+' object has no attribute 'send'$")


def desc(e):
    t = type(e)
    if t is StopIteration:
        return 'StopIteration(%s)' % ('None' if e.value is None else e.value)
    if t is GeneratorExit:
        return 'GeneratorExit()'
    msg = str(e)
    if t is AttributeError and _send_attr.match(msg):
        msg = "object has no attribute 'send'"
    return '%s(%s)' % (t.__name__, msg)


def sv(x):
    return 'None' if x is None else str(x)


_getstate = inspect.getgeneratorstate
_generator = types.GeneratorType


def state(cell):
    g = cell.get()
    return 'gone' if g is None else _getstate(g)


# No local may hold the generator: the traceback of the ValueError keeps this frame, and a body
# that suspends while handling it would keep the generator in a cycle (finalized by the cyclic
# GC at no fixed time, instead of at del).
def reenter(cell, op, tag):
    if cell.get() is None:
        LOG.append(tag + ' gone')
        return
    LOG.append(tag + ' ' + op)
    if op == 'next':
        next(cell.get())
    elif op == 'send':
        cell.get().send(7)
    elif op == 'sendnone':
        cell.get().send(None)
    elif op == 'close':
        cell.get().close()
    elif op == 'throw':
        cell.get().throw(E1(tag))
    elif op == 'throwge':
        cell.get().throw(GeneratorExit())
    LOG.append(tag + ' no error')


def _hook(u):
    LOG.append('unraisable ' + desc(u.exc_value))
    g = u.object
    if CUT[0] is not None or type(g) is not _generator or id(g) == ROOT[0] or \
            type(u.exc_value) is not RuntimeError or str(u.exc_value) != 'generator ignored GeneratorExit':
        return
    # This generator yielded again while being finalized. pygen unwinds its frame by force, and
    # finalizes at once the generators the frame holds (the sub-generator of a `yield from`, the
    # one a `for` loop walks). CPython drops the frame, but when a traceback still holds the
    # frame's object, that keeps a copy of the frame's stack, and those generators with it,
    # until the traceback goes: later, or at a collection when it is in a cycle. So when this
    # generator holds unfinished generators, the rest of the sequence is not compared. (For the
    # root, _delete collects at once, where pygen unwinds it.)
    c = CELLS.get(id(g))
    if c is not None:
        for r in c.kids:
            k = r()
            if k is not None and _getstate(k) != 'GEN_CLOSED':
                CUT[0] = len(LOG)
                break


def install_hook():
    sys.unraisablehook = _hook


def _exception(core, i):
    k = core[1]
    if k == '1':
        return E1('t%d' % i)
    if k == '2':
        return E2('t%d' % i)
    if k == 'g':
        return GeneratorExit()
    if core == 'tsn':
        return StopIteration()
    return StopIteration(int(core[2:]))


# No local here may hold the generator or an exception: a traceback keeps this frame, and a
# cycle through it would leave the generator to the cyclic GC, at no fixed time.
def _perform(box, core, i):
    if core == 'n':
        return 'yield %d' % next(box[0])
    c0 = core[0]
    if c0 == 's':
        return 'yield %d' % box[0].send(None if core == 'sn' else int(core[1:]))
    if c0 == 't':
        return 'yield %d' % box[0].throw(_exception(core, i))
    if core == 'c':
        box[0].close()
        return 'closed'
    if core == 'i':
        for v in box[0]:
            LOG.append('item %d' % v)
        return 'drained'
    raise AssertionError('unknown op ' + core)


def _marker_check():
    LOG.append('marker ' + ('ok' if type(sys.exc_info()[1]) is Marker else 'lost'))


def _in_except(box, core, i):
    try:
        raise Marker()
    except Marker:
        res = _perform(box, core, i)
        _marker_check()
        return res


def _delete(box):
    box.clear()
    if any(r() is not None for r in ALIVE):
        # A generator that ignored GeneratorExit while being finalized keeps its frame, and the
        # sub-generator it delegates to, in a cycle through its pending exception's traceback:
        # CPython finalizes them at the next collection, at no fixed time; pygen while it unwinds
        # the frame by force, in the destructor. The driver collects at once, in the del. When
        # that finalization leaves new cycles of generators behind, which the next collection
        # would finalize, the sequence is compared only up to the first collection.
        GC_RUNS[0] += 1
        mark = len(LOG)
        gc.collect()
        rounds = 0
        while any(r() is not None for r in ALIVE) and rounds < 10:
            if CUT[0] is None:
                CUT[0] = mark
            gc.collect()
            rounds += 1


def _del_in_except(box):
    try:
        raise Marker()
    except Marker:
        _delete(box)
        _marker_check()


def run_seq(f0, ops):
    """Plays the ops on a fresh generator of f0 and returns the trace lines. `ops` is a list of op
    tokens (README.md), or an object whose next_op(state) gives the next op after seeing the state
    (progen.OpPicker); OPS_DONE is then what was played. CUT[0] is None, or how many trace lines
    to compare with pygen's (_hook and _delete say why)."""
    del LOG[:]
    del ALIVE[:]
    del OPS_DONE[:]
    CUT[0] = None
    CELLS.clear()
    STATS[0] = 0
    box = [mk(f0, None, 0)]
    ROOT[0] = id(box[0])
    pick = ops.next_op if hasattr(ops, 'next_op') else None
    listed = iter(ops) if pick is None else None
    state = 'GEN_CREATED'
    i = 0
    while True:
        op = pick(state) if pick is not None else next(listed)
        OPS_DONE.append(op)
        LOG.append('>> ' + op)
        x = op[0] == 'x'
        core = op[1:] if x else op
        if core == 'd':
            if x:
                _del_in_except(box)
            else:
                _delete(box)
            LOG.append('<< deleted')
            break
        try:
            res = _in_except(box, core, i) if x else _perform(box, core, i)
        except BaseException as ex:
            res = 'raise ' + desc(ex)
        state = _getstate(box[0])
        LOG.append('<< ' + res + ' ' + state)
        i += 1
    if any(r() is not None for r in ALIVE):
        # A reference cycle would leave finalization to the cyclic GC, at no fixed time.
        LOG.append('PYTHON-SIDE LEAK: a generator outlived del (a bug of the difftest harness)')
    LOG.append('#end gens=%d' % STATS[0])
    return LOG
