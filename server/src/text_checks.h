// Checks for short texts people type (class names, nicknames): valid UTF-8, no control
// characters, bounded length in characters. Everything else is stored verbatim.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace ff::server {

// Code points of valid UTF-8, or -1 when invalid.
long utf8_length(const std::string& s);

// A required string field for display: trimmed, 1..max_chars characters, no control
// characters; HttpError 400 otherwise.
std::string display_text_field(const nlohmann::json& obj, const char* key, long max_chars);

} // namespace ff::server
