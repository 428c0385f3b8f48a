// Profile JSON: round trip, and lenient reading that skips only the damaged entries.
#include "save/profile.h"
#include "test_save_tmpdir.h"

#include <catch2/catch.hpp>

using ff::save::Profile;
using nlohmann::json;

namespace {

Profile sample_profile() {
    Profile p;
    p.nickname = "小明";
    p.class_name = "计科2301";
    p.student_token = "tok";
    for (int i = 1; i <= 3; ++i) {
        ff::ResultRecord r = ff::test::sample_result(i);
        r.id = "0b0e1c6a-1f4e-4c3a-9d2e-00000000000" + std::to_string(i);
        p.plays.push_back({r, "2026-11-25T12:00:0" + std::to_string(i) + "Z"});
    }
    p.quiz.push_back({"pre", "campus-core", {1, 3, 2}, 2, 3, "2026-11-25T11:00:00Z"});
    p.quiz.push_back({"post", "campus-core", {2, 3, 2}, 3, 3, "2026-11-25T13:00:00Z"});
    return p;
}

} // namespace

SCENARIO("a profile survives a JSON round trip", "[profile]") {
    GIVEN("a profile with plays and quiz attempts") {
        const Profile p = sample_profile();
        const json j = ff::save::to_json(p);
        int skipped = -1;
        const Profile back = ff::save::profile_from_json(json::parse(j.dump()), &skipped);
        THEN("every field comes back and nothing is skipped") {
            REQUIRE(skipped == 0);
            REQUIRE(ff::save::to_json(back) == j);
            REQUIRE(back.nickname == "小明");
            REQUIRE(back.plays.size() == 3);
            REQUIRE(back.plays[1].result.choices == p.plays[1].result.choices);
            REQUIRE(back.quiz[1].phase == "post");
            REQUIRE(back.quiz[1].correct == 3);
        }
        THEN("plays are stored in core's result form") {
            REQUIRE(j["plays"][0]["result"] == ff::to_json(p.plays[0].result));
        }
        THEN("results_of lists the plays' results in order") {
            const auto results = ff::save::results_of(p);
            REQUIRE(results.size() == 3);
            REQUIRE(results[0].scenario_id == "scenario-1");
            REQUIRE(results[2].scenario_id == "scenario-3");
        }
    }
}

SCENARIO("a damaged profile loses only the damaged entries", "[profile]") {
    GIVEN("a profile JSON with one broken play, one broken quiz and mistyped texts") {
        json j = ff::save::to_json(sample_profile());
        j["plays"][1]["result"].erase("score");
        j["quiz"][0]["correct"] = 9; // more than total
        j["nickname"] = 12;
        j["extra"] = {{"from", "a newer version"}};
        int skipped = 0;
        const Profile p = ff::save::profile_from_json(j, &skipped);
        THEN("the other entries are kept and the broken ones counted") {
            REQUIRE(skipped == 2);
            REQUIRE(p.plays.size() == 2);
            REQUIRE(p.plays[0].result.scenario_id == "scenario-1");
            REQUIRE(p.plays[1].result.scenario_id == "scenario-3");
            REQUIRE(p.quiz.size() == 1);
            REQUIRE(p.quiz[0].phase == "post");
            REQUIRE(p.nickname.empty());
            REQUIRE(p.class_name == "计科2301");
        }
    }
    GIVEN("plays that is not an array") {
        int skipped = 0;
        const Profile p = ff::save::profile_from_json({{"nickname", "a"}, {"plays", "oops"}}, &skipped);
        THEN("it counts as one skipped entry") {
            REQUIRE(skipped == 1);
            REQUIRE(p.plays.empty());
            REQUIRE(p.nickname == "a");
        }
    }
    GIVEN("an empty object") {
        THEN("it is an empty profile") {
            const Profile p = ff::save::profile_from_json(json::object());
            REQUIRE(p.plays.empty());
            REQUIRE(p.nickname.empty());
        }
    }
    GIVEN("JSON that is not an object") {
        THEN("reading it throws invalid_argument") {
            REQUIRE_THROWS_AS(ff::save::profile_from_json(json::array()), std::invalid_argument);
            REQUIRE_THROWS_AS(ff::save::profile_from_json(json(nullptr)), std::invalid_argument);
        }
    }
}
