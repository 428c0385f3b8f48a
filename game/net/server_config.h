// Which companion server the game talks to: `--server URL`, else settings.json's server
// field, else a fraudfree.toml next to the binary (pre-set by campus IT); none = offline.
#pragma once

#include "net/server_url.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ff::net {

enum class ServerSource { none, command_line, settings, campus_file };
const char* to_string(ServerSource s); // "none" | "command_line" | "settings" | "campus_file"

struct ServerChoice {
    std::optional<ServerUrl> url;       // empty = offline mode
    ServerSource source = ServerSource::none;
    std::vector<std::string> notes;     // problems met on the way, in plain Chinese, to show once
};

// Name of the campus file looked for next to the binary.
inline constexpr const char* kCampusConfigFile = "fraudfree.toml";

// The first source that names a valid address wins; an invalid one is noted and skipped
// (a typo in settings must not hide the campus file). `exe_dir` may be empty.
ServerChoice resolve_server(const std::optional<std::string>& command_line,
                            const std::string& settings_server_url,
                            const std::filesystem::path& exe_dir);

// The `server` value of a campus file: nullopt when the file does not exist; otherwise
// the text (possibly empty) plus a note on TOML errors or a missing/mistyped key.
struct CampusFile {
    std::optional<std::string> server;
    std::string note;
};
CampusFile read_campus_file(const std::filesystem::path& file);

// The folder of the running binary (from /proc/self/exe), or empty if unknown.
std::filesystem::path executable_dir();

} // namespace ff::net
