// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// Build-mode macros that change layouts cannot be mixed silently across translation units (trap 12).
#define BOOST_TEST_MODULE build_mode
#include <pygen/generator.hpp>
#include <boost/test/unit_test.hpp>

#include "death_test.hpp"

#include <pygen/detail/build_mode.hpp>

#include <csignal>
#include <string>

using namespace pygen_test;

// CPython has no build modes: every case here is pygen's own behaviour. The two programs come
// from the build (test/CMakeLists.txt, test/Jamfile), their paths as arguments:
//   build_mode_same:  build_mode_program.cpp + build_mode_unit.cpp, both with the build's macros
//   build_mode_mixed: build_mode_program.cpp + build_mode_flipped_unit.cpp, which flips
//                     BOOST_USE_VALGRIND

namespace {

namespace pd = pygen::detail;

// The argument naming the program `name`, or "" when none does.
std::string program_path(char const* name) {
    int const argc = boost::unit_test::framework::master_test_suite().argc;
    char** const argv = boost::unit_test::framework::master_test_suite().argv;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg.find(name) != std::string::npos) {
            return arg;
        }
    }
    return std::string();
}

std::string const mismatch = "pygen: fatal error: translation units were compiled with different Boost.Context "
                             "build macros (";
std::string const advice = "); define them the same way everywhere: they change the layout of Boost.Context's "
                           "and pygen's types. One is ";

// The rest of the line of `text` that follows `marker` ("" without it).
std::string after(std::string const& text, std::string const& marker) {
    std::string::size_type const at = text.find(marker);
    if (at == std::string::npos) {
        return std::string();
    }
    std::string::size_type const begin = at + marker.size();
    return text.substr(begin, text.find('\n', begin) - begin);
}

// What a process that registers `mode` as translation unit "other.cpp" writes before it aborts.
child_result register_in_child(unsigned mode) {
    return run_in_child([mode] { pd::register_build_mode(mode, "other.cpp"); });
}

} // namespace

// Python: no equivalent. A program whose two translation units disagree on BOOST_USE_VALGRIND
//   stops before main() with SIGABRT and a message naming the macro and both translation units.
BOOST_AUTO_TEST_CASE(mixed_program_stops_before_main_naming_the_macro_and_both_units) {
    std::string const path = program_path("build_mode_mixed");
    BOOST_TEST_REQUIRE(!path.empty(), "pass the path of the build_mode_mixed program as an argument");
    child_result const r = run_program(path);
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    BOOST_TEST(r.stdout_text.empty()); // main() never ran
    BOOST_TEST(r.has(mismatch + "BOOST_USE_VALGRIND in one, not in another" + advice), r.stderr_text);
    BOOST_TEST(r.has("build_mode_program.cpp, with "), r.stderr_text);
    BOOST_TEST(r.has("build_mode_flipped_unit.cpp, with "), r.stderr_text);
    // Each unit's own mode: the flipped one has BOOST_USE_VALGRIND exactly when this build does not.
#if defined(BOOST_USE_VALGRIND)
    BOOST_TEST(r.has("build_mode_flipped_unit.cpp, with none of them"), r.stderr_text);
#else
    BOOST_TEST(r.has("build_mode_flipped_unit.cpp, with BOOST_USE_VALGRIND"), r.stderr_text);
#endif
}

// Python: print("build_mode_program:", *gen(), *unit_values())   -> build_mode_program: 1 2 10 20 10 20
//   The same code in two translation units of the same mode runs normally.
BOOST_AUTO_TEST_CASE(same_mode_program_runs_normally) {
    std::string const path = program_path("build_mode_same");
    BOOST_TEST_REQUIRE(!path.empty(), "pass the path of the build_mode_same program as an argument");
    child_result const r = run_program(path);
    BOOST_TEST(r.exited);
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.stdout_text == "build_mode_program: 1 2 10 20 10 20\n");
    std::string stderr_text = r.stderr_text;
#if defined(BOOST_USE_ASAN)
    // The asan build mode: ASan says once per process that it does not fully support swapcontext.
    std::string::size_type const at = stderr_text.find("ASan doesn't fully support makecontext/swapcontext");
    if (at != std::string::npos) {
        std::string::size_type const line = stderr_text.rfind('\n', at);
        std::string::size_type const begin = line == std::string::npos ? 0 : line + 1;
        std::string::size_type const end = stderr_text.find('\n', at);
        stderr_text.erase(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
    }
#endif
    BOOST_TEST(stderr_text.empty(), r.stderr_text);
}

// Python: no equivalent. This translation unit registered the mode its macros give.
BOOST_AUTO_TEST_CASE(this_translation_units_mode_is_recorded) {
    unsigned expected = 0;
#if defined(BOOST_USE_VALGRIND)
    expected |= 1u;
#endif
#if defined(BOOST_USE_UCONTEXT)
    expected |= 2u;
#endif
#if defined(BOOST_USE_ASAN)
    expected |= 4u;
#endif
#if defined(BOOST_USE_TSAN)
    expected |= 8u;
#endif
#if defined(BOOST_USE_SEGMENTED_STACKS)
    expected |= 16u;
#endif
#if defined(PYGEN_NO_EXCEPTION_STATE_SWAP) || !(defined(__GLIBCXX__) || defined(_LIBCPP_VERSION))
    expected |= 32u;
#endif
    BOOST_TEST(pd::translation_unit_build_mode == expected);
    BOOST_TEST(pd::recorded_build_mode().load() == (expected | pd::mode_recorded));
    BOOST_TEST(std::string(pd::recorded_build_mode_source().load()).find("build_mode.cpp") != std::string::npos);
}

