// Model helpers: enum names round-trip; lookups by id.
#include "fraudfree/model.h"

#include <catch2/catch.hpp>

using namespace ff;

TEST_CASE("channel and ending kind names round-trip", "[model]") {
    for (Channel c : {Channel::chat, Channel::sms, Channel::call}) CHECK(parse_channel(to_string(c)) == c);
    for (EndingKind k : {EndingKind::safe, EndingKind::partial, EndingKind::scammed})
        CHECK(parse_ending_kind(to_string(k)) == k);
    CHECK(std::string(to_string(Channel::call)) == "call");
    CHECK(std::string(to_string(EndingKind::scammed)) == "scammed");
    CHECK_FALSE(parse_channel("Chat"));
    CHECK_FALSE(parse_channel(""));
    CHECK_FALSE(parse_ending_kind("lost"));
}

TEST_CASE("lookups by id find the first match or nothing", "[model]") {
    Scenario s;
    s.nodes.resize(2);
    s.nodes[0].id = "a";
    s.nodes[1].id = "b";
    s.endings.resize(1);
    s.endings[0].id = "end";
    CHECK(s.find_node("b") == &s.nodes[1]);
    CHECK(s.find_node("end") == nullptr);
    CHECK(s.find_ending("end") == &s.endings[0]);
    CHECK(s.find_ending("a") == nullptr);
    Pack p;
    p.scenarios.push_back(s);
    p.scenarios[0].id = "x";
    p.categories.push_back(Category{"rebate", "刷单返利", "", {}});
    p.red_flags.push_back(RedFlag{"urgency", "催促", "", {}});
    CHECK(p.find_scenario("x") == &p.scenarios[0]);
    CHECK(p.find_scenario("y") == nullptr);
    CHECK(p.find_category("rebate")->name == "刷单返利");
    CHECK(p.find_red_flag("urgency")->name == "催促");
    CHECK(p.find_red_flag("nope") == nullptr);
}
