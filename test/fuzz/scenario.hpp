#ifndef PYGEN_TEST_FUZZ_SCENARIO_HPP_INCLUDED
#define PYGEN_TEST_FUZZ_SCENARIO_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// A fuzz scenario: up to four generator functions written in a small Python-like language, and
// the caller's operations on g, a generator made from the first one, and on S[1..3], generators
// the caller holds made from the others (bodies can `yield from` them and call them directly).
// Any string of bytes decodes to a valid scenario (decode()); as_python() prints it as a
// CPython 3.11 program that prints the same trace as the model and pygen (see trace below). No
// pygen here: the model includes this file too, and must not see the library.
//
// Byte format (make_seeds.py writes it; bytes past the end read as 0):
//   header  h: functions = 1 + h % 4; f0's type = (h >> 2) & 1 (0: A = generator<int, opt, opt>,
//              1: B = generator<long, opt, opt>, opt being boost::optional<int>)
//   then for each function f: (f > 0: one byte, type = b & 1) a block
//   block   n: n % 5 statements (fewer once the scenario has 64)
//   stmt    k: kind = k % 16
//     0 1 2 14     yield v            v: byte % 100           x = yield v; log(got x)
//     3            yield from f<t>()  t: byte; a function after this one, else yield (byte % 100)
//     15           yield from S[k]    k: 1 + byte % (functions - 1); one function: yield (byte % 100)
//     4            yield from [b..]   count: byte % 4, b: byte % 100
//     5            raise              kind: byte % 4 (E1, E2, GeneratorExit, StopIteration), v: byte % 10
//                                     (E1('m3'); StopIteration(v), and no value for v = 0)
//     6            raise (bare)       only inside an except block; elsewhere yield (byte % 100)
//     7            return v           byte % 101, 100 meaning `return` (None)
//     8 9 10       try/except         block, then h: 1 + h % 2 handlers, each: byte % 5 (E1, E2,
//                                     GeneratorExit, Exception, BaseException) and a block
//     11           try/finally        block (a guard whose destructor logs)
//     12           for _ in range(n)  n: byte % 4, block
//     13           call on SELF/S[k]  what: byte % 5 (next, send(v), throw(E1), close, state), v: byte % 100,
//                                     on: byte % 4 (0 or a missing S[k]: SELF, the generator g itself)
//   Compound statements nested 3 deep become yields. After the functions, up to 40 ops:
//   op      o: kind = o % 16
//     0 1 2 3      next
//     4            send(v)            v: byte % 100
//     5            send(None)
//     6            throw              kind: byte % 4 (as raise), v: byte % 10
//     7 14         close
//     8            state
//     9            move               byte & 1: move-assign into an empty generator, else move-construct
//     10           destroy            then a new generator from the same function
//     11           for (k values)     k: 1 + byte % 4
//     12           the next op, from inside the caller's own catch block
//     13           the next op, on S[k] instead of g: k = 1 + byte % (functions - 1) (g if one function)
//     15           throw E1           v: byte % 10
//   A final `end` op destroys g, then S[1], S[2], S[3].

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace pygen_fuzz {

enum class gen_type : unsigned char { a, b };
enum class exc_kind : unsigned char { e1, e2, generator_exit, stop_iteration };
enum class catch_kind : unsigned char { e1, e2, generator_exit, exception, base_exception };
enum class reenter_kind : unsigned char { next, send, throw_e1, close, state };
enum class stmt_kind : unsigned char {
    yield_value,
    yield_from_gen,
    yield_from_shared,
    yield_from_list,
    raise,
    reraise,
    return_value,
    try_except,
    guard,
    loop,
    reenter
};
enum class op_kind : unsigned char { next, send, send_none, throw_, close, state, move, destroy, for_loop, end };

struct handler {
    catch_kind kind;
    int body; // block index
};

struct stmt {
    stmt_kind kind = stmt_kind::yield_value;
    int value = 0;  // yield: value; list: first value; raise: message or StopIteration value; return: -1 None;
                    // reenter: value sent / thrown; guard: its number
    int count = 0;  // list: length; loop: iterations; reenter: 0 SELF, else S[count]
    int target = 0; // yield from: function or S[target]; raise: exc_kind; reenter: reenter_kind
    int body = -1;  // try, guard, loop: block index
    std::vector<handler> handlers;
};

struct function {
    gen_type type;
    int body;
};

struct op {
    op_kind kind = op_kind::next;
    int on = 0; // 0: g; k: S[k]
    int value = 0;
    exc_kind exc = exc_kind::e1;
    bool in_catch = false;
    bool assign = false;
};

struct program {
    std::vector<function> functions;
    std::vector<stmt> stmts;
    std::vector<std::vector<int>> blocks;
    std::vector<op> ops;
};

// ---- decoding ---------------------------------------------------------------------------------

class decoder {
public:
    static int const max_stmts = 64;
    static int const max_ops = 40;
    static int const max_depth = 3;

    decoder(std::uint8_t const* data, std::size_t size) : data_(data), size_(size) {}

    program decode() {
        // A yield from names a later function: their number is known before any is decoded.
        total_functions_ = size_ > 0 ? 1 + data_[0] % 4 : 1;
        program p;
        int const header = byte();
        int const count = 1 + header % 4;
        for (int f = 0; f < count; ++f) {
            function fn;
            fn.type = static_cast<gen_type>((f == 0 ? header >> 2 : byte()) & 1);
            fn.body = 0;
            p.functions.push_back(fn);
            p.functions[f].body = block(p, f, 0, false);
        }
        while (pos_ < size_ && static_cast<int>(p.ops.size()) < max_ops) {
            int o = byte();
            bool in_catch = false;
            int on = 0;
            if (o % 16 == 12) {
                in_catch = true;
                while (o % 16 == 12) {
                    o = byte();
                }
            }
            if (o % 16 == 13) {
                int const b = byte();
                on = total_functions_ > 1 ? 1 + b % (total_functions_ - 1) : 0;
                while (o % 16 == 12 || o % 16 == 13) {
                    o = byte();
                }
            }
            op x = decode_op(o);
            x.in_catch = in_catch;
            x.on = on;
            p.ops.push_back(x);
        }
        op end;
        end.kind = op_kind::end;
        p.ops.push_back(end);
        return p;
    }

private:
    int byte() { return pos_ < size_ ? data_[pos_++] : 0; }

    int block(program& p, int f, int depth, bool in_handler) {
        int const index = static_cast<int>(p.blocks.size());
        p.blocks.push_back(std::vector<int>());
        int const n = byte() % 5;
        for (int i = 0; i < n && stmts_ < max_stmts; ++i) {
            ++stmts_;
            int const s = statement(p, f, depth, in_handler);
            p.blocks[index].push_back(s);
        }
        return index;
    }

    int statement(program& p, int f, int depth, bool in_handler) {
        stmt s;
        int const k = byte() % 16;
        bool const compound = k >= 8 && k <= 12;
        if (compound && depth >= max_depth) {
            s.kind = stmt_kind::yield_value;
            s.value = byte() % 100;
        } else if (k == 3) {
            int const b = byte();
            if (f + 1 < total_functions_) {
                s.kind = stmt_kind::yield_from_gen;
                s.target = f + 1 + b % (total_functions_ - f - 1);
            } else {
                s.kind = stmt_kind::yield_value;
                s.value = b % 100;
            }
        } else if (k == 15) {
            int const b = byte();
            if (total_functions_ > 1) {
                s.kind = stmt_kind::yield_from_shared;
                s.target = 1 + b % (total_functions_ - 1);
            } else {
                s.kind = stmt_kind::yield_value;
                s.value = b % 100;
            }
        } else if (k == 4) {
            s.kind = stmt_kind::yield_from_list;
            s.count = byte() % 4;
            s.value = byte() % 100;
        } else if (k == 5) {
            s.kind = stmt_kind::raise;
            s.target = byte() % 4;
            s.value = byte() % 10;
        } else if (k == 6) {
            int const b = byte();
            if (in_handler) {
                s.kind = stmt_kind::reraise;
            } else {
                s.kind = stmt_kind::yield_value;
                s.value = b % 100;
            }
        } else if (k == 7) {
            s.kind = stmt_kind::return_value;
            int const b = byte() % 101;
            s.value = b == 100 ? -1 : b;
        } else if (k >= 8 && k <= 10) {
            s.kind = stmt_kind::try_except;
            s.body = block(p, f, depth + 1, in_handler);
            int const h = 1 + byte() % 2;
            for (int i = 0; i < h; ++i) {
                handler x;
                x.kind = static_cast<catch_kind>(byte() % 5);
                x.body = block(p, f, depth + 1, true);
                s.handlers.push_back(x);
            }
        } else if (k == 11) {
            s.kind = stmt_kind::guard;
            s.value = guards_++;
            s.body = block(p, f, depth + 1, in_handler);
        } else if (k == 12) {
            s.kind = stmt_kind::loop;
            s.count = byte() % 4;
            s.body = block(p, f, depth + 1, in_handler);
        } else if (k == 13) {
            s.kind = stmt_kind::reenter;
            s.target = byte() % 5;
            s.value = byte() % 100;
            int const on = byte() % 4;
            s.count = on < total_functions_ ? on : 0;
        } else {
            s.kind = stmt_kind::yield_value;
            s.value = byte() % 100;
        }
        p.stmts.push_back(s);
        return static_cast<int>(p.stmts.size()) - 1;
    }

    op decode_op(int o) {
        op x;
        switch (o % 16) {
        case 4:
            x.kind = op_kind::send;
            x.value = byte() % 100;
            break;
        case 5:
            x.kind = op_kind::send_none;
            break;
        case 6:
            x.kind = op_kind::throw_;
            x.exc = static_cast<exc_kind>(byte() % 4);
            x.value = byte() % 10;
            break;
        case 7:
        case 14:
            x.kind = op_kind::close;
            break;
        case 8:
            x.kind = op_kind::state;
            break;
        case 9:
            x.kind = op_kind::move;
            x.assign = (byte() & 1) != 0;
            break;
        case 10:
            x.kind = op_kind::destroy;
            break;
        case 11:
            x.kind = op_kind::for_loop;
            x.value = 1 + byte() % 4;
            break;
        case 15:
            x.kind = op_kind::throw_;
            x.exc = exc_kind::e1;
            x.value = byte() % 10;
            break;
        default:
            x.kind = op_kind::next;
            break;
        }
        return x;
    }

    std::uint8_t const* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
    int stmts_ = 0;
    int guards_ = 0;
    int total_functions_ = 1;
};

inline program decode(std::uint8_t const* data, std::size_t size) { return decoder(data, size).decode(); }

// ---- traces -----------------------------------------------------------------------------------

// One caller operation as both sides record it: what it returned or raised, the state of the
// generator afterwards, and what the bodies (and the unraisable hook) logged meanwhile.
struct op_trace {
    std::string op;
    std::string result;
    std::string state;
    std::vector<std::string> log;
};

typedef std::vector<op_trace> trace;

inline bool operator==(op_trace const& a, op_trace const& b) {
    return a.op == b.op && a.result == b.result && a.state == b.state && a.log == b.log;
}
inline bool operator!=(op_trace const& a, op_trace const& b) { return !(a == b); }

inline std::string format(op_trace const& t, std::size_t index) {
    std::ostringstream out;
    out << "[" << index << "] " << t.op << " -> " << t.result << " ; state " << t.state << "\n";
    for (std::size_t i = 0; i < t.log.size(); ++i) {
        out << "      " << t.log[i] << "\n";
    }
    return out.str();
}

inline std::string format(trace const& t) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        out += format(t[i], i);
    }
    return out;
}

