#ifndef PYGEN_DETAIL_BODY_FRAME_HPP_INCLUDED
#define PYGEN_DETAIL_BODY_FRAME_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/frame.hpp>
#include <pygen/detail/value_slot.hpp>
#include <pygen/stack.hpp>

#include <cstddef>

#include <utility>

namespace pygen {
namespace detail {

// A frame that owns the body and the stack allocator it will start with.
template <class Y, class S, class R, class Body, class StackAllocator> class body_frame final : public frame<Y, S, R> {
    using base = frame<Y, S, R>;

public:
    template <class A, class B> body_frame(A&& salloc, B&& body) : salloc_(std::forward<A>(salloc)) {
        body_.emplace(std::forward<B>(body));
    }

private:
    void start_worker() override {
        std::size_t const key = stack_pool_key(salloc_);
        if (!this->resume_idle_worker(key)) {
            this->launch(std::move(salloc_), key);
        }
    }

    // The body moves onto its own stack, so what it captured lives and dies with that stack,
    // as a Python frame's locals do: released when the body ends, not when the generator goes.
    void run_body() override {
        this->run_guarded([this](typename base::yielder_type& yield) {
            Body body(std::move(body_.get()));
            body_.reset();
            this->returned_.call(body, yield);
        });
    }

    void release_body() noexcept override { body_.reset(); }

    value_slot<Body> body_;
    StackAllocator salloc_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_BODY_FRAME_HPP_INCLUDED
