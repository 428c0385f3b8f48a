// Request framing by Content-Length or chunked transfer coding (RFC 9112 section 6).
#include "request_framing.h"

#include "header_name.h"

#include <cctype>

namespace ff::server {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Digits only; anything over `limit` comes back as limit + 1 (enough to say "too large").
bool parse_length(std::string_view s, std::size_t limit, std::size_t& out) {
    if (s.empty()) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        if (out <= limit) out = out * 10 + static_cast<std::size_t>(c - '0');
    }
    if (out > limit) out = limit + 1;
    return true;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A chunked body (RFC 9112 7.1) from `body` on: complete once the last chunk and the trailer
// section are in. Chunk-size lines and trailers are bounded, and so is the number of chunks,
// because the whole body is scanned again each time more of it arrives.
Framing chunked_framing(std::string_view body, std::size_t max_head, std::size_t max_body) {
    constexpr std::size_t kMaxSizeLine = 1024, kMaxChunks = 10000;
    std::size_t pos = 0, total = 0;
    for (std::size_t chunks = 0;; ++chunks) {
        if (chunks > kMaxChunks) return Framing::invalid;
        const std::size_t eol = body.find("\r\n", pos);
        if (eol == std::string_view::npos)
            return body.size() - pos > kMaxSizeLine ? Framing::invalid : Framing::incomplete;
        std::size_t size = 0, i = pos;
        for (int d; i < eol && (d = hex_digit(body[i])) >= 0; ++i) {
            size = size * 16 + static_cast<std::size_t>(d);
            if (size > max_body) return Framing::body_too_large;
        }
        if (i == pos || (i < eol && body[i] != ';')) return Framing::invalid; // no size, or junk after it
        pos = eol + 2;
        if (size == 0) {
            // Trailer fields, if any, then an empty line.
            if (body.substr(pos, 2) == "\r\n") return Framing::complete;
            if (body.find("\r\n\r\n", pos) != std::string_view::npos) return Framing::complete;
            return body.size() - pos > max_head ? Framing::head_too_large : Framing::incomplete;
        }
        total += size;
        if (total > max_body) return Framing::body_too_large;
        if (body.size() < pos + size + 2) return Framing::incomplete;
        if (body.substr(pos + size, 2) != "\r\n") return Framing::invalid;
        pos += size + 2;
    }
}

} // namespace

Framing request_framing(std::string_view bytes, std::size_t max_head, std::size_t max_body) {
    const std::size_t head_end = bytes.find("\r\n\r\n");
    if (head_end == std::string_view::npos)
        return bytes.size() > max_head ? Framing::head_too_large : Framing::incomplete;
    if (head_end > max_head) return Framing::head_too_large;
    const std::string_view body = bytes.substr(head_end + 4);

    std::size_t length = 0;
    int lengths = 0, encodings = 0;
    bool chunked = false, expects_continue = false;
    std::size_t pos = bytes.find("\r\n"); // past the request line
    while (pos < head_end) {
        pos += 2;
        const std::size_t eol = bytes.find("\r\n", pos);
        const std::string_view line = bytes.substr(pos, eol - pos);
        pos = eol;
        // httplib also splits lines at a bare LF: a head with one could frame differently.
        if (line.find('\n') != std::string_view::npos) return Framing::invalid;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
        if (same_header_name(name, "Content-Length")) {
            std::size_t n = 0;
            if (!parse_length(value, max_body, n) || (lengths > 0 && n != length)) return Framing::invalid;
            length = n;
            ++lengths;
        } else if (same_header_name(name, "Transfer-Encoding")) {
            chunked = same_header_name(value, "chunked"); // httplib de-chunks nothing else
            if (!chunked || ++encodings > 1) return Framing::invalid;
        } else if (same_header_name(name, "Expect")) {
            expects_continue = same_header_name(value, "100-continue");
        }
    }
    if (lengths > 0 && chunked) return Framing::invalid; // which one would httplib believe?

    Framing framing = Framing::complete; // no length and not chunked: no body
    if (chunked) framing = chunked_framing(body, max_head, max_body);
    else if (length > max_body) framing = Framing::body_too_large;
    else if (body.size() < length) framing = Framing::incomplete;
    if (framing == Framing::incomplete && expects_continue) return Framing::expects_continue;
    return framing;
}

} // namespace ff::server
