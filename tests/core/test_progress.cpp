// The awareness profile: per-scenario history, per-category and overall summaries.
#include "fixtures.h"

#include "fraudfree/catalog.h"
#include "fraudfree/progress.h"

#include <catch2/catch.hpp>

using namespace ff;

namespace {

Scenario scenario(const std::string& id, const std::string& category) {
    Scenario s;
    s.id = id;
    s.category = category;
    return s;
}

Pack pack(const std::string& id, std::vector<Scenario> scenarios, std::vector<Category> own = {}) {
    Pack p;
    p.id = id;
    p.categories = builtin_categories();
    for (Category& c : own) p.categories.push_back(std::move(c));
    p.scenarios = std::move(scenarios);
    return p;
}

ResultRecord record(const std::string& pack_id, const std::string& scenario_id, const std::string& category,
                    int score, EndingKind kind = EndingKind::safe, const std::string& ending_id = "end") {
    ResultRecord r;
    r.pack_id = pack_id;
    r.scenario_id = scenario_id;
    r.category = category;
    r.score = score;
    r.ending_kind = kind;
    r.ending_id = ending_id;
    return r;
}

} // namespace

SCENARIO("a player with no results") {
    const std::vector<Pack> packs{pack("p", {scenario("a", "rebate"), scenario("b", "romance")})};
    const AwarenessProfile prof = compute_progress({}, packs);
    THEN("every loaded scenario counts towards the total and nothing is finished") {
        CHECK(prof.scenarios.empty());
        CHECK(prof.overall.scenarios_total == 2);
        CHECK(prof.overall.scenarios_finished == 0);
        CHECK(prof.overall.plays == 0);
        CHECK(prof.overall.best == 0);
        CHECK(prof.overall.latest == 0);
        CHECK(prof.overall.latest_scammed == 0);
    }
    THEN("only categories with scenarios are listed, in the built-in order") {
        REQUIRE(prof.categories.size() == 2);
        CHECK(prof.categories[0].category == "rebate");
        CHECK(prof.categories[0].name == "刷单返利");
        CHECK(prof.categories[1].category == "romance");
        CHECK(prof.categories[1].summary.scenarios_total == 1);
        CHECK(find_category_progress(prof, "job") == nullptr);
    }
}

SCENARIO("best and latest per scenario") {
    const std::vector<Pack> packs{pack("p", {scenario("a", "rebate"), scenario("b", "rebate"), scenario("c", "job")})};
    GIVEN("three plays of one scenario: 40 scammed, 95 safe, 70 partial") {
        const std::vector<ResultRecord> records{
            record("p", "a", "rebate", 40, EndingKind::scammed, "end-scammed"),
            record("p", "a", "rebate", 95, EndingKind::safe, "end-safe"),
            record("p", "a", "rebate", 70, EndingKind::partial, "end-partial"),
        };
        const AwarenessProfile prof = compute_progress(records, packs);
        THEN("best is the highest, latest is the last") {
            const ScenarioProgress* a = find_scenario_progress(prof, "p", "a");
            REQUIRE(a);
            CHECK(a->plays == 3);
            CHECK(a->best_score == 95);
            CHECK(a->latest_score == 70);
            CHECK(a->latest_ending == EndingKind::partial);
            CHECK(a->latest_ending_id == "end-partial");
            CHECK(a->in_loaded_pack);
            CHECK(a->category == "rebate");
        }
        THEN("unplayed scenarios do not pull the means down") {
            CHECK(prof.overall.scenarios_total == 3);
            CHECK(prof.overall.scenarios_finished == 1);
            CHECK(prof.overall.plays == 3);
            CHECK(prof.overall.best == 95);
            CHECK(prof.overall.latest == 70);
            CHECK(prof.overall.latest_scammed == 0);
            const CategoryProgress* rebate = find_category_progress(prof, "rebate");
            REQUIRE(rebate);
            CHECK(rebate->summary.scenarios_total == 2);
            CHECK(rebate->summary.scenarios_finished == 1);
            const CategoryProgress* job = find_category_progress(prof, "job");
            REQUIRE(job);
            CHECK(job->summary.scenarios_finished == 0);
            CHECK(job->summary.best == 0);
        }
    }
    GIVEN("a scenario whose latest play ended scammed after a safe one") {
        const std::vector<ResultRecord> records{
            record("p", "a", "rebate", 90, EndingKind::safe),
            record("p", "b", "rebate", 60, EndingKind::partial),
            record("p", "a", "rebate", 10, EndingKind::scammed),
        };
        const AwarenessProfile prof = compute_progress(records, packs);
        THEN("it counts as latest_scammed and means are over finished scenarios") {
            CHECK(prof.overall.latest_scammed == 1);
            CHECK(prof.overall.scenarios_finished == 2);
            CHECK(prof.overall.best == Approx((90 + 60) / 2.0));
            CHECK(prof.overall.latest == Approx((10 + 60) / 2.0));
            const CategoryProgress* rebate = find_category_progress(prof, "rebate");
            REQUIRE(rebate);
            CHECK(rebate->summary.latest_scammed == 1);
            CHECK(rebate->summary.plays == 3);
        }
        THEN("scenarios are listed in order of first play") {
            REQUIRE(prof.scenarios.size() == 2);
            CHECK(prof.scenarios[0].scenario_id == "a");
            CHECK(prof.scenarios[1].scenario_id == "b");
        }
    }
}

