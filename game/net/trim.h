// Whitespace trimmed from both ends of what a person typed or pasted (a join code, a
// nickname, a server address): one definition for game/net.
#pragma once

#include <string>
#include <string_view>

namespace ff::net {

inline std::string trim_space(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace ff::net
