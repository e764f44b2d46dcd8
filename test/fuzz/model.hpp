#ifndef PYGEN_TEST_FUZZ_MODEL_HPP_INCLUDED
#define PYGEN_TEST_FUZZ_MODEL_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The protocol model: what CPython 3.11 does with a scenario, written from the API contract and
// CPython's Objects/genobject.c (gen_send_ex2, _gen_throw, gen_close, _PyGen_Finalize) and
// without pygen, which it must not share a bug with. A generator is an explicit machine: a stack
// of the blocks its body is in (try, except, finally, for) with a position in each, and the
// sub-generator it delegates to. Bodies run by small steps until they yield, return or raise;
// nothing runs on a second stack.
//
// Three deliberate differences from CPython, all documented by pygen: a StopIteration reports
// whether it carries a value (C++ can tell `return None` from an exhausted generator; Python
// cannot); a generator that ignores GeneratorExit while being finalized is then unwound by force,
// so its try/finally guards (C++ destructors) run, where CPython drops the frame without running
// them; and a delegation cycle through a chain of generators of the same type is refused at the
// yield from that would close it (README, "Delegation cycles"), where CPython resumes into the
// cycle first. With `cpython` set the model does none of these, and its trace is python3's.

#include "scenario.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pygen_fuzz {
namespace model {

// None or an int
struct value {
    bool none = true;
    int number = 0;
};

inline value some(int n) {
    value v;
    v.none = false;
    v.number = n;
    return v;
}

inline std::string text(value const& v) { return v.none ? std::string("None") : std::to_string(v.number); }

struct exception;
typedef std::shared_ptr<exception const> error_ptr;

struct exception {
    enum kind_type { e1, e2, generator_exit, stop_iteration, value_error, type_error, attribute_error, runtime_error };
    kind_type kind = e1;
    std::string message;    // E1, E2, RuntimeError
    bool has_value = false; // StopIteration
    value stop_value;
    error_ptr cause; // PEP 479's __cause__
};

inline error_ptr make_error(exception::kind_type kind, std::string message = std::string()) {
    std::shared_ptr<exception> e = std::make_shared<exception>();
    e->kind = kind;
    e->message = std::move(message);
    return e;
}

// A body's `raise X(v)` or the caller's `g.throw(X(v))`: E1('m3'), StopIteration() for v == 0.
inline error_ptr make_error(exc_kind kind, int v, char prefix) {
    switch (kind) {
    case exc_kind::e1:
        return make_error(exception::e1, prefix + std::to_string(v));
    case exc_kind::e2:
        return make_error(exception::e2, prefix + std::to_string(v));
    case exc_kind::generator_exit:
        return make_error(exception::generator_exit);
    case exc_kind::stop_iteration:
        break;
    }
    std::shared_ptr<exception> e = std::make_shared<exception>();
    e->kind = exception::stop_iteration;
    if (v != 0) {
        e->has_value = true;
        e->stop_value = some(v);
    }
    return e;
}

// The texts of the contract's table of exceptions.
inline error_ptr value_error() { return make_error(exception::value_error); }
inline error_ptr generator_exit() { return make_error(exception::generator_exit); }

inline error_ptr pep479(error_ptr const& e) {
    if (e->kind != exception::stop_iteration) {
        return e;
    }
    std::shared_ptr<exception> r = std::make_shared<exception>();
    r->kind = exception::runtime_error;
    r->message = "generator raised StopIteration";
    r->cause = e;
    return r;
}

inline std::string describe(exception const& e, bool cpython) {
    std::string s;
    switch (e.kind) {
    case exception::e1:
        s = "E1(" + e.message + ")";
        break;
    case exception::e2:
        s = "E2(" + e.message + ")";
        break;
    case exception::generator_exit:
        s = "GeneratorExit()";
        break;
    case exception::stop_iteration:
        // CPython stores `return None` as a StopIteration without arguments.
        s = !e.has_value || (cpython && e.stop_value.none) ? std::string("StopIteration()")
                                                           : "StopIteration(" + text(e.stop_value) + ")";
        break;
    case exception::value_error:
        s = "ValueError(generator already executing)";
        break;
    case exception::type_error:
        s = "TypeError(can't send non-None value to a just-started generator)";
        break;
    case exception::attribute_error:
        s = "AttributeError(object has no attribute 'send')";
        break;
    case exception::runtime_error:
        s = "RuntimeError(" + e.message + ")";
        break;
    }
    if (e.cause) {
        s += " from " + describe(*e.cause, cpython);
    }
    return s;
}

inline bool matches(catch_kind c, exception const& e) {
    switch (c) {
    case catch_kind::e1:
        return e.kind == exception::e1;
    case catch_kind::e2:
        return e.kind == exception::e2;
    case catch_kind::generator_exit:
        return e.kind == exception::generator_exit;
    case catch_kind::exception:
        return e.kind != exception::generator_exit;
    case catch_kind::base_exception:
        return true;
    }
    return false;
}

enum class gstate { created, running, suspended, closed };

inline char const* state_name(gstate s) {
    switch (s) {
    case gstate::created:
        return "GEN_CREATED";
    case gstate::running:
        return "GEN_RUNNING";
    case gstate::suspended:
        return "GEN_SUSPENDED";
    case gstate::closed:
        return "GEN_CLOSED";
    }
    return "?";
}

// How a resume ended: a value for the caller, StopIteration (with or without a value), an error.
struct result {
    enum kind_type { yielded, returned, raised };
    kind_type kind = returned;
    int yielded_value = 0;
    bool has_value = false;
    value returned_value;
    error_ptr error;
};

inline result yielded(int v) {
    result r;
    r.kind = result::yielded;
    r.yielded_value = v;
    return r;
}

inline result returned(bool has_value, value v = value()) {
    result r;
    r.kind = result::returned;
    r.has_value = has_value;
    r.returned_value = v;
    return r;
}

inline result raised(error_ptr e) {
    result r;
    r.kind = result::raised;
    r.error = std::move(e);
    return r;
}

// One block the body is in.
struct block_frame {
    enum kind_type { body, try_body, handler, guard, loop };
    kind_type kind = body;
    int block = 0;
    std::size_t pc = 0; // next statement
    int stmt = -1;      // the try, guard or loop statement
    int iteration = 0;
    error_ptr caught; // handler: the exception being handled (a bare raise raises it again)
};

struct generator {
    explicit generator(int f) : fn(f) {}
    int fn;
    gstate state = gstate::created;
    std::vector<block_frame> blocks; // empty until started
    int at = -1;                     // the yield or yield-from statement it is suspended at
    std::shared_ptr<generator> sub;  // what its yield from delegates to (a reference, as in CPython)
    int list_position = 0;           // yield from [...]
    // pygen's chains: a yield from between generators of the same type links the sub-generator
    // to its delegator, unless it is linked to another one already.
    bool chain_link = false;           // this generator's yield from is such a link
    generator* chain_parent = nullptr; // the delegator this generator is linked to
};

// What a resume brings into the body at the point where it is suspended.
struct injection {
    enum kind_type { send, raise, yield_from_result };
    kind_type kind = send;
    value sent;
    error_ptr error;
};

inline injection send_value(value v) {
    injection i;
    i.sent = v;
    return i;
}

inline injection raise_error(error_ptr e) {
    injection i;
    i.kind = injection::raise;
    i.error = std::move(e);
    return i;
}

class machine {
public:
    machine(program const& p, bool cpython) : p_(p), cpython_(cpython) {}