// ---- names shared by the traces ---------------------------------------------------------------

inline std::string fn_name(int f) { return "f" + std::to_string(f); }

// g, or S[k]: what a re-entrant call or an op is on.
inline std::string on_name(int on, char const* self) { return on == 0 ? std::string(self) : "S" + std::to_string(on); }

inline char const* exc_class(exc_kind k) {
    switch (k) {
    case exc_kind::e1:
        return "E1";
    case exc_kind::e2:
        return "E2";
    case exc_kind::generator_exit:
        return "GeneratorExit";
    case exc_kind::stop_iteration:
        return "StopIteration";
    }
    return "?";
}

inline char const* catch_class(catch_kind k) {
    switch (k) {
    case catch_kind::e1:
        return "E1";
    case catch_kind::e2:
        return "E2";
    case catch_kind::generator_exit:
        return "GeneratorExit";
    case catch_kind::exception:
        return "Exception";
    case catch_kind::base_exception:
        return "BaseException";
    }
    return "?";
}

inline char const* reenter_name(reenter_kind k) {
    switch (k) {
    case reenter_kind::next:
        return "next";
    case reenter_kind::send:
        return "send";
    case reenter_kind::throw_e1:
        return "throw";
    case reenter_kind::close:
        return "close";
    case reenter_kind::state:
        return "state";
    }
    return "?";
}

