# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

"""Random generator functions (one AST, emitted as Python and as C++ on pygen) and random caller
op sequences. Everything is a function of the seed string passed in: same seed, same programs."""

import random

# except clauses: Python name -> C++ catch type (None: catch (...), after forced_unwind passes).
HANDLERS = {
    'E1': 'dt::E1',
    'E2': 'dt::E2',
    'GeneratorExit': 'pygen::generator_exit',
    'StopIteration': 'pygen::stop_iteration',
    'ValueError': 'pygen::value_error',
    'RuntimeError': 'pygen::runtime_error',
    'AttributeError': 'pygen::attribute_error',
    'Exception': 'std::exception',
    'BaseException': None,
}
HANDLER_WEIGHTS = [('E1', 8), ('E2', 5), ('GeneratorExit', 7), ('StopIteration', 3), ('ValueError', 3),
                   ('RuntimeError', 3), ('AttributeError', 2), ('Exception', 4), ('BaseException', 5)]
REENTER_OPS = ['next', 'send', 'sendnone', 'close', 'throw', 'throwge']
TERMINATORS = ('raise', 'return', 'reraise', 'break', 'continue')
# A yielded value tells where it came from: fid * VALUE_FID + nid * 10 (+ the loop variable);
# values from `yield from` a list or range are LIST_BASE and up.
VALUE_FID = 10000
LIST_BASE = 90000


class Node:
    """A statement. kind and the fields below; nid is unique within its function."""

    def __init__(self, kind, nid, **kw):
        self.kind = kind
        self.nid = nid
        self.__dict__.update(kw)


class Ctx:
    """Where a statement is generated: enclosing loop variables and exception contexts."""

    def __init__(self, loops=(), exc=(), depth=0, in_ge=False):
        self.loops = loops  # loop variable names, innermost last; None for a loop over a generator
        self.exc = exc      # 'h' (except handler) / 'f' (finally), innermost last
        self.depth = depth
        self.in_ge = in_ge  # inside an `except GeneratorExit` (or catch-all) handler

    def but(self, **kw):
        c = Ctx(self.loops, self.exc, self.depth, self.in_ge)
        c.__dict__.update(kw)
        return c


def _weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for item, w in pairs:
        r -= w
        if r < 0:
            return item
    return pairs[-1][0]


class Function:
    def __init__(self, fid, body, final, ylong):
        self.fid = fid
        self.body = body
        self.final = final  # the value of the return at the end
        self.ylong = ylong  # C++ only: Y is long, not int (a forwarded, not linked, yield.from)


class Program:
    def __init__(self, pid, seed, functions):
        self.pid = pid
        self.seed = seed
        self.functions = functions  # f0 first


