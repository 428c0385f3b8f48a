// The bytes of a deferred answer: what cpp-httplib itself would write for the same response
// (status line, the handler's headers, keep-alive or close, a Content-Length that is right).
#include "reply_later.h"

#include <catch2/catch.hpp>

using namespace ff::server;

SCENARIO("a deferred answer is formatted like httplib's own") {
    ConnectionOptions options;
    options.keep_alive_timeout_s = 5;
    options.keep_alive_max = 100;
    httplib::Response res;
    res.status = 201;
    res.body = R"({"id":"u-1"})";
    res.set_header("Content-Type", "application/json; charset=utf-8");

    WHEN("the connection stays open") {
        const std::string bytes = format_response(res, false, options);
        THEN("it has the status, the handler's headers, the keep-alive terms and the exact length") {
            CHECK(bytes == "HTTP/1.1 201 Created\r\n"
                           "Content-Type: application/json; charset=utf-8\r\n"
                           "Keep-Alive: timeout=5, max=100\r\n"
                           "Content-Length: 12\r\n\r\n"
                           R"({"id":"u-1"})");
        }
    }
    WHEN("the connection closes after it, and the handler set a wrong length of its own") {
        res.status = 409;
        res.set_header("content-length", "999");
        const std::string bytes = format_response(res, true, options);
        THEN("it says so, and only the true length is sent") {
            CHECK(bytes.rfind("HTTP/1.1 409 Conflict\r\n", 0) == 0);
            CHECK(bytes.find("Connection: close\r\n") != std::string::npos);
            CHECK(bytes.find("Keep-Alive") == std::string::npos);
            CHECK(bytes.find("999") == std::string::npos);
            CHECK(bytes.find("Content-Length: 12\r\n\r\n") != std::string::npos);
        }
    }
    WHEN("there is no body") {
        httplib::Response empty;
        empty.status = 200;
        const std::string bytes = format_response(empty, false, options);
        THEN("the length is zero and no content type is made up") {
            CHECK(bytes.find("Content-Length: 0\r\n\r\n") != std::string::npos);
            CHECK(bytes.find("Content-Type") == std::string::npos);
        }
    }
}
