# Copyright 2026 The pygen authors
# Distributed under the Boost Software License, Version 1.0.
# https://www.boost.org/LICENSE_1_0.txt

# cmake -DBINARY_DIR=<build tree> -DTARGET=<target> -DCONFIG=<config> -DSOURCE=<file.cpp> -P expect-error.cmake
# Passes only when building TARGET fails and the output holds the text of SOURCE's "// expected: " line.

file(STRINGS "${SOURCE}" expected_line REGEX "^// expected: " LIMIT_COUNT 1)
string(REGEX REPLACE "^// expected: " "" expected "${expected_line}")
if(expected STREQUAL "")
  message(FATAL_ERROR "${SOURCE} has no '// expected: <message fragment>' line")
endif()

set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()

execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --target "${TARGET}" ${config_args}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

if(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but must fail with: ${expected}")
endif()
string(FIND "${output}" "${expected}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE} failed to compile, but not with: ${expected}\n---- build output ----\n${output}")
endif()
message(STATUS "failed to compile as expected: ${expected}")