class _FunctionGen:
    MAX_DEPTH = 3

    def __init__(self, rng, fid, nfuncs):
        self.rng = rng
        self.fid = fid
        self.nfuncs = nfuncs
        self.next_nid = 1

    def nid(self):
        n = self.next_nid
        self.next_nid += 1
        return n

    def value(self, nid):
        return self.fid * VALUE_FID + nid * 10

    def block(self, ctx, lo=1, hi=3):
        out = []
        for _ in range(self.rng.randint(lo, hi)):
            s = self.stmt(ctx)
            out.append(s)
            if s.kind in TERMINATORS:
                break  # what would follow is dead code: it only costs compile time
        return out

    def stmt(self, ctx):
        rng = self.rng
        compound = ctx.depth < self.MAX_DEPTH
        choices = [('yield', 34), ('log', 2), ('raise', 4), ('return', 3), ('reenter', 4), ('state', 2),
                   ('yfrom_iter', 4)]
        if compound:
            choices += [('try', 22), ('with', 6), ('for', 8)]
        if self.fid < self.nfuncs - 1:
            choices.append(('yfrom', 12))
            if compound:
                choices.append(('forgen', 3))
        if ctx.exc and ctx.exc[-1] == 'h':
            choices.append(('reraise', 10 if ctx.in_ge else 6))
        if ctx.loops:
            choices += [('break', 3), ('continue', 2)]
            if compound and ctx.loops[-1] is not None:
                choices.append(('ifi', 4))
        kind = _weighted(rng, choices)
        n = self.nid()
        inner = ctx.but(depth=ctx.depth + 1)
        if kind == 'yield':
            branch = None
            if compound and rng.random() < 0.3:
                branch = (rng.randint(0, 9), self.block(inner, 0, 2), self.block(inner, 0, 2),
                          self.block(inner, 0, 2))
            return Node('yield', n, val=self.value(n), loop=ctx.loops[-1] if ctx.loops else None, branch=branch)
        if kind == 'log':
            return Node('log', n)
        if kind == 'raise':
            what = _weighted(rng, [('E1', 5), ('E2', 3), ('SI', 2)])
            return Node('raise', n, what=what, val=self.value(n) + 1)
        if kind == 'return':
            return Node('return', n, val=self.value(n) + 2)
        if kind == 'reenter':
            who = rng.choice(['me', 'root'])
            # CPython 3.11 crashes (segfault) on throw()/close() of a delegator whose frame is
            # unwinding out of `yield from` while the sub-generator it held is being finalized: it
            # looks at the sub through a stale stack slot (README.md). Only a sub-generator's code
            # runs at that moment, and only `root` reaches the delegator from there.
            ops = REENTER_OPS if who == 'me' or self.fid == 0 else ['next', 'send', 'sendnone']
            return Node('reenter', n, who=who, op=rng.choice(ops), caught=rng.random() < 0.75)
        if kind == 'state':
            return Node('state', n, who=rng.choice(['me', 'root']))
        if kind == 'yfrom_iter':
            if rng.random() < 0.5:
                vals = [LIST_BASE + n * 10 + k for k in range(rng.randint(1, 3))]
                return Node('yfrom_list', n, vals=vals)
            a = LIST_BASE + n * 10
            return Node('yfrom_range', n, a=a, b=a + rng.randint(1, 3))
        if kind == 'forgen':
            # The body drives another generator itself: `for v in f<k>(...)`, a nested resume.
            target = rng.randint(self.fid + 1, self.nfuncs - 1)
            return Node('forgen', n, var='v%d' % n, target=target,
                        body=self.block(inner.but(loops=ctx.loops + (None,)), 0, 2))
        if kind == 'yfrom':
            # Mostly the next function down, so that chains reach depth 3.
            target = self.fid + 1 if rng.random() < 0.75 else rng.randint(self.fid + 1, self.nfuncs - 1)
            return Node('yfrom', n, target=target)
        if kind == 'reraise':
            return Node('reraise', n)
        if kind == 'break':
            return Node('break', n)
        if kind == 'continue':
            return Node('continue', n)
        if kind == 'ifi':
            return Node('ifi', n, var=ctx.loops[-1], k=rng.randint(0, 2), then=self.block(inner, 1, 2),
                        orelse=self.block(inner, 0, 2))
        if kind == 'for':
            var = 'i%d' % n
            return Node('for', n, var=var, count=rng.randint(1, 3),
                        body=self.block(inner.but(loops=ctx.loops + (var,)), 1, 3))
        if kind == 'with':
            return Node('with', n, body=self.block(inner, 1, 3))
        if kind == 'try':
            body = self.block(inner, 1, 3)
            handlers = []
            kinds = []
            for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
                k = _weighted(rng, HANDLER_WEIGHTS)
                if k in kinds or 'BaseException' in kinds:
                    continue
                kinds.append(k)
            # A catch-all is last, as C++ requires of catch (...).
            if 'BaseException' in kinds:
                kinds.remove('BaseException')
                kinds.append('BaseException')
            for k in kinds:
                catches_ge = k in ('GeneratorExit', 'BaseException')
                hctx = inner.but(exc=ctx.exc + ('h',), in_ge=catches_ge)
                hbody = self.block(hctx, 0, 2)
                reraise = rng.random() < (0.7 if k == 'BaseException' else 0.3)
                handlers.append((k, hbody, reraise))
            fin = None
            if not handlers or rng.random() < 0.45:
                fin = self.block(inner.but(exc=ctx.exc + ('f',), in_ge=False), 0, 2)
            return Node('try', n, body=body, handlers=handlers, fin=fin)
        raise AssertionError(kind)


def _walk(stmts):
    for s in stmts:
        yield s
        for child in _children(s):
            yield from _walk(child)


def _children(s):
    k = s.kind
    if k == 'yield' and s.branch:
        return [s.branch[1], s.branch[2], s.branch[3]]
    if k in ('for', 'with', 'forgen'):
        return [s.body]
    if k == 'ifi':
        return [s.then, s.orelse]
    if k == 'try':
        out = [s.body] + [h[1] for h in s.handlers]
        if s.fin is not None:
            out.append(s.fin)
        return out
    return []


