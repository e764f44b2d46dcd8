// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The helpers of runtime.hpp and the driver that plays op sequences: pyrt.py's twin.

#include "runtime.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace dt {

namespace {

std::string text;    // the current sequence's trace
long generators = 0; // created in the current sequence

void put(std::string const& line) {
    text += line;
    text += '\n';
}

std::string state_name(pygen::gen_state s) {
    switch (s) {
    case pygen::gen_state::created:
        return "GEN_CREATED";
    case pygen::gen_state::running:
        return "GEN_RUNNING";
    case pygen::gen_state::suspended:
        return "GEN_SUSPENDED";
    case pygen::gen_state::closed:
        return "GEN_CLOSED";
    }
    return "GEN_?";
}

std::string sv(S const& x) { return x ? std::to_string(*x) : std::string("None"); }

} // namespace

void count_generator() { ++generators; }

namespace {

template <class G> struct body {
    body_function<G> f;
    cellp<G> me;
    rootp root;
    int d;
    int operator()(typename G::yielder& yield) const { return f(yield, me, root, d); }
};

template <class G> void log_state_of(char const* prefix, cellp<G> const& c) {
    put(prefix + (c->g ? state_name(c->g->state()) : std::string("gone")));
}

template <class G> void reenter_of(cellp<G> const& c, char const* op, char const* tag) {
    G* g = c->g;
    std::string const t = tag;
    if (!g) {
        put(t + " gone");
        return;
    }
    std::string const o = op;
    put(t + " " + o);
    if (o == "next") {
        g->next();
    } else if (o == "send") {
        g->send(7);
    } else if (o == "sendnone") {
        g->send(pygen::none);
    } else if (o == "close") {
        g->close();
    } else if (o == "throw") {
        g->throw_(E1(t));
    } else if (o == "throwge") {
        g->throw_(pygen::generator_exit());
    }
    put(t + " no error");
}

} // namespace

template <class G> G make(body_function<G> f, cellp<G> me, rootp root, int d) {
    return G(body<G>{f, std::move(me), std::move(root), d});
}
template gen make<gen>(body_function<gen>, cellp<gen>, rootp, int);
template genl make<genl>(body_function<genl>, cellp<genl>, rootp, int);

void log(char const* line) { put(line); }
void log_sent(char const* tag, S const& x) { put(std::string(tag) + " sent " + sv(x)); }
void log_int(char const* prefix, int v) { put(prefix + std::to_string(v)); }
void log_exc(char const* prefix) { put(prefix + desc(std::current_exception())); }
void log_state(char const* prefix, cellp<gen> const& c) { log_state_of(prefix, c); }
void log_state(char const* prefix, cellp<genl> const& c) { log_state_of(prefix, c); }
void reenter(cellp<gen> const& c, char const* op, char const* tag) { reenter_of(c, op, tag); }
void reenter(cellp<genl> const& c, char const* op, char const* tag) { reenter_of(c, op, tag); }

guard::guard(char const* n) : name(n) { put(std::string("enter ") + name); }
guard::~guard() {
    if (active) {
        put(std::string("exit ") + name);
    }
}

std::string desc(std::exception_ptr e) {
    try {
        std::rethrow_exception(e);
    } catch (pygen::stop_iteration const& s) {
        return "StopIteration(" + (s.has_value() ? std::to_string(s.value<int>()) : std::string("None")) + ")";
    } catch (pygen::generator_exit const&) {
        return "GeneratorExit()";
    } catch (E2 const& x) {
        return std::string("E2(") + x.what() + ")";
    } catch (E1 const& x) {
        return std::string("E1(") + x.what() + ")";
    } catch (pygen::value_error const& x) {
        return std::string("ValueError(") + x.what() + ")";
    } catch (pygen::type_error const& x) {
        return std::string("TypeError(") + x.what() + ")";
    } catch (pygen::attribute_error const& x) {
        return std::string("AttributeError(") + x.what() + ")";
    } catch (pygen::runtime_error const& x) {
        return std::string("RuntimeError(") + x.what() + ")";
    } catch (Marker const&) {
        return "Marker()";
    } catch (std::exception const& x) {
        return std::string("unexpected C++ exception(") + x.what() + ")";
    } catch (...) {
        return "unexpected C++ exception of unknown type()";
    }
}

std::vector<int> range(int a, int b) {
    std::vector<int> v;
    for (int i = a; i < b; ++i) {
        v.push_back(i);
    }
    return v;
}

