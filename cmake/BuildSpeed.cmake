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

# Precompiled headers for the heavy third-party headers (nlohmann/json, Catch2, cpp-httplib,
# toml++, SDL), so each file stops re-parsing them.
# On by default only for -O0 builds (Debug, and the sanitizer run in scripts/test), where
# parsing is most of a file's compile time: measured 25-30% less per test file.
# Off at -O2: there code generation dominates, the gain was within noise (a loss for small
# files, which load a 115 MB header), and GCC 12 then reports its libstdc++ -Warray-bounds
# false positives (std::string operator+) that a textual include hides.
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
  set(ff_pch_default ON)
else()
  set(ff_pch_default OFF)
endif()
option(FRAUDFREE_PCH "Precompile the heavy third-party headers (default: on for Debug)" ${ff_pch_default})

# The standard headers most of our sources include anyway.
set(FRAUDFREE_PCH_STD <algorithm> <filesystem> <functional> <map> <memory> <optional> <string> <vector>)

# fraudfree_precompile(<target> [<header>...]): the standard set plus the given headers,
# each one the target already sees through its link libraries.
function(fraudfree_precompile target)
  if(FRAUDFREE_PCH AND TARGET ${target})
    target_precompile_headers(${target} PRIVATE ${FRAUDFREE_PCH_STD} ${ARGN})
  endif()
endfunction()
