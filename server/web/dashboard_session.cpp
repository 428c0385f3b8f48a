// Cookie parsing and the same-origin check for the dashboard's forms.
#include "dashboard_session.h"

#include <cctype>

namespace ff::web {
namespace {

std::string trim(const std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return s.substr(b, e - b);
}

} // namespace

std::optional<std::string> cookie_value(const std::string& cookie_header, const std::string& name) {
    size_t start = 0;
    while (start <= cookie_header.size()) {
        size_t end = cookie_header.find(';', start);
        if (end == std::string::npos) end = cookie_header.size();
        std::string part = trim(cookie_header.substr(start, end - start));
        size_t eq = part.find('=');
        if (eq != std::string::npos && trim(part.substr(0, eq)) == name) return trim(part.substr(eq + 1));
        start = end + 1;
    }
    return std::nullopt;
}

bool plausible_token(const std::string& token) {
    if (token.size() < 16 || token.size() > 128) return false;
    for (unsigned char c : token)
        if (!std::isalnum(c) && c != '-' && c != '_') return false;
    return true;
}

std::string session_cookie(const std::string& token) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/dashboard; HttpOnly; SameSite=Strict";
}

std::string cleared_session_cookie() {
    return std::string(kSessionCookie) + "=; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=0";
}

bool same_origin(const std::string& origin_header, const std::string& host_header) {
    if (origin_header.empty()) return true;
    if (host_header.empty()) return false;
    return origin_header == "http://" + host_header || origin_header == "https://" + host_header;
}

} // namespace ff::web
