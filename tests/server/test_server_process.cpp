// The real binary: starts with no configuration beyond a database path, answers /healthz,
// creates tokens from the command line, answers unknown routes and oversized bodies with
// JSON errors, logs one line per request without tokens, and stops cleanly on SIGTERM.
#include "server_process.h"

#include <catch2/catch.hpp>

using namespace ff::test;

SCENARIO("the server binary starts, serves /healthz and stops cleanly on SIGTERM") {
    TempDir dir;
    const std::string db = dir.path() + "/ff.db";
    std::string token = create_token(db, "admin", "root");
    CHECK(token.size() == 64);
    ServerProcess server(db);
    auto c = server.client();

    auto health = c.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->body == "ok");

    auto missing = get_with(c, "/api/v1/nothing-here?token=" + token, token);
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(body_json(missing).contains("error"));

    std::string huge(5 * 1024 * 1024, 'x');
    auto big = c.Post("/api/v1/packs", huge, "application/json");
    REQUIRE(big);
    CHECK(big->status == 413);

    CHECK(server.terminate() == 0);
    const std::string log = server.log();
    CHECK(log.find("GET /healthz 200") != std::string::npos);
    CHECK(log.find("GET /api/v1/nothing-here 404") != std::string::npos);
    CHECK(log.find(token) == std::string::npos);
    CHECK(log.find("stopped cleanly") != std::string::npos);
}

SCENARIO("token create refuses unknown roles and a missing name") {
    TempDir dir;
    const std::string db = dir.path() + "/ff.db";
    CHECK(run_server_command({"token", "create", "--role", "student", "--name", "x", "--db", db}).exit_code == 2);
    CHECK(run_server_command({"token", "create", "--role", "admin", "--db", db}).exit_code == 2);
    CHECK(run_server_command({"bogus"}).exit_code == 2);
}
