// Quiz items per phase from the shipped pack, grading, and the learning gain.
#include "save/quiz.h"

#include "fraudfree/loader.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

namespace {

const ff::Pack& campus_core() {
    static const ff::Pack pack = [] {
        auto r = ff::load_pack_dir(std::filesystem::path(FRAUDFREE_SOURCE_DIR) / "content" / "campus-core");
        if (!r.pack) throw std::runtime_error("campus-core does not load");
        return *r.pack;
    }();
    return pack;
}

} // namespace

SCENARIO("pre- and post-test ask parallel items, one per category", "[quiz]") {
    const ff::Pack& pack = campus_core();
    REQUIRE_FALSE(pack.quiz.empty());
    const auto pre = ff::save::pick_quiz_items(pack, "pre");
    const auto post = ff::save::pick_quiz_items(pack, "post");
    std::set<std::string> categories;
    for (const auto& q : pack.quiz) categories.insert(q.category);
    THEN("each test has one item per category, in the same category order") {
        REQUIRE(pre.size() == categories.size());
        REQUIRE(post.size() == pre.size());
        for (size_t i = 0; i < pre.size(); ++i) REQUIRE(pre[i]->category == post[i]->category);
    }
    THEN("the two tests ask different questions where a category has two") {
        for (size_t i = 0; i < pre.size(); ++i) REQUIRE(pre[i]->id != post[i]->id);
    }
    THEN("a pack without quiz gives no items") {
        ff::Pack empty;
        REQUIRE(ff::save::pick_quiz_items(empty, "pre").empty());
    }
}

SCENARIO("grading and learning gain", "[quiz]") {
    const ff::Pack& pack = campus_core();
    const auto items = ff::save::pick_quiz_items(pack, "pre");
    std::vector<int> all_right;
    for (const auto* q : items) all_right.push_back(q->answer);
    std::vector<int> half_right = all_right;
    for (size_t i = 0; i < half_right.size(); i += 2) half_right[i] = half_right[i] % 2 + 1; // a wrong option

    GIVEN("a pre-test with some wrong and unanswered items") {
        std::vector<int> answers = half_right;
        answers.back() = 0;
        const auto a = ff::save::grade_quiz("pre", pack.id, items, answers, "2026-11-25T10:00:00Z");
        THEN("only right answers count") {
            int expected = 0;
            for (size_t i = 0; i < items.size(); ++i) expected += answers[i] == items[i]->answer;
            REQUIRE(a.correct == expected);
            REQUIRE(a.correct < a.total);
            REQUIRE(a.total == static_cast<int>(items.size()));
            REQUIRE(a.answers == answers);
        }
        AND_GIVEN("a later full post-test of the same pack") {
            ff::save::Profile p;
            p.quiz.push_back(a);
            ff::save::LearningGain before = ff::save::learning_gain(p, pack.id);
            REQUIRE(before.pre);
            REQUIRE_FALSE(before.gain);
            p.quiz.push_back(ff::save::grade_quiz("post", pack.id, items, all_right, "2026-11-25T11:00:00Z"));
            p.quiz.push_back(ff::save::grade_quiz("pre", "other-pack", items, all_right, "2026-11-25T12:00:00Z"));
            const auto g = ff::save::learning_gain(p, pack.id);
            THEN("the gain is the difference in percent correct for that pack only") {
                REQUIRE(g.post_percent == 100);
                REQUIRE(g.pre_percent == static_cast<int>(std::lround(100.0 * a.correct / a.total)));
                REQUIRE(g.gain == 100 - g.pre_percent);
            }
        }
    }
}
