#ifndef PYGEN_DETAIL_PULL_TYPE_BODY_HPP_INCLUDED
#define PYGEN_DETAIL_PULL_TYPE_BODY_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <boost/coroutine2/coroutine.hpp>

#include <utility>

namespace pygen {
namespace detail {

// The body of a generator made by from_pull: it owns the pull_type, which therefore lives on the
// generator's stack once started and is destroyed (its coroutine unwound) when the body ends,
// however it ends.
template <class T> class pull_type_body {
public:
    explicit pull_type_body(boost::coroutines2::detail::pull_coroutine<T>&& pull) noexcept : pull_(std::move(pull)) {}

    // The pull_type already holds its first value; each later one is computed when it is asked
    // for, so the coroutine's code between two values runs inside the next() that wants the
    // second. The test before each resume matters: resuming a finished pull_type crashes.
    template <class Yielder> void operator()(Yielder& yield) {
        while (pull_) {
            yield(pull_.get());
            pull_();
        }
    }

private:
    boost::coroutines2::detail::pull_coroutine<T> pull_;
};

template <> class pull_type_body<void> {
public:
    explicit pull_type_body(boost::coroutines2::detail::pull_coroutine<void>&& pull) noexcept
        : pull_(std::move(pull)) {}

    template <class Yielder> void operator()(Yielder& yield) {
        while (pull_) {
            yield();
            pull_();
        }
    }

private:
    boost::coroutines2::detail::pull_coroutine<void> pull_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_PULL_TYPE_BODY_HPP_INCLUDED
