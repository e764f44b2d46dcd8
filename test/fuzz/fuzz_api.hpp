#ifndef PYGEN_TEST_FUZZ_FUZZ_API_HPP_INCLUDED
#define PYGEN_TEST_FUZZ_FUZZ_API_HPP_INCLUDED

// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt

// What fuzz_target.cpp offers the replay driver besides LLVMFuzzerTestOneInput.

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

namespace pygen_fuzz {

// Runs the input with pygen and with the model: true when the traces agree; otherwise false,
// and `report` says where they part, with the scenario and both traces.
bool check(std::uint8_t const* data, std::size_t size, std::string& report);

// The scenario (its generator functions, as Python), then the model's trace.
std::string explain(std::uint8_t const* data, std::size_t size);

// The scenario as a Python program that prints its trace (python3 runs it).
std::string python_program(std::uint8_t const* data, std::size_t size);

// The model's trace; `cpython`: the one python3 prints (see model.hpp).
std::string model_trace_text(std::uint8_t const* data, std::size_t size, bool cpython);

// pygen's trace.
std::string pygen_trace_text(std::uint8_t const* data, std::size_t size);

} // namespace pygen_fuzz

#endif // #ifndef PYGEN_TEST_FUZZ_FUZZ_API_HPP_INCLUDED
