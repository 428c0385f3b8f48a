// Server address parsing, the --server > settings > fraudfree.toml order, and backoff delays.
#include "test_net_server.h"

#include "net/backoff.h"
#include "net/server_config.h"

#include "save/atomic_file.h"

#include <catch2/catch.hpp>

using namespace ff::net;

TEST_CASE("server addresses are parsed or refused with a reason", "[net][config]")
{
    auto u = parse_server_url("http://127.0.0.1:8080");
    REQUIRE(u.url);
    CHECK(u.url->host == "127.0.0.1");
    CHECK(u.url->port == 8080);
    CHECK(u.url->base_path.empty());
    CHECK(u.url->to_string() == "http://127.0.0.1:8080");

    auto bare = parse_server_url("  fanzha.campus.edu.cn/fraudfree/ ");
    REQUIRE(bare.url);
    CHECK(bare.url->scheme == "http");
    CHECK(bare.url->port == 80);
    CHECK(bare.url->base_path == "/fraudfree");

    auto tls = parse_server_url("HTTPS://example.org");
    REQUIRE(tls.url);
    CHECK(tls.url->scheme == "https");
    CHECK(tls.url->port == 443);

    auto v6 = parse_server_url("http://[::1]:9000");
    REQUIRE(v6.url);
    CHECK(v6.url->host == "::1");
    CHECK(v6.url->origin() == "http://[::1]:9000");

    for (const char* bad : {"", "ftp://x", "http://", "http://host:0", "http://host:70000", "http://host:abc",
                            "http://user@host", "http://host/?q=1", "http://ho st", "http://host/../x"}) {
        INFO(bad);
        auto p = parse_server_url(bad);
        CHECK_FALSE(p.url);
        CHECK_FALSE(p.error.empty());
    }
}

SCENARIO("the server address comes from the first source that names a valid one", "[net][config]")
{
    ff::test::TempDir dir("config");
    const auto campus = dir.path / kCampusConfigFile;

    GIVEN("no source at all")
    {
        auto c = resolve_server(std::nullopt, "", dir.path);
        THEN("the game is offline") {
            CHECK_FALSE(c.url);
            CHECK(c.source == ServerSource::none);
            CHECK(c.notes.empty());
        }
    }
    GIVEN("a campus file next to the binary")
    {
        ff::save::write_file_atomic(campus, "# set by campus IT\nserver = \"http://10.0.0.5:8080\"\n");
        THEN("it is used when nothing else names a server") {
            auto c = resolve_server(std::nullopt, "", dir.path);
            REQUIRE(c.url);
            CHECK(c.url->host == "10.0.0.5");
            CHECK(c.source == ServerSource::campus_file);
        }
        THEN("settings win over it") {
            auto c = resolve_server(std::nullopt, "http://settings.example:81", dir.path);
            REQUIRE(c.url);
            CHECK(c.url->host == "settings.example");
            CHECK(c.source == ServerSource::settings);
        }
        THEN("--server wins over both") {
            auto c = resolve_server(std::string("http://127.0.0.1:9"), "http://settings.example:81", dir.path);
            REQUIRE(c.url);
            CHECK(c.url->port == 9);
            CHECK(c.source == ServerSource::command_line);
        }
        THEN("an invalid settings value is noted and the campus file still applies") {
            auto c = resolve_server(std::nullopt, "ftp://oops", dir.path);
            REQUIRE(c.url);
            CHECK(c.source == ServerSource::campus_file);
            REQUIRE(c.notes.size() == 1);
            CHECK(c.notes[0].find("ftp://oops") != std::string::npos);
        }
    }
    GIVEN("a campus file with a TOML error")
    {
        ff::save::write_file_atomic(campus, "server = \"http://10.0.0.5\n");
        auto c = resolve_server(std::nullopt, "", dir.path);
        THEN("the game is offline and the note names the file and line") {
            CHECK_FALSE(c.url);
            REQUIRE(c.notes.size() == 1);
            CHECK(c.notes[0].find(kCampusConfigFile) != std::string::npos);
            CHECK(c.notes[0].find(":1:") != std::string::npos);
        }
    }
    GIVEN("a campus file without a server key")
    {
        ff::save::write_file_atomic(campus, "sever = \"http://10.0.0.5\"\n");
        auto c = resolve_server(std::nullopt, "", dir.path);
        CHECK_FALSE(c.url);
        CHECK(c.notes.size() == 1);
    }
}

TEST_CASE("retry delays grow exponentially up to the cap, with jitter in the upper half", "[net][backoff]")
{
    BackoffPolicy p{std::chrono::milliseconds(1000), std::chrono::milliseconds(60000)};
    CHECK(backoff_ceiling(p, 1).count() == 1000);
    CHECK(backoff_ceiling(p, 2).count() == 2000);
    CHECK(backoff_ceiling(p, 6).count() == 32000);
    CHECK(backoff_ceiling(p, 7).count() == 60000);
    CHECK(backoff_ceiling(p, 1000).count() == 60000);

    CHECK(backoff_delay(p, 3, 0.0).count() == 2000);
    CHECK(backoff_delay(p, 3, 0.999999).count() == 3999);
    CHECK(backoff_delay(p, 50, 0.5).count() == 45000);
    for (double r : {0.0, 0.1, 0.37, 0.8, 0.99}) {
        auto d = backoff_delay(p, 4, r).count();
        CHECK(d >= 4000);
        CHECK(d <= 8000);
    }
}