    trace run() {
        trace t;
        for (std::size_t k = 0; k < p_.functions.size(); ++k) {
            slots_[k] = std::make_shared<generator>(static_cast<int>(k));
        }
        for (std::size_t i = 0; i < p_.ops.size(); ++i) {
            op const& o = p_.ops[i];
            op_trace ot;
            ot.op = op_name(o);
            log_ = &ot.log;
            ot.result = perform(o);
            ot.state = state_of(0);
            if (o.on != 0) {
                ot.state += ", " + on_name(o.on, "g") + " " + state_of(o.on);
            }
            t.push_back(ot);
        }
        return t;
    }

private:
    // ---- the caller's operations -----------------------------------------------------------

    std::string state_of(int on) const { return slots_[on] ? state_name(slots_[on]->state) : std::string("-"); }

    // The caller drops its reference: finalized unless a yield from still holds it.
    void release(std::shared_ptr<generator> g) {
        if (g && g.use_count() == 1) {
            finalize(*g);
        }
    }

    std::string perform(op const& o) {
        std::shared_ptr<generator>& slot = slots_[o.on];
        if (o.kind == op_kind::end) {
            for (int k = 0; k < 4; ++k) {
                release(std::move(slots_[k]));
            }
            return "end";
        }
        if (o.kind == op_kind::destroy) {
            release(std::move(slot));
            slot = std::make_shared<generator>(o.on);
            return "destroyed";
        }
        generator& g = *slot;
        switch (o.kind) {
        case op_kind::next:
            return outcome(next(g));
        case op_kind::send:
            return outcome(send(g, some(o.value)));
        case op_kind::send_none:
            return outcome(send(g, value()));
        case op_kind::throw_:
            return outcome(throw_(g, make_error(o.exc, o.value, 'c')));
        case op_kind::close: {
            result const r = close(g);
            return r.kind == result::raised ? "raise " + describe(*r.error, cpython_) : std::string("None");
        }
        case op_kind::state:
            return state_name(g.state);
        case op_kind::move:
            return "moved";
        case op_kind::destroy:
        case op_kind::end:
            break;
        case op_kind::for_loop: {
            // for x in g: log(x); stop after o.value values. The return value is dropped.
            for (int n = 0;;) {
                result const r = next(g);
                if (r.kind == result::returned) {
                    return "for exhausted";
                }
                if (r.kind == result::raised) {
                    return "raise " + describe(*r.error, cpython_);
                }
                log("for: " + std::to_string(r.yielded_value));
                if (++n >= o.value) {
                    return "for broke";
                }
            }
        }
        }
        return "?";
    }

