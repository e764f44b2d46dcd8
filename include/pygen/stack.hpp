#ifndef PYGEN_STACK_HPP_INCLUDED
#define PYGEN_STACK_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// The stacks generator bodies run on. Both are Boost.Context stack allocators, so they also work
// with Boost.Coroutine2 and boost::context::fiber; with pygen they are pooled: a generator that
// ends hands its stack (and the running context on it) to the next generator started on the
// thread, so a generator's life costs no allocation and no forced unwind.

#include <pygen/detail/config.hpp>
#include <pygen/detail/stack_arena.hpp>

#include <boost/config.hpp>
#include <boost/context/stack_context.hpp>
#include <boost/context/stack_traits.hpp>

#include <cerrno>
#include <cstddef>
#include <new>
#include <string>
#include <system_error>

#include <sys/mman.h>

#if defined(BOOST_USE_VALGRIND)
#include <valgrind/valgrind.h>
#endif

namespace pygen {

// 128 KiB, Boost.Context's own default: bodies that ran on Boost's fixedsize_stack keep working.
// It costs address space, not memory: the kernel commits only the pages a body touches (one 4 KiB
// page for a small body), so a million suspended generators fit in a few GiB whatever this size.
PYGEN_INLINE_VARIABLE constexpr std::size_t default_stack_size = std::size_t{128} * 1024;

namespace detail {

// Boost.Context asks the system (sysconf, behind a call_once) at every call: every generator
// makes a stack allocator, so the answers are kept.
inline std::size_t page_size() noexcept {
    static std::size_t const page = boost::context::stack_traits::page_size();
    return page;
}

inline std::size_t page_rounded_stack_size(std::size_t size) noexcept {
    std::size_t const page = page_size();
    static std::size_t const minimum = boost::context::stack_traits::minimum_size();
    if (size < minimum) {
        size = minimum;
    }
    return (size + page - 1) & ~(page - 1); // page sizes are powers of two
}

inline void register_stack(boost::context::stack_context& sctx, void* lowest) noexcept {
#if defined(BOOST_USE_VALGRIND)
    sctx.valgrind_stack_id = VALGRIND_STACK_REGISTER(sctx.sp, lowest);
#else
    (void)sctx;
    (void)lowest;
#endif
}

inline void deregister_stack(boost::context::stack_context& sctx) noexcept {
#if defined(BOOST_USE_VALGRIND)
    VALGRIND_STACK_DEREGISTER(sctx.valgrind_stack_id);
#else
    (void)sctx;
#endif
}

} // namespace detail

// The default: stacks of `size` bytes (rounded up to whole pages) carved out of large shared
// mappings, with no guard page, like Boost's fixedsize_stack: a body that overflows it writes
// over the stack below. Ask for a guarded_stack while developing deep recursion.
class pooled_stack {
public:
    explicit pooled_stack(std::size_t size = default_stack_size) noexcept
        : size_(detail::page_rounded_stack_size(size)) {}

    std::size_t size() const noexcept { return size_; }

    boost::context::stack_context allocate() {
        void* const lowest = detail::stack_arena::instance().allocate(size_);
        boost::context::stack_context sctx;
        sctx.size = size_;
        sctx.sp = static_cast<char*>(lowest) + size_;
        detail::register_stack(sctx, lowest);
        return sctx;
    }

    void deallocate(boost::context::stack_context& sctx) noexcept {
        detail::deregister_stack(sctx);
        detail::stack_arena::instance().deallocate(static_cast<char*>(sctx.sp) - sctx.size, sctx.size);
    }

private:
    std::size_t size_;
};

// A stack of `size` bytes with an inaccessible page below it: an overflow ends the program with
// SIGSEGV instead of corrupting memory (a single frame larger than a page can still jump the
// guard unless the code is built with -fstack-clash-protection). Each one is a mapping of its own
// plus the guard, two entries of the kernel's vm.max_map_count (65530 by default): about 32,000
// can be live at once. Past that the allocation throws std::system_error; a stack without its
// guard is never handed out.
class guarded_stack {
public:
    explicit guarded_stack(std::size_t size = default_stack_size) noexcept
        : size_(detail::page_rounded_stack_size(size)) {}

    std::size_t size() const noexcept { return size_; }

    boost::context::stack_context allocate() {
        std::size_t const page = detail::page_size();
        std::size_t const bytes = size_ + page;
        void* const lowest = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (lowest == MAP_FAILED) {
            fail(errno, "could not map a guarded stack");
        }
        if (::mprotect(lowest, page, PROT_NONE) != 0) {
            int const error = errno;
            ::munmap(lowest, bytes);
            fail(error, "could not protect the guard page of a stack");
        }
        boost::context::stack_context sctx;
        sctx.size = bytes;
        sctx.sp = static_cast<char*>(lowest) + bytes;
        detail::register_stack(sctx, lowest);
        return sctx;
    }

    void deallocate(boost::context::stack_context& sctx) noexcept {
        detail::deregister_stack(sctx);
        ::munmap(static_cast<char*>(sctx.sp) - sctx.size, sctx.size);
    }

private:
    [[noreturn]] static void fail(int error, char const* what) {
        throw std::system_error(error, std::generic_category(),
                                std::string("pygen::guarded_stack: ") + what +
                                    " (each guarded stack takes two of the kernel's vm.max_map_count "
                                    "memory mappings; use pygen::pooled_stack for more generators)");
    }

    std::size_t size_;
};

namespace detail {

// Which pool of idle stacks a generator's stack goes back to: 0 for a stack allocator pygen does
// not pool (it gets its stack back when the body ends).
template <class StackAllocator> std::size_t stack_pool_key(StackAllocator const&) noexcept { return 0; }
inline std::size_t stack_pool_key(pooled_stack const& s) noexcept { return s.size(); }
inline std::size_t stack_pool_key(guarded_stack const& s) noexcept { return s.size() | 1u; }

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_STACK_HPP_INCLUDED
