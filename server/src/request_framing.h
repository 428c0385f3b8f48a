// Whether the bytes a connection has sent so far hold a whole HTTP/1.1 request (head and
// body), so a worker hands httplib only requests it can parse without waiting on the client.
#pragma once

#include <cstddef>
#include <string_view>

namespace ff::server {

enum class Framing {
    complete,         // a whole request, or one httplib should answer at once (malformed, too large)
    incomplete,       // more bytes to come
    expects_continue, // the head is here and asks for "100 Continue" before sending its body
};

// `bytes` start at a request's first byte. A head longer than `max_head` or a body longer than
// `max_body` counts as complete: httplib reads no further and rejects it.
Framing request_framing(std::string_view bytes, std::size_t max_head, std::size_t max_body);

} // namespace ff::server
