// The result record: made by replaying a path, and its JSON form.
#include "fixtures.h"

#include "fraudfree/result.h"

#include <catch2/catch.hpp>

using namespace ff;

namespace {
const Pack& valid_pack() {
    static const LoadResult r = load_fixture("valid");
    REQUIRE(r.pack);
    return *r.pack;
}
} // namespace

SCENARIO("making a result from a choice path") {
    const Pack& p = valid_pack();
    WHEN("the path is complete") {
        const MakeResult m = make_result(p, "rebate-likes", {2, 2, 1});
        THEN("the record carries the pack, the path and the score") {
            REQUIRE(m.record);
            CHECK(m.error.empty());
            const ResultRecord& r = *m.record;
            CHECK(r.id.empty());
            CHECK(r.pack_id == "test-valid");
            CHECK(r.pack_version == 3);
            CHECK(r.pack_hash == p.hash);
            CHECK(r.scenario_id == "rebate-likes");
            CHECK(r.category == "rebate");
            CHECK(r.choices == std::vector<int>{2, 2, 1});
            CHECK(r.ending_id == "end-partial");
            CHECK(r.ending_kind == EndingKind::partial);
            CHECK(r.score == 38);
            CHECK(r.score_items.size() == 4);
            CHECK(r.flags_shown == std::vector<std::string>{"too_good", "escalating_tasks", "pay_first", "urgency"});
            CHECK(r.flags_caught == std::vector<std::string>{"pay_first"});
            CHECK(r.money_lost == 300);
            CHECK(r.reported);
        }
    }
    WHEN("the scenario does not exist") {
        const MakeResult m = make_result(p, "nope", {1});
        CHECK_FALSE(m.record);
        CHECK(m.error.find("nope") != std::string::npos);
    }
    WHEN("a choice is out of range") {
        const MakeResult m = make_result(p, "rebate-likes", {2, 7});
        CHECK_FALSE(m.record);
        CHECK(m.error == "第 2 步没有选项 7（这一步只有 3 个选项）");
    }
    WHEN("the path goes on after the ending") {
        const MakeResult m = make_result(p, "rebate-likes", {1, 1});
        CHECK_FALSE(m.record);
        CHECK(m.error == "第 2 步：剧本已经结束，不能再选择");
    }
    WHEN("the path stops before an ending") {
        const MakeResult m = make_result(p, "rebate-likes", {2});
        CHECK_FALSE(m.record);
        CHECK(m.error == "这条路径还没有走到结局（走了 1 步）");
    }
}