def _yields(stmts):
    return any(s.kind in ('yield', 'yfrom', 'yfrom_list', 'yfrom_range') for s in _walk(stmts))


def generate_program(pid, seed):
    rng = random.Random('pygen-difftest program %s %d' % (seed, pid))
    nfuncs = _weighted(rng, [(1, 1), (2, 2), (3, 2), (4, 5)])
    functions = []
    for fid in range(nfuncs):
        fg = _FunctionGen(rng, fid, nfuncs)
        body = fg.block(Ctx(), 2, 5)
        if fid < nfuncs - 1 and rng.random() < 0.8 and \
                not any(s.kind == 'yfrom' and s.target == fid + 1 for s in _walk(body)):
            body.insert(rng.randint(0, len(body)), Node('yfrom', fg.nid(), target=fid + 1))
        if not _yields(body):
            # A Python function is a generator only if it yields somewhere.
            n = fg.nid()
            body.insert(rng.randint(0, len(body)), Node('yield', n, val=fg.value(n), loop=None, branch=None))
        functions.append(Function(fid, body, fid * VALUE_FID + 9999, fid > 0 and rng.random() < 0.4))
    return Program(pid, seed, functions)


# ---------------------------------------------------------------------------------------------
# Python

def _py_block(stmts, fid, ind, out):
    if not stmts:
        out.append(ind + 'pass')
    for s in stmts:
        _py_stmt(s, fid, ind, out)


def _py_stmt(s, fid, ind, out):
    tag = 'f%d.n%d' % (fid, s.nid)
    k = s.kind
    i2 = ind + '    '
    if k == 'yield':
        x = 'x%d' % s.nid
        val = str(s.val) + (' + ' + s.loop if s.loop else '')
        out.append('%s%s = yield %s' % (ind, x, val))
        out.append("%slog('%s sent ' + sv(%s))" % (ind, tag, x))
        if s.branch:
            lim, a, b, c = s.branch
            out.append('%sif %s is None:' % (ind, x))
            _py_block(a, fid, i2, out)
            out.append('%selif %s > %d:' % (ind, x, lim))
            _py_block(b, fid, i2, out)
            out.append('%selse:' % ind)
            _py_block(c, fid, i2, out)
    elif k == 'log':
        out.append("%slog('%s')" % (ind, tag))
    elif k == 'raise':
        if s.what == 'SI':
            out.append('%sraise StopIteration(%d)' % (ind, s.val))
        else:
            out.append("%sraise %s('%s')" % (ind, s.what, tag))
    elif k == 'return':
        out.append('%sreturn %d' % (ind, s.val))
    elif k == 'reenter':
        call = "reenter(%s, '%s', '%s')" % (s.who, s.op, tag)
        if s.caught:
            e = 'e%d' % s.nid
            out.append('%stry:' % ind)
            out.append(i2 + call)
            out.append('%sexcept ValueError as %s:' % (ind, e))
            out.append("%slog('%s caught ' + desc(%s))" % (i2, tag, e))
        else:
            out.append(ind + call)
    elif k == 'state':
        out.append("%slog('%s state ' + state(%s))" % (ind, tag, s.who))
    elif k == 'yfrom_list':
        out.append('%syield from [%s]' % (ind, ', '.join(map(str, s.vals))))
        out.append("%slog('%s list done')" % (ind, tag))
    elif k == 'yfrom_range':
        out.append('%syield from range(%d, %d)' % (ind, s.a, s.b))
        out.append("%slog('%s range done')" % (ind, tag))
    elif k == 'yfrom':
        r = 'r%d' % s.nid
        out.append('%s%s = yield from mk(f%d, root, d + 1, me)' % (ind, r, s.target))
        out.append("%slog('%s got ' + sv(%s))" % (ind, tag, r))
    elif k == 'reraise':
        out.append(ind + 'raise')
    elif k == 'break':
        out.append(ind + 'break')
    elif k == 'continue':
        out.append(ind + 'continue')
    elif k == 'ifi':
        out.append('%sif %s == %d:' % (ind, s.var, s.k))
        _py_block(s.then, fid, i2, out)
        if s.orelse:
            out.append('%selse:' % ind)
            _py_block(s.orelse, fid, i2, out)
    elif k == 'for':
        out.append('%sfor %s in range(%d):' % (ind, s.var, s.count))
        out.append("%slog('%s iter ' + str(%s))" % (i2, tag, s.var))
        _py_block(s.body, fid, i2, out)
    elif k == 'forgen':
        out.append('%sfor %s in mk(f%d, root, d + 1, me):' % (ind, s.var, s.target))
        out.append("%slog('%s item ' + str(%s))" % (i2, tag, s.var))
        _py_block(s.body, fid, i2, out)
        out.append("%slog('%s loop done')" % (ind, tag))
    elif k == 'with':
        out.append("%swith CM('%s'):" % (ind, tag))
        _py_block(s.body, fid, i2, out)
    elif k == 'try':
        out.append('%stry:' % ind)
        _py_block(s.body, fid, i2, out)
        e = 'e%d' % s.nid
        for hk, hbody, reraise in s.handlers:
            out.append('%sexcept %s as %s:' % (ind, hk, e))
            out.append("%slog('%s except %s ' + desc(%s))" % (i2, tag, hk, e))
            _py_block(hbody, fid, i2, out)
            if reraise:
                out.append(i2 + 'raise')
        if s.fin is not None:
            out.append('%sfinally:' % ind)
            out.append("%slog('%s finally')" % (i2, tag))
            _py_block(s.fin, fid, i2, out)
    else:
        raise AssertionError(k)