// Python: no equivalent. Registering this translation unit's mode again (what every further
//   translation unit of the same mode does) changes nothing.
BOOST_AUTO_TEST_CASE(registering_the_same_mode_again_changes_nothing) {
    unsigned const before = pd::recorded_build_mode().load();
    child_result const r = run_in_child([] {
        pd::register_build_mode(pd::translation_unit_build_mode, "other.cpp");
        pd::register_build_mode(pd::translation_unit_build_mode, "third.cpp");
    });
    BOOST_TEST(r.exited);
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.stderr_text.empty(), r.stderr_text);
    BOOST_TEST(pd::register_build_mode(pd::translation_unit_build_mode, "other.cpp"));
    BOOST_TEST(pd::recorded_build_mode().load() == before);
}

// Python: no equivalent. Each layout macro, when it differs, is named, with both units' modes.
BOOST_AUTO_TEST_CASE(each_layout_macro_is_named_when_it_differs) {
    char const* const macros[] = {"BOOST_USE_VALGRIND", "BOOST_USE_UCONTEXT",         "BOOST_USE_ASAN",
                                  "BOOST_USE_TSAN",     "BOOST_USE_SEGMENTED_STACKS", "PYGEN_NO_EXCEPTION_STATE_SWAP"};
    unsigned const mine = pd::translation_unit_build_mode;
    for (unsigned i = 0; i < 6; ++i) {
        BOOST_TEST_CONTEXT("flag " << macros[i]) {
            child_result const r = register_in_child(mine ^ (1u << i));
            BOOST_TEST(r.signaled);
            BOOST_TEST(r.signal == SIGABRT);
            BOOST_TEST(r.has(mismatch + macros[i] + " in one, not in another" + advice), r.stderr_text);
            BOOST_TEST(r.has("build_mode.cpp, with "), r.stderr_text);
            BOOST_TEST(r.has("another is other.cpp, with "), r.stderr_text);
            // The other unit's own list names the macro exactly when it has it.
            std::string const other_list = after(r.stderr_text, "another is other.cpp, with ");
            bool const other_has_it = ((mine >> i) & 1u) == 0;
            BOOST_TEST((other_list.find(macros[i]) != std::string::npos) == other_has_it, other_list);
        }
    }
}

// Python: no equivalent. Macros differing both ways are all named, each way on its own.
BOOST_AUTO_TEST_CASE(macros_differing_both_ways_are_all_named) {
    // This unit: its own mode. The other: BOOST_USE_VALGRIND and BOOST_USE_UCONTEXT flipped,
    // PYGEN_NO_EXCEPTION_STATE_SWAP forced on when this unit has it off (and the reverse).
    unsigned const mine = pd::translation_unit_build_mode;
    unsigned const other = mine ^ (pd::mode_valgrind | pd::mode_ucontext | pd::mode_no_exception_state_swap);
    child_result const r = register_in_child(other);
    BOOST_TEST(r.signaled);
    BOOST_TEST(r.signal == SIGABRT);
    BOOST_TEST(r.has(mismatch), r.stderr_text);
    if (mine == 0) {
        // Everything the other has is missing here: one list.
        BOOST_TEST(r.has("(BOOST_USE_VALGRIND, BOOST_USE_UCONTEXT and PYGEN_NO_EXCEPTION_STATE_SWAP in one, not in "
                         "another); "),
                   r.stderr_text);
        BOOST_TEST(r.has("with none of them; another is other.cpp, with BOOST_USE_VALGRIND, BOOST_USE_UCONTEXT and "
                         "PYGEN_NO_EXCEPTION_STATE_SWAP"),
                   r.stderr_text);
    } else {
        BOOST_TEST(r.has(" in one, not in another; "), r.stderr_text);
        BOOST_TEST(r.has(" the other way round); "), r.stderr_text);
    }
    // Both ways at once, whatever this build's mode: valgrind here, ucontext there.
    child_result const both = run_in_child([] {
        pd::recorded_build_mode().store(pd::mode_valgrind | pd::mode_recorded);
        pd::recorded_build_mode_source().store("first.cpp");
        pd::register_build_mode(pd::mode_ucontext | pd::mode_asan, "second.cpp");
    });
    BOOST_TEST(both.signaled);
    BOOST_TEST(both.signal == SIGABRT);
    BOOST_TEST(both.has(mismatch +
                        "BOOST_USE_VALGRIND in one, not in another; BOOST_USE_UCONTEXT and BOOST_USE_ASAN "
                        "the other way round" +
                        advice +
                        "first.cpp, with BOOST_USE_VALGRIND; another is second.cpp, with BOOST_USE_UCONTEXT "
                        "and BOOST_USE_ASAN\n"),
               both.stderr_text);
}
