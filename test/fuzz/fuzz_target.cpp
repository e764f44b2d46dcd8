// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// The libFuzzer target: each input decodes to generator bodies and the caller's operations on
// them (scenario.hpp); pygen runs them (pygen_runner.hpp) and so does an explicit model of
// CPython 3.11's generator protocol (model.hpp). Any difference in a value, an exception's type
// or message, a state or the order of cleanups is reported and aborts. With PYGEN_FUZZ_EXPLAIN
// set in the environment each input is first printed as Python, with the model's trace, before
// pygen runs it: what tools/fuzz.sh shows of an input that crashed or hung.

#include "fuzz_api.hpp"
#include "model.hpp"
#include "pygen_runner.hpp"
#include "scenario.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace pygen_fuzz {

namespace {

// Where the traces part, with pygen's whole trace; `brief`: the scenario and the model's trace
// were printed already.
std::string difference(program const& p, trace const& expected, trace const& actual, bool brief) {
    std::size_t i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
        ++i;
    }
    std::ostringstream out;
    out << "pygen disagrees with the model of CPython's generator protocol at operation [" << i << "]";
    if (i < expected.size()) {
        out << " " << expected[i].op;
    }
    out << ":\n  CPython (the model) does:\n";
    if (i < expected.size()) {
        out << format(expected[i], i);
    }
    out << "  pygen does:\n";
    if (i < actual.size()) {
        out << format(actual[i], i);
    }
    if (!brief) {
        out << "\n---- the scenario ----\n"
            << as_python_functions(p) << "\n---- the model's trace (CPython 3.11, with the C++ differences the "
            << "contract gives) ----\n"
            << format(expected);
    }
    out << "\n---- pygen's trace ----\n" << format(actual);
    return out.str();
}

bool check_program(program const& p, std::string& report, bool brief) {
    trace const expected = model_trace(p);
    trace const actual = pygen_trace(p);
    if (expected == actual) {
        return true;
    }
    report = difference(p, expected, actual, brief);
    return false;
}

} // namespace

bool check(std::uint8_t const* data, std::size_t size, std::string& report) {
    return check_program(decode(data, size), report, false);
}

std::string python_program(std::uint8_t const* data, std::size_t size) { return as_python(decode(data, size)); }

std::string model_trace_text(std::uint8_t const* data, std::size_t size, bool cpython) {
    return format(model_trace(decode(data, size), cpython));
}

std::string pygen_trace_text(std::uint8_t const* data, std::size_t size) {
    return format(pygen_trace(decode(data, size)));
}

std::string explain(std::uint8_t const* data, std::size_t size) {
    program const p = decode(data, size);
    return "---- the scenario ----\n" + as_python_functions(p) + "\n---- the model's trace ----\n" +
           format(model_trace(p));
}

} // namespace pygen_fuzz

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    static bool const explaining = std::getenv("PYGEN_FUZZ_EXPLAIN") != nullptr;
    pygen_fuzz::program const p = pygen_fuzz::decode(data, size);
    if (explaining) {
        // Before pygen runs: a crash or a hang still leaves the scenario on the screen.
        std::string const text = "---- the scenario ----\n" + pygen_fuzz::as_python_functions(p) +
                                 "\n---- the model's trace ----\n" + pygen_fuzz::format(pygen_fuzz::model_trace(p)) +
                                 "\n---- pygen runs it now ----\n";
        std::fputs(text.c_str(), stderr);
        std::fflush(stderr);
    }
    std::string report;
    if (!pygen_fuzz::check_program(p, report, explaining)) {
        std::fputs(report.c_str(), stderr);
        std::fflush(stderr);
        std::abort();
    }
    return 0;
}
