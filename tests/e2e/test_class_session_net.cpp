// The game's network side (game/net) against the real fraudfree-server: join a class, send
// results, survive a server restart without losing or doubling one, and pick up a pack
// published with `fraudfree-pack publish`. No window: the window test is next door.
#include "test_class_session_harness.h"

#include "net/net_session.h"
#include "net/pack_install.h"

#include "fraudfree/loader.h"
#include "save/atomic_file.h"
#include "save/result_queue.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace ff::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Always the first reply: a valid path to some ending (scenarios have no cycles).
std::vector<int> first_choice_path(const ff::Scenario& s)
{
    std::vector<int> path;
    const ff::Node* node = s.find_node(s.start);
    while (node && path.size() < 100) {
        path.push_back(1);
        node = s.find_node(node->choices.at(0).next);
    }
    return path;
}

ff::ResultRecord play(const ff::Pack& pack, const std::string& scenario_id)
{
    const ff::Scenario* s = pack.find_scenario(scenario_id);
    REQUIRE(s);
    auto made = ff::make_result(pack, scenario_id, first_choice_path(*s));
    REQUIRE(made.record);
    return *made.record;
}

} // namespace

SCENARIO("a class session over the real server: join, sync, outage, new pack", "[e2e][net]")
{
    TempDir tmp("net");
    ClassSession session(tmp.path);
    ServerRun& server = session.server;
    auto http = server.client();

    auto core = ff::load_pack_dir(source_dir() / "content" / "campus-core");
    REQUIRE(core.pack);
    const ff::Pack& pack = *core.pack;
    const fs::path data = tmp.path / "player";

    ff::net::NetSessionConfig cfg;
    cfg.data_dir = data;
    cfg.server = ff::net::parse_server_url(server.url()).url;
    cfg.known_packs = {ff::net::known_pack_of(pack)};
    cfg.backoff = {std::chrono::milliseconds(50), std::chrono::milliseconds(400)};
    cfg.pack_interval = std::chrono::minutes(10);
    ff::net::NetSession net(cfg);

    // Join with the code as a student would type it (lower case).
    std::string lower = session.join_code;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    net.start_join(lower, "小林");
    std::optional<ff::net::ApiResult<ff::net::JoinOk>> joined;
    REQUIRE(eventually([&] { return (joined = net.take_join()).has_value(); }));
    REQUIRE(joined->ok());
    CHECK(joined->value->class_name == "计科2401");
    const std::string token = joined->value->student_token;

    // First play: arrives with the server's own score, equal to core's.
    const ff::ResultRecord first = play(pack, pack.scenarios.at(0).id);
    const std::string first_id = net.queue_result(first);
    REQUIRE(eventually([&] { return net.sync_status().sent == 1; }, 30s));

    Reply progress = get_json(http, session.progress_path(), session.counsellor);
    REQUIRE(progress.status == 200);
    INFO(progress.text);
    REQUIRE(progress.body["students"].size() == 1);
    CHECK(progress.body["students"][0]["nickname"] == "小林");
    CHECK(progress.body["students"][0]["finished"] == 1);
    CHECK(progress.body["students"][0]["best_by_category"][first.category] == first.score);

    net.start_class_refresh(token);
    std::optional<ff::net::ApiResult<ff::net::ClassStatus>> status;
    REQUIRE(eventually([&] { return (status = net.take_class()).has_value(); }));
    REQUIRE(status->ok());
    CHECK(status->value->class_name == "计科2401");
    CHECK(status->value->my_finished == 1);
    CHECK(status->value->my_total == static_cast<int>(pack.scenarios.size()));
    CHECK(status->value->rank == 1);

    // The server goes away; a second play waits on disk; the server comes back.
    server.stop();
    const ff::ResultRecord second = play(pack, pack.scenarios.at(1).id);
    const std::string second_id = net.queue_result(second);
    REQUIRE(eventually([&] { return net.sync_status().state == ff::net::SyncState::waiting; }));
    CHECK(net.sync_status().pending == 1);
    CHECK(ff::save::result_queue::list(ff::save::result_queue::dir_in(data)).size() == 1);
    server.start();
    REQUIRE(eventually([&] { return net.sync_status().sent == 2 && net.sync_status().pending == 0; }, 30s));
    CHECK(net.sync_status().state == ff::net::SyncState::synced);

    Reply mine = get_json(http, "/api/v1/me/results", token);
    REQUIRE(mine.status == 200);
    REQUIRE(mine.body.is_array());
    std::multiset<std::string> ids;
    for (const auto& r : mine.body) ids.insert(r["id"].get<std::string>());
    CHECK(ids == std::multiset<std::string>{first_id, second_id});

    // A police officer publishes a new pack; the game's updater installs it and it plays.
    const fs::path src = tmp.path / "e2e-fresh";
    for (const auto& [rel, text] : ff::read_pack_files(source_dir() / "tests" / "fixtures" / "valid")) {
        std::string body = text;
        if (rel == "pack.toml") {
            const std::string from = "id = \"test-valid\"";
            body.replace(body.find(from), from.size(), "id = \"e2e-fresh\"");
        }
        ff::save::write_file_atomic(src / rel, body);
    }
    auto pub = run({FRAUDFREE_PACK_BIN, "publish", src.string(), "--server", server.url(), "--token", session.author});
    INFO(pub.out << pub.err);
    REQUIRE(pub.exit_code == 0);

    net.check_packs_now();
    std::vector<ff::net::PackUpdate> updates;
    REQUIRE(eventually([&] {
        for (auto& u : net.take_pack_updates()) updates.push_back(std::move(u));
        return std::any_of(updates.begin(), updates.end(), [](const auto& u) { return u.pack.id == "e2e-fresh"; });
    }, 30s));
    auto fresh = std::find_if(updates.begin(), updates.end(), [](const auto& u) { return u.pack.id == "e2e-fresh"; });
    CHECK(net.new_marks().is_new("e2e-fresh", fresh->pack.scenarios.at(0).id));
    CHECK(ff::net::installed_pack_dirs(data).size() >= 1);

    net.queue_result(play(fresh->pack, fresh->pack.scenarios.at(0).id));
    REQUIRE(eventually([&] { return net.sync_status().sent == 3 && net.sync_status().pending == 0; }, 30s));
    mine = get_json(http, "/api/v1/me/results", token);
    CHECK(mine.body.size() == 3);
    INFO(server.log_text());
    CHECK(net.sync_status().rejected == 0);
}
