#ifndef PYGEN_TEST_FUZZ_PYGEN_RUNNER_HPP_INCLUDED
#define PYGEN_TEST_FUZZ_PYGEN_RUNNER_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Runs a scenario with pygen: each function becomes a generator body that walks its statements
// with real C++ (yield, yield.from, try/catch, locals with destructors), and the caller's
// operations are real calls on generator objects it owns (g and S[1..3]), some made from inside
// a catch block of the caller's own.

#include "scenario.hpp"

#include <pygen/generator.hpp>

#include <boost/context/fiber.hpp> // forced_unwind, on the fcontext and ucontext backends alike
#include <boost/core/demangle.hpp>
#include <boost/optional.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

namespace pygen_fuzz {

// Python's E1(Exception) and E2(Exception).
struct user_error : std::exception {
    explicit user_error(std::string m) : message(std::move(m)) {}
    char const* what() const noexcept override { return message.c_str(); }
    std::string message;
};
struct e1 : user_error {
    explicit e1(std::string m) : user_error(std::move(m)) {}
};
struct e2 : user_error {
    explicit e2(std::string m) : user_error(std::move(m)) {}
};

typedef boost::optional<int> opt;               // Python's `int | None`
typedef pygen::generator<int, opt, opt> gen_a;  // the two generator types: a delegation between
typedef pygen::generator<long, opt, opt> gen_b; // equal types chains, between others forwards

inline std::string text(opt const& v) { return v ? std::to_string(*v) : std::string("None"); }

inline std::string stop_value_text(pygen::stop_iteration const& e) {
    if (!e.has_value()) {
        return "";
    }
    try {
        return text(e.value<opt>());
    } catch (std::bad_cast const&) {
    }
    try {
        return std::to_string(e.value<int>()); // raise StopIteration(3), throw_(stop_iteration(3))
    } catch (std::bad_cast const&) {
    }
    return "<a value of another type>";
}

// The exception as the model writes it: "E1(m3)", "RuntimeError(...) from StopIteration()".
inline std::string describe(std::exception_ptr error) {
    std::string s;
    try {
        std::rethrow_exception(error);
    } catch (e1 const& e) {
        s = "E1(" + e.message + ")";
    } catch (e2 const& e) {
        s = "E2(" + e.message + ")";
    } catch (pygen::stop_iteration const& e) {
        s = "StopIteration(" + stop_value_text(e) + ")";
    } catch (pygen::value_error const& e) {
        s = std::string("ValueError(") + e.what() + ")";
    } catch (pygen::type_error const& e) {
        s = std::string("TypeError(") + e.what() + ")";
    } catch (pygen::attribute_error const& e) {
        s = std::string("AttributeError(") + e.what() + ")";
    } catch (pygen::runtime_error const& e) {
        s = std::string("RuntimeError(") + e.what() + ")";
        std::nested_exception const* nested = dynamic_cast<std::nested_exception const*>(&e);
        if (nested && nested->nested_ptr()) {
            s += " from " + describe(nested->nested_ptr());
        }
    } catch (pygen::generator_exit const&) {
        s = "GeneratorExit()";
    } catch (std::exception const& e) {
        s = "<unexpected " + boost::core::demangle(typeid(e).name()) + ": " + e.what() + ">";
    } catch (...) {
        s = "<unexpected exception of a type not derived from std::exception>";
    }
    return s;
}

// A generator object the caller owns, whatever its type: what bodies call SELF() and S[k].
struct self_handle {
    virtual ~self_handle() {}
    virtual long next() = 0;
    virtual long send(int v) = 0;
    virtual long throw_e1(std::string const& m) = 0;
    virtual void close() = 0;
    virtual pygen::gen_state state() const = 0;
};

template <class G> struct self_of final : self_handle {
    G* g = nullptr;
    long next() override { return g->next(); }
    long send(int v) override { return g->send(opt(v)); }
    long throw_e1(std::string const& m) override { return g->throw_(e1(m)); }
    void close() override { g->close(); }
    pygen::gen_state state() const override { return g->state(); }
};

// g (slot 0) or S[k]: owned by the caller, of the type of its function.
struct slot {
    std::unique_ptr<gen_a> a;
    std::unique_ptr<gen_b> b;
    self_of<gen_a> handle_a;
    self_of<gen_b> handle_b;
    self_handle* handle = nullptr; // null while there is none, or while it is destroyed
};

struct context {
    program const* prog = nullptr;
    std::vector<std::string>* log = nullptr; // the current op's
    slot slots[4];
};

// A try/finally block: logs when the body leaves it, however it leaves.
class guard {
public:
    guard(context& c, std::string text) : c_(c), text_(std::move(text)) {}
    guard(guard const&) = delete;
    guard& operator=(guard const&) = delete;
    ~guard() { c_.log->push_back(text_); }

private:
    context& c_;
    std::string text_;
};

template <class G> G make_generator(context& c, int f);

// One call of a body: walks the statements of function `f` on the generator's own stack.
template <class G> class body_runner {
    typedef typename G::yield_type value_type;

public:
    body_runner(context& c, int f, typename G::yielder& y) : c_(c), f_(f), yield_(y), name_(fn_name(f)) {}

    opt run() {
        if (block(c_.prog->functions[static_cast<std::size_t>(f_)].body)) {
            return returned_;
        }
        return opt();
    }

private:
    void log(std::string const& line) { c_.log->push_back(name_ + ": " + line); }

    // true: the body returns (returned_ holds the value)
    bool block(int b) {
        std::vector<int> const& stmts = c_.prog->blocks[static_cast<std::size_t>(b)];
        for (std::size_t i = 0; i < stmts.size(); ++i) {
            if (statement(c_.prog->stmts[static_cast<std::size_t>(stmts[i])])) {
                return true;
            }
        }
        return false;
    }

    bool statement(stmt const& s) {
        switch (s.kind) {
        case stmt_kind::yield_value: {
            opt const got = yield_(static_cast<value_type>(s.value));
            log("got " + text(got));
            return false;
        }
        case stmt_kind::yield_from_gen: {
            opt const r = yield_from(s.target);
            log("yf -> " + text(r));
            return false;
        }
        case stmt_kind::yield_from_shared: {
            slot& x = c_.slots[s.target];
            if (!x.handle) {
                log(on_name(s.target, "") + " gone"); // being destroyed
                return false;
            }
            opt const r = x.a ? yield_.from(*x.a) : yield_.from(*x.b);
            log("yf -> " + text(r));
            return false;
        }
        case stmt_kind::yield_from_list: {
            std::vector<int> values;
            for (int i = 0; i < s.count; ++i) {
                values.push_back(s.value + i);
            }
            yield_.from(values);
            log("yf -> None");
            return false;
        }
        case stmt_kind::raise:
            raise(static_cast<exc_kind>(s.target), s.value);
            return false;
        case stmt_kind::reraise:
            throw; // only in an except block: the decoder sees to it
        case stmt_kind::return_value:
            returned_ = s.value < 0 ? opt() : opt(s.value);
            return true;
        case stmt_kind::try_except:
            return try_except(s);
        case stmt_kind::guard: {
            guard g(c_, name_ + ": ~g" + std::to_string(s.value));
            return block(s.body);
        }
        case stmt_kind::loop:
            for (int i = 0; i < s.count; ++i) {
                if (block(s.body)) {
                    return true;
                }
            }
            return false;
        case stmt_kind::reenter:
            reenter(s);
            return false;
        }
        return false;
    }

    opt yield_from(int target) {
        // `yield from f<target>()`: the temporary lives for the whole delegation, as on
        // CPython's value stack.
        if (c_.prog->functions[static_cast<std::size_t>(target)].type == gen_type::a) {
            return yield_.from(make_generator<gen_a>(c_, target));
        }
        return yield_.from(make_generator<gen_b>(c_, target));
    }

    static void raise(exc_kind k, int v) {
        switch (k) {
        case exc_kind::e1:
            throw e1("m" + std::to_string(v));
        case exc_kind::e2:
            throw e2("m" + std::to_string(v));
        case exc_kind::generator_exit:
            throw pygen::generator_exit();
        case exc_kind::stop_iteration:
            if (v == 0) {
                throw pygen::stop_iteration();
            }
            throw pygen::stop_iteration(opt(v)); // StopIteration(v) of these generators' R
        }
    }

    // Python's except clauses, first match wins: each C++ handler below looks for the first
    // clause that takes what it caught, and rethrows when there is none. std::exception comes
    // before generator_exit: should generator_exit ever derive from it, the compiler says so and
    // the model sees GeneratorExit caught as an Exception.
    bool try_except(stmt const& s) {
        try {
            return block(s.body);
        } catch (boost::context::detail::forced_unwind const&) {
            throw;
        } catch (e1 const&) {
            return handle(s, catch_kind::e1);
        } catch (e2 const&) {
            return handle(s, catch_kind::e2);
        } catch (std::exception const&) {
            return handle(s, catch_kind::exception);
        } catch (pygen::generator_exit const&) {
            return handle(s, catch_kind::generator_exit);
        } catch (...) {
            return handle(s, catch_kind::base_exception);
        }
    }

    static bool takes(catch_kind clause, catch_kind caught) {
        switch (clause) {
        case catch_kind::e1:
        case catch_kind::e2:
        case catch_kind::generator_exit:
            return caught == clause;
        case catch_kind::exception:
            return caught == catch_kind::e1 || caught == catch_kind::e2 || caught == catch_kind::exception;
        case catch_kind::base_exception:
            return true;
        }
        return false;
    }

    // Called inside the C++ handler: `throw;` here rethrows what it caught.
    bool handle(stmt const& s, catch_kind caught) {
        for (std::size_t i = 0; i < s.handlers.size(); ++i) {
            if (takes(s.handlers[i].kind, caught)) {
                log("caught " + describe(std::current_exception()));
                return block(s.handlers[i].body);
            }
        }
        throw;
    }

    // SELF().next() and the like; SELF is g, slot 0.
    void reenter(stmt const& s) {
        std::string const who = on_name(s.count, "self");
        self_handle* const x = c_.slots[s.count].handle;
        if (!x) {
            log(who + " gone");
            return;
        }
        long r = 0;
        switch (static_cast<reenter_kind>(s.target)) {
        case reenter_kind::state:
            log(who + " state " + pygen::to_string(x->state()));
            return;
        case reenter_kind::close:
            x->close();
            log(who + " close returned");
            return;
        case reenter_kind::next:
            r = x->next();
            break;
        case reenter_kind::send:
            r = x->send(s.value);
            break;
        case reenter_kind::throw_e1:
            r = x->throw_e1("r" + std::to_string(s.value));
            break;
        }
        log(who + " returned " + std::to_string(r));
    }

    context& c_;
    int f_;
    typename G::yielder& yield_;
    std::string name_;
    opt returned_;
};

template <class G> struct body {
    context* c;
    int f;
    opt operator()(typename G::yielder& y) const { return body_runner<G>(*c, f, y).run(); }
};

template <class G> G make_generator(context& c, int f) {
    body<G> b;
    b.c = &c;
    b.f = f;
    return G(b);
}

// The caller's side.
class caller {
public:
    explicit caller(program const& p) : p_(p) {
        c_.prog = &p;
        for (std::size_t k = 0; k < p.functions.size(); ++k) {
            create(static_cast<int>(k));
        }
    }

