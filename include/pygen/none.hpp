#ifndef PYGEN_NONE_HPP_INCLUDED
#define PYGEN_NONE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/config.hpp>

namespace pygen {

// Python's None as an argument of send(): the only value that may start a created generator.
struct none_t {
    struct construct_tag {};
    constexpr explicit none_t(construct_tag) noexcept {}
};

PYGEN_INLINE_VARIABLE constexpr none_t none{none_t::construct_tag{}};

} // namespace pygen

#endif // #ifndef PYGEN_NONE_HPP_INCLUDED
