// Pack downloads: verified, installed atomically, and never replacing a good pack with a
// broken one (wrong hash, invalid TOML, server errors, no server).
#include "test_net_server.h"

#include "net/api.h"
#include "net/new_marks.h"
#include "net/pack_install.h"
#include "net/pack_sync.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

using namespace ff::net;
using ff::test::TestServer;
using nlohmann::json;

namespace {

// A catalogue server whose answers the test can change between passes.
struct CatalogueServer {
    struct Offer {
        ff::PackFiles files;
        std::string claimed_hash; // what the catalogue and the download say
        int version = 0;
    };
    std::mutex mutex;
    std::vector<Offer> offers;
    int catalogue_status = 200;
    std::atomic<int> downloads{0};
    TestServer server{[this](httplib::Server& s) {
        s.Get("/api/v1/packs", [this](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mutex);
            if (catalogue_status != 200) {
                res.status = catalogue_status;
                res.set_content(R"({"error":"catalogue unavailable"})", "application/json");
                return;
            }
            json list = json::array();
            for (const auto& o : offers)
                list.push_back({{"id", "test-valid"}, {"title", "测试用剧本包"}, {"version", o.version},
                                {"hash", o.claimed_hash}, {"size", 1000}, {"scenarios", 1}});
            res.set_content(list.dump(), "application/json");
        });
        s.Get(R"(/api/v1/packs/([a-z0-9-]+)/([0-9a-f]+))", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex);
            ++downloads;
            for (const auto& o : offers)
                if (o.claimed_hash == req.matches[2]) {
                    json files = json::object();
                    for (const auto& [k, v] : o.files) files[k] = v;
                    res.set_content(json{{"id", req.matches[1]}, {"version", o.version}, {"hash", o.claimed_hash},
                                         {"files", files}}.dump(),
                                    "application/json");
                    return;
                }
            res.status = 404;
            res.set_content(R"({"error":"no such pack"})", "application/json");
        });
    }};

    void offer(ff::PackFiles files, std::string claimed_hash, int version)
    {
        std::lock_guard lock(mutex);
        offers = {{std::move(files), std::move(claimed_hash), version}};
    }
};

ClientOptions download_timeouts()
{
    ClientOptions o;
    o.connect_timeout = std::chrono::milliseconds(500);
    o.read_timeout = std::chrono::milliseconds(2000);
    return o;
}

// The installed pack as the game would load it next time.
ff::LoadResult load_installed(const std::filesystem::path& data_dir)
{
    auto dirs = installed_pack_dirs(data_dir);
    REQUIRE(dirs.size() == 1);
    return ff::load_pack_dir(dirs[0]);
}

} // namespace

