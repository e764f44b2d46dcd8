#ifndef PYGEN_DETAIL_VALUE_SLOT_HPP_INCLUDED
#define PYGEN_DETAIL_VALUE_SLOT_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <memory>
#include <new>
#include <utility>

namespace pygen {
namespace detail {

// Room for at most one T, filled and emptied many times: what the body yields, what it returns,
// the body itself before it starts. References are kept as pointers; void holds nothing.
template <class T> class value_slot {
public:
    // Not `= default`: the union holds a T that must stay unconstructed, and a defaulted
    // constructor would be deleted for a T with a non-trivial default constructor.
    value_slot() noexcept {} // NOLINT(modernize-use-equals-default)
    ~value_slot() { reset(); }
    value_slot(value_slot const&) = delete;
    value_slot& operator=(value_slot const&) = delete;

    template <class... Args> void emplace(Args&&... args) {
        reset();
        ::new (static_cast<void*>(std::addressof(value_))) T(std::forward<Args>(args)...);
        full_ = true;
    }

    void reset() noexcept {
        if (full_) {
            full_ = false;
            value_.~T();
        }
    }

    bool full() const noexcept { return full_; }
    T& get() noexcept { return value_; }
    T take() { return std::move(value_); }

private:
    union {
        T value_;
    };
    bool full_ = false;
};

template <class T> class value_slot<T&> {
public:
    void emplace(T& value) noexcept { value_ = std::addressof(value); }
    void reset() noexcept { value_ = nullptr; }
    bool full() const noexcept { return value_ != nullptr; }
    T& get() noexcept { return *value_; }
    T& take() noexcept { return *value_; }

private:
    T* value_ = nullptr;
};

template <> class value_slot<void> {
public:
    void emplace() noexcept {}
    void reset() noexcept {}
    bool full() const noexcept { return false; }
    void take() noexcept {}
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_VALUE_SLOT_HPP_INCLUDED
