// The subcommands of fraudfree-pack. Each takes its arguments (after the subcommand name)
// and the streams to write to, and returns the process exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ff::pack {

using Args = std::vector<std::string>;

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1; // the content or the server said no
inline constexpr int kExitUsage = 2;  // the command line itself was wrong

int lint_command(const Args& args, std::ostream& out, std::ostream& err);
int stats_command(const Args& args, std::ostream& out, std::ostream& err);
int graph_command(const Args& args, std::ostream& out, std::ostream& err);
int play_command(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int publish_command(const Args& args, std::ostream& out, std::ostream& err);

} // namespace ff::pack
