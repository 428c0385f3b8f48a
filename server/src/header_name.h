// HTTP field names (and tokens like "chunked") compare without regard to ASCII case
// (RFC 9110 5.1); one helper for our request framing and our answer formatting.
#pragma once

#include <cctype>
#include <string_view>

namespace ff::server {

inline bool same_header_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

} // namespace ff::server
