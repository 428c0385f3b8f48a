# Two ways to compile less, because CI time (2 cores) is nearly all compiling. Applied from the
# top-level CMakeLists after every part is added, so the parts' own files stay plain and a new
# target simply builds without either.

# Unity builds: a target's files compiled 8 at a time as one file, so json, std::string and
# friends are parsed and instantiated once per batch instead of once per file. Measured on
# core/: 17 s instead of 38 s of CPU at -O2. Only for targets whose files share no
# file-local name (two `namespace { ... trim() }` in one target break it); a file that
# needs to stay apart can set SKIP_UNITY_BUILD_INCLUSION on itself.
option(FRAUDFREE_UNITY "Compile the listed targets as unity builds (faster builds)" ON)

function(fraudfree_unity)
  if(FRAUDFREE_UNITY)
    foreach(target IN LISTS ARGN)
      if(TARGET ${target})
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
      endif()
    endforeach()
  endif()
endfunction()

# Test code at -O0 in every build: a test file runs once per build, so optimising it only
# costs compile time (a Catch2 test file: about 8 s of CPU at -O2, 3 s at -O0 with the
# precompiled header below). The code under test (the libraries and programs the tests
# link or start) keeps the build's -O2; the sanitizer build is -O0 anyway.
option(FRAUDFREE_TESTS_O0 "Compile test code (not the code under test) at -O0" ON)

function(fraudfree_test_code)
  if(FRAUDFREE_TESTS_O0)
    foreach(target IN LISTS ARGN)
      if(TARGET ${target})
        target_compile_options(${target} PRIVATE -O0)
      endif()
    endforeach()
  endif()
endfunction()

# Precompiled headers for the heavy third-party headers (nlohmann/json, Catch2, cpp-httplib,
# toml++, SDL), so each file stops re-parsing them. Only for code compiled at -O0 (Debug and
# sanitizer builds, and test code, see above), where parsing is most of a file's compile
# time: measured 25-30% less per test file. Not at -O2: there code generation dominates, the
# gain was within noise (a loss for small files, which load a 115 MB header), and GCC 12
# then reports its libstdc++ -Warray-bounds false positives (std::string operator+) that a
# textual include hides.
option(FRAUDFREE_PCH "Precompiled headers for code compiled at -O0" ON)
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
  set(ff_pch_all ON)
else()
  set(ff_pch_all OFF)
endif()

# The standard headers most of our sources include anyway.
set(FRAUDFREE_PCH_STD <algorithm> <filesystem> <functional> <map> <memory> <optional> <string> <vector>)

# fraudfree_precompile(<target> [<header>...]): the standard set plus the given headers,
# each one the target already sees through its link libraries. Only when the target is
# compiled at -O0 (a Debug build, or test code with FRAUDFREE_TESTS_O0).
function(fraudfree_precompile target)
  if(NOT FRAUDFREE_PCH OR NOT TARGET ${target})
    return()
  endif()
  get_target_property(opts ${target} COMPILE_OPTIONS)
  if(ff_pch_all OR "-O0" IN_LIST opts)
    target_precompile_headers(${target} PRIVATE ${FRAUDFREE_PCH_STD} ${ARGN})
  endif()
endfunction()
