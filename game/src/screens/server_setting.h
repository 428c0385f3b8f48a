// The server address in the settings screen: checking what the student typed, and saying
// which server the game uses and why (--server > settings.json > fraudfree.toml).
#pragma once

#include "net/server_config.h"

#include <optional>
#include <string>

namespace ff::game {

struct ServerFieldCheck {
    bool ok = false;
    std::string value; // what to store: the normalised address, or "" (no server set here)
    std::string error; // plain Chinese when !ok
};

// Empty (or only spaces) clears the setting; anything else must be http(s)://host[:port].
ServerFieldCheck check_server_field(const std::string& text);

// One line for under the field. `effective` is resolve_server() with the saved settings;
// `running` is the server this run talks to (empty = none or headless).
std::string server_note(const ff::net::ServerChoice& effective, const std::optional<ff::net::ServerUrl>& running);

} // namespace ff::game
