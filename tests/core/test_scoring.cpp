// Scoring: ending 50/20/0, flags 30 x caught/shown, no loss 10, reported 10.
#include "fixtures.h"

#include "fraudfree/scoring.h"

#include <catch2/catch.hpp>

using namespace ff;

namespace {
Score score_path(const std::vector<int>& path) {
    auto run = replay(rebate_scenario(), path);
    REQUIRE(run);
    REQUIRE(run->finished());
    return score_run(*run);
}

int item(const Score& s, const std::string& key) {
    for (const auto& i : s.items)
        if (i.key == key) return i.points;
    FAIL("no score item " << key);
    return -1;
}
} // namespace

SCENARIO("scoring a path item by item") {
    WHEN("the student refuses at once, catching the only flag shown") {
        const Score s = score_path({1});
        THEN("everything is earned except reporting") {
            CHECK(s.ending_kind == EndingKind::safe);
            CHECK(s.ending_id == "end-safe");
            CHECK(item(s, "ending") == 50);
            CHECK(item(s, "flags") == 30);
            CHECK(item(s, "money") == 10);
            CHECK(item(s, "report") == 0);
            CHECK(s.total == 90);
            REQUIRE(s.flags.size() == 1);
            CHECK(s.flags[0].flag_id == "too_good");
            CHECK(s.flags[0].caught);
            CHECK(s.flags[0].node_id == "hello");
            CHECK(s.flags[0].quote == "同学你好～我们是XX传媒，招手机点赞员，日结200-500！");
        }
    }
    WHEN("the student goes on, then asks the counsellor (catching urgency only)") {
        const Score s = score_path({2, 3});
        THEN("1 of 4 flags caught rounds to 8 of 30; the report earns 10") {
            REQUIRE(s.flags.size() == 4); // too_good, escalating_tasks, pay_first, urgency
            CHECK(s.flags[0].flag_id == "too_good");
            CHECK_FALSE(s.flags[0].caught);
            CHECK(s.flags[3].flag_id == "urgency");
            CHECK(s.flags[3].caught);
            CHECK(item(s, "flags") == 8); // 30 * 1/4 = 7.5 -> 8
            CHECK(s.reported);
            CHECK(s.total == 50 + 8 + 10 + 10);
        }
    }
    WHEN("the student pays once, then stops and calls 96110") {
        const Score s = score_path({2, 2, 1});
        THEN("partial ending, money lost, reported, 1 of 4 flags caught") {
            CHECK(s.ending_kind == EndingKind::partial);
            CHECK(s.money_lost == 300);
            CHECK(item(s, "ending") == 20);
            CHECK(item(s, "money") == 0);
            CHECK(item(s, "report") == 10);
            CHECK(item(s, "flags") == 8);
            CHECK(s.total == 38);
        }
    }
    WHEN("the student pays everything") {
        const Score s = score_path({2, 2, 2});
        THEN("nothing but zero") {
            CHECK(s.ending_kind == EndingKind::scammed);
            CHECK(s.money_lost == 2300);
            CHECK(s.total == 0);
            for (const auto& i : s.items) CHECK(i.points == 0);
        }
    }
    THEN("every item has its maximum and the maxima add up to 100") {
        const Score s = score_path({1});
        int max = 0;
        for (const auto& i : s.items) max += i.max;
        CHECK(max == 100);
        CHECK(s.items.size() == 4);
    }
    THEN("the same path always gives the same score") {
        CHECK(score_path({2, 3}).total == score_path({2, 3}).total);
        CHECK(score_path({2, 3}).items[1].label == score_path({2, 3}).items[1].label);
    }
    THEN("an unfinished run cannot be scored") {
        auto run = replay(rebate_scenario(), {2});
        REQUIRE(run);
        CHECK_THROWS_AS(score_run(*run), std::logic_error);
    }
}

SCENARIO("a flag caught before it is shown does not count") {
    GIVEN("a scenario whose first reply catches a flag that only shows later") {
        Scenario s;
        s.start = "a";
        s.nodes.resize(2);
        s.nodes[0].id = "a";
        s.nodes[0].messages.resize(1);
        s.nodes[0].choices.resize(2);
        s.nodes[0].choices[0].next = "b";
        s.nodes[0].choices[0].catches = {"urgency"};
        s.nodes[0].choices[1].next = "end";
        s.nodes[1].id = "b";
        s.nodes[1].messages.resize(1);
        s.nodes[1].messages[0].flags = {"urgency"};
        s.nodes[1].choices.resize(2);
        s.nodes[1].choices[0].next = "end";
        s.nodes[1].choices[1].next = "end";
        s.endings.resize(1);
        s.endings[0].id = "end";
        WHEN("the path goes through both nodes") {
            auto run = replay(s, {1, 1});
            REQUIRE(run);
            const Score sc = score_run(*run);
            THEN("the flag is shown but not caught") {
                REQUIRE(sc.flags.size() == 1);
                CHECK_FALSE(sc.flags[0].caught);
                CHECK(sc.items[1].points == 0);
            }
        }
        WHEN("no flag is shown on the path") {
            auto run = replay(s, {2});
            REQUIRE(run);
            THEN("the flag item is full") { CHECK(score_run(*run).items[1].points == 30); }
        }
    }
}
