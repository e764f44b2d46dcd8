#ifndef PYGEN_DIFFTEST_RUNTIME_HPP_INCLUDED
#define PYGEN_DIFFTEST_RUNTIME_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// What a generated C++ program runs against: the C++ twin of pyrt.py (the two must print
// byte-identical traces). The helpers are defined out of line in runtime.cpp, with the driver,
// so that the generated programs compile fast.

#include <pygen/generator.hpp>

#include <boost/context/detail/exception.hpp>
#include <boost/optional.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dt {

// typing.Generator[int, Optional[int], int]: boost::optional tells None from 0 in what is sent.
using S = boost::optional<int>;
using gen = pygen::generator<int, S, int>;
// The same in Python; in C++ another Y, so that yield.from forwards value by value instead of
// linking the chain (pygen's second delegation path).
using genl = pygen::generator<long, S, int>;
using forced_unwind = boost::context::detail::forced_unwind;

struct E1 : std::runtime_error {
    explicit E1(std::string const& what) : std::runtime_error(what) {}
};
struct E2 : E1 {
    explicit E2(std::string const& what) : E1(what) {}
};
struct Marker {};

// Python's Cell: a generator's handle on itself or on its chain's root; null while finalized.
template <class G> struct cell { G* g = nullptr; };
template <class G> using cellp = std::shared_ptr<cell<G>>;
using rootp = cellp<gen>; // the root, f0, is always a gen
template <class G> using function = G (*)(cellp<G>, rootp, int);

// A generated generator function's body: int f<k>_body(yielder&, me, root, d). Every body runs
// through one functor type per G, so pygen's templates are instantiated once (in runtime.cpp),
// not once per lambda: that made compiling ten times slower.
template <class G> using body_function = int (*)(typename G::yielder&, cellp<G> const&, rootp const&, int);
template <class G> G make(body_function<G> body, cellp<G> me, rootp root, int d);
extern template gen make<gen>(body_function<gen>, cellp<gen>, rootp, int);
extern template genl make<genl>(body_function<genl>, cellp<genl>, rootp, int);

void count_generator();

inline rootp root_of(rootp const& root, cellp<gen> const& self) { return root ? root : self; }
inline rootp root_of(rootp const& root, cellp<genl> const&) { return root; }

// mk(fn, root, d): a generator with its cell. Used as a temporary in yield.from(holder(...).g),
// so it lives exactly as long as the sub-generator on a Python frame's value stack.
template <class G> struct holder {
    cellp<G> c;
    G g;
    holder(function<G> f, rootp const& root, int d) : c(std::make_shared<cell<G>>()), g(f(c, root_of(root, c), d)) {
        c->g = &g;
        count_generator();
    }
    holder(holder const&) = delete;
    holder& operator=(holder const&) = delete;
    // Python clears a generator's weak references before finalizing it.
    ~holder() { c->g = nullptr; }
    // `for v in mk(...)`: a range-for over the temporary keeps it for the whole loop, as Python
    // keeps the iterator on the frame's value stack.
    typename G::iterator begin() { return g.begin(); }
    typename G::iterator end() { return g.end(); }
};

void log(char const* line);
void log_sent(char const* tag, S const& x);              // tag + " sent " + sv(x)
void log_int(char const* prefix, int v);                 // prefix + str(v)
void log_exc(char const* prefix);                        // prefix + desc(the exception being handled)
void log_state(char const* prefix, cellp<gen> const& c); // prefix + state(c)
void log_state(char const* prefix, cellp<genl> const& c);
std::string desc(std::exception_ptr e);
std::vector<int> range(int a, int b);
void reenter(cellp<gen> const& c, char const* op, char const* tag);
void reenter(cellp<genl> const& c, char const* op, char const* tag);

// `with CM(name):`. When a generator that ignored GeneratorExit during finalization is unwound
// by force, C++ runs destructors where CPython only drops the frame (README, "Where C++ differs
// by necessity"): the with-statement's try dismisses the guard on forced_unwind.
struct guard {
    char const* name;
    bool active = true;
    explicit guard(char const* n);
    guard(guard const&) = delete;
    guard& operator=(guard const&) = delete;
    ~guard();
};

struct entry {
    int pid;
    function<gen> f0;
};

// The driver: DRIVER OPS-FILE TRACE-FILE. Each line of OPS-FILE is "pid sid op op ..."; each
// sequence's trace goes to TRACE-FILE after a "#seq pid sid" line, in the order of OPS-FILE.
int main(int argc, char** argv, entry const* table, std::size_t n);

} // namespace dt

#endif // #ifndef PYGEN_DIFFTEST_RUNTIME_HPP_INCLUDED
