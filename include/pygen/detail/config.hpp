#ifndef PYGEN_DETAIL_CONFIG_HPP_INCLUDED
#define PYGEN_DETAIL_CONFIG_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Any standard header defines the library's identification macros (__GLIBCXX__, _LIBCPP_VERSION).
#include <cstddef>

#if defined(_MSVC_LANG) && _MSVC_LANG > __cplusplus
#define PYGEN_CPLUSPLUS _MSVC_LANG
#else
#define PYGEN_CPLUSPLUS __cplusplus
#endif

#if PYGEN_CPLUSPLUS >= 201402L
#define PYGEN_CXX14
#endif

#if PYGEN_CPLUSPLUS >= 201703L
#define PYGEN_CXX17
#define PYGEN_INLINE_VARIABLE inline
#else
#define PYGEN_INLINE_VARIABLE
#endif

// g++ 12 reports 202100L and clang++ 14 202101L for -std=c++2b.
#if PYGEN_CPLUSPLUS >= 202002L
#define PYGEN_CXX20
#endif

// The Itanium C++ ABI runtimes (libsupc++, libc++abi, libcxxrt) keep the handled-exception stack
// in a per-thread __cxa_eh_globals whose first two members are the same everywhere.
#if !defined(PYGEN_NO_EXCEPTION_STATE_SWAP) && (defined(__GLIBCXX__) || defined(_LIBCPP_VERSION)) && !defined(_MSC_VER)
#define PYGEN_HAS_EXCEPTION_STATE_SWAP 1
#else
#define PYGEN_HAS_EXCEPTION_STATE_SWAP 0
#endif

#endif // #ifndef PYGEN_DETAIL_CONFIG_HPP_INCLUDED
