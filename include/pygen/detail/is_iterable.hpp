#ifndef PYGEN_DETAIL_IS_ITERABLE_HPP_INCLUDED
#define PYGEN_DETAIL_IS_ITERABLE_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <iterator>
#include <type_traits>
#include <utility>

namespace pygen {
namespace detail {
namespace iterable_lookup {

// begin/end as a range-for finds them: members or ADL, with std's for arrays and std types.
using std::begin;
using std::end;

template <class...> struct make_void { using type = void; };

template <class T, class = void> struct traits { static constexpr bool value = false; };

template <class T>
struct traits<T, typename make_void<decltype(begin(std::declval<T&>()) != end(std::declval<T&>())),
                                    decltype(*begin(std::declval<T&>())),
                                    decltype(++std::declval<decltype(begin(std::declval<T&>()))&>())>::type> {
    static constexpr bool value = true;
    using reference = decltype(*begin(std::declval<T&>()));
};

} // namespace iterable_lookup

// Python's iter(x) succeeds: x can be walked by a range-for.
template <class T> struct is_iterable : std::integral_constant<bool, iterable_lookup::traits<T>::value> {};

// What *it gives for an iterable T.
template <class T> using iterable_reference = typename iterable_lookup::traits<T>::reference;

} // namespace detail
} // namespace pygen

#endif // #ifndef PYGEN_DETAIL_IS_ITERABLE_HPP_INCLUDED