SCENARIO("a broken download never replaces a good pack", "[net][packs]")
{
    ff::test::TempDir data("packs");
    CatalogueServer cs;
    HttpClient http(cs.server.url(), download_timeouts());
    std::map<std::string, KnownPack> known;
    std::set<std::string> failed;

    GIVEN("version 3 of a pack was downloaded and installed")
    {
        const ff::PackFiles v3 = ff::test::fixture_pack_files();
        const std::string h3 = ff::pack_hash(v3);
        cs.offer(v3, h3, 3);
        auto first = update_packs_once(http, data.path, known, failed);
        REQUIRE(first.reached_server);
        REQUIRE(first.installed.size() == 1);
        CHECK(first.installed[0].pack.hash == h3);
        CHECK(first.installed[0].new_scenarios == std::vector<std::string>{"rebate-likes"});
        CHECK(known.at("test-valid").version == 3);

        WHEN("the catalogue is read again without changes")
        {
            const int before = cs.downloads;
            auto again = update_packs_once(http, data.path, known, failed);
            THEN("nothing is downloaded") {
                CHECK(again.installed.empty());
                CHECK(cs.downloads == before);
            }
        }
        WHEN("version 4 arrives with a hash that does not match its files")
        {
            ff::PackFiles v4 = ff::test::fixture_pack_next_version();
            cs.offer(v4, std::string(64, 'a'), 4);
            auto r = update_packs_once(http, data.path, known, failed);
            THEN("it is refused and version 3 still loads and plays") {
                CHECK(r.installed.empty());
                REQUIRE(r.problems.size() == 1);
                CHECK(r.problems[0].find("校验值") != std::string::npos);
                auto loaded = load_installed(data.path);
                REQUIRE(loaded.pack);
                CHECK(loaded.pack->version == 3);
                CHECK(loaded.pack->hash == h3);
                auto played = ff::make_result(*loaded.pack, "rebate-likes", {1});
                CHECK(played.record);
                CHECK(known.at("test-valid").version == 3);
            }
            AND_THEN("the same bad hash is not fetched again") {
                const int before = cs.downloads;
                update_packs_once(http, data.path, known, failed);
                CHECK(cs.downloads == before);
            }
        }
        WHEN("version 4 arrives with a matching hash but invalid TOML")
        {
            ff::PackFiles v4 = ff::test::fixture_pack_next_version();
            v4["scenarios/rebate2.toml"] += "\n[[node\nid = \"broken\"\n";
            cs.offer(v4, ff::pack_hash(v4), 4);
            auto r = update_packs_once(http, data.path, known, failed);
            THEN("the validator refuses it with a position and version 3 stays") {
                CHECK(r.installed.empty());
                REQUIRE(r.problems.size() == 1);
                CHECK(r.problems[0].find("scenarios/rebate2.toml:") != std::string::npos);
                auto loaded = load_installed(data.path);
                REQUIRE(loaded.pack);
                CHECK(loaded.pack->hash == h3);
                CHECK(ff::make_result(*loaded.pack, "rebate-likes", {1}).record);
            }
        }
        WHEN("version 4 would smuggle a file outside the pack")
        {
            ff::PackFiles v4 = ff::test::fixture_pack_next_version();
            v4["../evil.toml"] = "x";
            cs.offer(v4, ff::pack_hash(v4), 4);
            auto r = update_packs_once(http, data.path, known, failed);
            THEN("it is refused and nothing is written outside") {
                CHECK(r.installed.empty());
                CHECK_FALSE(std::filesystem::exists(data.path / "evil.toml"));
                CHECK(load_installed(data.path).pack->hash == h3);
            }
        }
        WHEN("the server fails with 500")
        {
            { std::lock_guard lock(cs.mutex); cs.catalogue_status = 500; }
            auto r = update_packs_once(http, data.path, known, failed);
            THEN("nothing changes") {
                CHECK_FALSE(r.reached_server);
                CHECK(r.installed.empty());
                CHECK(load_installed(data.path).pack->hash == h3);
            }
        }
        WHEN("a good version 4 arrives")
        {
            ff::PackFiles v4 = ff::test::fixture_pack_next_version();
            cs.offer(v4, ff::pack_hash(v4), 4);
            auto r = update_packs_once(http, data.path, known, failed);
            THEN("it replaces version 3 and only the added scenario is new") {
                REQUIRE(r.installed.size() == 1);
                CHECK(r.installed[0].pack.version == 4);
                CHECK(r.installed[0].new_scenarios == std::vector<std::string>{"rebate-likes-2"});
                auto loaded = load_installed(data.path);
                REQUIRE(loaded.pack);
                CHECK(loaded.pack->version == 4);
                CHECK(loaded.pack->scenarios.size() == 2);
                // No temp or old folders are left behind.
                int entries = 0;
                for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(packs_dir_in(data.path))) ++entries;
                CHECK(entries == 1);
            }
        }
    }
}

TEST_CASE("an unreachable server leaves the installed packs alone", "[net][packs]")
{
    ff::test::TempDir data("packs-down");
    const ff::PackFiles v3 = ff::test::fixture_pack_files();
    REQUIRE(install_pack(data.path, "test-valid", ff::pack_hash(v3), v3).pack);
    HttpClient http(ServerUrl{"http", "127.0.0.1", ff::test::closed_port(), ""}, download_timeouts());
    std::map<std::string, KnownPack> known;
    std::set<std::string> failed;
    auto r = update_packs_once(http, data.path, known, failed);
    CHECK_FALSE(r.reached_server);
    CHECK(r.installed.empty());
    CHECK(load_installed(data.path).pack);
}

