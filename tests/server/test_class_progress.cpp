// The 无诈班级 criterion computed from standings: coverage with the missing categories in
// plain Chinese, the class mean of best scores, no member's latest play scammed, custom
// thresholds, and progress_pct reaching 100 only when all three hold.
#include "class_progress.h"
#include "pack_cache.h"
#include "server_process.h"

#include "fraudfree/loader.h"

#include <catch2/catch.hpp>

using namespace ff::server;

namespace {

struct ClassSetup {
    ff::test::TempDir dir;
    std::unique_ptr<Storage> storage;
    std::unique_ptr<PackCache> cache;
    ff::Pack core;
    ClassInfo cls;
    Assignment assignment;
    std::vector<StudentInfo> members;
    std::vector<Standing> standings;

    ClassSetup() {
        storage = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
        cache = std::make_unique<PackCache>(*storage);
        load_bundled_packs(std::string(FRAUDFREE_SOURCE_DIR) + "/content", *storage, *cache, [](const std::string&) {});
        auto loaded = ff::load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core");
        REQUIRE(loaded.pack);
        core = *loaded.pack;
        cls.id = 1;
        cls.packs = {"campus-core"};
        assignment = assignment_of(cls, *cache);
        for (int i = 1; i <= 10; ++i) members.push_back(StudentInfo{i, "同学" + std::to_string(i), 0});
    }

    void play(int64_t student, const ff::Scenario& s, int best, int latest, const std::string& ending) {
        standings.push_back(Standing{1, student, core.id, s.id, s.category, best, latest, ending, "end", 1});
    }

    // Members 1..4 play everything at 90; 5..10 everything except the scholarship scenarios.
    void four_finish_six_skip_scholarship() {
        for (int64_t m = 1; m <= 10; ++m)
            for (const auto& s : core.scenarios)
                if (m <= 4 || s.category != "scholarship") play(m, s, 90, 90, "safe");
    }

    ClassProgress progress() const { return compute_class_progress(cls, members, standings, assignment); }
};

const CriterionCheck& check(const ClassProgress& p, const std::string& id) {
    for (const auto& c : p.criterion.checks)
        if (c.id == id) return c;
    FAIL("no check " << id);
    throw std::logic_error("unreachable");
}

} // namespace

SCENARIO("the assignment covers every scenario of the assigned packs") {
    ClassSetup k;
    CHECK(k.assignment.scenarios.size() == k.core.scenarios.size());
    CHECK(k.assignment.unknown_packs.empty());
    CHECK_FALSE(k.assignment.categories.empty());
    k.cls.packs = {"campus-core", "gone-pack"};
    CHECK(assignment_of(k.cls, *k.cache).unknown_packs == std::vector<std::string>{"gone-pack"});
}

SCENARIO("a class with nobody yet is at 0% and says why") {
    ClassSetup k;
    k.members.clear();
    auto p = k.progress();
    CHECK(p.criterion.progress_pct == 0);
    CHECK_FALSE(p.criterion.met);
    CHECK(check(p, "finished").missing == "还没有同学加入班级");
}

SCENARIO("coverage names the category the stragglers miss") {
    ClassSetup k;
    k.four_finish_six_skip_scholarship();
    auto p = k.progress();
    const auto& finished = check(p, "finished");
    CHECK_FALSE(finished.met);
    CHECK(finished.value == Approx(40));
    INFO(finished.missing);
    CHECK(finished.missing.find("6 名同学还没完成「奖助学金」") != std::string::npos);
    CHECK(check(p, "mean_best").met);
    CHECK(check(p, "mean_best").value == Approx(90));
    CHECK(check(p, "no_scammed").met);
    CHECK(p.criterion.progress_pct < 100);
    CHECK(p.students[0].finished == static_cast<int>(k.core.scenarios.size()));
    CHECK(p.students[9].unfinished_categories == std::vector<std::string>{"scholarship"});
    CHECK(p.students[9].missing_titles.size() > 0);

    WHEN("the counsellor lowers the coverage threshold to 40%") {
        k.cls.criterion.min_finished_pct = 40;
        THEN("the class reaches the goal") {
            auto q = k.progress();
            CHECK(q.criterion.met);
            CHECK(q.criterion.progress_pct == 100);
        }
    }
}

SCENARIO("a member whose latest play ended scammed keeps the class from the goal") {
    ClassSetup k;
    for (int64_t m = 1; m <= 10; ++m)
        for (const auto& s : k.core.scenarios) k.play(m, s, 95, 95, "safe");
    REQUIRE(k.progress().criterion.met);

    const ff::Scenario* rebate = nullptr;
    for (const auto& s : k.core.scenarios)
        if (s.category == "rebate") rebate = &s;
    REQUIRE(rebate);
    for (auto& st : k.standings)
        if (st.student_id == 3 && st.scenario_id == rebate->id) {
            st.latest_score = 0;
            st.latest_ending_kind = "scammed";
        }
    auto p = k.progress();
    CHECK_FALSE(p.criterion.met);
    const auto& safe = check(p, "no_scammed");
    CHECK_FALSE(safe.met);
    CHECK(safe.value == 1);
    CHECK(safe.missing.find("1 名同学最近一次被骗在「刷单返利」") != std::string::npos);
    CHECK(p.students[2].scammed_categories == std::vector<std::string>{"rebate"});
    CHECK(p.students[2].best_by_category.at("rebate") == Approx(95)); // best stays, latest drops
    CHECK(p.students[2].latest_by_category.at("rebate") < 95);

    k.cls.criterion.allow_scammed = true;
    CHECK(k.progress().criterion.met);
}

SCENARIO("a low class mean names the weakest category") {
    ClassSetup k;
    for (int64_t m = 1; m <= 10; ++m)
        for (const auto& s : k.core.scenarios) k.play(m, s, s.category == "job" ? 20 : 70, s.category == "job" ? 20 : 70, "safe");
    auto p = k.progress();
    const auto& mean = check(p, "mean_best");
    CHECK_FALSE(mean.met);
    INFO(mean.missing);
    CHECK(mean.missing.find("最弱的是「求职」") != std::string::npos);
    CHECK(p.criterion.progress_pct > 0);
    CHECK(p.criterion.progress_pct < 100);
}
