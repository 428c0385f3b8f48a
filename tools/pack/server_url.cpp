// Parsing of the --server URL. Kept strict so a typo gives a clear message instead of a
// confusing connection error.
#include "server_url.h"

namespace ff::pack {

std::optional<ServerUrl> parse_server_url(const std::string& url) {
    ServerUrl out;
    out.as_typed = url;
    std::string rest;
    for (const char* scheme : {"http://", "https://"}) {
        const std::string s = scheme;
        if (url.rfind(s, 0) == 0) {
            rest = url.substr(s.size());
            out.origin = s;
        }
    }
    if (out.origin.empty()) return std::nullopt;
    const size_t slash = rest.find('/');
    const std::string host_port = rest.substr(0, slash);
    if (host_port.empty() || host_port.find_first_of(" \t@?#") != std::string::npos) return std::nullopt;
    out.origin += host_port;
    if (slash != std::string::npos) {
        out.base_path = rest.substr(slash);
        if (out.base_path.find_first_of(" \t?#") != std::string::npos) return std::nullopt;
        while (!out.base_path.empty() && out.base_path.back() == '/') out.base_path.pop_back();
    }
    return out;
}

} // namespace ff::pack
