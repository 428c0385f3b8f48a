// The dashboard's sign-in state: the counsellor's token in an HttpOnly, SameSite=Strict
// cookie scoped to /dashboard (never in a URL, never readable by page scripts), and the
// checks that keep another site from driving a signed-in browser.
#pragma once

#include <optional>
#include <string>

namespace ff::web {

inline constexpr const char* kSessionCookie = "ff_dash";

// The value of cookie `name` in a Cookie header ("a=1; ff_dash=..."), if present.
std::optional<std::string> cookie_value(const std::string& cookie_header, const std::string& name);

// Tokens are hex from `token create`; anything else cannot be one and must not reach a header.
bool plausible_token(const std::string& token);

// Set-Cookie values: a session cookie (gone when the browser closes) and its removal.
std::string session_cookie(const std::string& token);
std::string cleared_session_cookie();

// A form POST is accepted when the browser says it comes from this host (Origin header),
// or says nothing (older browsers, curl). SameSite=Strict already keeps the cookie off
// cross-site requests; this is the second lock.
bool same_origin(const std::string& origin_header, const std::string& host_header);

// Headers for every dashboard response: scripts and styles only from this server, no framing.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

} // namespace ff::web
