// Request framing: a worker hands httplib a request only once all of it has arrived.
#include "request_framing.h"

#include <catch2/catch.hpp>

#include <string>

using namespace ff::server;

namespace {

constexpr std::size_t kHead = 1024, kBody = 4096;

Framing framing(const std::string& bytes) { return request_framing(bytes, kHead, kBody); }

} // namespace

SCENARIO("a request without a body is complete once its head is") {
    CHECK(framing("") == Framing::incomplete);
    CHECK(framing("GET /healthz HTTP/1.1\r\nHost: x\r\n") == Framing::incomplete);
    CHECK(framing("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") == Framing::complete);
    CHECK(framing("GET / HTTP/1.1\r\n\r\n") == Framing::complete);
    AND_THEN("bytes of a pipelined next request after it do not matter") {
        CHECK(framing("GET / HTTP/1.1\r\n\r\nGET /hea") == Framing::complete);
    }
}

SCENARIO("a request with Content-Length waits for its whole body") {
    const std::string head = "POST /api/v1/results HTTP/1.1\r\ncontent-length: 10\r\n\r\n";
    CHECK(framing(head) == Framing::incomplete);
    CHECK(framing(head + "01234") == Framing::incomplete);
    CHECK(framing(head + "0123456789") == Framing::complete);
    WHEN("the header is spelt in any case and padded") {
        CHECK(framing("POST / HTTP/1.1\r\nCONTENT-LENGTH:   3  \r\n\r\nab") == Framing::incomplete);
        CHECK(framing("POST / HTTP/1.1\r\nCONTENT-LENGTH:   3  \r\n\r\nabc") == Framing::complete);
    }
}

SCENARIO("requests whose length cannot be trusted or is too large are refused, not read") {
    GIVEN("a body over the limit (413)") {
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 4097\r\n\r\n") == Framing::body_too_large);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n") == Framing::body_too_large);
    }
    GIVEN("a head that never ends (431)") {
        CHECK(framing("GET / HTTP/1.1\r\nX: " + std::string(kHead, 'a')) == Framing::head_too_large);
    }
    GIVEN("lengths httplib would read differently from us (400)") {
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n") == Framing::invalid);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n") == Framing::invalid);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: %31%30\r\n\r\n") == Framing::invalid);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") == Framing::invalid);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") == Framing::invalid);
        CHECK(framing("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") == Framing::invalid);
        CHECK(framing("POST / HTTP/1.1\r\nX: 1\nContent-Length: 3\r\n\r\n") == Framing::invalid);
    }
    AND_THEN("the same length twice is fine, as is no length at all (no body)") {
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\nabc") == Framing::complete);
        CHECK(framing("DELETE /x HTTP/1.1\r\nHost: y\r\n\r\n") == Framing::complete);
    }
}

SCENARIO("a client that expects 100 Continue is told to go on") {
    const std::string head = "PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
    CHECK(framing(head) == Framing::expects_continue);
    CHECK(framing(head + "ab") == Framing::expects_continue);
    CHECK(framing(head + "abcd") == Framing::complete);
    CHECK(framing("PUT /x HTTP/1.1\r\nExpect: 100-continue\r\n") == Framing::incomplete);
}

SCENARIO("a chunked body is complete after its last chunk and trailers") {
    const std::string head = "POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n";
    CHECK(framing(head) == Framing::incomplete);
    CHECK(framing(head + "5\r\nhel") == Framing::incomplete);
    CHECK(framing(head + "5\r\nhello\r\n") == Framing::incomplete);
    CHECK(framing(head + "5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\n") == Framing::incomplete);
    CHECK(framing(head + "5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\n\r\n") == Framing::complete);
    CHECK(framing(head + "0\r\nX-Trailer: 1\r\n") == Framing::incomplete);
    CHECK(framing(head + "0\r\nX-Trailer: 1\r\n\r\n") == Framing::complete);
    AND_THEN("chunks adding up past the limit are too large; sizes that are not hex, or data that overruns its size, are refused") {
        CHECK(framing(head + "1001\r\n") == Framing::body_too_large);
        CHECK(framing(head + "800\r\n" + std::string(0x800, 'a') + "\r\n801\r\n") == Framing::body_too_large);
        CHECK(framing(head + "zz\r\n") == Framing::invalid);
        CHECK(framing(head + " 5\r\nhello\r\n") == Framing::invalid);
        CHECK(framing(head + "5\r\nhello!\r\n") == Framing::invalid);
        CHECK(framing(head + std::string(2000, '0')) == Framing::invalid);
    }
}
