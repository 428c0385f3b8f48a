// The --server URL of publish, split into what cpp-httplib needs: "scheme://host:port"
// for the client and the path prefix (a server may live under e.g. /fraudfree).
#pragma once

#include <optional>
#include <string>

namespace ff::pack {

struct ServerUrl {
    std::string origin;      // "http://127.0.0.1:8080"
    std::string base_path;   // "" or "/fraudfree" (no trailing slash)
    std::string as_typed;    // for messages
};

// http:// or https:// with a host; nullopt for anything else (a typo like "htp://").
std::optional<ServerUrl> parse_server_url(const std::string& url);

} // namespace ff::pack
