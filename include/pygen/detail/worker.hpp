#ifndef PYGEN_DETAIL_WORKER_HPP_INCLUDED
#define PYGEN_DETAIL_WORKER_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/unwinding_caller_guard.hpp>

#include <boost/config.hpp>
#include <boost/context/fiber.hpp>

#include <cstddef>
#include <utility>

namespace pygen {
namespace detail {

class frame_base;

// A Boost.Context fiber that runs generator bodies one after another on its stack. A Coroutine2
// coroutine runs one function and is then destroyed, and destroying one always throws
// forced_unwind through its stack (~1 us, boostorg/coroutine2#25); a worker whose body has ended
// waits at the top of its stack for the next body instead, so a generator's life costs no stack
// allocation and no unwind. It lives at the top of its own stack.
class worker {
public:
    worker(boost::context::fiber&& caller, std::size_t pool_key) noexcept
        : caller_(std::move(caller)), pool_key_(pool_key) {}

    worker(worker const&) = delete;
    worker& operator=(worker const&) = delete;
    ~worker() = default;

    // Caller side: runs the worker until its body yields or ends. Both are inlined where they
    // are used: a function call around a stack switch costs a mispredicted return per switch.
    BOOST_FORCEINLINE void resume() {
        unwinding_caller_guard const guard;
        body_ = std::move(body_).resume();
    }

    // Body side: back to whoever resumed the worker.
    BOOST_FORCEINLINE void suspend() { caller_ = std::move(caller_).resume(); }

    // The handle a first resume returned, kept for the next resume.
    void park(boost::context::fiber&& body) noexcept { body_ = std::move(body); }

    // Lets the worker's function return: Boost.Context then frees the stack with the allocator
    // it was made with, with no forced unwind. The worker is gone afterwards.
    void retire() noexcept {
        job = nullptr;
        boost::context::fiber body = std::move(body_);
        unwinding_caller_guard const guard;
        std::move(body).resume();
    }

    boost::context::fiber take_caller() noexcept { return std::move(caller_); }

    // Which pool of idle workers it may wait in (0: none; its stack is freed when its body ends).
    std::size_t pool_key() const noexcept { return pool_key_; }

    frame_base* job = nullptr;   // the generator whose body runs here next or now
    worker* next_idle = nullptr; // while idle: the next idle worker of its pool

private:
    boost::context::fiber body_;   // valid while the worker is suspended
    boost::context::fiber caller_; // valid while it runs
    std::size_t pool_key_;
};

// The function of a worker's fiber. `Job` is frame_base, complete where this is instantiated.
template <class Job> class worker_entry {
public:
    worker_entry(Job* first, std::size_t pool_key) noexcept : first_(first), pool_key_(pool_key) {}

    boost::context::fiber operator()(boost::context::fiber&& caller) {
        worker self(std::move(caller), pool_key_);
        self.job = first_;
        while (self.job != nullptr) {
            static_cast<Job*>(self.job)->run_on(self);
            self.job = nullptr;
            self.suspend();
        }
        return self.take_caller();
    }

private:
    Job* first_;
    std::size_t pool_key_;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_WORKER_HPP_INCLUDED