SCENARIO("history of scenarios that no loaded pack holds") {
    const std::vector<Pack> packs{pack("p", {scenario("a", "rebate")})};
    const std::vector<ResultRecord> records{
        record("p", "gone", "rebate", 20, EndingKind::scammed),
        record("old-pack", "a", "rebate", 30, EndingKind::scammed),
        record("p", "a", "rebate", 80),
    };
    const AwarenessProfile prof = compute_progress(records, packs);
    THEN("it stays in the history, marked as not loaded") {
        REQUIRE(prof.scenarios.size() == 3);
        const ScenarioProgress* gone = find_scenario_progress(prof, "p", "gone");
        REQUIRE(gone);
        CHECK_FALSE(gone->in_loaded_pack);
        const ScenarioProgress* other = find_scenario_progress(prof, "old-pack", "a");
        REQUIRE(other);
        CHECK_FALSE(other->in_loaded_pack);
        CHECK(find_scenario_progress(prof, "p", "a")->in_loaded_pack);
        CHECK(find_scenario_progress(prof, "p", "nope") == nullptr);
    }
    THEN("it never enters the aggregates") {
        CHECK(prof.overall.scenarios_total == 1);
        CHECK(prof.overall.scenarios_finished == 1);
        CHECK(prof.overall.plays == 1);
        CHECK(prof.overall.best == 80);
        CHECK(prof.overall.latest_scammed == 0);
        REQUIRE(prof.categories.size() == 1);
        CHECK(prof.categories[0].summary.plays == 1);
    }
}

SCENARIO("pack versions and duplicate loaded packs") {
    GIVEN("records made with two versions of the same pack") {
        ResultRecord v1 = record("p", "a", "rebate", 50);
        v1.pack_version = 1;
        v1.pack_hash = "aaa";
        ResultRecord v2 = record("p", "a", "rebate", 70);
        v2.pack_version = 2;
        v2.pack_hash = "bbb";
        const AwarenessProfile prof = compute_progress({v1, v2}, {pack("p", {scenario("a", "rebate")})});
        THEN("they are one scenario") {
            REQUIRE(prof.scenarios.size() == 1);
            CHECK(prof.scenarios[0].plays == 2);
            CHECK(prof.scenarios[0].best_score == 70);
        }
    }
    GIVEN("the same pack id loaded twice") {
        const std::vector<Pack> packs{pack("p", {scenario("a", "rebate")}), pack("p", {scenario("a", "rebate")})};
        const AwarenessProfile prof = compute_progress({record("p", "a", "rebate", 60)}, packs);
        THEN("its scenarios are counted once") {
            CHECK(prof.overall.scenarios_total == 1);
            REQUIRE(prof.categories.size() == 1);
            CHECK(prof.categories[0].summary.scenarios_total == 1);
        }
    }
}

SCENARIO("categories a pack adds, and ones nobody declares") {
    const std::vector<Pack> packs{
        pack("p", {scenario("x", "sim_card"), scenario("a", "rebate"), scenario("y", "mystery")},
             {Category{"sim_card", "出租出借电话卡", "", {}}}),
    };
    const AwarenessProfile prof = compute_progress({record("p", "x", "sim_card", 88)}, packs);
    THEN("built-ins come first, then the pack's own, then undeclared ones named by id") {
        REQUIRE(prof.categories.size() == 3);
        CHECK(prof.categories[0].category == "rebate");
        CHECK(prof.categories[1].category == "sim_card");
        CHECK(prof.categories[1].name == "出租出借电话卡");
        CHECK(prof.categories[1].summary.best == 88);
        CHECK(prof.categories[2].category == "mystery");
        CHECK(prof.categories[2].name == "mystery");
    }
}

SCENARIO("a scenario that moved to another category") {
    // The record says "rebate" but the loaded pack now files it under "job".
    const std::vector<Pack> packs{pack("p", {scenario("a", "job")})};
    const AwarenessProfile prof = compute_progress({record("p", "a", "rebate", 75)}, packs);
    THEN("history keeps the recorded category, aggregates follow the pack") {
        CHECK(prof.scenarios.at(0).category == "rebate");
        REQUIRE(prof.categories.size() == 1);
        CHECK(prof.categories[0].category == "job");
        CHECK(prof.categories[0].summary.scenarios_finished == 1);
        CHECK(find_category_progress(prof, "rebate") == nullptr);
    }
}

SCENARIO("progress from real plays of the fixture pack") {
    const LoadResult r = load_fixture("valid");
    REQUIRE(r.pack);
    const Pack& p = *r.pack;
    const Scenario& s = p.scenarios.at(0);
    std::vector<ResultRecord> records;
    for (const auto& path : all_paths(s)) {
        MakeResult m = make_result(p, s.id, path);
        REQUIRE(m.record);
        records.push_back(*m.record);
    }
    REQUIRE(records.size() >= 2);
    const AwarenessProfile prof = compute_progress(records, {p});
    const ScenarioProgress* sp = find_scenario_progress(prof, p.id, s.id);
    REQUIRE(sp);
    int best = 0;
    for (const auto& rec : records) best = std::max(best, rec.score);
    CHECK(sp->plays == static_cast<int>(records.size()));
    CHECK(sp->best_score == best);
    CHECK(sp->latest_score == records.back().score);
    CHECK(sp->latest_ending_id == records.back().ending_id);
    CHECK(prof.overall.scenarios_total == static_cast<int>(p.scenarios.size()));
}
