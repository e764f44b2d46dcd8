#ifndef PYGEN_YIELDER_HPP_INCLUDED
#define PYGEN_YIELDER_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/detail/delegation.hpp>
#include <pygen/detail/frame.hpp>
#include <pygen/detail/is_iterable.hpp>
#include <pygen/detail/send_slot.hpp>
#include <pygen/detail/yield_operators.hpp>

#include <initializer_list>
#include <type_traits>
#include <typeinfo>

namespace pygen {

template <class Y, class S, class R> class generator;

namespace detail {

template <class T> struct is_generator : std::false_type {};
template <class Y, class S, class R> struct is_generator<generator<Y, S, R>> : std::true_type {};

} // namespace detail

// The body's handle on its generator, passed as `yielder& yield`: `S s = yield(v);` is Python's
// `s = yield v`, `r = yield.from(x)` is `r = yield from x`. A function taking a yielder& can
// yield, and yield from, on its caller's behalf from any depth.
template <class Y, class S, class R> class yielder : public detail::yield_operators<Y, S, R> {
public:
    yielder(yielder const&) = delete;
    yielder& operator=(yielder const&) = delete;
    ~yielder() = default;

    using detail::yield_operators<Y, S, R>::operator();

    // r = yield from sub: evaluates to sub's return value.
    template <class Y2, class S2, class R2> R2 from(generator<Y2, S2, R2>& sub) {
        check_sub<Y2, S2, R2>();
        return detail::delegation<Y, S, R>(this->frame_)
            .to_generator(sub.frame_.get(), typeid(generator<Y2, S2, R2>), static_cast<void*>(&sub));
    }

    // A temporary lives until the end of the full expression, so for the whole delegation.
    template <class Y2, class S2, class R2> R2 from(generator<Y2, S2, R2>&& sub) { return from(sub); }

    // yield from any iterable: each element is yielded as yield(*it) would.
    template <class Range, class = typename std::enable_if<
                               !detail::is_generator<typename std::remove_reference<Range>::type>::value>::type>
    void from(Range&& range) {
        using range_type = typename std::remove_reference<Range>::type;
        static_assert(
            !detail::is_generator<typename std::remove_cv<range_type>::type>::value,
            "pygen: yield.from(g) resumes g, so g cannot be const: pass a non-const generator (or a temporary: "
            "yield.from(make_gen()))");
        static_assert(detail::is_iterable<range_type>::value,
                      "pygen: yield.from(x) needs a pygen::generator or an iterable (something a range-for can "
                      "walk: begin() and end() as members or found by ADL); to yield x itself, write yield(x)");
        check_element<range_type>(detail::is_iterable<range_type>());
        detail::delegation<Y, S, R>(this->frame_).to_range(range);
    }

    // yield from [1, 2, 3]
    template <class T> void from(std::initializer_list<T> values) {
        using list = std::initializer_list<T>;
        check_element<list>(std::true_type());
        detail::delegation<Y, S, R>(this->frame_).to_range(values);
    }

private:
    friend class detail::frame<Y, S, R>;
    explicit yielder(detail::frame<Y, S, R>& f) noexcept : detail::yield_operators<Y, S, R>(f) {}

    template <class Y2, class S2, class R2> static void check_sub() {
        static_assert(std::is_convertible<Y2, Y>::value,
                      "pygen: yield.from(sub) yields sub's values from this generator, so sub's Y must convert to "
                      "this generator's Y (a Y of T& needs a sub yielding T&, or a derived U&): declare sub or this "
                      "generator with matching Y, or loop: for (auto&& v : sub) yield(Y(v));");
        static_assert(
            std::is_void<S>::value || std::is_void<S2>::value || std::is_convertible<S, S2>::value,
            "pygen: yield.from(sub) forwards the values sent to this generator to sub, so this "
            "generator's S must convert to sub's S (or sub's S is void, and sent values are dropped): declare "
            "the two with matching S, or sub with S = void");
        static_assert(std::is_default_constructible<typename detail::send_slot<S2>::value_type>::value,
                      "pygen: yield.from(sub) resumes sub with next() first, so sub's S must be "
                      "default-constructible (use boost::optional<T> / std::optional<T>)");
        static_assert(std::is_void<R2>::value || std::is_default_constructible<R2>::value,
                      "pygen: yield.from(sub) evaluates to a value-initialized R when sub is already exhausted "
                      "(Python's None), so sub's R must be default-constructible: use boost::optional<R> / "
                      "std::optional<R> as sub's R");
    }

    template <class Range> static void check_element(std::true_type) {
        static_assert(!std::is_void<Y>::value,
                      "pygen: this generator's Y is void, so it yields no values: it cannot yield from an iterable; "
                      "declare generator<T, S, R> with the element type T, or walk the range with a for loop");
        static_assert(std::is_void<Y>::value || std::is_convertible<detail::iterable_reference<Range>, Y>::value,
                      "pygen: yield.from(range) yields the range's elements, so they must convert to Y (a Y of T& "
                      "needs elements that are lvalues of T): declare generator<T, S, R> with a Y the elements convert "
                      "to, or loop: for (auto&& e : range) yield(Y(e));");
    }

    template <class Range> static void check_element(std::false_type) {}
};

} // namespace pygen

#endif // #ifndef PYGEN_YIELDER_HPP_INCLUDED