SCENARIO("the JSON form of a result") {
    const Pack& p = valid_pack();
    ResultRecord r = *make_result(p, "rebate-likes", {2, 3}).record;
    WHEN("it has no id") {
        const auto j = to_json(r);
        THEN("the id is left out and the fields are there") {
            CHECK_FALSE(j.contains("id"));
            CHECK(j.at("ending_kind") == "safe");
            CHECK(j.at("choices") == nlohmann::json::array({2, 3}));
            CHECK(j.at("score_items").size() == 4);
            CHECK(j.at("score_items")[0].at("key") == "ending");
            CHECK(j.at("reported") == true);
        }
    }
    WHEN("it round-trips through text") {
        r.id = "3f1c2a4e-0000-4000-8000-000000000001";
        const ResultRecord back = result_from_json(nlohmann::json::parse(to_json(r).dump()));
        THEN("every field survives") {
            CHECK(back.id == r.id);
            CHECK(back.pack_id == r.pack_id);
            CHECK(back.pack_version == r.pack_version);
            CHECK(back.pack_hash == r.pack_hash);
            CHECK(back.scenario_id == r.scenario_id);
            CHECK(back.category == r.category);
            CHECK(back.choices == r.choices);
            CHECK(back.ending_id == r.ending_id);
            CHECK(back.ending_kind == r.ending_kind);
            CHECK(back.score == r.score);
            REQUIRE(back.score_items.size() == r.score_items.size());
            for (size_t i = 0; i < r.score_items.size(); ++i) {
                CHECK(back.score_items[i].key == r.score_items[i].key);
                CHECK(back.score_items[i].label == r.score_items[i].label);
                CHECK(back.score_items[i].points == r.score_items[i].points);
                CHECK(back.score_items[i].max == r.score_items[i].max);
            }
            CHECK(back.flags_shown == r.flags_shown);
            CHECK(back.flags_caught == r.flags_caught);
            CHECK(back.money_lost == r.money_lost);
            CHECK(back.reported == r.reported);
            CHECK(to_json(back) == to_json(r));
        }
    }
    WHEN("it is printed as text, as play --json and headless mode do") {
        const std::string text = to_json_text(r);
        THEN("it is two-space indented JSON, keys in name order, with one trailing newline") {
            CHECK(text.rfind("{\n  \"category\": \"rebate\",\n  \"choices\": [\n    2,\n    3\n  ],\n"
                             "  \"ending_id\": \"end-safe\",\n",
                             0) == 0);
            CHECK(text.find("\n  \"pack_id\": \"test-valid\",\n  \"pack_version\": 3,\n") != std::string::npos);
            CHECK(text.size() >= 3);
            CHECK(text.substr(text.size() - 3) == "\n}\n");
            CHECK(text == to_json(r).dump(2) + "\n");
        }
        AND_THEN("Chinese labels stay readable UTF-8, not \\u escapes") {
            CHECK(text.find("\\u") == std::string::npos);
            CHECK(text.find(r.score_items.at(0).label) != std::string::npos);
        }
        AND_THEN("it reads back to the same record") {
            CHECK(to_json(result_from_json(nlohmann::json::parse(text))) == to_json(r));
        }
    }
    WHEN("it is written compactly, as the server stores and returns it") {
        THEN("the bytes are nlohmann's dump(), with and without an id") {
            CHECK(to_compact_json(r) == to_json(r).dump());
            r.id = "3f1c2a4e-0000-4000-8000-000000000001";
            CHECK(to_compact_json(r) == to_json(r).dump());
        }
        AND_THEN("quotes, backslashes, control characters and Chinese are escaped as dump() does") {
            r.score_items.at(0).label = "他说：\"先交 300 元\"\\n\t\x01\x1f\x7f 😀";
            r.flags_shown.push_back("a\bb\fc\rd");
            r.category.clear();
            r.choices.clear();
            r.flags_caught.clear();
            CHECK(to_compact_json(r) == to_json(r).dump());
            CHECK(nlohmann::json::parse(to_compact_json(r)) == to_json(r));
        }
        AND_THEN("text that is not UTF-8 is refused, as dump() refuses it") {
            r.ending_id = "end\xff";
            CHECK_THROWS_AS(to_compact_json(r), std::invalid_argument);
            CHECK_THROWS_AS(to_json(r).dump(), nlohmann::json::type_error);
        }
    }
    WHEN("a field is missing or mistyped") {
        auto j = to_json(r);
        auto without = [&](const char* k) {
            auto c = j;
            c.erase(k);
            return c;
        };
        CHECK_THROWS_AS(result_from_json(without("pack_id")), std::invalid_argument);
        CHECK_THROWS_AS(result_from_json(without("choices")), std::invalid_argument);
        CHECK_THROWS_AS(result_from_json(without("reported")), std::invalid_argument);
        auto bad = j;
        bad["score"] = "90";
        CHECK_THROWS_AS(result_from_json(bad), std::invalid_argument);
        bad = j;
        bad["score"] = 101;
        CHECK_THROWS_AS(result_from_json(bad), std::invalid_argument);
        bad = j;
        bad["choices"] = nlohmann::json::array({1, 0});
        CHECK_THROWS_AS(result_from_json(bad), std::invalid_argument);
        bad = j;
        bad["ending_kind"] = "lost";
        CHECK_THROWS_AS(result_from_json(bad), std::invalid_argument);
        bad = j;
        bad["money_lost"] = 18446744073709551615ull;
        CHECK_THROWS_AS(result_from_json(bad), std::invalid_argument);
        CHECK_THROWS_AS(result_from_json(nlohmann::json::array()), std::invalid_argument);
        try {
            result_from_json(without("pack_hash"));
            FAIL("no exception");
        } catch (const std::invalid_argument& e) {
            CHECK(std::string(e.what()) == "result JSON: missing field 'pack_hash'");
        }
    }
}

SCENARIO("parsing a choice list") {
    CHECK(parse_choice_list("1,3,2") == std::vector<int>{1, 3, 2});
    CHECK(parse_choice_list("4") == std::vector<int>{4});
    CHECK(parse_choice_list(" 1, 2 ") == std::vector<int>{1, 2});
    CHECK_FALSE(parse_choice_list(""));
    CHECK_FALSE(parse_choice_list("0"));
    CHECK_FALSE(parse_choice_list("1,,2"));
    CHECK_FALSE(parse_choice_list("1,2,"));
    CHECK_FALSE(parse_choice_list("-1"));
    CHECK_FALSE(parse_choice_list("1;2"));
    CHECK_FALSE(parse_choice_list("a"));
    CHECK_FALSE(parse_choice_list("99999999999999999999"));
}

SCENARIO("a choice list written as text reads back the same") {
    CHECK(format_choice_list({1, 3, 2}) == "1,3,2");
    CHECK(format_choice_list({12}) == "12");
    CHECK(format_choice_list({}).empty());
    for (const std::vector<int>& path : {std::vector<int>{1}, {2, 10, 1, 3}, {7, 7, 7, 7, 7, 7, 7, 7}})
        CHECK(parse_choice_list(format_choice_list(path)) == path);
}
