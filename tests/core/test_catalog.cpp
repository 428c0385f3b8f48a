// The built-in catalogue matches the documented ids and teaches the seeds' advice.
#include "fraudfree/catalog.h"

#include <catch2/catch.hpp>

#include <set>

using namespace ff;

TEST_CASE("built-in categories have the documented ids, names and descriptions", "[catalog]") {
    const std::vector<std::string> ids{"rebate", "romance",          "scholarship", "credit",     "job",
                                       "investment", "customer_service", "game_trade", "fake_police"};
    const auto& cats = builtin_categories();
    REQUIRE(cats.size() == ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        CHECK(cats[i].id == ids[i]);
        CHECK_FALSE(cats[i].name.empty());
        CHECK_FALSE(cats[i].description.empty());
    }
    CHECK(cats[0].name == "刷单返利");
    CHECK(cats[8].name == "冒充公检法");
}

TEST_CASE("built-in red flags have the documented ids and explanations from the seeds", "[catalog]") {
    const std::vector<std::string> ids{"pay_first",     "too_good",    "verification_code", "personal_info",
                                       "fake_authority", "urgency",     "off_platform",      "screen_share",
                                       "safe_account",  "unknown_link", "secrecy",           "emotional_pressure",
                                       "escalating_tasks", "unasked_refund"};
    const auto& flags = builtin_red_flags();
    REQUIRE(flags.size() == ids.size());
    std::set<std::string> names;
    std::string all;
    for (size_t i = 0; i < ids.size(); ++i) {
        CHECK(flags[i].id == ids[i]);
        CHECK_FALSE(flags[i].explain.empty());
        names.insert(flags[i].name);
        all += flags[i].explain;
    }
    CHECK(names.size() == ids.size());
    CHECK(flags[0].name == "先交钱（手续费/保证金/解冻费）");
    // The advice the debriefs teach.
    CHECK(all.find("96110") != std::string::npos);
    CHECK(all.find("三不一多") != std::string::npos);
    CHECK(all.find("一律") != std::string::npos);
    CHECK(all.find("凡是") != std::string::npos);
}