// How a body raises `k` with number `v`, and how the caller throws it: E1('m3') / E1('c3');
// StopIteration with v == 0 has no value.
inline std::string exc_python(exc_kind k, int v, char prefix) {
    switch (k) {
    case exc_kind::e1:
    case exc_kind::e2:
        return std::string(exc_class(k)) + "('" + prefix + std::to_string(v) + "')";
    case exc_kind::generator_exit:
        return "GeneratorExit()";
    case exc_kind::stop_iteration:
        return v == 0 ? std::string("StopIteration()") : "StopIteration(" + std::to_string(v) + ")";
    }
    return "?";
}

inline std::string op_name(op const& o) {
    std::string name;
    switch (o.kind) {
    case op_kind::next:
        name = "next";
        break;
    case op_kind::send:
        name = "send(" + std::to_string(o.value) + ")";
        break;
    case op_kind::send_none:
        name = "send(None)";
        break;
    case op_kind::throw_:
        name = "throw(" + exc_python(o.exc, o.value, 'c') + ")";
        break;
    case op_kind::close:
        name = "close";
        break;
    case op_kind::state:
        name = "state";
        break;
    case op_kind::move:
        name = o.assign ? "move-assign" : "move-construct";
        break;
    case op_kind::destroy:
        name = "destroy";
        break;
    case op_kind::for_loop:
        name = "for(" + std::to_string(o.value) + ")";
        break;
    case op_kind::end:
        name = "end";
        break;
    }
    if (o.on != 0 && o.kind != op_kind::end) {
        name = on_name(o.on, "g") + "." + name;
    }
    return o.in_catch ? "in_catch(" + name + ")" : name;
}

