#ifndef PYGEN_DETAIL_ITERATOR_HPP_INCLUDED
#define PYGEN_DETAIL_ITERATOR_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/config.hpp>
#include <pygen/detail/frame.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <type_traits>

namespace pygen {
namespace detail {

// An input iterator over a generator's frame; the end is the null frame, so the loop's
// end test is a compare and never a thrown StopIteration. The frame, not the generator
// object, is what it holds: moving the generator does not invalidate it.
template <class Y, class S, class R> class iterator {
public:
    using iterator_category = std::input_iterator_tag;
#if defined(PYGEN_CXX20)
    using iterator_concept = std::input_iterator_tag;
#endif
    using value_type = typename std::remove_cv<typename std::remove_reference<Y>::type>::type;
    using difference_type = std::ptrdiff_t;
    using reference = typename std::conditional<std::is_reference<Y>::value, Y, Y&>::type;
    using pointer = typename std::add_pointer<reference>::type;

    iterator() noexcept = default;
    explicit iterator(frame<Y, S, R>* f) noexcept : frame_(f) {}

    reference operator*() const noexcept { return frame_->current(); }
    pointer operator->() const noexcept { return std::addressof(frame_->current()); }

    iterator& operator++() {
        if (!frame_->advance()) {
            frame_ = nullptr;
        }
        return *this;
    }

    void operator++(int) { ++*this; }

    friend bool operator==(iterator const& a, iterator const& b) noexcept { return a.frame_ == b.frame_; }
    friend bool operator!=(iterator const& a, iterator const& b) noexcept { return a.frame_ != b.frame_; }

private:
    frame<Y, S, R>* frame_ = nullptr;
};

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_ITERATOR_HPP_INCLUDED
