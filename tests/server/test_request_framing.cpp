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

SCENARIO("requests httplib must reject are handed over at once") {
    GIVEN("a body over the limit: httplib answers 413 without reading it") {
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 4097\r\n\r\n") == Framing::complete);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n") == Framing::complete);
    }
    GIVEN("a length that is not a number") {
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n") == Framing::complete);
        CHECK(framing("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n") == Framing::complete);
    }
    GIVEN("a head that never ends") {
        CHECK(framing("GET / HTTP/1.1\r\nX: " + std::string(kHead, 'a')) == Framing::complete);
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
    const std::string head = "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n";
    CHECK(framing(head) == Framing::incomplete);
    CHECK(framing(head + "5\r\nhel") == Framing::incomplete);
    CHECK(framing(head + "5\r\nhello\r\n") == Framing::incomplete);
    CHECK(framing(head + "5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\n") == Framing::incomplete);
    CHECK(framing(head + "5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\n\r\n") == Framing::complete);
    CHECK(framing(head + "0\r\nX-Trailer: 1\r\n") == Framing::incomplete);
    CHECK(framing(head + "0\r\nX-Trailer: 1\r\n\r\n") == Framing::complete);
    AND_THEN("chunks adding up past the limit, or a size that is not hex, go to httplib at once") {
        CHECK(framing(head + "1001\r\n") == Framing::complete);
        CHECK(framing(head + "800\r\n" + std::string(0x800, 'a') + "\r\n801\r\n") == Framing::complete);
        CHECK(framing(head + "zz\r\n") == Framing::complete);
    }
}
