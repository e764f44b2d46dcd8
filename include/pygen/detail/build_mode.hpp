#ifndef PYGEN_DETAIL_BUILD_MODE_HPP_INCLUDED
#define PYGEN_DETAIL_BUILD_MODE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Some macros change the layout of Boost.Context's types (the fiber, stack_context) or of pygen's
// own (PYGEN_NO_EXCEPTION_STATE_SWAP), so they must be the same in every translation unit: if
// they are not, the linker keeps one copy of each inline function, compiled for one layout, and
// runs it on objects made with the other, and the program crashes far from the cause. Each
// translation unit that includes pygen records its mode while the program starts, and the first
// one that differs stops the program with a message that names the macros.

#include <pygen/detail/config.hpp>
#include <pygen/detail/fatal.hpp>

#include <boost/config.hpp>

#include <atomic>
#include <cstddef>

#if defined(BOOST_USE_ASAN) && !defined(BOOST_USE_UCONTEXT)
#error "pygen: BOOST_USE_ASAN has no effect without BOOST_USE_UCONTEXT: Boost.Context's default fcontext backend \
has no AddressSanitizer annotations. Define both (and link a Boost.Context built with context-impl=ucontext, or a \
definition of boost::context::detail::fiber_activation_record::current()), or neither."
#endif

namespace pygen {
namespace detail {

enum build_mode_flag : unsigned {
    mode_valgrind = 1u << 0,
    mode_ucontext = 1u << 1,
    mode_asan = 1u << 2,
    mode_tsan = 1u << 3,
    mode_segmented_stacks = 1u << 4,
    mode_no_exception_state_swap = 1u << 5,
    mode_recorded = 1u << 31 // set in a recorded mode, so that 0 means "none recorded yet"
};

enum : unsigned { build_mode_flag_count = 6 };

// The macro behind flag number `index`, as the user spells it.
inline char const* build_mode_macro(unsigned index) noexcept {
    static char const* const names[build_mode_flag_count] = {
        "BOOST_USE_VALGRIND", "BOOST_USE_UCONTEXT",         "BOOST_USE_ASAN",
        "BOOST_USE_TSAN",     "BOOST_USE_SEGMENTED_STACKS", "PYGEN_NO_EXCEPTION_STATE_SWAP"};
    return index < build_mode_flag_count ? names[index] : "?";
}

// Builds the fatal error's text in a fixed buffer: it is written while the program starts, where
// nothing else may be ready yet. Truncates instead of overflowing.
class build_mode_text {
public:
    build_mode_text(char* buffer, std::size_t size) noexcept : out_(buffer), end_(buffer + size - 1) { *out_ = 0; }

    build_mode_text& operator<<(char const* s) noexcept {
        while (*s != 0 && out_ != end_) {
            *out_++ = *s++;
        }
        *out_ = 0;
        return *this;
    }

    // The macros of `mode`: "A", "A and B", "A, B and C"; "none of them" for none.
    build_mode_text& macros(unsigned mode) noexcept {
        unsigned left = 0;
        for (unsigned i = 0; i < build_mode_flag_count; ++i) {
            left += (mode >> i) & 1u;
        }
        if (left == 0) {
            return *this << "none of them";
        }
        for (unsigned i = 0; i < build_mode_flag_count; ++i) {
            if (((mode >> i) & 1u) != 0) {
                --left;
                *this << build_mode_macro(i) << (left == 0 ? "" : left == 1 ? " and " : ", ");
            }
        }
        return *this;
    }

private:
    char* out_;
    char* const end_;
};

inline std::atomic<unsigned>& recorded_build_mode() noexcept {
    // A static of an inline function is one object in the whole program (per shared library),
    // whichever translation unit uses it; its constant initialization precedes every dynamic one.
    static std::atomic<unsigned> mode{0};
    return mode;
}

inline std::atomic<char const*>& recorded_build_mode_source() noexcept {
    static std::atomic<char const*> source{nullptr};
    return source;
}

[[noreturn]] inline void build_mode_mismatch(unsigned first, char const* first_source, unsigned other,
                                             char const* other_source) noexcept {
    static char buffer[2048];
    build_mode_text text(buffer, sizeof buffer);
    unsigned const only_first = first & ~other;
    unsigned const only_other = other & ~first;
    text << "translation units were compiled with different Boost.Context build macros (";
    if (only_first != 0) {
        text.macros(only_first) << " in one, not in another" << (only_other != 0 ? "; " : "");
    }
    if (only_other != 0) {
        text.macros(only_other) << (only_first != 0 ? " the other way round" : " in one, not in another");
    }
    text << "); define them the same way everywhere: they change the layout of Boost.Context's and pygen's "
            "types. One is "
         << (first_source != nullptr ? first_source : "a translation unit") << ", with ";
    text.macros(first) << "; another is " << other_source << ", with ";
    text.macros(other);
    fatal(buffer);
}

// Records the mode of the translation unit `source` (run once per translation unit, while the
// program starts); stops the program if an earlier one recorded another mode.
inline bool register_build_mode(unsigned mode, char const* source) noexcept {
    unsigned const entry = mode | mode_recorded;
    unsigned expected = 0;
    std::atomic<char const*>& first_source = recorded_build_mode_source();
    if (recorded_build_mode().compare_exchange_strong(expected, entry)) {
        first_source.store(source);
        return true;
    }
    if (expected != entry) {
        build_mode_mismatch(expected & ~unsigned(mode_recorded), first_source.load(), mode, source);
    }
    return true;
}

// This translation unit's mode. Internal linkage: each translation unit has its own.
static constexpr unsigned translation_unit_build_mode = 0u
#if defined(BOOST_USE_VALGRIND)
                                                        | mode_valgrind
#endif
#if defined(BOOST_USE_UCONTEXT)
                                                        | mode_ucontext
#endif
#if defined(BOOST_USE_ASAN)
                                                        | mode_asan
#endif
#if defined(BOOST_USE_TSAN)
                                                        | mode_tsan
#endif
#if defined(BOOST_USE_SEGMENTED_STACKS)
                                                        | mode_segmented_stacks
#endif
#if !PYGEN_HAS_EXCEPTION_STATE_SWAP
                                                        | mode_no_exception_state_swap
#endif
    ;

#if defined(__BASE_FILE__)
#define PYGEN_DETAIL_TRANSLATION_UNIT __BASE_FILE__
#else
#define PYGEN_DETAIL_TRANSLATION_UNIT "a translation unit"
#endif

// One per translation unit, initialized before any object of it that uses pygen.
static bool const translation_unit_build_mode_registered BOOST_ATTRIBUTE_UNUSED =
    register_build_mode(translation_unit_build_mode, PYGEN_DETAIL_TRANSLATION_UNIT);

#undef PYGEN_DETAIL_TRANSLATION_UNIT

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_BUILD_MODE_HPP_INCLUDED
