#ifndef PYGEN_COROUTINE2_HPP_INCLUDED
#define PYGEN_COROUTINE2_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Interop with Boost.Coroutine2, both ways. Not included by <pygen.hpp> or <pygen/generator.hpp>:
// pygen itself does not use Coroutine2, and only the code that meets it pays for its headers.
// Both sides run on Boost.Context, so the build-mode macros (BOOST_USE_VALGRIND,
// BOOST_USE_UCONTEXT, ...) that pygen checks are the ones Coroutine2 needs consistent too.

#include <pygen/detail/always_false.hpp>
#include <pygen/detail/pull_type_body.hpp>
#include <pygen/detail/push_type_body.hpp>
#include <pygen/generator.hpp>

#include <boost/coroutine2/coroutine.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace pygen {

namespace detail {

// from_pull's Y when none is given: the pull_type's own T.
struct pull_type_value {};

template <class Y, class T>
using from_pull_yield = typename std::conditional<std::is_same<Y, pull_type_value>::value, T, Y>::type;

template <class Y, class T> void check_from_pull() {
    static_assert(std::is_void<Y>::value == std::is_void<T>::value,
                  "pygen: from_pull<Y>(pull) yields the pull_type's values as Y, so Y and the pull_type's T "
                  "must both be void or both not: write from_pull(std::move(pull)) to keep T");
    static_assert(std::is_void<Y>::value || std::is_convertible<T, Y>::value,
                  "pygen: from_pull<Y>(pull) yields the pull_type's values as Y, so the pull_type's T must "
                  "convert to Y: write from_pull(std::move(pull)) to keep T, or choose a Y that T converts to");
}

} // namespace detail

// The generator that yields what a Coroutine2 pull_type gives, one value per next() (or loop
// step), and then ends. Python semantics on the pygen side (state(), stop_iteration, close(),
// throw_(), yield.from); what the pull_type does is Coroutine2's: it is eager, so its coroutine
// has already run to its first value before from_pull is called. Each later value is computed by
// the next() that asks for it. An exception from the coroutine comes out of that next() and
// closes the generator. close(), throw_() and destruction destroy the pull_type, which unwinds
// its coroutine (Coroutine2 cannot raise into it: a thrown exception closes it and propagates).
// Y defaults to the pull_type's T; give another Y that T converts to, to convert each value.
template <class Y = detail::pull_type_value, class T>
generator<detail::from_pull_yield<Y, T>> from_pull(boost::coroutines2::detail::pull_coroutine<T>&& pull) {
    using yield_type = detail::from_pull_yield<Y, T>;
    detail::check_from_pull<yield_type, T>();
    return generator<yield_type>(detail::pull_type_body<T>(std::move(pull)));
}

// The same with the stack allocator of the generator's own stack (the pull_type keeps its own).
template <class Y = detail::pull_type_value, class StackAllocator, class T>
generator<detail::from_pull_yield<Y, T>> from_pull(std::allocator_arg_t, StackAllocator&& salloc,
                                                   boost::coroutines2::detail::pull_coroutine<T>&& pull) {
    using yield_type = detail::from_pull_yield<Y, T>;
    detail::check_from_pull<yield_type, T>();
    return generator<yield_type>(std::allocator_arg, std::forward<StackAllocator>(salloc),
                                 detail::pull_type_body<T>(std::move(pull)));
}

template <class Y = detail::pull_type_value, class T>
generator<detail::from_pull_yield<Y, T>> from_pull(boost::coroutines2::detail::pull_coroutine<T>& pull) {
    static_assert(detail::always_false<T>::value,
                  "pygen: from_pull(pull) takes the pull_type over, so it needs an rvalue: write "
                  "from_pull(std::move(pull)), or, to iterate a pull_type you keep, yield.from(pull) in a "
                  "generator body");
    return from_pull<Y>(std::move(pull));
}

// A real Coroutine2 pull_type that iterates `gen`, for code that takes a pull_type&. Coroutine2's
// rules apply: the pull_type is eager, so to_pull runs the generator to its first value at once
// (an exception raised on the way comes out of to_pull); each pull() resumes it to the next value;
// an exception from the body comes out of that pull(), and the pull_type is then finished. The
// generator's return value is dropped, as a for loop drops it. Destroying the pull_type early
// finalizes the generator like its destructor does (GeneratorExit at its yield). Needs a Y other
// than void to have values (Y void gives a pull_type<void> that steps it) and, as a for loop
// does, a default-constructible S.
template <class Y, class S, class R>
typename boost::coroutines2::coroutine<Y>::pull_type to_pull(generator<Y, S, R>&& gen) {
    return typename boost::coroutines2::coroutine<Y>::pull_type(detail::push_type_body<Y, S, R>(std::move(gen)));
}

// The same with the stack allocator of the pull_type's coroutine (std::allocator_arg first, as
// pygen's constructors take it; Coroutine2's own constructor takes the allocator alone).
template <class StackAllocator, class Y, class S, class R>
typename boost::coroutines2::coroutine<Y>::pull_type to_pull(std::allocator_arg_t, StackAllocator&& salloc,
                                                             generator<Y, S, R>&& gen) {
    return typename boost::coroutines2::coroutine<Y>::pull_type(std::forward<StackAllocator>(salloc),
                                                                detail::push_type_body<Y, S, R>(std::move(gen)));
}

template <class Y, class S, class R>
typename boost::coroutines2::coroutine<Y>::pull_type to_pull(generator<Y, S, R>& gen) {
    static_assert(detail::always_false<Y>::value,
                  "pygen: to_pull(gen) takes the generator over (the pull_type owns it), so it needs an "
                  "rvalue: write to_pull(std::move(gen))");
    return to_pull(std::move(gen));
}

} // namespace pygen

#endif // #ifndef PYGEN_COROUTINE2_HPP_INCLUDED
