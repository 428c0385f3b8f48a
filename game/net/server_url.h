// A companion-server address as the game uses it: scheme, host, port and an optional path
// prefix (a campus proxy may serve the API under /fraudfree). Parsed once, checked early.
#pragma once

#include <optional>
#include <string>

namespace ff::net {

struct ServerUrl {
    std::string scheme = "http"; // "http" | "https"
    std::string host;            // name, IPv4, or IPv6 without brackets
    int port = 80;
    std::string base_path;       // "" or "/prefix" (no trailing slash)

    // "http://host:port" — what httplib::Client takes.
    std::string origin() const;
    // origin() + base_path, e.g. "http://127.0.0.1:8080/fraudfree".
    std::string to_string() const;
    bool operator==(const ServerUrl&) const = default;
};

struct ParsedUrl {
    std::optional<ServerUrl> url;
    std::string error; // plain Chinese words when url is empty
};

// Accepts "http://host[:port][/prefix]" and "https://...". A missing scheme means http.
// Rejects anything else (user info, query, fragment, bad port) with a readable message.
ParsedUrl parse_server_url(const std::string& text);

} // namespace ff::net
