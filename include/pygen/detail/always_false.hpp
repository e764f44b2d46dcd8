#ifndef PYGEN_DETAIL_ALWAYS_FALSE_HPP_INCLUDED
#define PYGEN_DETAIL_ALWAYS_FALSE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <type_traits>

namespace pygen {
namespace detail {

// The condition of a static_assert in an overload that exists only to explain a misuse: it
// depends on the template's parameter, so it fires only when that overload is chosen.
template <class...> struct always_false : std::false_type {};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_ALWAYS_FALSE_HPP_INCLUDED
