#ifndef PYGEN_HPP_INCLUDED
#define PYGEN_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

#include <pygen/exceptions.hpp>
#include <pygen/gen_state.hpp>
#include <pygen/generator.hpp>
#include <pygen/none.hpp>
#include <pygen/stack.hpp>
#include <pygen/unraisable.hpp>
#include <pygen/version.hpp>
#include <pygen/yield_from_target.hpp>
#include <pygen/yielder.hpp>

#endif // #ifndef PYGEN_HPP_INCLUDED
