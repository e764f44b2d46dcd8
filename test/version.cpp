// Copyright 2026 The pygen authors.
// Distributed under the Boost Software License, Version 1.0.
// https://www.boost.org/LICENSE_1_0.txt
//
// PYGEN_VERSION (pygen/version.hpp, BOOST_VERSION form) equals the version the build system
// declares: CMake's project(VERSION), which test/CMakeLists.txt and test/Jamfile pass in.
#define BOOST_TEST_MODULE version
#include <pygen/version.hpp>
#include <boost/test/unit_test.hpp>

#if !defined(PYGEN_EXPECTED_VERSION_MAJOR) || !defined(PYGEN_EXPECTED_VERSION_MINOR) ||                                \
    !defined(PYGEN_EXPECTED_VERSION_PATCH)
#error "build with -DPYGEN_EXPECTED_VERSION_MAJOR=... MINOR=... PATCH=... (the version in CMakeLists.txt)"
#endif

BOOST_AUTO_TEST_CASE(version_header_matches_the_build_system) {
    BOOST_TEST(PYGEN_VERSION / 100000 == PYGEN_EXPECTED_VERSION_MAJOR);
    BOOST_TEST(PYGEN_VERSION / 100 % 1000 == PYGEN_EXPECTED_VERSION_MINOR);
    BOOST_TEST(PYGEN_VERSION % 100 == PYGEN_EXPECTED_VERSION_PATCH);
    BOOST_TEST(PYGEN_VERSION == PYGEN_EXPECTED_VERSION_MAJOR * 100000 + PYGEN_EXPECTED_VERSION_MINOR * 100 +
                                    PYGEN_EXPECTED_VERSION_PATCH);
}
