# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# pygen_assert_no_tests(<pygen source dir>): fails the configure step if pygen, added to a consumer
# project (add_subdirectory, FetchContent), defined anything but its library: its tests, examples
# or fuzz replayer must stay out of the consumer's build even with the consumer's BUILD_TESTING on.
function(pygen_assert_no_tests pygen_dir)
  # pygen's own names for them (test/CMakeLists.txt, test/fuzz/CMakeLists.txt)
  foreach(target pygen-test-next pygen-test-version pygen-example-gen pygen_examples pygen-fuzz-replay)
    if(TARGET ${target})
      message(FATAL_ERROR "pygen's test target ${target} exists in this consumer project")
    endif()
  endforeach()
  get_property(subdirs DIRECTORY "${pygen_dir}" PROPERTY SUBDIRECTORIES)
  if(subdirs)
    message(FATAL_ERROR "pygen added subdirectories to this consumer project: ${subdirs}")
  endif()
  get_property(tests DIRECTORY "${pygen_dir}" PROPERTY TESTS)
  if(tests)
    message(FATAL_ERROR "pygen added tests to this consumer project: ${tests}")
  endif()
  get_property(targets DIRECTORY "${pygen_dir}" PROPERTY BUILDSYSTEM_TARGETS)
  if(NOT targets STREQUAL "boost_pygen")
    message(FATAL_ERROR "pygen defined targets other than boost_pygen: ${targets}")
  endif()
  message(STATUS "pygen consumer check: pygen defined only ${targets}, no subdirectories, no tests")
endfunction()
