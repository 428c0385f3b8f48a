// The packs that ship in content/: every path of every scenario is played through the
// runner and scored, and the teaching promises of the content brief are checked on them.
// This test is the truth about the content: when it fails, fix the content, not the test.
#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"
#include "fraudfree/scoring.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace ff;
namespace fs = std::filesystem;

namespace {

// The pack whose scenarios must be long enough to teach (outreach ones are 2–3 minutes).
const std::string kCorePack = "campus-core";
constexpr size_t kMinCoreDecisions = 6;
constexpr int kMinBestScore = 90;

struct LoadedPack {
    std::string dir; // display path, e.g. "content/campus-core"
    LoadResult load;
};

const std::vector<LoadedPack>& shipped_packs() {
    static const std::vector<LoadedPack> packs = [] {
        std::vector<LoadedPack> out;
        // FRAUDFREE_CONTENT_DIR lets an author run these checks on a working copy.
        const char* override_dir = std::getenv("FRAUDFREE_CONTENT_DIR");
        const fs::path content = override_dir && *override_dir ? fs::path(override_dir)
                                                               : fs::path(FRAUDFREE_SOURCE_DIR) / "content";
        std::vector<fs::path> dirs;
        for (const auto& e : fs::directory_iterator(content))
            if (e.is_directory() && fs::exists(e.path() / "pack.toml")) dirs.push_back(e.path());
        std::sort(dirs.begin(), dirs.end());
        for (const fs::path& d : dirs) {
            const std::string display = "content/" + d.filename().string();
            out.push_back(LoadedPack{display, load_pack(read_pack_files(d), display)});
        }
        return out;
    }();
    return packs;
}

std::string path_text(const std::vector<int>& path) {
    std::string s;
    for (int n : path) s += (s.empty() ? "" : ",") + std::to_string(n);
    return s;
}

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return text.find(w) != std::string::npos; });
}

// What a student who lost money must be told to do. Empty when all three are named.
std::vector<std::string> missing_advice(const Ending& e) {
    const std::string text = e.debrief + "\n" + e.action;
    std::vector<std::string> missing;
    if (!contains_any(text, {"96110", "报警", "110", "派出所", "报案"})) missing.push_back("报警（96110/110/派出所）");
    if (!contains_any(text, {"冻结", "止付"})) missing.push_back("冻结/止付（联系银行）");
    if (!contains_any(text, {"保留", "截图", "聊天记录", "转账凭证", "证据"}))
        missing.push_back("保留证据（聊天记录/转账凭证/截图）");
    return missing;
}

struct PlayedPath {
    std::vector<int> path;
    Score score;
};

} // namespace

TEST_CASE("content/ holds the shipped packs and they load without errors", "[content]") {
    const auto& packs = shipped_packs();
    REQUIRE(packs.size() >= 1);
    bool has_core = false;
    for (const LoadedPack& p : packs) {
        std::string diags;
        for (const auto& d : p.load.diagnostics) diags += format_diagnostic(d) + "\n";
        INFO(p.dir << ":\n" << diags);
        REQUIRE(p.load.pack);
        CHECK_FALSE(has_errors(p.load.diagnostics));
        CHECK_FALSE(p.load.pack->scenarios.empty());
        has_core = has_core || p.load.pack->id == kCorePack;
    }
    CHECK(has_core);
}

TEST_CASE("every path of every shipped scenario", "[content]") {
    for (const LoadedPack& lp : shipped_packs()) {
        if (!lp.load.pack) continue; // reported by the test above
        const Pack& pack = *lp.load.pack;
        for (const Scenario& s : pack.scenarios) {
            const std::string where = s.file + " [" + s.id + "]";
            INFO(where);
            const auto paths = all_paths(s);
            REQUIRE_FALSE(paths.empty());
            REQUIRE(paths.size() < 100000); // all_paths' limit would hide paths

            std::vector<PlayedPath> played;
            std::set<EndingKind> kinds;
            std::map<std::string, bool> ending_lost_money; // ending id -> some path to it lost money
            for (const auto& path : paths) {
                INFO("path " << path_text(path));
                auto run = replay(s, path);
                REQUIRE(run);
                REQUIRE(run->finished());
                REQUIRE(run->ending());
                const Score score = score_run(*run);

                // Scoring is deterministic: a fresh replay and the result record agree.
                auto again = replay(s, path);
                REQUIRE(again);
                const Score score2 = score_run(*again);
                CHECK(score2.total == score.total);
                CHECK(score2.money_lost == score.money_lost);
                CHECK(score2.ending_id == score.ending_id);
                const MakeResult r1 = make_result(pack, s.id, path);
                const MakeResult r2 = make_result(pack, s.id, path);
                REQUIRE(r1.record);
                REQUIRE(r2.record);
                CHECK(r1.record->score == score.total);
                CHECK(to_json(*r1.record).dump() == to_json(*r2.record).dump());
                CHECK(to_compact_json(*r1.record) == to_json(*r1.record).dump()); // what the server stores
                CHECK(r1.record->pack_hash == pack.hash);

                CHECK(score.total >= 0);
                CHECK(score.total <= 100);
                kinds.insert(score.ending_kind);
                ending_lost_money[score.ending_id] = ending_lost_money[score.ending_id] || score.money_lost > 0;
                played.push_back(PlayedPath{path, score});
            }

            // The best path must be reachable with a top score.
            const auto best = std::max_element(played.begin(), played.end(), [](const auto& a, const auto& b) {
                return a.score.total < b.score.total;
            });
            INFO("best path " << path_text(best->path) << " scores " << best->score.total);
            CHECK(best->score.total >= kMinBestScore);

            // Being scammed never scores as well as staying safe.
            for (const PlayedPath& sc : played) {
                if (sc.score.ending_kind != EndingKind::scammed) continue;
                for (const PlayedPath& sf : played) {
                    if (sf.score.ending_kind != EndingKind::safe) continue;
                    INFO("scammed path " << path_text(sc.path) << " scores " << sc.score.total << ", safe path "
                                         << path_text(sf.path) << " scores " << sf.score.total);
                    CHECK(sc.score.total < sf.score.total);
                }
            }

            // All three ending kinds can be reached.
            CHECK(kinds.count(EndingKind::safe) == 1);
            CHECK(kinds.count(EndingKind::partial) == 1);
            CHECK(kinds.count(EndingKind::scammed) == 1);

            if (pack.id == kCorePack) {
                size_t longest = 0;
                for (const auto& p : paths) longest = std::max(longest, p.size());
                INFO("longest path has " << longest << " decisions");
                CHECK(longest >= kMinCoreDecisions);
            }

            // Where money was lost, the debrief says what to do now. (A `partial` ending that
            // only leaked a card number or a video has its own advice; it is not checked here.)
            for (const Ending& e : s.endings) {
                if (!ending_lost_money[e.id]) continue;
                const auto missing = missing_advice(e);
                std::string list;
                for (const auto& m : missing) list += " " + m;
                INFO("ending " << e.id << " (" << e.pos.file << ":" << e.pos.line << ") does not name:" << list);
                CHECK(missing.empty());
            }
        }
    }
}
