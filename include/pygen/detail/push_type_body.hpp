#ifndef PYGEN_DETAIL_PUSH_TYPE_BODY_HPP_INCLUDED
#define PYGEN_DETAIL_PUSH_TYPE_BODY_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/exceptions.hpp>
#include <pygen/generator.hpp>

#include <boost/coroutine2/coroutine.hpp>

#include <utility>

namespace pygen {
namespace detail {

// The coroutine function of a pull_type made by to_pull. Coroutine2 moves it onto the
// coroutine's stack before calling it, so the generator is destroyed there: when the loop ends,
// or by the forced unwind of a pull_type destroyed early, which finalizes a suspended generator
// (GeneratorExit at its yield) before the coroutine's stack goes.
template <class Y, class S, class R> class push_type_body {
public:
    explicit push_type_body(generator<Y, S, R>&& gen) noexcept : gen_(std::move(gen)) {}

    // Y&& moves an object value out, as next() would (nothing else will read it), and is Y itself
    // for a reference Y.
    void operator()(boost::coroutines2::detail::push_coroutine<Y>& sink) {
        for (auto it = gen_.begin(), last = gen_.end(); it != last; ++it) {
            sink(static_cast<Y&&>(*it));
        }
    }

private:
    generator<Y, S, R> gen_;
};

// Y void: nothing to loop over; each step is a next(), and its stop_iteration the end.
template <class S, class R> class push_type_body<void, S, R> {
public:
    explicit push_type_body(generator<void, S, R>&& gen) noexcept : gen_(std::move(gen)) {}

    void operator()(boost::coroutines2::detail::push_coroutine<void>& sink) {
        while (step()) {
            sink();
        }
    }

private:
    bool step() {
        try {
            gen_.next();
        } catch (stop_iteration const&) {
            return false;
        }
        return true;
    }

    generator<void, S, R> gen_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_PUSH_TYPE_BODY_HPP_INCLUDED