    caller(caller const&) = delete;
    caller& operator=(caller const&) = delete;

    trace run() {
        trace t;
        for (std::size_t i = 0; i < p_.ops.size(); ++i) {
            op const& o = p_.ops[i];
            op_trace ot;
            ot.op = op_name(o);
            c_.log = &ot.log;
            ot.result = o.in_catch ? in_catch(o) : guarded(o);
            ot.state = state_of(0);
            if (o.on != 0) {
                ot.state += ", " + on_name(o.on, "g") + " " + state_of(o.on);
            }
            t.push_back(ot);
        }
        c_.log = nullptr;
        return t;
    }

    context& ctx() { return c_; }

private:
    std::string state_of(int on) const {
        self_handle const* h = c_.slots[on].handle;
        return h ? pygen::to_string(h->state()) : "-";
    }

    // A new generator from function k in slot k (the type is the function's).
    void create(int k) {
        slot& x = c_.slots[k];
        if (p_.functions[static_cast<std::size_t>(k)].type == gen_type::a) {
            x.a.reset(new gen_a(make_generator<gen_a>(c_, k)));
            x.handle_a.g = x.a.get();
            x.handle = &x.handle_a;
        } else {
            x.b.reset(new gen_b(make_generator<gen_b>(c_, k)));
            x.handle_b.g = x.b.get();
            x.handle = &x.handle_b;
        }
    }