namespace {

std::string perform(holder<gen>& h, std::string const& core, int i) {
    gen& g = h.g;
    if (core == "n") {
        return "yield " + std::to_string(g.next());
    }
    char const c0 = core[0];
    if (c0 == 's') {
        int const v = std::atoi(core.c_str() + 1);
        return "yield " + std::to_string(core == "sn" ? g.send(pygen::none) : g.send(v));
    }
    if (c0 == 't') {
        char const k = core[1];
        std::string const msg = "t" + std::to_string(i);
        int v;
        if (k == '1') {
            v = g.throw_(E1(msg));
        } else if (k == '2') {
            v = g.throw_(E2(msg));
        } else if (k == 'g') {
            v = g.throw_(pygen::generator_exit());
        } else if (core == "tsn") {
            v = g.throw_(pygen::stop_iteration());
        } else {
            v = g.throw_(pygen::stop_iteration(std::atoi(core.c_str() + 2)));
        }
        return "yield " + std::to_string(v);
    }
    if (core == "c") {
        g.close();
        return "closed";
    }
    if (core == "i") {
        for (int& v : g) {
            put("item " + std::to_string(v));
        }
        return "drained";
    }
    throw std::logic_error("unknown op " + core);
}

// Called in the caller's catch (Marker const&): the generator must not have disturbed it.
void marker_check() {
    try {
        throw;
    } catch (Marker const&) {
        put("marker ok");
    } catch (...) {
        put("marker lost");
    }
}

void run_seq(function<gen> f0, std::vector<std::string> const& ops) {
    text.clear();
    generators = 0;
    std::unique_ptr<holder<gen>> box(new holder<gen>(f0, nullptr, 0));
    for (std::size_t i = 0; i < ops.size(); ++i) {
        std::string const& op = ops[i];
        put(">> " + op);
        bool const x = op[0] == 'x';
        std::string const core = x ? op.substr(1) : op;
        if (core == "d") {
            if (x) {
                try {
                    throw Marker();
                } catch (Marker const&) {
                    box.reset();
                    marker_check();
                }
            } else {
                box.reset();
            }
            put("<< deleted");
            break;
        }
        std::string res;
        try {
            if (x) {
                try {
                    throw Marker();
                } catch (Marker const&) {
                    res = perform(*box, core, static_cast<int>(i));
                    marker_check();
                }
            } else {
                res = perform(*box, core, static_cast<int>(i));
            }
        } catch (...) {
            res = "raise " + desc(std::current_exception());
        }
        put("<< " + res + " " + state_name(box->g.state()));
    }
    put("#end gens=" + std::to_string(generators));
}

} // namespace

int main(int argc, char** argv, entry const* table, std::size_t n) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " OPS-FILE TRACE-FILE\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    std::ofstream out(argv[2], std::ios::binary);
    if (!in || !out) {
        std::cerr << argv[0] << ": cannot open " << argv[1] << " or " << argv[2] << "\n";
        return 2;
    }
    pygen::set_unraisable_hook([](std::exception_ptr e) { put("unraisable " + desc(e)); });
    std::vector<function<gen>> by_pid;
    for (std::size_t k = 0; k < n; ++k) {
        if (by_pid.size() <= static_cast<std::size_t>(table[k].pid)) {
            by_pid.resize(table[k].pid + 1, nullptr);
        }
        by_pid[table[k].pid] = table[k].f0;
    }
    std::string line;
    long sequences = 0, ops_done = 0, gens = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        int pid = -1;
        long sid = -1;
        fields >> pid >> sid;
        if (pid < 0 || static_cast<std::size_t>(pid) >= by_pid.size() || !by_pid[pid]) {
            std::cerr << argv[0] << ": no program " << pid << " in this build\n";
            return 2;
        }
        std::vector<std::string> ops;
        std::string op;
        while (fields >> op) {
            ops.push_back(op);
        }
        run_seq(by_pid[pid], ops);
        out << "#seq " << pid << ' ' << sid << '\n' << text;
        ++sequences;
        ops_done += static_cast<long>(ops.size());
        gens += generators;
    }
    out.flush();
    if (!out) {
        std::cerr << argv[0] << ": could not write " << argv[2] << "\n";
        return 2;
    }
    std::cerr << "cpp-side: sequences=" << sequences << " ops=" << ops_done << " generators=" << gens << "\n";
    return 0;
}

} // namespace dt