def python_source(prog):
    out = ['# pygen difftest program %d (seed %s)' % (prog.pid, prog.seed)]
    for f in reversed(prog.functions):
        out.append('')
        out.append('def f%d(me, root, d):' % f.fid)
        out.append("    log('f%d start d' + str(d))" % f.fid)
        _py_block(f.body, f.fid, '    ', out)
        out.append('    return %d' % f.final)
    return '\n'.join(out) + '\n'


# ---------------------------------------------------------------------------------------------
# C++
#
# Python's `finally` cannot be a destructor here (it may yield, raise or return), so it is
# spelled out: the try's exceptions are kept in an exception_ptr while the finally code runs,
# and return/break/continue leave the try with a goto to the finally code and a note of what is
# pending (fp: 1 return, 2 break, 3 continue), dispatched after it.


class _Fin:
    def __init__(self, nid):
        self.nid = nid
        self.used = set()  # pending kinds that jump here


class _CppFn:
    def __init__(self, fid, types):
        self.fid = fid
        self.types = types  # C++ generator type of each function

    def block(self, stmts, ctl, ind, out):
        for s in stmts:
            self.stmt(s, ctl, ind, out)

    # `ctl` is the stack of enclosing loops ('loop') and finally blocks (_Fin), innermost last.
    def leave(self, ctl, what, ind, out, value=None):
        """return (value None: the pending rv) / break / continue from the innermost context."""
        for c in reversed(ctl):
            if c == 'loop':
                if what == 1:
                    continue  # a return leaves loops as it finds them
                out.append(ind + ('break;' if what == 2 else 'continue;'))
                return
            if isinstance(c, _Fin):
                c.used.add(what)
                pre = 'rv = %d; ' % value if value is not None else ''
                out.append('%s{ %sfp%d = %d; goto fin%d; }' % (ind, pre, c.nid, what, c.nid))
                return
        assert what == 1
        out.append('%sreturn %s;' % (ind, 'rv' if value is None else value))

    def stmt(self, s, ctl, ind, out):
        tag = 'f%d.n%d' % (self.fid, s.nid)
        k = s.kind
        i2 = ind + '    '
        if k == 'yield':
            x = 'x%d' % s.nid
            val = str(s.val) + (' + ' + s.loop if s.loop else '')
            out.append(ind + '{')
            out.append('%sdt::S %s = yield(%s);' % (i2, x, val))
            out.append('%sdt::log_sent("%s", %s);' % (i2, tag, x))
            if s.branch:
                lim, a, b, c = s.branch
                i3 = i2 + '    '
                out.append('%sif (!%s) {' % (i2, x))
                self.block(a, ctl, i3, out)
                out.append('%s} else if (*%s > %d) {' % (i2, x, lim))
                self.block(b, ctl, i3, out)
                out.append('%s} else {' % i2)
                self.block(c, ctl, i3, out)
                out.append(i2 + '}')
            out.append(ind + '}')
        elif k == 'log':
            out.append('%sdt::log("%s");' % (ind, tag))
        elif k == 'raise':
            if s.what == 'SI':
                out.append('%sthrow pygen::stop_iteration(%d);' % (ind, s.val))
            else:
                out.append('%sthrow dt::%s("%s");' % (ind, s.what, tag))
        elif k == 'return':
            self.leave(ctl, 1, ind, out, s.val)
        elif k == 'reenter':
            call = 'dt::reenter(%s, "%s", "%s");' % (s.who, s.op, tag)
            if s.caught:
                out.append('%stry {' % ind)
                out.append(i2 + call)
                out.append('%s} catch (pygen::value_error const&) {' % ind)
                out.append('%sdt::log_exc("%s caught ");' % (i2, tag))
                out.append(ind + '}')
            else:
                out.append(ind + call)
        elif k == 'state':
            out.append('%sdt::log_state("%s state ", %s);' % (ind, tag, s.who))
        elif k == 'yfrom_list':
            out.append('%syield.from({%s});' % (ind, ', '.join(map(str, s.vals))))
            out.append('%sdt::log("%s list done");' % (ind, tag))
        elif k == 'yfrom_range':
            out.append('%syield.from(dt::range(%d, %d));' % (ind, s.a, s.b))
            out.append('%sdt::log("%s range done");' % (ind, tag))
        elif k == 'yfrom':
            r = 'r%d' % s.nid
            out.append(ind + '{')
            out.append('%sint %s = yield.from(dt::holder<%s>(&f%d, root, d + 1).g);' % (
                i2, r, self.types[s.target], s.target))
            out.append('%sdt::log_int("%s got ", %s);' % (i2, tag, r))
            out.append(ind + '}')
        elif k == 'reraise':
            out.append(ind + 'throw;')
        elif k == 'break':
            self.leave(ctl, 2, ind, out)
        elif k == 'continue':
            self.leave(ctl, 3, ind, out)
        elif k == 'ifi':
            out.append('%sif (%s == %d) {' % (ind, s.var, s.k))
            self.block(s.then, ctl, i2, out)
            if s.orelse:
                out.append(ind + '} else {')
                self.block(s.orelse, ctl, i2, out)
            out.append(ind + '}')
        elif k == 'for':
            out.append('%sfor (int %s = 0; %s < %d; ++%s) {' % (ind, s.var, s.var, s.count, s.var))
            out.append('%sdt::log_int("%s iter ", %s);' % (i2, tag, s.var))
            self.block(s.body, ctl + ['loop'], i2, out)
            out.append(ind + '}')
        elif k == 'forgen':
            out.append('%sfor (auto&& %s : dt::holder<%s>(&f%d, root, d + 1)) {' % (
                ind, s.var, self.types[s.target], s.target))
            out.append('%sdt::log_int("%s item ", static_cast<int>(%s));' % (i2, tag, s.var))
            self.block(s.body, ctl + ['loop'], i2, out)
            out.append(ind + '}')
            out.append('%sdt::log("%s loop done");' % (ind, tag))
        elif k == 'with':
            w = 'w%d' % s.nid
            out.append(ind + '{')
            out.append('%sdt::guard %s("%s");' % (i2, w, tag))
            out.append(i2 + 'try {')
            self.block(s.body, ctl, i2 + '    ', out)
            out.append('%s} catch (dt::forced_unwind const&) {' % i2)
            out.append('%s    %s.active = false;' % (i2, w))
            out.append(i2 + '    throw;')
            out.append(i2 + '}')
            out.append(ind + '}')
        elif k == 'try':
            self.try_stmt(s, tag, ctl, ind, out)
        else:
            raise AssertionError(k)

    def handlers(self, s, tag, ctl, ind, out):
        """try { body } catch ...: the except clauses, in Python's order."""
        i2 = ind + '    '
        out.append(ind + 'try {')
        self.block(s.body, ctl, i2, out)
        for hk, hbody, reraise in s.handlers:
            ctype = HANDLERS[hk]
            if ctype is None:
                out.append('%s} catch (dt::forced_unwind const&) {' % ind)
                out.append(i2 + 'throw;')
                out.append(ind + '} catch (...) {')
            else:
                out.append('%s} catch (%s const&) {' % (ind, ctype))
            out.append('%sdt::log_exc("%s except %s ");' % (i2, tag, hk))
            self.block(hbody, ctl, i2, out)
            if reraise:
                out.append(i2 + 'throw;')
        out.append(ind + '}')

    def try_stmt(self, s, tag, ctl, ind, out):
        if s.fin is None:
            self.handlers(s, tag, ctl, ind, out)
            return
        n = s.nid
        i2 = ind + '    '
        i3 = i2 + '    '
        fin = _Fin(n)
        out.append(ind + '{')
        out.append('%sstd::exception_ptr fx%d;' % (i2, n))
        out.append('%sint fp%d = 0;' % (i2, n))
        out.append(i2 + 'try {')
        if s.handlers:
            self.handlers(s, tag, ctl + [fin], i3, out)
        else:
            self.block(s.body, ctl + [fin], i3, out)
        out.append('%s} catch (dt::forced_unwind const&) {' % i2)
        out.append(i3 + 'throw;')
        out.append(i2 + '} catch (...) {')
        out.append('%sfx%d = std::current_exception();' % (i3, n))
        out.append(i2 + '}')
        if fin.used:
            out.append('%sfin%d:' % (i2, n))
        out.append('%sdt::log("%s finally");' % (i2, tag))
        self.block(s.fin, ctl, i2, out)
        out.append('%sif (fx%d) std::rethrow_exception(fx%d);' % (i2, n, n))
        for what in sorted(fin.used):
            out.append('%sif (fp%d == %d) {' % (i2, n, what))
            self.leave(ctl, what, i3, out)
            out.append(i2 + '}')
        out.append(ind + '}')


