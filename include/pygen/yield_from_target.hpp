#ifndef PYGEN_YIELD_FROM_TARGET_HPP_INCLUDED
#define PYGEN_YIELD_FROM_TARGET_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/gen_state.hpp>

#include <ostream>
#include <type_traits>
#include <typeinfo>

namespace pygen {

template <class Y, class S, class R> class generator;

// What a generator's pending `yield.from(x)` delegates to.
enum class yield_from_kind : unsigned char { none, generator, iterable };

inline char const* to_string(yield_from_kind k) noexcept {
    switch (k) {
    case yield_from_kind::none:
        return "none";
    case yield_from_kind::generator:
        return "generator";
    case yield_from_kind::iterable:
        return "iterable";
    }
    return "unknown";
}

template <class Char, class Traits>
std::basic_ostream<Char, Traits>& operator<<(std::basic_ostream<Char, Traits>& os, yield_from_kind k) {
    return os << to_string(k);
}

// Python's gi_yieldfrom, taken when generator::gi_yieldfrom() is called: false while the generator
// is not suspended inside a yield.from; otherwise the kind and type of the object it delegates to,
// that object itself, and, for a sub-generator, its state at that moment.
class yield_from_target {
public:
    yield_from_target() noexcept = default;

    explicit operator bool() const noexcept { return kind_ != yield_from_kind::none; }
    yield_from_kind kind() const noexcept { return kind_; }

    // typeid of the object given to yield.from, without cv or reference; typeid(void) for none.
    std::type_info const& type() const noexcept { return *type_; }

    // That object when T is its type, else nullptr. A sub-generator object passed to yield.from
    // may have been destroyed since (the delegation keeps the generator alive, not the object):
    // use it only while the object is known to live.
    template <class T> T* get() const noexcept {
        using object = typename std::remove_cv<T>::type;
        return kind_ != yield_from_kind::none && *type_ == typeid(object) ? static_cast<T*>(object_) : nullptr;
    }

    // The sub-generator's state; gen_state::closed unless kind() is generator.
    gen_state state() const noexcept { return state_; }

private:
    template <class Y, class S, class R> friend class generator;

    yield_from_target(yield_from_kind kind, std::type_info const& type, void* object, gen_state state) noexcept
        : kind_(kind), type_(&type), object_(object), state_(state) {}

    yield_from_kind kind_ = yield_from_kind::none;
    std::type_info const* type_ = &typeid(void);
    void* object_ = nullptr;
    gen_state state_ = gen_state::closed;
};

} // namespace pygen

#endif // #ifndef PYGEN_YIELD_FROM_TARGET_HPP_INCLUDED
