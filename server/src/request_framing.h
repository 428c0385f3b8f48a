// Whether the bytes a connection has sent so far hold a whole HTTP/1.1 request (head and
// body), so a worker hands httplib only requests it can parse without waiting on the client.
#pragma once

#include <cstddef>
#include <string_view>

namespace ff::server {

enum class Framing {
    complete,         // a whole request (bytes after it belong to the next one)
    incomplete,       // more bytes to come
    expects_continue, // the head is here and asks for "100 Continue" before sending its body
    head_too_large,   // answer 431 and close
    body_too_large,   // answer 413 and close
    invalid,          // a length we cannot trust (malformed, repeated, or both kinds): 400, close
};

// `bytes` start at a request's first byte. Stricter than httplib on purpose: whatever this
// calls complete, httplib reads without asking the client for more.
Framing request_framing(std::string_view bytes, std::size_t max_head, std::size_t max_body);

} // namespace ff::server