def cpp_source(prog):
    """The program as a namespace p<pid> whose f0 is the entry point (declared in main.cpp)."""
    out = ['// pygen difftest program %d (seed %s)' % (prog.pid, prog.seed), 'namespace p%d {' % prog.pid]
    types = ['dt::genl' if f.ylong else 'dt::gen' for f in prog.functions]
    for f in reversed(prog.functions):
        t = types[f.fid]
        out.append('')
        linkage = '' if f.fid == 0 else 'static '
        out.append('static int f%d_body(%s::yielder& yield, dt::cellp<%s> const& me, dt::rootp const& root, '
                   'int d) {' % (f.fid, t, t))
        out.append('    int rv = 0;')
        out.append('    (void)rv;')
        out.append('    dt::log_int("f%d start d", d);' % f.fid)
        _CppFn(f.fid, types).block(f.body, [], '    ', out)
        out.append('    return %d;' % f.final)
        out.append('}')
        out.append('%s%s f%d(dt::cellp<%s> me, dt::rootp root, int d) {' % (linkage, t, f.fid, t))
        out.append('    return dt::make<%s>(&f%d_body, me, root, d);' % (t, f.fid))
        out.append('}')
    out.append('')
    out.append('} // namespace p%d' % prog.pid)
    return '\n'.join(out) + '\n'