TEST_CASE("install_pack refuses what does not verify and recovers interrupted installs", "[net][packs]")
{
    ff::test::TempDir data("install");
    const ff::PackFiles v3 = ff::test::fixture_pack_files();
    const std::string h3 = ff::pack_hash(v3);

    CHECK_FALSE(install_pack(data.path, "other-id", h3, v3).pack);   // id mismatch
    CHECK_FALSE(install_pack(data.path, "../x", h3, v3).pack);       // not a folder name
    CHECK_FALSE(install_pack(data.path, "test-valid", h3, {}).pack); // nothing
    CHECK(installed_pack_dirs(data.path).empty());

    REQUIRE(install_pack(data.path, "test-valid", h3, v3).pack);
    // A crash during an older-style swap: the pack folder was moved aside, the new one
    // not yet in place, and a half-written temp folder remains.
    const auto packs = packs_dir_in(data.path);
    std::filesystem::rename(packs / "test-valid", packs / ".old-test-valid-0123456789abcdef");
    std::filesystem::create_directories(packs / ".tmp-test-valid-fedcba9876543210" / "scenarios");
    recover_interrupted_installs(data.path);
    auto dirs = installed_pack_dirs(data.path);
    REQUIRE(dirs.size() == 1);
    CHECK(ff::load_pack_dir(dirs[0]).pack->hash == h3);
    CHECK_FALSE(std::filesystem::exists(packs / ".tmp-test-valid-fedcba9876543210"));
}

TEST_CASE("the higher version of a pack wins when bundled and downloaded meet", "[net][packs]")
{
    auto v3 = ff::load_pack(ff::test::fixture_pack_files(), "bundled").pack;
    auto v4 = ff::load_pack(ff::test::fixture_pack_next_version(), "downloaded").pack;
    REQUIRE(v3);
    REQUIRE(v4);
    auto merged = merge_packs({*v3}, {*v4});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].version == 4);
    merged = merge_packs({*v4}, {*v3});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].version == 4);
}

SCENARIO("the pack worker installs a new pack by itself and marks its scenarios new", "[net][packs]")
{
    ff::test::TempDir data("worker");
    CatalogueServer cs;
    auto v3 = ff::load_pack(ff::test::fixture_pack_files(), "bundled").pack;
    REQUIRE(v3);
    auto marks = std::make_shared<NewMarks>(data.path);

    PackSyncConfig cfg;
    cfg.data_dir = data.path;
    cfg.server = cs.server.url();
    cfg.client = download_timeouts();
    cfg.interval = std::chrono::minutes(10);
    cfg.known = {known_pack_of(*v3)};
    PackSync sync(cfg, marks);
    REQUIRE(ff::test::eventually([&] { return sync.status().checked; }));
    CHECK(sync.take_updates().empty()); // the catalogue is empty

    ff::PackFiles v4 = ff::test::fixture_pack_next_version();
    cs.offer(v4, ff::pack_hash(v4), 4);
    sync.check_now();
    std::vector<PackUpdate> updates;
    REQUIRE(ff::test::eventually([&] {
        for (auto& u : sync.take_updates()) updates.push_back(std::move(u));
        return !updates.empty();
    }));
    CHECK(updates[0].pack.version == 4);
    CHECK(marks->is_new("test-valid", "rebate-likes-2"));
    CHECK_FALSE(marks->is_new("test-valid", "rebate-likes"));

    // The marks survive a restart and clear once seen.
    NewMarks reread(data.path);
    CHECK(reread.is_new("test-valid", "rebate-likes-2"));
    reread.mark_seen("test-valid", "rebate-likes-2");
    CHECK_FALSE(NewMarks(data.path).is_new("test-valid", "rebate-likes-2"));
}
