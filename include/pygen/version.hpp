#ifndef PYGEN_VERSION_HPP_INCLUDED
#define PYGEN_VERSION_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// Same form as BOOST_VERSION: major * 100000 + minor * 100 + patch.
#define PYGEN_VERSION 100

#endif // #ifndef PYGEN_VERSION_HPP_INCLUDED
