#ifndef PYGEN_DETAIL_STACK_ARENA_HPP_INCLUDED
#define PYGEN_DETAIL_STACK_ARENA_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <boost/context/stack_traits.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <new>
#include <system_error>
#include <vector>

#include <sys/mman.h>

namespace pygen {
namespace detail {

// Stacks carved out of large shared mappings. One mapping per stack would stop at the kernel's
// vm.max_map_count (65530 by default) long before a million generators, and mmap/munmap per stack
// costs microseconds. Pages are committed by the kernel only when touched, so a stack's size costs
// address space, not memory; a freed stack's pages go back to the system (MADV_DONTNEED) and a
// mapping whose stacks are all free is unmapped: unlike Boost's pooled_fixedsize_stack, memory
// is returned.
class stack_arena {
public:
    static stack_arena& instance() {
        // Never destroyed: generators may be finalized by destructors that run after it would be.
        static stack_arena* const arena = new stack_arena();
        return *arena;
    }

    // The lowest address of a free stack of `size` bytes (a multiple of the page size).
    void* allocate(std::size_t size) {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<chunk*>& open = open_[size];
        if (open.empty()) {
            open.push_back(map_chunk(size));
        }
        chunk& c = *open.back();
        void* stack = nullptr;
        if (!c.freed.empty()) {
            stack = c.freed.back();
            c.freed.pop_back();
        } else {
            stack = c.base + c.bumped * size;
            ++c.bumped;
        }
        ++c.used;
        ++live_;
        if (c.freed.empty() && c.bumped == c.capacity) {
            open.pop_back();
            c.open = false;
        }
        return stack;
    }

    void deallocate(void* stack, std::size_t size) noexcept {
        // The pages a body touched go back to the system now; the address range stays ours.
        ::madvise(stack, size, MADV_DONTNEED);
        std::lock_guard<std::mutex> lock(mutex_);
        char* const p = static_cast<char*>(stack);
        std::map<char*, chunk*>::iterator it = chunks_.upper_bound(p);
        --it;
        chunk* const c = it->second;
        --live_;
        if (--c->used == 0) {
            unmap_chunk(c);
            return;
        }
        try {
            c->freed.push_back(stack);
            if (!c->open) {
                open_[size].push_back(c);
                c->open = true;
            }
        } catch (std::bad_alloc const&) {
            // The stack cannot be listed as free: it stays reserved, its pages returned.
        }
    }

    // Stacks handed out and not yet given back, and mappings held (for tests and benchmarks).
    std::size_t live_stacks() {
        std::lock_guard<std::mutex> lock(mutex_);
        return live_;
    }

    std::size_t mappings() {
        std::lock_guard<std::mutex> lock(mutex_);
        return chunks_.size();
    }

private:
    struct chunk {
        char* base;
        std::size_t size; // of the mapping
        std::size_t stack_size;
        std::size_t capacity;
        std::size_t bumped; // stacks [0, bumped) were handed out at least once
        std::size_t used;
        bool open;
        std::vector<void*> freed;
    };

    // At least 32 MiB per mapping: a million 128 KiB stacks take ~4,000 mappings.
    static std::size_t const chunk_bytes = std::size_t(32) << 20;

    chunk* map_chunk(std::size_t stack_size) {
        std::size_t const capacity = stack_size >= chunk_bytes ? 1 : chunk_bytes / stack_size;
        std::size_t const bytes = capacity * stack_size;
        void* const base =
            ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (base == MAP_FAILED) {
            throw std::bad_alloc();
        }
        chunk* c = nullptr;
        try {
            c = new chunk{static_cast<char*>(base), bytes, stack_size, capacity, 0, 0, true, std::vector<void*>()};
            chunks_.insert(std::make_pair(c->base, c));
        } catch (...) {
            ::munmap(base, bytes);
            throw;
        }
        return c;
    }

    void unmap_chunk(chunk* c) noexcept {
        std::map<std::size_t, std::vector<chunk*>>::iterator const list = open_.find(c->stack_size);
        if (c->open && list != open_.end()) {
            std::vector<chunk*>& open = list->second;
            for (std::size_t i = 0; i < open.size(); ++i) {
                if (open[i] == c) {
                    open.erase(open.begin() + static_cast<std::ptrdiff_t>(i));
                    break;
                }
            }
        }
        chunks_.erase(c->base);
        ::munmap(c->base, c->size);
        delete c;
    }

    stack_arena() = default;

    std::mutex mutex_;
    std::map<std::size_t, std::vector<chunk*>> open_; // by stack size: chunks with a free stack
    std::map<char*, chunk*> chunks_;                  // by address
    std::size_t live_ = 0;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_STACK_ARENA_HPP_INCLUDED