    std::string outcome(result const& r) const {
        if (r.kind == result::yielded) {
            return "yield " + std::to_string(r.yielded_value);
        }
        if (r.kind == result::returned) {
            exception stop;
            stop.kind = exception::stop_iteration;
            stop.has_value = r.has_value;
            stop.stop_value = r.returned_value;
            return "raise " + describe(stop, cpython_);
        }
        return "raise " + describe(*r.error, cpython_);
    }

    // ---- the protocol (genobject.c) --------------------------------------------------------

    // next(g)
    result next(generator& g) { return enter(g, send_value(value())); }

    // g.send(v)
    result send(generator& g, value v) {
        if (g.state == gstate::created && !v.none) {
            return raised(make_error(exception::type_error));
        }
        return enter(g, send_value(v));
    }

    // gen_send_ex2: resumes the frame, or says why it cannot.
    result enter(generator& g, injection const& in) {
        if (g.state == gstate::running) {
            return raised(value_error());
        }
        if (g.state == gstate::closed) {
            if (in.kind == injection::raise) {
                return raised(in.error); // throw() into a finished generator: as it is
            }
            return returned(false); // the return value was reported once already
        }
        g.state = gstate::running;
        result const r = resume(g, in);
        g.state = r.kind == result::yielded ? gstate::suspended : gstate::closed;
        return r;
    }