    // The caller lets it go: bodies that run meanwhile (finalization) find the slot empty.
    void destroy(int k) {
        slot& x = c_.slots[k];
        x.handle = nullptr;
        x.a.reset();
        x.b.reset();
    }

    std::string guarded(op const& o) {
        try {
            return perform(o);
        } catch (...) {
            return "raise " + describe(std::current_exception());
        }
    }

    // The op from inside a catch block of the caller's: afterwards `throw;` must still rethrow
    // the caller's exception, whatever the generator did with its own meanwhile.
    std::string in_catch(op const& o) {
        std::string result;
        try {
            throw e2("outer");
        } catch (e2 const&) {
            result = guarded(o);
            try {
                throw;
            } catch (e2 const& e) {
                if (e.message != "outer") {
                    c_.log->push_back("CALLER'S EXCEPTION CLOBBERED: throw; rethrew E2(" + e.message + ")");
                }
            } catch (...) {
                c_.log->push_back("CALLER'S EXCEPTION CLOBBERED: throw; rethrew " + describe(std::current_exception()));
            }
        }
        return result;
    }

    std::string perform(op const& o) {
        if (o.kind == op_kind::end) {
            for (int k = 0; k < 4; ++k) {
                destroy(k);
            }
            return "end";
        }
        if (o.kind == op_kind::destroy) {
            destroy(o.on);
            create(o.on);
            return "destroyed";
        }
        slot& x = c_.slots[o.on];
        return x.a ? perform(o, x.a, x.handle_a) : perform(o, x.b, x.handle_b);
    }

