// A stored result's record is rebuilt by replaying its choice path; when that cannot give the
// stored score and ending, the stored columns are shown (and logged) rather than another score.
#include "pack_cache.h"
#include "result_record.h"
#include "server_process.h"
#include "storage.h"

#include "fraudfree/loader.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

using namespace ff::server;

SCENARIO("a stored result's record is core's replay of its choices") {
    ff::test::TempDir dir;
    auto storage = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
    PackCache packs(*storage);
    auto loaded = ff::load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core");
    REQUIRE(loaded.pack);
    auto pack = std::make_shared<const ff::Pack>(std::move(*loaded.pack));
    packs.remember(pack);
    std::vector<std::string> logged;
    const LogFn log = [&](const std::string& line) { logged.push_back(line); };

    GIVEN("a result stored from a path on a pack the server has") {
        const ff::Scenario& scenario = pack->scenarios.at(0);
        auto made = ff::make_result(*pack, scenario.id, ff::all_paths(scenario).at(0));
        REQUIRE(made.record);
        made.record->id = "u-1";
        StoredResult stored = to_stored(*made.record, 1, 1);

        THEN("the rebuilt record is the one the submission was answered with, byte for byte") {
            CHECK(ff::to_compact_json(stored_record(packs, stored, log)) == ff::to_compact_json(*made.record));
            CHECK_FALSE(stored_record(packs, stored, log).score_items.empty());
            CHECK(logged.empty());
        }
        WHEN("the replay no longer gives the stored score (scoring changed since)") {
            stored.score = made.record->score == 0 ? 1 : made.record->score - 1;
            auto shown = stored_record(packs, stored, log);
            THEN("the record shows the stored score and ending, without items it cannot vouch for") {
                CHECK(shown.id == "u-1");
                CHECK(shown.score == stored.score);
                CHECK(shown.ending_id == stored.ending_id);
                CHECK(shown.choices == stored.choices);
                CHECK(shown.score_items.empty());
                CHECK(shown.flags_caught.empty());
                REQUIRE(logged.size() == 1);
                CHECK(logged[0].find("result u-1 shown from its stored score") == 0);
            }
        }
        WHEN("the stored ending differs with the same score") {
            stored.ending_id = "end-from-an-older-version";
            auto shown = stored_record(packs, stored, log);
            THEN("the stored ending is shown") {
                CHECK(shown.ending_id == "end-from-an-older-version");
                CHECK(shown.score == made.record->score);
                CHECK(shown.score_items.empty());
                CHECK(logged.size() == 1);
            }
        }
        WHEN("the pack version it names is not on the server") {
            stored.pack_hash = std::string(64, 'f');
            auto shown = stored_record(packs, stored, log);
            THEN("the record is built from the stored columns") {
                CHECK(shown.pack_hash == stored.pack_hash);
                CHECK(shown.score == stored.score);
                CHECK(shown.ending_kind == made.record->ending_kind);
                CHECK(shown.score_items.empty());
                REQUIRE(logged.size() == 1);
                CHECK(logged[0].find("is not on the server or no longer loads") != std::string::npos);
            }
        }
        WHEN("the pack version is stored but no longer loads") {
            StoredPack broken;
            broken.summary = PackSummary{"campus-core", "旧版", 1, std::string(64, 'b'), 10, 1, 0};
            broken.files_json = R"({"pack.toml":"id = "})";
            REQUIRE(storage->put_pack(broken, true).status == PutPackStatus::created);
            stored.pack_hash = broken.summary.hash;
            THEN("every read shows the stored columns") {
                CHECK(stored_record(packs, stored, log).score == stored.score);
                CHECK(stored_record(packs, stored, log).score_items.empty());
                CHECK(packs.by_hash(broken.summary.hash) == nullptr);
                CHECK(logged.size() == 2);
            }
        }
    }
}