    // _gen_throw
    result throw_(generator& g, error_ptr const& e) {
        if (g.state == gstate::suspended && g.sub) {
            if (e->kind == exception::generator_exit) {
                // The sub-generator is closed first; its error, if any, replaces GeneratorExit.
                g.state = gstate::running;
                result const r = close(*g.sub);
                g.state = gstate::suspended;
                if (r.kind == result::raised) {
                    return enter(g, raise_error(r.error));
                }
                return enter(g, raise_error(e));
            }
            g.state = gstate::running;
            result const r = throw_(*g.sub, e);
            g.state = gstate::suspended;
            if (r.kind == result::yielded) {
                return r;
            }
            drop_sub(g);
            if (r.kind == result::returned || r.error->kind == exception::stop_iteration) {
                // A StopIteration out of the sub-generator's throw() (thrown into one that was
                // exhausted by a direct call) ends the yield from with its value, as a return.
                injection in;
                in.kind = injection::yield_from_result;
                in.sent = r.kind == result::returned ? r.returned_value : r.error->stop_value;
                return enter(g, in);
            }
            return enter(g, raise_error(r.error));
        }
        // Not delegating, or to a list: a list_iterator has no throw() and no close().
        return enter(g, raise_error(e));
    }

    // gen_close; `returned` means close() returned None.
    result close(generator& g) {
        if (g.state == gstate::created) {
            g.state = gstate::closed; // nothing of the body runs
            return returned(false);
        }
        if (g.state == gstate::running) {
            return raised(value_error());
        }
        if (g.state == gstate::closed) {
            return returned(false);
        }
        error_ptr error = generator_exit();
        if (g.sub) {
            g.state = gstate::running;
            result const r = close(*g.sub);
            g.state = gstate::suspended;
            if (r.kind == result::raised) {
                error = r.error;
            }
        }
        result const r = enter(g, raise_error(error));
        if (r.kind == result::yielded) {
            return raised(make_error(exception::runtime_error, "generator ignored GeneratorExit"));
        }
        if (r.kind == result::returned || r.error->kind == exception::generator_exit) {
            return returned(false); // 3.11 drops a return value (3.13 returns it)
        }
        return r;
    }

    // _PyGen_Finalize, then the frame goes.
    void finalize(generator& g) {
        if (g.state == gstate::created) {
            g.state = gstate::closed;
            return;
        }
        if (g.state != gstate::suspended) {
            return;
        }
        result const r = close(g);
        if (r.kind == result::raised) {
            log("unraisable: " + describe(*r.error, cpython_));
        }
        if (g.state == gstate::suspended) {
            // It yielded again. pygen unwinds it by force: the sub-generator its yield from holds
            // goes first (finalized), then its guards run, innermost first; CPython clears the
            // frame, which finalizes the sub-generator and runs no finally block.
            g.state = gstate::running;
            drop_sub(g);
            while (!g.blocks.empty()) {
                if (!cpython_ && g.blocks.back().kind == block_frame::guard) {
                    log_guard(g, g.blocks.back());
                }
                g.blocks.pop_back();
            }
            g.state = gstate::closed;
        }
    }

    // The sub-generator leaves its delegator's stack: finalized if that was the last reference.
    void drop_sub(generator& g) {
        if (g.chain_link) {
            g.sub->chain_parent = nullptr;
            g.chain_link = false;
        }
        release(std::move(g.sub));
    }

    // pygen's check before it links `sub` into the chain of `g` (README, "Delegation cycles"):
    // true when down sub's chain a generator runs or `g` itself is, and ValueError is raised at
    // the yield from before anything is resumed. Otherwise `sub` is linked, if it can be.
    bool refuses_cycle(generator& g, generator& sub) {
        if (cpython_ ||
            p_.functions[static_cast<std::size_t>(g.fn)].type != p_.functions[static_cast<std::size_t>(sub.fn)].type ||
            sub.state == gstate::running || sub.state == gstate::closed || sub.chain_parent) {
            return false;
        }
        for (generator* f = &sub; f != nullptr; f = f->chain_link ? f->sub.get() : nullptr) {
            if (f == &g || f->state == gstate::running) {
                return true;
            }
        }
        sub.chain_parent = &g;
        g.chain_link = true;
        return false;
    }

    // ---- the frame ---------------------------------------------------------------------------

    stmt const& statement(int index) const { return p_.stmts[static_cast<std::size_t>(index)]; }

