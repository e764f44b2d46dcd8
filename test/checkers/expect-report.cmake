# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# Runs a canary (a program with a deliberate bug) and succeeds only if the build's checkers
# reported it: the program must fail, and its output must contain the string of each of the
# canary's "// canary-expect CHECKER: STRING" lines for one of CHECKERS.
#
#   cmake -DEXE=<program> -DSOURCE=<canary .cpp> "-DCHECKERS=<valgrind|asan|lsan|ubsan;...>"
#         [-DLAUNCHER=<command;args>] -P expect-report.cmake

foreach(var EXE SOURCE CHECKERS)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "expect-report.cmake: -D${var}=... is required")
  endif()
endforeach()

string(REPLACE ";" "|" checkers "${CHECKERS}")
file(STRINGS "${SOURCE}" lines REGEX "^// canary-expect (${checkers}): ")
set(expected)
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^// canary-expect [a-z]+: " "" string "${line}")
  list(APPEND expected "${string}")
endforeach()
if(NOT expected)
  message(FATAL_ERROR "${SOURCE} has no '// canary-expect CHECKER: ' line for ${CHECKERS}")
endif()

execute_process(
  COMMAND ${LAUNCHER} "${EXE}"
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out
  RESULT_VARIABLE status
)
message("---- output of ${EXE} ----\n${out}----")

set(missing)
foreach(string IN LISTS expected)
  string(FIND "${out}" "${string}" at)
  if(at EQUAL -1)
    list(APPEND missing "${string}")
  endif()
endforeach()

get_filename_component(canary "${SOURCE}" NAME_WE)
if(status EQUAL 0 OR missing)
  if(status EQUAL 0)
    set(how "the program succeeded")
  else()
    set(how "the program failed (${status})")
  endif()
  string(REPLACE ";" "', '" missing "${missing}")
  string(REPLACE ";" ", " checkers "${CHECKERS}")
  message(FATAL_ERROR "the checkers of this build (${checkers}) missed the deliberate bug of "
    "${canary} inside a generator body: ${how}, and the output lacks '${missing}'. They cannot "
    "see such bugs in generator bodies with this build's settings; see \"Debugging generators "
    "with valgrind and sanitizers\" in README.md.")
endif()
message(STATUS "the checkers of this build caught the deliberate bug of ${canary}")