// ---- the scenario as a CPython program ----------------------------------------------------------

class python_writer {
public:
    python_writer(program const& p, bool runnable) : p_(p), runnable_(runnable) {}

    std::string run() {
        if (!runnable_) {
            out_ << "# The generator functions (replay --python FILE prints a program python3 runs).\n"
                    "# C++: E1/E2 derive from std::exception, except Exception is catch (std::exception&),\n"
                    "# except BaseException is catch (...) after catch (forced_unwind&) { throw; },\n"
                    "# try/finally is a local whose destructor logs; g = f0() is the generator driven,\n"
                    "# SELF() is g, and S[k] = fk() are generators the caller made at the start.\n";
            functions();
            out_ << "\n# The caller's operations are those of the traces: on g, or S1.op on S[1];\n"
                    "# in_catch(op) is op called inside the caller's `except E2:` block; end is\n"
                    "# `del g` and then S[1], S[2], S[3] in turn.\n";
            return out_.str();
        }
        out_ << "# A pygen fuzz scenario as Python: CPython 3.11 runs it and prints its trace.\n"
                "# C++: E1/E2 derive from std::exception; except Exception is catch (std::exception&),\n"
                "# except BaseException is catch (...) after catch (forced_unwind&) { throw; };\n"
                "# try/finally is a local whose destructor logs; SELF() is g, the generator driven.\n"
                "import inspect, sys, weakref\n"
                "LOG = []\n"
                "def log(s): LOG.append(s)\n"
                "class E1(Exception): pass\n"
                "class E2(Exception): pass\n"
                "def d(e):\n"
                "    if isinstance(e, StopIteration):\n"
                "        s = 'StopIteration(%s)' % (str(e.value) if e.args else '')\n"
                "    else:\n"
                "        m = str(e)\n"
                "        if isinstance(e, AttributeError) and m.endswith(\"object has no attribute 'send'\"):\n"
                "            m = \"object has no attribute 'send'\"  # pygen cannot name the iterator's type\n"
                "        s = '%s(%s)' % (type(e).__name__, m)\n"
                "    if e.__cause__ is not None:\n"
                "        s += ' from ' + d(e.__cause__)\n"
                "    return s\n"
                "def v(x): return 'None' if x is None else str(x)\n"
                "def caught(who): log(who + ': caught ' + d(sys.exc_info()[1]))\n"
                "SELF = lambda: None\n"
                "S = [None]\n"
                "def reenter(who, what, arg, on):\n"
                "    name = 'self' if on == 0 else 'S%d' % on\n"
                "    s = SELF() if on == 0 else S[on]\n"
                "    if s is None:\n"
                "        log('%s: %s gone' % (who, name))\n"
                "        return\n"
                "    try:\n"
                "        if what == 'state':\n"
                "            log('%s: %s state %s' % (who, name, inspect.getgeneratorstate(s)))\n"
                "            return\n"
                "        if what == 'close':\n"
                "            s.close()\n"
                "            log('%s: %s close returned' % (who, name))\n"
                "            return\n"
                "        if what == 'next': r = next(s)\n"
                "        elif what == 'send': r = s.send(arg)\n"
                "        else: r = s.throw(E1('r%d' % arg))\n"
                "        log('%s: %s returned %s' % (who, name, v(r)))\n"
                "    except BaseException:\n"
                "        s = None  # no reference to a generator may outlive the call\n"
                "        raise\n"
                "sys.unraisablehook = lambda u: log('unraisable: ' + d(u.exc_value))\n";
        functions();
        out_ << "\n"
                "def state(x): return inspect.getgeneratorstate(x) if x is not None else '-'\n"
                "def show(i, name, fn, on):\n"
                "    del LOG[:]\n"
                "    try:\n"
                "        res = fn()\n"
                "    except BaseException as e:\n"
                "        res = 'raise ' + d(e)\n"
                "    st = state(g)\n"
                "    if on:\n"
                "        st += ', S%d %s' % (on, state(S[on]))\n"
                "    print('[%d] %s -> %s ; state %s' % (i, name, res, st))\n"
                "    for line in LOG:\n"
                "        print('      ' + line)\n"
                "def in_catch(fn):\n"
                "    try:\n"
                "        raise E2('outer')\n"
                "    except E2:\n"
                "        return fn()\n"
                "def destroy(on):\n"
                "    global g, SELF\n"
                "    if on == 0:\n"
                "        g = None\n"
                "        g = f0()\n"
                "        SELF = weakref.ref(g)\n"
                "    else:\n"
                "        S[on] = None\n"
                "        S[on] = FUNCTIONS[on]()\n"
                "    return 'destroyed'\n"
                "def end():\n"
                "    global g\n"
                "    g = None\n"
                "    for k in range(1, len(S)):\n"
                "        S[k] = None\n"
                "    return 'end'\n"
                "def loop(x, k):\n"
                "    n = 0\n"
                "    for y in x:\n"
                "        log('for: ' + v(y))\n"
                "        n += 1\n"
                "        if n >= k:\n"
                "            return 'for broke'\n"
                "    return 'for exhausted'\n"
                "FUNCTIONS = [";
        for (std::size_t f = 0; f < p_.functions.size(); ++f) {
            out_ << (f ? ", " : "") << fn_name(static_cast<int>(f));
        }
        out_ << "]\n"
                "S = [None] + [f() for f in FUNCTIONS[1:]]\n"
                "g = f0()\n"
                "SELF = weakref.ref(g)\n";
        for (std::size_t i = 0; i < p_.ops.size(); ++i) {
            op const& o = p_.ops[i];
            std::string call = op_call(o);
            if (o.in_catch) {
                call = "in_catch(lambda: " + call + ")";
            }
            out_ << "show(" << i << ", \"" << op_name(o) << "\", lambda: " << call << ", " << o.on << ")\n";
        }
        return out_.str();
    }

private:
    void functions() {
        for (std::size_t f = 0; f < p_.functions.size(); ++f) {
            out_ << "\ndef " << fn_name(static_cast<int>(f)) << "():  # C++ type "
                 << (p_.functions[f].type == gen_type::a ? "A: generator<int, opt, opt>"
                                                         : "B: generator<long, opt, opt>")
                 << "\n";
            fn_ = static_cast<int>(f);
            block(p_.functions[f].body, 1);
            out_ << "    if False: yield\n";
        }
    }

