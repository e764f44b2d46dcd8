# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Runs an example and checks that its standard output equals a reference file.
#
#   cmake -DEXE=<program> -DEXPECTED=<file> -DACTUAL=<file> [-DLAUNCHER=<command;args>]
#         -P pygen-compare-output.cmake
#
# LAUNCHER, a list, runs the program (the tests' valgrind command in a PYGEN_VALGRIND build).
#
# The program's standard error is passed through; its exit status must be 0.
# Line endings are ignored, everything else (including blank lines) must match.

foreach(var EXE EXPECTED ACTUAL)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "pygen-compare-output.cmake: -D${var}=... is required")
  endif()
endforeach()

if(NOT EXISTS "${EXPECTED}")
  message(FATAL_ERROR "reference output ${EXPECTED} does not exist")
endif()

set(command ${LAUNCHER} "${EXE}")

execute_process(
  COMMAND ${command}
  OUTPUT_FILE "${ACTUAL}"
  RESULT_VARIABLE status
)

file(READ "${ACTUAL}" actual_text)

if(NOT status EQUAL 0)
  message("---- output of ${EXE} ----\n${actual_text}----")
  message(FATAL_ERROR "${EXE} failed: exit status ${status}")
endif()

execute_process(
  COMMAND "${CMAKE_COMMAND}" -E compare_files --ignore-eol "${EXPECTED}" "${ACTUAL}"
  RESULT_VARIABLE different
  OUTPUT_QUIET ERROR_QUIET
)

if(different)
  find_program(DIFF_PROGRAM diff)
  if(DIFF_PROGRAM)
    execute_process(COMMAND "${DIFF_PROGRAM}" -u "${EXPECTED}" "${ACTUAL}")
  else()
    file(READ "${EXPECTED}" expected_text)
    message("---- expected (${EXPECTED}) ----\n${expected_text}---- actual (${ACTUAL}) ----\n${actual_text}----")
  endif()
  message(FATAL_ERROR "the output of ${EXE} differs from ${EXPECTED}")
endif()

message(STATUS "output matches ${EXPECTED}")
