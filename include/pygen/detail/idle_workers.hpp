#ifndef PYGEN_DETAIL_IDLE_WORKERS_HPP_INCLUDED
#define PYGEN_DETAIL_IDLE_WORKERS_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/worker.hpp>

#include <cstddef>

namespace pygen {
namespace detail {

// The workers of this thread whose bodies have ended, by stack kind and size: the next generator
// started here with the same kind of stack takes one instead of allocating a stack. Per thread,
// so taking and giving back need no lock; a bounded number per pool, so that a burst of
// generators does not keep its memory.
class idle_workers {
public:
    // Enumerators, not static data members: usable by reference in C++11 without a definition.
    enum : unsigned { pools = 4, per_pool = 64 };

    static worker* take(std::size_t key) noexcept {
        lists& l = of_this_thread();
        for (std::size_t i = 0; i < pools; ++i) {
            list& p = l.pool[i];
            if (p.key == key && p.head != nullptr) {
                worker* const w = p.head;
                p.head = w->next_idle;
                --p.count;
                return w;
            }
        }
        return nullptr;
    }

    // False when it cannot be kept: the caller retires it.
    static bool keep(worker* w) noexcept {
        lists& l = of_this_thread();
        if (l.closing) {
            return false;
        }
        if (!l.armed) {
            l.armed = true;
            static thread_local closer at_thread_exit;
            (void)at_thread_exit;
        }
        list* spare = nullptr;
        for (std::size_t i = 0; i < pools; ++i) {
            list& p = l.pool[i];
            if (p.key == w->pool_key()) {
                spare = &p;
                break;
            }
            if (p.count == 0 && spare == nullptr) {
                spare = &p;
            }
        }
        if (spare == nullptr || spare->count == per_pool) {
            return false;
        }
        spare->key = w->pool_key();
        w->next_idle = spare->head;
        spare->head = w;
        ++spare->count;
        return true;
    }

    // Retires this thread's idle workers now (their stacks go back to the system).
    static void release() noexcept {
        lists& l = of_this_thread();
        for (std::size_t i = 0; i < pools; ++i) {
            list& p = l.pool[i];
            while (p.head != nullptr) {
                worker* const w = p.head;
                p.head = w->next_idle;
                --p.count;
                w->retire();
            }
        }
    }

private:
    struct list {
        std::size_t key;
        worker* head;
        unsigned count;
    };

    // Trivially destructible, so it stays usable while other thread_local objects (generators
    // among them) are destroyed at thread exit, after the closer has run.
    struct lists {
        list pool[pools];
        bool armed;
        bool closing;
    };

    struct closer {
        closer() = default;
        closer(closer const&) = delete;
        closer& operator=(closer const&) = delete;
        ~closer() {
            of_this_thread().closing = true;
            release();
        }
    };

    static lists& of_this_thread() noexcept {
        static thread_local lists l;
        return l;
    }
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_IDLE_WORKERS_HPP_INCLUDED