    static std::string op_call(op const& o) {
        std::string const x = o.on == 0 ? std::string("g") : "S[" + std::to_string(o.on) + "]";
        switch (o.kind) {
        case op_kind::next:
            return "'yield ' + v(next(" + x + "))";
        case op_kind::send:
            return "'yield ' + v(" + x + ".send(" + std::to_string(o.value) + "))";
        case op_kind::send_none:
            return "'yield ' + v(" + x + ".send(None))";
        case op_kind::throw_:
            return "'yield ' + v(" + x + ".throw(" + exc_python(o.exc, o.value, 'c') + "))";
        case op_kind::close:
            return "v(" + x + ".close())";
        case op_kind::state:
            return "inspect.getgeneratorstate(" + x + ")";
        case op_kind::move:
            return "'moved'";
        case op_kind::destroy:
            return "destroy(" + std::to_string(o.on) + ")";
        case op_kind::for_loop:
            return "loop(" + x + ", " + std::to_string(o.value) + ")";
        case op_kind::end:
            return "end()";
        }
        return "?";
    }

    void indent(int depth) { out_ << std::string(4 * static_cast<std::size_t>(depth), ' '); }

    void block(int b, int depth) {
        std::vector<int> const& stmts = p_.blocks[static_cast<std::size_t>(b)];
        if (stmts.empty()) {
            indent(depth);
            out_ << "pass\n";
        }
        for (std::size_t i = 0; i < stmts.size(); ++i) {
            statement(p_.stmts[static_cast<std::size_t>(stmts[i])], depth);
        }
    }

