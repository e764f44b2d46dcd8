#ifndef PYGEN_DETAIL_DESCRIBE_EXCEPTION_HPP_INCLUDED
#define PYGEN_DETAIL_DESCRIBE_EXCEPTION_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/exceptions.hpp>

#include <boost/core/demangle.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <typeinfo>

namespace pygen {
namespace detail {

inline std::string pointer_text(void const* p) {
    char buffer[2 * sizeof(void*) + 3];
    std::snprintf(buffer, sizeof buffer, "%p", p);
    return buffer;
}

// std::throw_with_nested wraps the thrown type in an unnamed-by-the-standard template
// (std::_Nested_exception<T> in libstdc++, std::__nested<T> in libc++); name T instead.
inline std::string exception_type_name(std::type_info const& type, bool nested) {
    std::string name = boost::core::demangle(type.name());
    std::string::size_type const open = name.find('<');
    if (nested && name.compare(0, 5, "std::") == 0 && open != std::string::npos && name.back() == '>') {
        name = name.substr(open + 1, name.size() - open - 2);
    }
    return name;
}

// "type: what()" for the error, then one "caused by" line per nested exception, like the
// "The above exception was the direct cause" chain of a Python traceback.
inline std::string describe_exception(std::exception_ptr const& error) {
    try {
        std::rethrow_exception(error);
    } catch (std::exception const& e) {
        std::nested_exception const* nested = dynamic_cast<std::nested_exception const*>(&e);
        std::string text = exception_type_name(typeid(e), nested != nullptr) + ": " + e.what();
        if (nested && nested->nested_ptr()) {
            text += "\n  caused by " + describe_exception(nested->nested_ptr());
        }
        return text;
    } catch (generator_exit const& e) {
        return std::string("pygen::generator_exit: ") + e.what();
    } catch (...) {
        return "unknown exception (not derived from std::exception)";
    }
}

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_DESCRIBE_EXCEPTION_HPP_INCLUDED