    template <class G> std::string perform(op const& o, std::unique_ptr<G>& g, self_of<G>& handle) {
        switch (o.kind) {
        case op_kind::next:
            return "yield " + std::to_string(g->next());
        case op_kind::send:
            return "yield " + std::to_string(g->send(opt(o.value)));
        case op_kind::send_none:
            return "yield " + std::to_string(g->send(pygen::none));
        case op_kind::throw_:
            return "yield " + std::to_string(throw_(o, *g));
        case op_kind::close:
            g->close();
            return "None";
        case op_kind::state:
            return pygen::to_string(g->state());
        case op_kind::move:
            move(o.assign, g, handle);
            return "moved";
        case op_kind::for_loop: {
            int n = 0;
            for (auto&& v : *g) {
                c_.log->push_back("for: " + std::to_string(v));
                if (++n >= o.value) {
                    return "for broke";
                }
            }
            return "for exhausted";
        }
        case op_kind::destroy:
        case op_kind::end:
            break;
        }
        return "?";
    }

    template <class G> typename G::yield_type throw_(op const& o, G& g) {
        switch (o.exc) {
        case exc_kind::e1:
            return g.throw_(e1("c" + std::to_string(o.value)));
        case exc_kind::e2:
            return g.throw_(e2("c" + std::to_string(o.value)));
        case exc_kind::generator_exit:
            return g.throw_(pygen::generator_exit());
        case exc_kind::stop_iteration:
            break;
        }
        if (o.value == 0) {
            return g.throw_(pygen::stop_iteration());
        }
        return g.throw_(pygen::stop_iteration(opt(o.value)));
    }

    // Python has no moves: the trace shows nothing, unless the moved-from object is not empty.
    template <class G> void move(bool assign, std::unique_ptr<G>& g, self_of<G>& handle) {
        std::unique_ptr<G> moved(assign ? new G() : new G(std::move(*g)));
        if (assign) {
            *moved = std::move(*g);
        }
        if (g->state() != pygen::gen_state::closed) {
            c_.log->push_back(std::string("MOVED-FROM GENERATOR IS ") + pygen::to_string(g->state()));
        }
        try {
            g->next();
            c_.log->push_back("MOVED-FROM GENERATOR YIELDED");
        } catch (pygen::stop_iteration const& e) {
            if (e.has_value()) {
                c_.log->push_back("MOVED-FROM GENERATOR'S STOP_ITERATION HAS A VALUE");
            }
        }
        g = std::move(moved);
        handle.g = g.get();
    }

    program const& p_;
    context c_;
};

// The unraisable hook writes to the log of the op running; pygen's default would go to stderr.
inline context*& current_context() {
    static context* c = nullptr;
    return c;
}

inline void install_unraisable_hook() {
    pygen::set_unraisable_hook([](std::exception_ptr e) {
        context* c = current_context();
        if (c && c->log) {
            c->log->push_back("unraisable: " + describe(e));
        }
    });
}

inline trace pygen_trace(program const& p) {
    install_unraisable_hook();
    caller c(p);
    current_context() = &c.ctx();
    trace t = c.run();
    current_context() = nullptr;
    return t;
}

} // namespace pygen_fuzz

#endif // #ifndef PYGEN_TEST_FUZZ_PYGEN_RUNNER_HPP_INCLUDED
