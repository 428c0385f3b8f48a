// Join codes: the one retry loop that the API and the dashboard share, and what it stores.
#include "class_access.h"
#include "http_util.h"
#include "server_process.h"
#include "tokens.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>

using namespace ff::server;

SCENARIO("a fresh join code is drawn again when the one tried is taken") {
    std::vector<std::string> tried;
    GIVEN("the first three codes tried are already in use") {
        const std::string code = first_free_join_code([&](const std::string& c) {
            tried.push_back(c);
            return tried.size() > 3;
        });
        THEN("the fourth is stored and returned, and every code tried is a well-formed join code") {
            REQUIRE(tried.size() == 4);
            CHECK(code == tried.back());
            for (const auto& c : tried) CHECK(normalize_join_code(c) == c);
        }
    }
    GIVEN("every code tried is in use") {
        THEN("it gives up after a bounded number of tries with 503") {
            try {
                first_free_join_code([&](const std::string& c) {
                    tried.push_back(c);
                    return false;
                });
                FAIL("no exception");
            } catch (const HttpError& e) {
                CHECK(e.status == 503);
                CHECK(std::string(e.what()) == "暂时生成不了新的加入码，请重试");
            }
            CHECK(tried.size() == static_cast<size_t>(kJoinCodeAttempts));
        }
    }
}

SCENARIO("creating a class and rotating its join code go through the storage") {
    ff::test::TempDir dir;
    auto db = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
    ServeConfig config;
    PackCache packs(*db);
    RateLimiter joins(10);
    Leaderboard leaderboard(std::chrono::milliseconds(60000));
    App app{config, *db, packs, joins, leaderboard, [](const std::string&) {}};
    ClassInfo c;
    c.owner_id = db->create_principal(Role::counsellor, "王老师", token_hash(new_token()), std::nullopt);
    c.name = "软件 2301";
    c.packs = {"campus-core"};
    c.join_code = "IGNORED"; // the caller's code is replaced by a fresh one

    const ClassInfo made = create_class_with_join_code(app, c);
    THEN("the class is stored under a new well-formed code") {
        CHECK(made.name == c.name);
        CHECK(normalize_join_code(made.join_code) == made.join_code);
        auto found = db->class_by_join_code(made.join_code);
        REQUIRE(found);
        CHECK(found->id == made.id);
    }
    WHEN("its code is rotated") {
        const std::string code = rotate_join_code(app, made.id);
        THEN("the new code finds the class and the old one no longer does") {
            CHECK(code != made.join_code);
            auto found = db->class_by_join_code(code);
            REQUIRE(found);
            CHECK(found->id == made.id);
            CHECK_FALSE(db->class_by_join_code(made.join_code));
        }
    }
}
