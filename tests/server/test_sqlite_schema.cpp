// Database files written by older servers open in place: each migration step keeps what the
// rows held.
#include "server_process.h"
#include "sqlite_handle.h"
#include "sqlite_schema.h"
#include "storage.h"

#include <catch2/catch.hpp>

using namespace ff::server;

SCENARIO("results stored as whole records by schema 2 keep their choice paths in schema 3") {
    ff::test::TempDir dir;
    const std::string path = dir.path() + "/old.db";
    GIVEN("a schema 2 database with two results, one of them ended before any choice") {
        {
            DbHandle db = open_database(path, SqliteOptions{});
            migrate(db.get(), 2);
            exec(db.get(), "INSERT INTO principals(id, role, name, token_hash, class_id, created_at) "
                           "VALUES (7, 'student', '小王', 'h', 3, 0)");
            const char* insert =
                "INSERT INTO results(uuid, student_id, class_id, pack_id, pack_version, pack_hash, scenario_id, "
                "category, ending_id, ending_kind, score, record, received_at) "
                "VALUES (?1, 7, 3, 'campus-core', 2, 'abc', 's1', 'rebate', ?2, ?3, ?4, ?5, 100)";
            Stmt(db.get(), insert).bind(1, std::string("u-1")).bind(2, std::string("end-scammed"))
                .bind(3, std::string("scammed")).bind(4, 35)
                .bind(5, std::string(R"({"choices":[1,3,12],"id":"u-1","score":35,"score_items":[]})"))
                .run();
            Stmt(db.get(), insert).bind(1, std::string("u-2")).bind(2, std::string("end-safe"))
                .bind(3, std::string("safe")).bind(4, 90)
                .bind(5, std::string(R"({"choices":[],"id":"u-2","score":90})"))
                .run();
        }
        WHEN("the current server opens it") {
            auto storage = open_sqlite_storage(SqliteConfig{path});
            THEN("every result is there with its path, score and ending") {
                auto mine = storage->results_of_student(7);
                REQUIRE(mine.size() == 2);
                CHECK(mine[0].uuid == "u-1");
                CHECK(mine[0].choices == std::vector<int>{1, 3, 12});
                CHECK(mine[0].score == 35);
                CHECK(mine[0].ending_kind == "scammed");
                CHECK(mine[1].uuid == "u-2");
                CHECK(mine[1].choices.empty());
                CHECK(mine[1].ending_id == "end-safe");
            }
            AND_THEN("the file is at the current schema version") {
                storage.reset();
                DbHandle db = open_database(path, SqliteOptions{});
                Stmt q(db.get(), "SELECT version FROM schema_version");
                REQUIRE(q.step());
                CHECK(q.int64(0) == kSchemaVersion);
            }
        }
    }
}
