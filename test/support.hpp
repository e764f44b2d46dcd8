#ifndef PYGEN_TEST_SUPPORT_HPP_INCLUDED
#define PYGEN_TEST_SUPPORT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Helpers shared by the test files.

#include <pygen/exceptions.hpp>
#include <pygen/unraisable.hpp>

#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

namespace pygen_test {

using log_type = std::vector<std::string>;

// An exception hierarchy of the tests' own, to check that dynamic types survive the trip.
struct base_error : std::runtime_error {
    explicit base_error(std::string const& what_arg) : std::runtime_error(what_arg) {}
};

struct derived_error : base_error {
    derived_error(std::string const& what_arg, int code_arg) : base_error(what_arg), code(code_arg) {}
    int code;
};

// Who raised an exception, in tests where both the caller and the body raise one.
struct caller_error : std::runtime_error {
    explicit caller_error(std::string const& what_arg) : std::runtime_error(what_arg) {}
};

struct body_error : std::runtime_error {
    explicit body_error(std::string const& what_arg) : std::runtime_error(what_arg) {}
};

// Writes "~name" to the log when destroyed: shows which locals of a body were cleaned up, and when.
struct recorder {
    recorder(log_type& log, std::string name) : log_(log), name_(std::move(name)) {}
    recorder(recorder const&) = delete;
    recorder& operator=(recorder const&) = delete;
    ~recorder() { log_.push_back("~" + name_); }

private:
    log_type& log_;
    std::string name_;
};

// Installs an unraisable hook for one scope, then puts the previous one back.
struct hook_guard {
    explicit hook_guard(pygen::unraisable_hook hook) : previous_(pygen::set_unraisable_hook(std::move(hook))) {}
    hook_guard(hook_guard const&) = delete;
    hook_guard& operator=(hook_guard const&) = delete;
    ~hook_guard() { pygen::set_unraisable_hook(std::move(previous_)); }

private:
    pygen::unraisable_hook previous_;
};

// Whether f throws a stop_iteration that carries a value (-1: no stop_iteration at all).
template <class F> int stop_has_value(F f) {
    try {
        f();
    } catch (pygen::stop_iteration const& e) {
        return e.has_value() ? 1 : 0;
    }
    return -1;
}

// what() of the E (or a type derived from it) that f() throws; "<nothing thrown>" when f returns.
// Any other exception propagates and fails the test case.
template <class E, class F> std::string what_of(F f) {
    try {
        f();
    } catch (E const& e) {
        return e.what();
    }
    return "<nothing thrown>";
}

// what() of what f() throws, which must be exactly an E; anything else is named in the result.
template <class E, class F> std::string thrown_what(F f) {
    try {
        f();
    } catch (E const& e) {
        if (typeid(e) != typeid(E)) {
            return std::string("<derived type ") + typeid(e).name() + ">";
        }
        return e.what();
    } catch (...) {
        return "<other exception type>";
    }
    return "<no exception>";
}

// what() of the exception `error` holds, which must be exactly an E unless Exact is false.
template <class E, bool Exact = true> std::string describe(std::exception_ptr error) {
    if (!error) {
        return "<null exception_ptr>";
    }
    try {
        std::rethrow_exception(error);
    } catch (E const& e) {
        if (Exact && typeid(e) != typeid(E)) {
            return std::string("<derived type ") + typeid(e).name() + ">";
        }
        return e.what();
    } catch (...) {
        return "<other exception type>";
    }
    return "<unreachable>";
}

} // namespace pygen_test

#endif // #ifndef PYGEN_TEST_SUPPORT_HPP_INCLUDED
