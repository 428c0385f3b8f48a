// Request framing by Content-Length or chunked transfer coding (RFC 9112 section 6).
#include "request_framing.h"

#include <cctype>
#include <cstdint>

namespace ff::server {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

bool contains_word(std::string_view value, std::string_view word) {
    for (std::size_t i = 0; i + word.size() <= value.size(); ++i)
        if (same_name(value.substr(i, word.size()), word)) return true;
    return false;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Digits only, and no larger than `limit` + 1 (enough to say "too large").
bool parse_length(std::string_view s, std::size_t limit, std::size_t& out) {
    if (s.empty()) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::size_t>(c - '0');
        if (out > limit) {
            out = limit + 1;
            return true;
        }
    }
    return true;
}

// The chunks from `body` on: complete once the last chunk and the trailer section are in.
Framing chunked_framing(std::string_view body, std::size_t max_body) {
    std::size_t pos = 0, total = 0;
    for (;;) {
        const std::size_t eol = body.find("\r\n", pos);
        if (eol == std::string_view::npos) return Framing::incomplete;
        std::size_t size = 0, digits = 0;
        for (std::size_t i = pos; i < eol && std::isxdigit(static_cast<unsigned char>(body[i])); ++i, ++digits) {
            size = size * 16 + static_cast<std::size_t>(std::isdigit(static_cast<unsigned char>(body[i]))
                                                             ? body[i] - '0'
                                                             : std::tolower(static_cast<unsigned char>(body[i])) - 'a' + 10);
            if (size > max_body) return Framing::complete; // too large: httplib says so
        }
        if (digits == 0) return Framing::complete; // malformed: httplib says so
        pos = eol + 2;
        if (size == 0) {
            // Trailer fields, if any, then an empty line.
            if (body.substr(pos, 2) == "\r\n") return Framing::complete;
            return body.find("\r\n\r\n", pos) == std::string_view::npos ? Framing::incomplete : Framing::complete;
        }
        total += size;
        if (total > max_body) return Framing::complete;
        if (body.size() < pos + size + 2) return Framing::incomplete;
        pos += size + 2;
    }
}

} // namespace

Framing request_framing(std::string_view bytes, std::size_t max_head, std::size_t max_body) {
    const std::size_t head_end = bytes.find("\r\n\r\n");
    if (head_end == std::string_view::npos) return bytes.size() > max_head ? Framing::complete : Framing::incomplete;
    const std::string_view body = bytes.substr(head_end + 4);

    std::size_t length = 0;
    bool has_length = false, chunked = false, expects_continue = false;
    std::size_t pos = bytes.find("\r\n"); // past the request line
    while (pos < head_end) {
        pos += 2;
        const std::size_t eol = bytes.find("\r\n", pos);
        const std::string_view line = bytes.substr(pos, eol - pos);
        pos = eol;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
        if (same_name(name, "Content-Length")) {
            if (!parse_length(value, max_body, length)) return Framing::complete; // malformed: httplib says so
            has_length = true;
        } else if (same_name(name, "Transfer-Encoding")) {
            chunked = contains_word(value, "chunked");
        } else if (same_name(name, "Expect")) {
            expects_continue = same_name(value, "100-continue");
        }
    }

    Framing framing = Framing::complete;
    if (chunked) framing = chunked_framing(body, max_body);
    else if (has_length && length <= max_body && body.size() < length) framing = Framing::incomplete;
    if (framing == Framing::incomplete && expects_continue) return Framing::expects_continue;
    return framing;
}

} // namespace ff::server