    result resume(generator& g, injection const& in) {
        error_ptr pending;
        if (g.blocks.empty()) {
            // The first resume: a thrown exception is raised before the first statement.
            block_frame b;
            b.block = p_.functions[static_cast<std::size_t>(g.fn)].body;
            g.blocks.push_back(b);
            if (in.kind == injection::raise) {
                pending = in.error;
            }
            return execute(g, pending);
        }
        stmt const& s = statement(g.at);
        if (in.kind == injection::raise) {
            drop_sub(g); // popped off the value stack before any handler runs
            return execute(g, in.error);
        }
        if (s.kind == stmt_kind::yield_value) {
            log(fn_name(g.fn) + ": got " + text(in.sent));
        } else if (s.kind == stmt_kind::yield_from_gen || s.kind == stmt_kind::yield_from_shared) {
            if (in.kind == injection::yield_from_result) {
                log(fn_name(g.fn) + ": yf -> " + text(in.sent));
            } else {
                // SEND: next() or send(v) goes on to the sub-generator.
                result const r = enter(*g.sub, send_value(in.sent));
                if (r.kind == result::yielded) {
                    return r;
                }
                drop_sub(g);
                if (r.kind == result::returned) {
                    log(fn_name(g.fn) + ": yf -> " + text(r.returned_value));
                } else {
                    pending = r.error;
                }
            }
        } else {
            // yield from a list: its iterator has no send()
            if (!in.sent.none) {
                pending = make_error(exception::attribute_error);
            } else if (++g.list_position < s.count) {
                return yielded(s.value + g.list_position);
            } else {
                log(fn_name(g.fn) + ": yf -> None");
            }
        }
        return execute(g, pending);
    }

    void log_guard(generator const& g, block_frame const& b) {
        log(fn_name(g.fn) + ": ~g" + std::to_string(statement(b.stmt).value));
    }

    // Runs the body from where it is until it yields, returns or raises; `pending`: an exception
    // being raised at that point.
    result execute(generator& g, error_ptr pending) {
        for (;;) {
            if (pending) {
                if (g.blocks.empty()) {
                    return raised(pep479(pending));
                }
                block_frame& b = g.blocks.back();
                if (b.kind == block_frame::try_body) {
                    stmt const& s = statement(b.stmt);
                    std::size_t h = 0;
                    while (h < s.handlers.size() && !matches(s.handlers[h].kind, *pending)) {
                        ++h;
                    }
                    if (h < s.handlers.size()) {
                        b.kind = block_frame::handler;
                        b.block = s.handlers[h].body;
                        b.pc = 0;
                        b.caught = pending;
                        log(fn_name(g.fn) + ": caught " + describe(*pending, cpython_));
                        pending.reset();
                        continue;
                    }
                } else if (b.kind == block_frame::guard) {
                    log_guard(g, b);
                }
                g.blocks.pop_back();
                continue;
            }
            block_frame& b = g.blocks.back();
            std::vector<int> const& stmts = p_.blocks[static_cast<std::size_t>(b.block)];
            if (b.pc == stmts.size()) {
                if (b.kind == block_frame::body) {
                    g.blocks.pop_back();
                    return returned(true); // fell off the end: return None
                }
                if (b.kind == block_frame::loop && ++b.iteration < statement(b.stmt).count) {
                    b.pc = 0;
                    continue;
                }
                if (b.kind == block_frame::guard) {
                    log_guard(g, b);
                }
                g.blocks.pop_back();
                continue;
            }
            int const index = stmts[b.pc++];
            stmt const& s = statement(index);
            switch (s.kind) {
            case stmt_kind::yield_value:
                g.at = index;
                return yielded(s.value);
            case stmt_kind::yield_from_gen:
            case stmt_kind::yield_from_shared: {
                if (s.kind == stmt_kind::yield_from_shared && !slots_[s.target]) {
                    log(fn_name(g.fn) + ": " + on_name(s.target, "") + " gone"); // being finalized
                    break;
                }
                g.at = index;
                g.sub = s.kind == stmt_kind::yield_from_gen ? std::make_shared<generator>(s.target) : slots_[s.target];
                if (refuses_cycle(g, *g.sub)) {
                    drop_sub(g);
                    pending = value_error();
                    break;
                }
                // SEND None: starts it, runs it on, or finds it exhausted (None) or running.
                result const r = enter(*g.sub, send_value(value()));
                if (r.kind == result::yielded) {
                    return r;
                }
                drop_sub(g);
                if (r.kind == result::returned) {
                    log(fn_name(g.fn) + ": yf -> " + text(r.returned_value));
                } else {
                    pending = r.error;
                }
                break;
            }
            case stmt_kind::yield_from_list:
                if (s.count == 0) {
                    log(fn_name(g.fn) + ": yf -> None");
                    break;
                }
                g.at = index;
                g.list_position = 0;
                return yielded(s.value);
            case stmt_kind::raise:
                pending = make_error(static_cast<exc_kind>(s.target), s.value, 'm');
                break;
            case stmt_kind::reraise:
                for (std::size_t i = g.blocks.size(); i-- > 0;) {
                    if (g.blocks[i].kind == block_frame::handler) {
                        pending = g.blocks[i].caught;
                        break;
                    }
                }
                break;
            case stmt_kind::return_value:
                while (!g.blocks.empty()) {
                    if (g.blocks.back().kind == block_frame::guard) {
                        log_guard(g, g.blocks.back());
                    }
                    g.blocks.pop_back();
                }
                return returned(true, s.value < 0 ? value() : some(s.value));
            case stmt_kind::try_except:
            case stmt_kind::guard:
            case stmt_kind::loop: {
                if (s.kind == stmt_kind::loop && s.count == 0) {
                    break;
                }
                block_frame n;
                n.kind = s.kind == stmt_kind::try_except ? block_frame::try_body
                         : s.kind == stmt_kind::guard    ? block_frame::guard
                                                         : block_frame::loop;
                n.block = s.body;
                n.stmt = index;
                g.blocks.push_back(n);
                break;
            }
            case stmt_kind::reenter:
                pending = reenter(g, s);
                break;
            }
        }
    }

