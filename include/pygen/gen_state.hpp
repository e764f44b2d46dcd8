#ifndef PYGEN_GEN_STATE_HPP_INCLUDED
#define PYGEN_GEN_STATE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <ostream>

namespace pygen {

// inspect.getgeneratorstate()
enum class gen_state : unsigned char { created, running, suspended, closed };

inline char const* to_string(gen_state s) noexcept {
    switch (s) {
    case gen_state::created:
        return "GEN_CREATED";
    case gen_state::running:
        return "GEN_RUNNING";
    case gen_state::suspended:
        return "GEN_SUSPENDED";
    case gen_state::closed:
        return "GEN_CLOSED";
    }
    return "GEN_UNKNOWN";
}

template <class Char, class Traits>
std::basic_ostream<Char, Traits>& operator<<(std::basic_ostream<Char, Traits>& os, gen_state s) {
    return os << to_string(s);
}

} // namespace pygen

#endif // #ifndef PYGEN_GEN_STATE_HPP_INCLUDED
