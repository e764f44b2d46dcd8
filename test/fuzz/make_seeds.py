#!/usr/bin/env python3
# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""Writes the hand-made seed inputs of the fuzzer, corpus/seed-*, in the byte format that
scenario.hpp decodes: each covers a body feature or a caller operation. Run it again after a
change of the format (the other corpus files, found by fuzzing, then need regenerating too):

  python3 test/fuzz/make_seeds.py [DIR]      (default: test/fuzz/corpus)

Statements: ('yield', v) ('yf', f) for `yield from f<f>()`, ('yfs', k) for `yield from S[k]`,
('list', n, first) ('raise', 'E1'|'E2'|'GE'|'SI', v) ('reraise',) ('return', v|None)
('try', body, [(catch, body), ...]) with catch one of 'E1' 'E2' 'GE' 'Exception' 'BaseException',
('guard', body), ('loop', n, body), ('reenter', 'next'|'send'|'throw'|'close'|'state', v[, on])
with on 0 for SELF (g), k for S[k]. A block has at most 4 statements.
Ops on g: 'next' ('send', v) 'send_none' ('throw', kind, v) 'close' 'state' ('move', assign)
'destroy' ('for', k); ('in_catch', op); ('S', k, op): op on S[k] (S[k] = f<k>(), made at the start).
"""

import os
import sys

EXC = {'E1': 0, 'E2': 1, 'GE': 2, 'SI': 3}
CATCH = {'E1': 0, 'E2': 1, 'GE': 2, 'Exception': 3, 'BaseException': 4}
REENTER = {'next': 0, 'send': 1, 'throw': 2, 'close': 3, 'state': 4}


def block(stmts, f, n):
    assert len(stmts) <= 4, 'a block holds 4 statements at most'
    out = [len(stmts)]
    for s in stmts:
        out += stmt(s, f, n)
    return out


def stmt(s, f, n):
    kind = s[0]
    if kind == 'yield':
        return [0, s[1]]
    if kind == 'yf':
        assert f < s[1] < n, 'yield from names a later function'
        return [3, s[1] - f - 1]
    if kind == 'yfs':
        assert 1 <= s[1] < n, 'S[k] exists for the functions after f0'
        return [15, s[1] - 1]
    if kind == 'list':
        return [4, s[1], s[2]]
    if kind == 'raise':
        return [5, EXC[s[1]], s[2]]
    if kind == 'reraise':
        return [6, 0]
    if kind == 'return':
        return [7, 100 if s[1] is None else s[1]]
    if kind == 'try':
        handlers = s[2]
        assert 1 <= len(handlers) <= 2
        out = [8] + block(s[1], f, n) + [len(handlers) - 1]
        for catch, body in handlers:
            out += [CATCH[catch]] + block(body, f, n)
        return out
    if kind == 'guard':
        return [11] + block(s[1], f, n)
    if kind == 'loop':
        return [12, s[1]] + block(s[2], f, n)
    if kind == 'reenter':
        on = s[3] if len(s) > 3 else 0
        assert on < n
        return [13, REENTER[s[1]], s[2], on]
    raise ValueError(kind)


def op(o):
    if isinstance(o, str):
        o = (o,)
    kind = o[0]
    simple = {'next': 0, 'send_none': 5, 'close': 7, 'state': 8, 'destroy': 10}
    if kind in simple:
        return [simple[kind]]
    if kind == 'send':
        return [4, o[1]]
    if kind == 'throw':
        return [6, EXC[o[1]], o[2]]
    if kind == 'move':
        return [9, 1 if o[1] else 0]
    if kind == 'for':
        return [11, o[1] - 1]
    if kind == 'in_catch':
        return [12] + op(o[1])
    if kind == 'S':
        return [13, o[1] - 1] + op(o[2])
    raise ValueError(kind)


def encode(functions, ops):
    """functions: each a body, or (type, body) with type 0 (A: generator<int, opt, opt>) or
    1 (B: generator<long, opt, opt>); the first is the generator the ops drive."""
    fns = [f if isinstance(f, tuple) else (0, f) for f in functions]
    n = len(fns)
    assert 1 <= n <= 4
    out = [(n - 1) | (fns[0][0] << 2)]
    for i, (t, body) in enumerate(fns):
        if i > 0:
            out.append(t)
        out += block(body, i, n)
    for o in ops:
        out += op(o)
    assert all(0 <= b < 256 for b in out)
    return bytes(out)


Y = lambda v: ('yield', v)
GE_RERAISE = ('GE', [('reraise',)])

SEEDS = {
    # next, send and the end of the body
    'next-return-value': ([[Y(1), Y(2), ('return', 3)]], ['next', 'next', 'next', 'next']),
    'send-values': ([[Y(1), Y(2)]], [('send', 5), 'send_none', ('send', 7), ('send', 8), 'next']),
    'return-none': ([[Y(1), ('return', None)]], ['next', 'next', ('send', 1), 'state']),
    'empty-body': ([[]], ['state', 'next', 'next', 'close']),
    # throw
    'throw-created': ([[('try', [Y(1)], [('E1', [Y(2)])])]], [('throw', 'E1', 1), 'next']),
    'throw-caught-yields': ([[('try', [Y(1)], [('E1', [Y(2)]), ('E2', [Y(3)])]), Y(4)]],
                            ['next', ('throw', 'E1', 2), 'next', ('throw', 'E2', 3), 'next']),
    'throw-uncaught': ([[('guard', [Y(1)])]], ['next', ('throw', 'E2', 4), 'next', ('throw', 'E1', 5)]),
    'throw-stop-iteration': ([[('try', [Y(1)], [('Exception', [Y(9)])]), Y(2)]],
                             ['next', ('throw', 'SI', 3), ('throw', 'SI', 0), 'next']),
    'throw-generator-exit': ([[('try', [Y(1)], [('GE', [Y(5)])]), Y(6)]],
                             ['next', ('throw', 'GE', 0), 'next', ('throw', 'GE', 0)]),
    'throw-closed': ([[Y(1)]], ['next', 'next', ('throw', 'E1', 1), ('throw', 'SI', 2), ('throw', 'GE', 0)]),
    # close
    'close-states': ([[('guard', [('try', [Y(1)], [GE_RERAISE])])]], ['close', 'destroy', 'next', 'close', 'close']),
    'close-ignored': ([[('loop', 3, [('try', [Y(1)], [('GE', [])])]), Y(2)]],
                      ['next', 'close', 'state', 'close', 'close', 'close', 'next']),
    'close-raises': ([[('try', [Y(1)], [('GE', [('raise', 'E1', 7)])])]], ['next', 'close', 'next']),
    'close-returns': ([[('try', [Y(1)], [('BaseException', [('return', 5)])])]], ['next', 'close', 'next']),
    'close-stop-iteration': ([[('try', [Y(1)], [('GE', [('raise', 'SI', 4)])])]], ['next', 'close']),
    'raise-generator-exit': ([[Y(1), ('raise', 'GE', 0)]], ['next', 'next', 'close']),
    # finalization
    'destroy-created': ([[('guard', [Y(1)])]], ['destroy', 'state', 'next', 'destroy']),
    'destroy-guards': ([[('guard', [('guard', [('loop', 2, [Y(1)])])])]], ['next', 'destroy', 'next', 'next']),
    'destroy-ignoring': ([[('guard', [('try', [Y(1)], [('GE', [('guard', [Y(2)])])])])]], ['next', 'destroy']),
    'destroy-raising': ([[('try', [Y(1)], [('Exception', []), ('GE', [('raise', 'E2', 3)])])]], ['next', 'destroy']),
    'end-suspended': ([[('guard', [Y(1), Y(2)])]], ['next']),
    # PEP 479
    'pep479-body': ([[Y(1), ('raise', 'SI', 0)], ], ['next', 'next', 'next']),
    'pep479-caught-inside': ([[('try', [('raise', 'SI', 5)], [('Exception', [Y(1)])]), ('raise', 'SI', 6)]],
                             ['next', 'next']),
    # bare raise and yields inside except blocks (switching in catch blocks, trap 1)
    'reraise-after-yield': ([[('try', [('raise', 'E1', 1)], [('E1', [Y(1), Y(2), ('reraise',)])])]],
                            ['next', ('in_catch', 'next'), ('in_catch', 'next')]),
    'catch-in-catch': ([[('try', [Y(1)], [('E1', [('try', [Y(2)], [('E2', [Y(3), ('reraise',)])]),
                                                  ('reraise',)])])]],
                       ['next', ('in_catch', ('throw', 'E1', 1)), ('in_catch', ('throw', 'E2', 2)), 'next']),
    'in-catch-everything': ([[('try', [Y(1), Y(2)], [('BaseException', [Y(3), ('reraise',)])])]],
                            [('in_catch', 'next'), ('in_catch', ('send', 4)), ('in_catch', ('throw', 'E2', 1)),
                             ('in_catch', 'state'), ('in_catch', 'close'), ('in_catch', 'destroy'),
                             ('in_catch', ('for', 2)), ('in_catch', ('move', 0))]),
    'destroy-in-handler-in-catch': ([[('try', [Y(1)], [('E1', [Y(2), ('reraise',)])])]],
                                    ['next', ('throw', 'E1', 3), ('in_catch', 'destroy')]),
    # re-entrant calls
    'reenter-all': ([[('try', [('reenter', 'next', 0)], [('Exception', [])]),
                      ('try', [('reenter', 'send', 3)], [('Exception', [])]),
                      ('try', [('reenter', 'throw', 4)], [('Exception', [])]),
                      ('loop', 1, [('try', [('reenter', 'close', 0)], [('Exception', [])]),
                                   ('reenter', 'state', 0), Y(1), ('reenter', 'next', 0)])]],
                    ['next', 'next']),
    'reenter-while-finalized': ([[('try', [Y(1)], [('GE', [('reenter', 'state', 0), ('reenter', 'next', 0)])])]],
                                ['next', 'destroy', 'next', 'close']),
    # yield from
    'yf-one': ([[('yf', 1), Y(9)], [Y(1), Y(2), ('return', 3)]], ['next', ('send', 5), 'next', 'next', 'next']),
    'yf-depth3-close': ([(0, [('guard', [('yf', 1)])]), (1, [('guard', [('yf', 2)])]),
                         (0, [('guard', [('yf', 3)])]), (1, [('try', [Y(1)], [GE_RERAISE])])],
                        ['next', 'state', 'close', 'next']),
    'yf-depth3-throw': ([(1, [('try', [('yf', 1)], [('E1', [Y(10)])])]), (0, [('yf', 2), Y(20)]),
                         (1, [('yf', 3)]), (0, [('try', [Y(1)], [('E2', [('return', 4)])])])],
                        ['next', ('throw', 'E2', 1), ('throw', 'E1', 2), 'next', 'next']),
    'yf-throw-ge': ([[('try', [('yf', 1)], [('GE', [Y(7)])])], [('try', [Y(1)], [GE_RERAISE])]],
                    ['next', ('throw', 'GE', 0), 'next']),
    'yf-sub-ignores-close': ([[('try', [('yf', 1)], [('Exception', [Y(10)])])],
                              [('loop', 3, [('try', [Y(1)], [('GE', [])])])]],
                             ['next', 'close', 'state', 'close']),
    'yf-sub-raises-on-close': ([[('try', [('yf', 1)], [('E2', [Y(5)])]), Y(6)],
                                [('try', [Y(1)], [('GE', [('raise', 'E2', 2)])])]],
                               ['next', 'close', 'next']),
    'yf-sub-returns-on-close': ([[('try', [('yf', 1)], [('GE', [('reraise',)])])],
                                 [('try', [Y(1)], [('GE', [('return', 5)])])]],
                                ['next', 'close']),
    'yf-destroy-ignoring-sub': ([[('guard', [('yf', 1)])], [('guard', [('loop', 3, [('try', [Y(1)], [('GE', [])])])])]],
                                ['next', 'destroy']),
    'yf-top-ignores-into-yf': ([[('try', [Y(1)], [('GE', [('yf', 1)])])],
                                [('guard', [('try', [Y(2)], [('GE', [Y(3)])])])]],
                               ['next', 'close', 'destroy']),
    'yf-top-ignores-then-closed': ([[('try', [Y(1)], [('GE', [('yf', 1)])])],
                                    [('guard', [('try', [Y(2)], [('GE', [Y(3)])])])]],
                                   ['next', 'close', 'close', 'close', 'state']),
    'yf-pep479-sub': ([[('try', [('yf', 1)], [('Exception', [Y(4)])])], [Y(1), ('raise', 'SI', 2)]],
                      ['next', 'next', 'next']),
    'yf-reenter-from-sub': ([[('yf', 1)], [('try', [('reenter', 'next', 0)], [('Exception', [])]),
                                           ('reenter', 'state', 0), Y(1),
                                           ('try', [Y(2)], [('GE', [('reenter', 'close', 0), ('reraise',)])])]],
                            ['next', 'next', 'close']),
    'yf-mixed-types': ([(1, [('yf', 1), ('yf', 2)]), (0, [Y(1), ('return', 2)]), (1, [Y(3), ('return', None)])],
                       [('send', 4), 'next', ('send', 5), 'next', 'next']),
    # yield from a list
    'yf-list': ([[('list', 3, 10), ('list', 0, 0), Y(1)]], ['next', 'next', 'next', 'next', 'next']),
    'yf-list-send': ([[('try', [('list', 3, 10)], [('Exception', [Y(20)])])]], ['next', ('send', 1), 'next']),
    'yf-list-throw-close': ([[('try', [('list', 2, 10)], [('E1', [('list', 2, 30)])])]],
                            ['next', ('throw', 'E1', 1), 'next', 'close']),
    # for loops, moves, states
    'for-partial': ([[('loop', 3, [Y(1), Y(2)]), ('return', 9)]], [('for', 2), ('for', 1), ('for', 4), 'next']),
    'for-raises': ([[Y(1), ('raise', 'E1', 1)]], [('for', 4), ('for', 1)]),
    'move-around': ([[('guard', [Y(1), Y(2), Y(3)])]], ['next', ('move', 0), 'next', ('move', 1), 'state', 'next']),
    # generators the caller holds: yield from S[k], direct calls while a yield from waits on them
    'shared-direct-call-while-delegating': ([[], [('try', [('yfs', 2)], [('Exception', [Y(10)])])],
                                             [Y(1), ('reenter', 'next', 0, 1), Y(2)]],
                                            [('S', 1, 'next'), ('S', 2, 'next'), ('S', 2, 'next'), ('S', 1, 'next')]),
    'shared-direct-call-on-chain-middle': ([[], [('yf', 3)], [('yfs', 1)], [Y(1), ('reenter', 'next', 0, 2), Y(2)]],
                                           [('S', 2, 'next'), ('S', 1, 'next'), ('S', 1, 'next'), ('S', 2, 'next')]),
    'shared-chain-end-moves-up': ([[], [('yf', 3), ('reenter', 'next', 0, 2), Y(9)], [('yfs', 1)], [Y(1)]],
                                  [('S', 2, 'next'), ('S', 1, 'next'), ('S', 1, 'next'), ('S', 2, 'next')]),
    'shared-throw-into-delegator-of-running': ([[('yfs', 1)], [Y(23), ('reenter', 'throw', 12, 0), Y(3)]],
                                               ['next', ('S', 1, ('send', 32)), 'next']),
    'shared-close-while-sub-runs': ([[], [('try', [('yfs', 2)], [('Exception', [Y(10)])])],
                                     [Y(1), ('reenter', 'close', 0, 1), Y(2)]],
                                    [('S', 1, 'next'), ('S', 2, 'next'), ('S', 2, 'next'), ('S', 1, 'next')]),
    'shared-yield-from-chain-that-runs': ([[], [('try', [('yfs', 2)], [('E1', [])]), Y(5)], [Y(55), ('yfs', 1)]],
                                          [('S', 1, 'next'), ('S', 2, 'next'), ('S', 1, ('throw', 'E1', 0)),
                                           ('S', 1, 'next')]),
    'shared-cycle': ([[], [('yfs', 2), Y(1)], [Y(2), ('yfs', 1), Y(3)]],
                     [('S', 1, 'next'), ('S', 2, 'next'), ('S', 1, 'next'), ('S', 2, 'next')]),
    'shared-self-yield-from': ([[('yfs', 1)], [('try', [('yfs', 1)], [('Exception', [Y(5)])])]],
                               [('S', 1, 'next'), 'next', ('S', 1, 'next'), 'next']),
    'shared-closed-in-chain-keeps-no-value': ([[('yfs', 2)], [('yfs', 2), Y(9)],
                                               [('try', [Y(1), Y(2)], [('GE', [('return', 38)])])]],
                                              ['next', ('S', 1, 'next'), 'close', ('S', 1, 'next')]),
    'shared-exhausted-directly': ([[('yfs', 1), Y(9)], [Y(1), ('return', 5)]],
                                  ['next', ('S', 1, 'next'), 'next', 'next']),
    'shared-throw-si-into-exhausted': ([[('yfs', 1), Y(9)], [Y(1), ('return', 5)]],
                                       ['next', ('S', 1, 'next'), ('throw', 'SI', 7), 'next']),
    'shared-close-delegator-of-exhausted': ([[('try', [('yfs', 1)], [GE_RERAISE])], [Y(1)]],
                                            ['next', ('S', 1, 'next'), 'close']),
    'shared-destroyed-while-delegated': ([[('guard', [('yfs', 1)]), Y(9)], [('guard', [Y(1), Y(2), Y(3)])]],
                                         ['next', ('S', 1, 'destroy'), 'next', 'next', 'next', ('S', 1, 'next')]),
    'shared-orphan-finalized-with-g': ([[('guard', [('yfs', 1)])], [('guard', [('try', [Y(1)], [('GE', [Y(2)])])])]],
                                       ['next', ('S', 1, 'destroy'), 'destroy', ('S', 1, 'state')]),
    'shared-two-delegators': ([[('yfs', 2), Y(9)], [('yfs', 2), Y(8)], [Y(1), Y(2), Y(3), ('return', 4)]],
                              ['next', ('S', 1, 'next'), 'next', ('S', 1, 'next'), 'next', ('S', 1, 'close'),
                               ('S', 2, 'state')]),
    'shared-nested-resume': ([[('reenter', 'next', 0, 1), ('reenter', 'send', 5, 1), Y(7), ('reenter', 'close', 0, 1)],
                              [Y(1), Y(2), ('guard', [Y(3)])]],
                             ['next', 'next', 'next']),
    'shared-moved-while-delegated': ([[('yfs', 1), Y(9)], [Y(1), Y(2)]],
                                     ['next', ('S', 1, ('move', 0)), 'next', ('S', 1, ('move', 1)), ('S', 1, 'next'),
                                      'next']),
    'shared-in-catch-and-for': ([[('yfs', 1)], [('try', [Y(1), Y(2)], [('E1', [Y(3), ('reraise',)])]), Y(4)]],
                                [('in_catch', ('S', 1, 'next')), ('in_catch', ('S', 1, ('throw', 'E1', 2))),
                                 ('S', 1, ('for', 2)), ('in_catch', 'next'), 'next']),
    'shared-mixed-types': ([(1, [('yfs', 1), ('yfs', 2)]), (0, [Y(1), ('reenter', 'throw', 3, 0), Y(2)]),
                            (1, [Y(4), ('reenter', 'next', 0, 1)])],
                           ['next', ('S', 1, 'next'), 'next', ('S', 2, 'next'), 'next']),
    'shared-end-order': ([[('guard', [('yfs', 1)])], [('guard', [('yfs', 2)])],
                          [('guard', [('try', [Y(1)], [('GE', [Y(2)])])])]],
                         ['next']),
    'return-in-loop': ([[('loop', 3, [('guard', [Y(1), ('loop', 2, [('guard', [('return', 8)])])])])]],
                       ['next', 'next', 'next']),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'corpus')
    os.makedirs(out, exist_ok=True)
    for name, (functions, ops) in sorted(SEEDS.items()):
        with open(os.path.join(out, 'seed-' + name), 'wb') as f:
            f.write(encode(functions, ops))
    print('make_seeds.py: %d seeds written to %s' % (len(SEEDS), out))


if __name__ == '__main__':
    main()