    void statement(stmt const& s, int depth) {
        std::string const who = "'" + fn_name(fn_) + "'";
        std::string const prefix = fn_name(fn_) + ": ";
        indent(depth);
        switch (s.kind) {
        case stmt_kind::yield_value:
            out_ << "x = yield " << s.value << "\n";
            indent(depth);
            out_ << "log('" << prefix << "got ' + v(x))\n";
            break;
        case stmt_kind::yield_from_gen:
            out_ << "r = yield from " << fn_name(s.target) << "()\n";
            indent(depth);
            out_ << "log('" << prefix << "yf -> ' + v(r))\n";
            break;
        case stmt_kind::yield_from_shared:
            out_ << "if S[" << s.target << "] is None:  # S[k] is being destroyed\n";
            indent(depth + 1);
            out_ << "log('" << prefix << on_name(s.target, "") << " gone')\n";
            indent(depth);
            out_ << "else:\n";
            indent(depth + 1);
            out_ << "r = yield from S[" << s.target << "]\n";
            indent(depth + 1);
            out_ << "log('" << prefix << "yf -> ' + v(r))\n";
            break;
        case stmt_kind::yield_from_list: {
            out_ << "r = yield from [";
            for (int i = 0; i < s.count; ++i) {
                out_ << (i ? ", " : "") << s.value + i;
            }
            out_ << "]\n";
            indent(depth);
            out_ << "log('" << prefix << "yf -> ' + v(r))\n";
            break;
        }
        case stmt_kind::raise:
            out_ << "raise " << exc_python(static_cast<exc_kind>(s.target), s.value, 'm') << "\n";
            break;
        case stmt_kind::reraise:
            out_ << "raise\n";
            break;
        case stmt_kind::return_value:
            if (s.value < 0) {
                out_ << "return\n";
            } else {
                out_ << "return " << s.value << "\n";
            }
            break;
        case stmt_kind::try_except:
            out_ << "try:\n";
            block(s.body, depth + 1);
            for (std::size_t i = 0; i < s.handlers.size(); ++i) {
                indent(depth);
                out_ << "except " << catch_class(s.handlers[i].kind) << ":\n";
                indent(depth + 1);
                out_ << "caught(" << who << ")\n";
                block(s.handlers[i].body, depth + 1);
            }
            break;
        case stmt_kind::guard:
            out_ << "try:  # guard g" << s.value << "\n";
            block(s.body, depth + 1);
            indent(depth);
            out_ << "finally:\n";
            indent(depth + 1);
            out_ << "log('" << prefix << "~g" << s.value << "')\n";
            break;
        case stmt_kind::loop:
            out_ << "for _ in range(" << s.count << "):\n";
            block(s.body, depth + 1);
            break;
        case stmt_kind::reenter:
            out_ << "reenter(" << who << ", '" << reenter_name(static_cast<reenter_kind>(s.target)) << "', " << s.value
                 << ", " << s.count << ")  # on " << on_name(s.count, "SELF()") << "\n";
            break;
        }
    }

    program const& p_;
    bool runnable_;
    std::ostringstream out_;
    int fn_ = 0;
};

// The scenario as a program python3 runs to print its trace.
inline std::string as_python(program const& p) { return python_writer(p, true).run(); }

// The generator functions only, for a human reading a trace.
inline std::string as_python_functions(program const& p) { return python_writer(p, false).run(); }

} // namespace pygen_fuzz

#endif // #ifndef PYGEN_TEST_FUZZ_SCENARIO_HPP_INCLUDED
