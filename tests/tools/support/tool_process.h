// Runs the real fraudfree-pack binary as a child process: arguments, stdin text and working
// directory in; exit code, stdout and stderr out. The tests see exactly what an author sees.
#pragma once

#include <string>
#include <vector>

namespace ff::test {

struct ToolRun {
    int exit_code = -1; // -1 when the process did not exit normally
    std::string out;
    std::string err;
};

// `cwd` empty = the test's own working directory. stdin is `input` followed by EOF.
ToolRun run_tool(const std::vector<std::string>& args, const std::string& input = "", const std::string& cwd = "");

// Same for any program (found through PATH when `program` has no '/'), e.g. Graphviz `dot`.
ToolRun run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input = "",
                    const std::string& cwd = "");

inline std::string source_dir() { return FRAUDFREE_SOURCE_DIR; }
inline std::string fixtures_dir() { return source_dir() + "/tests/fixtures"; }
inline std::string tool_fixtures_dir() { return source_dir() + "/tests/tools/fixtures"; }

// Reads a whole file (test expectations, generated output).
std::string slurp(const std::string& path);

} // namespace ff::test
