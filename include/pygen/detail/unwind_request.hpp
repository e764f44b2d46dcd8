#ifndef PYGEN_DETAIL_UNWIND_REQUEST_HPP_INCLUDED
#define PYGEN_DETAIL_UNWIND_REQUEST_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <boost/context/fiber.hpp>

namespace pygen {
namespace detail {

// Boost.Context 1.74's forced_unwind has a `caught` member in debug builds, and its destructor
// asserts that it was set; 1.81's has none. Set it only where it exists.
template <class E> auto mark_caught(E& e, int) -> decltype(void(e.caught = true)) { e.caught = true; }
template <class E> void mark_caught(E&, long) {}

// Thrown at the paused yield of a body that ignored GeneratorExit, to unwind its stack by force.
// pygen throws it itself instead of destroying the live fiber (which would throw Boost's own
// forced_unwind), so that the worker survives for the next body, and a body whose catch (...)
// swallows it reaches pygen's explanation, not Boost's debug assertion in ~forced_unwind. Deriving from forced_unwind
// keeps the documented idiom working: `catch (boost::context::detail::forced_unwind const&) { throw; }` lets it pass.
struct unwind_request : boost::context::detail::forced_unwind {
    unwind_request() noexcept : boost::context::detail::forced_unwind(nullptr) {
        mark_caught(static_cast<boost::context::detail::forced_unwind&>(*this), 0);
    }
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_UNWIND_REQUEST_HPP_INCLUDED