# ---------------------------------------------------------------------------------------------
# Op sequences

OP_WEIGHTS = [('n', 36), ('s', 18), ('sn', 5), ('t1', 6), ('t2', 3), ('tg', 3), ('ts', 2), ('tsn', 1),
              ('c', 5), ('i', 1)]
# A created generator is mostly started: throw() and close() would end it before its body runs.
START_WEIGHTS = [('n', 40), ('s', 15), ('sn', 15), ('t1', 3), ('t2', 1), ('tg', 1), ('ts', 1), ('c', 2)]


class OpPicker:
    """Chooses a sequence's ops one at a time, seeing the state after each, so that few ops are
    spent on a closed generator. Ends with a destruction (d or xd); at most 14 ops before it."""

    def __init__(self, rng):
        self.rng = rng
        self.left = None
        self.closed_ops = 0

    def next_op(self, state):
        rng = self.rng
        if self.left is None:
            self.left = rng.randint(1, 14)
        if state == 'GEN_CLOSED':
            self.closed_ops += 1
        if self.left == 0 or (state == 'GEN_CLOSED' and rng.random() < 0.4 + 0.3 * self.closed_ops):
            self.left = 0
            return 'xd' if rng.random() < 0.15 else 'd'
        self.left -= 1
        op = _weighted(rng, START_WEIGHTS if state == 'GEN_CREATED' else OP_WEIGHTS)
        if op == 's':
            op = 's%d' % rng.randint(0, 9)
        elif op == 'ts':
            op = 'ts%d' % rng.randint(0, 9)
        if rng.random() < 0.12:
            op = 'x' + op
        return op


def op_pickers(pid, seed, count):
    """`count` OpPickers for program pid, sharing one random stream (so, deterministic only when
    used in order, as the driver does)."""
    rng = random.Random('pygen-difftest ops %s %d' % (seed, pid))
    return [OpPicker(rng) for _ in range(count)]