    // SELF().next() and the like from inside a body: SELF (g) is running, or gone while it is
    // finalized; S[k] may be anything.
    error_ptr reenter(generator const& g, stmt const& s) {
        std::string const who = fn_name(g.fn) + ": " + on_name(s.count, "self");
        generator* const x = slots_[s.count].get();
        if (!x) {
            log(who + " gone");
            return error_ptr();
        }
        result r;
        switch (static_cast<reenter_kind>(s.target)) {
        case reenter_kind::state:
            log(who + " state " + state_name(x->state));
            return error_ptr();
        case reenter_kind::close:
            r = close(*x);
            if (r.kind == result::returned) {
                log(who + " close returned");
                return error_ptr();
            }
            return r.error;
        case reenter_kind::next:
            r = next(*x);
            break;
        case reenter_kind::send:
            r = send(*x, some(s.value));
            break;
        case reenter_kind::throw_e1:
            r = throw_(*x, make_error(exc_kind::e1, s.value, 'r'));
            break;
        }
        if (r.kind == result::yielded) {
            log(who + " returned " + std::to_string(r.yielded_value));
            return error_ptr();
        }
        if (r.kind == result::returned) {
            std::shared_ptr<exception> stop = std::make_shared<exception>();
            stop->kind = exception::stop_iteration;
            stop->has_value = r.has_value;
            stop->stop_value = r.returned_value;
            return stop;
        }
        return r.error;
    }

    void log(std::string line) { log_->push_back(std::move(line)); }

    program const& p_;
    bool cpython_;
    std::shared_ptr<generator> slots_[4]; // g (SELF), then S[1..3]: the caller's references
    std::vector<std::string>* log_ = nullptr;
};

} // namespace model

// The trace the model predicts for `p`; `cpython`: the one python3 prints instead of pygen's.
inline trace model_trace(program const& p, bool cpython = false) { return model::machine(p, cpython).run(); }

} // namespace pygen_fuzz

#endif // #ifndef PYGEN_TEST_FUZZ_MODEL_HPP_INCLUDED
