#ifndef PYGEN_UNRAISABLE_HPP_INCLUDED
#define PYGEN_UNRAISABLE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/describe_exception.hpp>

#include <cstdio>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <utility>

namespace pygen {

// sys.unraisablehook: receives errors that finalizing a generator raised, which a destructor
// cannot throw.
using unraisable_hook = std::function<void(std::exception_ptr)>;

namespace detail {

struct unraisable_registry {
    std::mutex mutex;
    unraisable_hook hook;

    static unraisable_registry& instance() {
        static unraisable_registry registry;
        return registry;
    }
};

// CPython's report: where the error was ignored, then the error (C++ has no traceback to add).
// `object` is the generator, or null for the hook itself.
inline void print_ignored(void const* object, std::exception_ptr const& error) noexcept {
    try {
        std::string const where = object ? ": <pygen::generator object at " + pointer_text(object) + ">"
                                         : std::string(" the unraisable hook (pygen::set_unraisable_hook)");
        std::string const text = "Exception ignored in" + where + "\n" + describe_exception(error) + "\n";
        std::fputs(text.c_str(), stderr);
    } catch (...) {
        std::fputs("Exception ignored (and no memory to describe it)\n", stderr);
    }
}

inline void report_unraisable(std::exception_ptr const& error, void const* object) noexcept {
    unraisable_hook hook;
    {
        std::lock_guard<std::mutex> lock(unraisable_registry::instance().mutex);
        hook = unraisable_registry::instance().hook;
    }
    if (!hook) {
        print_ignored(object, error);
        return;
    }
    try {
        hook(error);
    } catch (...) {
        // As CPython reports a failing sys.unraisablehook: the hook's error, not the original.
        print_ignored(nullptr, std::current_exception());
    }
}

} // namespace detail

// Installs `hook` and returns the previous one. An empty hook restores the default, which
// writes Python's "Exception ignored in" line and the error to stderr.
inline unraisable_hook set_unraisable_hook(unraisable_hook hook) {
    std::lock_guard<std::mutex> lock(detail::unraisable_registry::instance().mutex);
    std::swap(hook, detail::unraisable_registry::instance().hook);
    return hook;
}

} // namespace pygen

#endif // #ifndef PYGEN_UNRAISABLE_HPP_INCLUDED
