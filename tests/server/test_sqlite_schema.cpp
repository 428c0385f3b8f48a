// Database files written by older servers open in place: each migration step keeps what the
// rows held.
#include "pack_cache.h"
#include "result_record.h"
#include "server_process.h"
#include "sqlite_handle.h"
#include "sqlite_schema.h"
#include "storage.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

using namespace ff::server;

SCENARIO("results stored as whole records by schema 2 keep their choice paths in schema 3") {
    ff::test::TempDir dir;
    const std::string path = dir.path() + "/old.db";
    auto loaded = ff::load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core");
    REQUIRE(loaded.pack);
    auto pack = std::make_shared<const ff::Pack>(std::move(*loaded.pack));
    const ff::Scenario& scenario = pack->scenarios.at(0);
    const auto paths = ff::all_paths(scenario);
    auto made = ff::make_result(*pack, scenario.id, paths.back());
    REQUIRE(made.record);
    made.record->id = "u-1";
    const std::string old_record = ff::to_compact_json(*made.record); // what schema 2 stored and served

    GIVEN("a schema 2 database with a real result, one without choices and one whose record lacks them") {
        {
            DbHandle db = open_database(path, SqliteOptions{});
            migrate(db.get(), 2);
            exec(db.get(), "INSERT INTO principals(id, role, name, token_hash, class_id, created_at) "
                           "VALUES (7, 'student', '小王', 'h', 3, 0)");
            const char* insert =
                "INSERT INTO results(uuid, student_id, class_id, pack_id, pack_version, pack_hash, scenario_id, "
                "category, ending_id, ending_kind, score, record, received_at) "
                "VALUES (?1, 7, 3, 'campus-core', ?2, ?3, ?4, 'rebate', ?5, ?6, ?7, ?8, 100)";
            Stmt(db.get(), insert).bind(1, std::string("u-1")).bind(2, made.record->pack_version)
                .bind(3, made.record->pack_hash).bind(4, made.record->scenario_id).bind(5, made.record->ending_id)
                .bind(6, std::string(ff::to_string(made.record->ending_kind))).bind(7, made.record->score)
                .bind(8, old_record).run();
            Stmt(db.get(), insert).bind(1, std::string("u-2")).bind(2, 1).bind(3, std::string("abc"))
                .bind(4, std::string("s1")).bind(5, std::string("end-safe")).bind(6, std::string("safe")).bind(7, 90)
                .bind(8, std::string(R"({"choices":[],"id":"u-2","score":90})")).run();
            Stmt(db.get(), insert).bind(1, std::string("u-3")).bind(2, 1).bind(3, std::string("abc"))
                .bind(4, std::string("s1")).bind(5, std::string("end-safe")).bind(6, std::string("safe")).bind(7, 80)
                .bind(8, std::string(R"({"id":"u-3"})")).run();
        }
        WHEN("the current server opens it") {
            auto storage = open_sqlite_storage(SqliteConfig{path});
            PackCache packs(*storage);
            packs.remember(pack);
            auto mine = storage->results_of_student(7);
            REQUIRE(mine.size() == 3);
            THEN("the real result's path is kept and its record reads back as the same bytes") {
                CHECK(mine[0].uuid == "u-1");
                CHECK(mine[0].choices == paths.back());
                CHECK(ff::to_compact_json(stored_record(packs, mine[0], {})) == old_record);
            }
            THEN("a record with no choices, or none at all, leaves an empty path and the stored score") {
                CHECK(mine[1].choices.empty());
                CHECK(mine[1].score == 90);
                CHECK(mine[2].choices.empty());
                CHECK(mine[2].score == 80);
            }
            THEN("the file is at the current schema version") {
                storage.reset();
                DbHandle db = open_database(path, SqliteOptions{});
                Stmt q(db.get(), "SELECT version FROM schema_version");
                REQUIRE(q.step());
                CHECK(q.int64(0) == kSchemaVersion);
            }
        }
    }
}
