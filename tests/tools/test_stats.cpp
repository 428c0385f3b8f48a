// `fraudfree-pack stats`: JSON numbers checked by hand on a small fixture and against core
// on the shipped content; the terminal table keeps its columns aligned with Chinese text.
#include "support/tool_process.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

using ff::test::run_tool;
using nlohmann::json;

SCENARIO("stats --json on a pack small enough to count by hand") {
    // tests/fixtures/valid: hello -> {safe | task}; task -> {safe | deposit | safe(reports)};
    // deposit -> {partial | scammed}. So 5 paths: 3 safe, 1 partial, 1 scammed.
    const auto r = run_tool({"stats", "valid", "--json"}, "", ff::test::fixtures_dir());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const json j = json::parse(r.out);
    CHECK(j["pack"]["id"] == "test-valid");
    CHECK(j["pack"]["version"] == 3);
    CHECK(j["pack"]["scenarios"] == 1);
    CHECK(j["pack"]["quiz_items"] == 2);
    REQUIRE(j["scenarios"].size() == 1);
    const json& s = j["scenarios"][0];
    CHECK(s["id"] == "rebate-likes");
    CHECK(s["title"] == "点赞赚钱，日结200-500");
    CHECK(s["category"] == "rebate");
    CHECK(s["channel"] == "chat");
    CHECK(s["nodes"] == 3);
    CHECK(s["paths"] == 5);
    CHECK(s["paths_capped"] == false);
    CHECK(s["longest_path"] == 3);
    CHECK(s["shortest_path"] == 1);
    CHECK(s["endings"] == json{{"safe", 1}, {"partial", 1}, {"scammed", 1}});
    CHECK(s["paths_by_kind"] == json{{"safe", 3}, {"partial", 1}, {"scammed", 1}});
    CHECK(s["reachable_kinds"] == json{"safe", "partial", "scammed"});
    CHECK(s["flags_shown"] == json{"too_good", "escalating_tasks", "pay_first", "urgency"});
    CHECK(s["flags_caught"] == json{"too_good", "escalating_tasks", "pay_first", "urgency"});
    // Best: refuse at once (safe 50 + flags 1/1 30 + no loss 10, no report) = 90.
    CHECK(s["score_max"] == 90);
    CHECK(s["score_min"] == 0);
    const json& cov = j["coverage"];
    CHECK(cov["channels"] == json{{"chat", 1}, {"sms", 0}, {"call", 0}});
    CHECK(cov["categories_covered"] == 1);
    CHECK(cov["categories"].size() == 10); // 9 built-in + the pack's own "lottery"
    CHECK(cov["categories"][9] == json{{"id", "lottery"}, {"name", "虚假中奖"}, {"scenarios", 0}});
    CHECK(cov["red_flags_shown"] == 4);
    CHECK(cov["red_flags_caught"] == 4);
    CHECK(cov["red_flags"].back()["id"] == "fake_prize");
    CHECK(cov["red_flags"].back()["shown_in"] == 0);

    THEN("the JSON is byte-for-byte stable between runs") {
        CHECK(run_tool({"stats", "valid", "--json"}, "", ff::test::fixtures_dir()).out == r.out);
    }
}

SCENARIO("stats of the shipped packs agree with core's runner") {
    for (const char* dir : {"content/campus-core", "content/outreach"}) {
        const auto r = run_tool({"stats", dir, "--json"}, "", ff::test::source_dir());
        INFO(dir << "\n" << r.err);
        REQUIRE(r.exit_code == 0);
        const json j = json::parse(r.out);
        const auto loaded = ff::load_pack_dir(ff::test::source_dir() + "/" + dir);
        REQUIRE(loaded.pack);
        const ff::Pack& pack = *loaded.pack;
        REQUIRE(j["scenarios"].size() == pack.scenarios.size());
        for (size_t i = 0; i < pack.scenarios.size(); ++i) {
            const ff::Scenario& sc = pack.scenarios[i];
            const json& s = j["scenarios"][i];
            INFO(sc.id);
            CHECK(s["id"] == sc.id);
            CHECK(s["nodes"] == sc.nodes.size());
            const auto paths = ff::all_paths(sc);
            CHECK(s["paths"] == paths.size());
            std::set<std::string> shown;
            int scammed = 0;
            for (const auto& p : paths) {
                const auto rec = ff::make_result(pack, sc.id, p).record;
                REQUIRE(rec);
                shown.insert(rec->flags_shown.begin(), rec->flags_shown.end());
                if (rec->ending_kind == ff::EndingKind::scammed) ++scammed;
            }
            CHECK(s["flags_shown"].size() == shown.size());
            CHECK(s["paths_by_kind"]["scammed"] == scammed);
            // Every shipped scenario has all three endings, reachable (issue 3).
            CHECK(s["reachable_kinds"] == json{"safe", "partial", "scammed"});
        }
    }
}

SCENARIO("the stats table lines up in a terminal") {
    const auto r = run_tool({"stats", "content/outreach"}, "", ff::test::source_dir());
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("剧本包 outreach") == 0);
    CHECK(r.out.find("诈骗类型 5/9") != std::string::npos);
    CHECK(r.out.find("还没有剧本：网络交友/敲诈、虚假征信/校园贷、求职、投资理财") != std::string::npos);
    THEN("the score column starts at the same terminal column on every scenario row") {
        // Wide CJK glyphs are two columns; the "得分范围" header and each "0–100" cell must line up.
        std::istringstream lines(r.out);
        std::string line;
        std::vector<size_t> starts;
        auto columns_before = [](const std::string& l, size_t byte) {
            size_t cols = 0;
            for (size_t i = 0; i < byte; ++i) {
                const auto c = static_cast<unsigned char>(l[i]);
                if ((c & 0xC0) == 0x80) continue;
                cols += c >= 0xE3 ? 2 : 1; // CJK in this output is 3-byte UTF-8 from U+3000 up
            }
            return cols;
        };
        while (std::getline(lines, line)) {
            if (auto h = line.find("得分范围"); h != std::string::npos) starts.push_back(columns_before(line, h));
            if (line.find("0–100") != std::string::npos) starts.push_back(columns_before(line, line.rfind(' ') + 1));
        }
        REQUIRE(starts.size() == 6);
        for (size_t s : starts) CHECK(s == starts[0]);
    }
}

SCENARIO("stats refuses a broken pack and a wrong command line") {
    const auto broken = run_tool({"stats", "dangling_next"}, "", ff::test::fixtures_dir());
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.rfind("dangling_next/scenarios/rebate.toml:43:10: error: ", 0) == 0);
    CHECK(broken.out.empty());
    CHECK(run_tool({"stats"}, "", ff::test::fixtures_dir()).exit_code == 2);
    CHECK(run_tool({"stats", "valid", "valid"}, "", ff::test::fixtures_dir()).exit_code == 2);
    CHECK(run_tool({"stats", "valid", "--jsn"}, "", ff::test::fixtures_dir()).exit_code == 2);
}
