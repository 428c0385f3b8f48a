// The server's configuration: command-line options with defaults that need no setup.
// Parsed once in main and passed down; nothing else reads the environment.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ff::server {

struct ServeConfig {
    std::string db = "fraudfree.db";
    std::string host = "127.0.0.1";
    int port = 8080;                 // 0: any free port (printed at start)
    std::string packs_dir = "content"; // bundled packs; a missing folder is only a warning
    bool synchronous_full = true;    // --synchronous full|normal
    // HTTP workers, all serving every connection: two per core (fewer contend less; a few
    // more keep requests moving while one handler waits on the disk). 0: that default.
    int threads = 0;
    int keep_alive_max = 100;        // requests per connection before it is closed
    int keep_alive_timeout_s = 5;
    int read_timeout_s = 5;
    int write_timeout_s = 5;
    std::size_t json_limit = 64 * 1024;         // bytes of a JSON request body
    std::size_t upload_limit = 4 * 1024 * 1024; // bytes of a pack upload
    int join_per_minute = 30;        // joins per client address per minute
    bool quiet = false;              // no per-request log lines
};

struct TokenCommand {
    std::string db = "fraudfree.db";
    std::string role;
    std::string name;
};

struct Command {
    enum class Kind { serve, token_create, help } kind = Kind::help;
    ServeConfig serve;
    TokenCommand token;
};

// Throws std::invalid_argument with a message for the user on a bad command line.
Command parse_command_line(const std::vector<std::string>& args);

std::string usage_text();

} // namespace ff::server
