// Loading a complete, valid pack: the model is filled in as written, with positions.
#include "fixtures.h"

#include "fraudfree/catalog.h"
#include "fraudfree/loader.h"

#include <catch2/catch.hpp>

using namespace ff;

SCENARIO("a valid pack loads into the model") {
    GIVEN("the valid fixture pack") {
        const LoadResult r = load_fixture("valid");
        THEN("it has a pack and no diagnostics at all") {
            INFO(diagnostics_text(r));
            REQUIRE(r.pack);
            CHECK(r.diagnostics.empty());
        }
        REQUIRE(r.pack);
        const Pack& p = *r.pack;
        THEN("the pack metadata is read") {
            CHECK(p.id == "test-valid");
            CHECK(p.title == "测试用剧本包");
            CHECK(p.version == 3);
            CHECK(p.language == "zh-CN");
            CHECK(p.authors == std::vector<std::string>{"测试作者"});
            CHECK(p.root == "valid");
            CHECK(p.hash.size() == 64);
        }
        THEN("built-in categories and red flags come first, then the pack's own") {
            REQUIRE(p.categories.size() == builtin_categories().size() + 1);
            CHECK(p.categories.front().id == "rebate");
            CHECK(p.categories.back().id == "lottery");
            CHECK(p.categories.back().pos.line == 10);
            REQUIRE(p.red_flags.size() == builtin_red_flags().size() + 1);
            CHECK(p.find_red_flag("fake_prize")->explain == "真正的中奖不需要先付任何费用。");
            CHECK(p.find_category("nonexistent") == nullptr);
        }
        THEN("the quiz is read") {
            REQUIRE(p.quiz.size() == 2);
            CHECK(p.quiz[0].id == "q-rebate-1");
            CHECK(p.quiz[0].options.size() == 3);
            CHECK(p.quiz[0].answer == 2);
            CHECK(p.quiz[1].category == "lottery");
        }
        THEN("the scenario, its contact, nodes, messages, choices and endings are read") {
            REQUIRE(p.scenarios.size() == 1);
            const Scenario& s = p.scenarios[0];
            CHECK(s.id == "rebate-likes");
            CHECK(s.file == "valid/scenarios/rebate.toml");
            CHECK(s.channel == Channel::chat);
            CHECK(s.difficulty == 1);
            CHECK(s.contact.name == "兼职小助手-琳琳");
            CHECK(s.contact.platform == "QQ群");
            CHECK(s.contact.number.empty());
            REQUIRE(s.nodes.size() == 3);
            const Node* hello = s.find_node("hello");
            REQUIRE(hello);
            REQUIRE(hello->messages.size() == 2);
            CHECK(hello->messages[0].delay == 1.5);
            CHECK(hello->messages[1].delay == 1.0);
            CHECK(hello->messages[0].flags == std::vector<std::string>{"too_good"});
            REQUIRE(hello->messages[1].attachment);
            CHECK(hello->messages[1].attachment->kind == "transfer");
            CHECK(hello->messages[1].attachment->detail == "试单佣金");
            const Node* task = s.find_node("task");
            REQUIRE(task);
            REQUIRE(task->choices.size() == 3);
            CHECK(task->choices[1].loses == 300);
            CHECK(task->choices[2].reports);
            CHECK(task->choices[2].next_pos.file == "valid/scenarios/rebate.toml");
            CHECK(task->choices[2].next_pos.line == 59);
            CHECK(task->choices[2].next_pos.column == 10);
            CHECK(task->messages[1].delay == 2.0);
            REQUIRE(s.endings.size() == 3);
            const Ending* partial = s.find_ending("end-partial");
            REQUIRE(partial);
            CHECK(partial->kind == EndingKind::partial);
            REQUIRE(partial->messages.size() == 1);
            CHECK(partial->messages[0].text == "你已被移出群聊");
            CHECK(s.find_ending("hello") == nullptr);
        }
    }
}
