// One fixture per kind of mistake an author can make: each must be reported with the
// exact file, line, column and a message a police officer understands.
#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace ff;

namespace {

struct Expected {
    Severity severity;
    std::string file;
    int line;
    int column;
    std::string message;
};

Expected err(std::string file, int line, int column, std::string message) {
    return {Severity::error, std::move(file), line, column, std::move(message)};
}
Expected warn(std::string file, int line, int column, std::string message) {
    return {Severity::warning, std::move(file), line, column, std::move(message)};
}

bool matches(const Diagnostic& d, const Expected& e) {
    return d.severity == e.severity && d.file == e.file && d.line == e.line && d.column == e.column &&
           d.message == e.message;
}

// The fixture must fail (or pass, for warnings) and report exactly `expected`, among others.
void check_fixture(const std::string& name, const Expected& expected, bool loads = false) {
    const LoadResult r = load_fixture(name);
    INFO("fixture " << name << " gave:\n" << diagnostics_text(r));
    CHECK(r.pack.has_value() == loads);
    CHECK(has_errors(r.diagnostics) == !loads);
    bool found = false;
    for (const auto& d : r.diagnostics) found = found || matches(d, expected);
    CHECK(found);
}

// For fixtures whose mistake should be the only thing reported.
void check_only(const std::string& name, const Expected& expected, bool loads = false) {
    check_fixture(name, expected, loads);
    const LoadResult r = load_fixture(name);
    INFO(diagnostics_text(r));
    CHECK(r.diagnostics.size() == 1);
}

} // namespace

TEST_CASE("TOML syntax error gives toml++'s position", "[loader][errors]") {
    check_only("syntax_error",
               err("syntax_error/scenarios/broken.toml", 2, 14,
                   "TOML 格式错误：文字没有正确结束，可能少了一个引号。（原始信息：Error while parsing string: unescaped "
                   "control characters other than TAB (U+0009) are explicitly prohibited）"));
}

TEST_CASE("unknown key suggests the closest known key", "[loader][errors]") {
    check_only("unknown_key", err("unknown_key/scenarios/main.toml", 35, 3,
                                  "不认识的键 “dealy”（可能是拼写错误）。你是不是想写 “delay”？"));
}

TEST_CASE("missing field points at its table", "[loader][errors]") {
    check_only("missing_field",
               err("missing_field/scenarios/main.toml", 25, 3,
                   "[[node.choice]] 里缺少必填项 “next”（选了这个回复之后去哪个节点或结局，写它的 id）"));
}

TEST_CASE("wrong type says what was expected and what was written", "[loader][errors]") {
    check_only("wrong_type", err("wrong_type/scenarios/main.toml", 19, 11,
                                 "“delay” 的写法不对：应该是数字（不加引号，例如 1.5），这里写的是文字（带引号的字符串）。"));
}

TEST_CASE("duplicate ids", "[loader][errors]") {
    SECTION("scenario ids within a pack") {
        check_only("duplicate_scenario_id",
                   err("duplicate_scenario_id/scenarios/b.toml", 1, 6,
                       "剧本 id “base” 重复了：duplicate_scenario_id/scenarios/a.toml 已经用过这个 id"
                       "（同一个剧本包里每个剧本的 id 都不能重复）。"));
    }
    SECTION("node ids within a scenario") {
        check_only("duplicate_node_id",
                   err("duplicate_node_id/scenarios/main.toml", 53, 6,
                       "节点 id “n2” 重复了：第 30 行已经用过这个 id（同一个剧本里，节点和结局的 id 都不能重复）。"));
    }
    SECTION("ending ids within a scenario") {
        check_fixture("duplicate_ending_id",
                      err("duplicate_ending_id/scenarios/main.toml", 67, 6,
                          "结局 id “partial” 重复了：第 60 行已经用过这个 id（同一个剧本里，节点和结局的 id 都不能重复）。"));
    }
    SECTION("quiz ids within a pack") {
        check_only("duplicate_quiz_id",
                   err("duplicate_quiz_id/quiz.toml", 10, 6, "题目 id “q1” 重复了：第 2 行已经用过这个 id。"));
    }
    SECTION("a pack's own red flag may not reuse a built-in id") {
        check_only("builtin_clash",
                   err("builtin_clash/pack.toml", 9, 6,
                       "诈骗信号 id “urgency” 和内置的“催促或威胁”重名了，请换一个 id（内置的可以直接使用，不用再写）。"));
    }
}

TEST_CASE("a dangling next names the right file and line", "[loader][errors]") {
    // The pack has a clean a-ok.toml before the broken rebate.toml: the error must not
    // land on the wrong file.
    check_only("dangling_next", err("dangling_next/scenarios/rebate.toml", 43, 10,
                                    "“next” 指向的节点 “task3” 不存在（本剧本里没有这个 id 的 node 或 ending）。"));
}

TEST_CASE("start naming no node", "[loader][errors]") {
    check_only("bad_start", err("bad_start/scenarios/main.toml", 7, 9,
                                "“start” 指向的节点 “n0” 不存在（本剧本里没有这个 id 的 node）。你是不是想写 “n1”？"));
}

TEST_CASE("node that cannot be reached from start", "[loader][errors]") {
    check_only("unreachable_node",
               err("unreachable_node/scenarios/main.toml", 53, 6,
                   "节点 “n3” 从开头（start = “n1”）走不到：没有哪个能走到的选项用 “next” 指向它。"));
}

TEST_CASE("node from which no ending can be reached", "[loader][errors]") {
    const std::string msg =
        "出发，不管怎么选都到不了任何结局（选项只在几个节点之间绕圈）。每条路最后都要通向一个 [[ending]]。";
    check_fixture("dead_end_node", err("dead_end_node/scenarios/main.toml", 41, 6, "从节点 “n3” " + msg));
    check_fixture("dead_end_node", err("dead_end_node/scenarios/main.toml", 55, 6, "从节点 “n2” " + msg));
    // n1 still has ways out, so it is not a dead end.
    const LoadResult r = load_fixture("dead_end_node");
    for (const auto& d : r.diagnostics) CHECK(d.message.find("“n1”") == std::string::npos);
}

TEST_CASE("a reply leading back to an earlier node is a cycle", "[loader][errors]") {
    check_only("cycle", err("cycle/scenarios/main.toml", 38, 10,
                            "这个选项的 “next” = “n1” 又回到了前面走过的节点 “n1”，剧本会绕圈。"
                            "剧本只能往前走：请指向一个新的节点或结局。"));
}

TEST_CASE("unknown red flag and category suggest the right id", "[loader][errors]") {
    check_only("unknown_red_flag",
               err("unknown_red_flag/scenarios/main.toml", 34, 12,
                   "诈骗信号 “pay_frist” 不存在（既不是内置的，也没有在 pack.toml 的 [[red_flag]] 里定义）。"
                   "你是不是想写 “pay_first”？"));
    check_only("unknown_category",
               err("unknown_category/scenarios/main.toml", 4, 12,
                   "诈骗类型 “rebates” 不存在（既不是内置的，也没有在 pack.toml 的 [[category]] 里定义）。"
                   "你是不是想写 “rebate”？"));
}

TEST_CASE("empty text", "[loader][errors]") {
    check_only("empty_text", err("empty_text/scenarios/main.toml", 26, 10, "“text” 是空的，请写上内容。"));
}

TEST_CASE("choice counts: 2 to 4", "[loader][errors]") {
    check_only("too_many_choices", err("too_many_choices/scenarios/main.toml", 56, 3,
                                       "节点 “n2” 有 5 个选项，最多只能有 4 个（学生用 1–4 键选择）。"));
    check_fixture("too_few_choices", err("too_few_choices/scenarios/main.toml", 14, 6,
                                         "节点 “n1” 只有 1 个选项，至少要有 2 个（学生要能做出选择）。"));
}

TEST_CASE("a node without messages", "[loader][errors]") {
    check_only("no_messages", err("no_messages/scenarios/main.toml", 29, 1,
                                  "[[node]] 里缺少必填项 “message”（至少一条对方发来的消息 [[node.message]]）"));
}

TEST_CASE("whole-file problems have no line", "[loader][errors]") {
    check_only("empty_scenario_file",
               err("empty_scenario_file/scenarios/empty.toml", 0, 0,
                   "这个剧本文件是空的：请按 content/README.md 里的例子写剧本，或者删掉这个文件。"));
    check_only("missing_pack_toml", err("missing_pack_toml/pack.toml", 0, 0,
                                        "缺少 pack.toml：每个剧本包文件夹里都要有它，写明包的 id、标题和版本。"));
}

TEST_CASE("the same kinds of mistake in pack.toml, quiz.toml and nested tables", "[loader][errors]") {
    SECTION("a typo'd required key in pack.toml is one error at the typo, naming the right key") {
        check_only("pack_unknown_key",
                   err("pack_unknown_key/pack.toml", 3, 1,
                       "不认识的键 “titel”，是不是想写 “title”？pack.toml 里缺少必填项 “title”（标题），改正拼写就好。"));
    }
    SECTION("missing field in pack.toml points at the first key, not at the comment on line 1") {
        check_only("pack_missing_field",
                   err("pack_missing_field/pack.toml", 2, 1,
                       "pack.toml 里缺少必填项 “version”（版本号，整数，从 1 开始）。请把它写在文件开头、第一个 [段落] 之前"
                       "（写在 [段落] 下面的键属于那一段）"));
    }
    SECTION("unknown key inside a [[node.choice]]") {
        check_only("choice_unknown_key", err("choice_unknown_key/scenarios/rebate.toml", 61, 3,
                                             "不认识的键 “report”（可能是拼写错误）。你是不是想写 “reports”？"));
    }
    SECTION("unknown red flag in a choice's catches points at the list item") {
        check_fixture("catches_unknown_flag",
                      err("catches_unknown_flag/scenarios/rebate.toml", 50, 27,
                          "诈骗信号 “escalating_task” 不存在（既不是内置的，也没有在 pack.toml 的 [[red_flag]] 里定义）。"
                          "你是不是想写 “escalating_tasks”？"));
        // With the typo, the real flag is no longer caught anywhere: that is worth a warning too.
        check_fixture("catches_unknown_flag",
                      warn("catches_unknown_flag/scenarios/rebate.toml", 40, 12,
                           "诈骗信号 “escalating_tasks” 在这条消息里出现了，但没有任何选项的 “catches” 认出它，"
                           "学生没法因为识破它而得分。请在识破它的回复里加上 catches = [\"escalating_tasks\"]。"));
    }
    SECTION("unknown category in quiz.toml") {
        check_only("quiz_unknown_category",
                   err("quiz_unknown_category/quiz.toml", 11, 12,
                       "诈骗类型 “lotery” 不存在（既不是内置的，也没有在 pack.toml 的 [[category]] 里定义）。"
                       "你是不是想写 “lottery”？"));
    }
    SECTION("a debrief of only spaces (one ideographic) is empty") {
        check_only("empty_debrief",
                   err("empty_debrief/scenarios/rebate.toml", 85, 11, "“debrief” 是空的，请写上内容。"));
    }
}

SCENARIO("mistakes an author typing Chinese makes, each reported once where it is", "[loader][errors]") {
    GIVEN("a scenario whose \"summary\" was written under [contact], after two comment lines") {
        THEN("one error at that line says the scenario lacks it and to move the line up") {
            check_only("misplaced_key",
                       err("misplaced_key/scenarios/main.toml", 13, 1,
                           "“summary” 写在了 [contact] 下面，TOML 就把它算作这一段的键，所以剧本文件里缺少必填项 “summary”"
                           "（一句话简介，显示在剧本列表里）。请把这一行移到文件开头、第一个 [段落] 之前。"));
        }
    }
    GIVEN("the same scenario without the misplaced line: no \"summary\" anywhere") {
        PackFiles files = read_pack_files(ff::test::fixtures_dir() + "/misplaced_key");
        std::string& text = files.at("scenarios/main.toml");
        const size_t line = text.find("summary = ");
        REQUIRE(line != std::string::npos);
        text.erase(line, text.find('\n', line) + 1 - line);
        const LoadResult r = load_pack(files, "p");
        THEN("the missing field points at the file's first key line and says where top-level keys go") {
            INFO(diagnostics_text(r));
            REQUIRE(r.diagnostics.size() == 1);
            const Diagnostic& d = r.diagnostics[0];
            CHECK(d.line == 3);
            CHECK(d.column == 1);
            CHECK(d.message == "剧本文件里缺少必填项 “summary”（一句话简介，显示在剧本列表里）。请把它写在文件开头、"
                               "第一个 [段落] 之前（写在 [段落] 下面的键属于那一段）");
        }
    }
    GIVEN("a required key misspelt inside a table") {
        THEN("one error at the typo suggests the key and says it is required") {
            check_only("typo_required_key",
                       err("typo_required_key/scenarios/main.toml", 12, 1,
                           "不认识的键 “avatr”，是不是想写 “avatar”？[contact] 里缺少必填项 “avatar”（头像，例如 \"girl\"），"
                           "改正拼写就好。"));
        }
    }
    GIVEN("a value wrapped in Chinese quotes") {
        THEN("the error points at the quote and shows the line with English quotes") {
            check_only("chinese_quotes",
                       err("chinese_quotes/scenarios/main.toml", 3, 9,
                           "TOML 格式错误：文字两边要用英文引号 \"，这里用的是中文引号 “。请改成：title = \"点赞赚钱，日结200\"  # 标题"
                           "（文字里面的中文引号可以保留）。（原始信息：Error while parsing value: could not determine value "
                           "type）"));
        }
    }
}

TEST_CASE("warnings do not stop a pack from loading", "[loader][warnings]") {
    check_only("warn_ending_kind",
               warn("warn_ending_kind/scenarios/main.toml", 1, 6,
                    "这个剧本走不到任何 “partial”（上当后及时止损） 结局。每个剧本最好三种结局都有：safe、partial、scammed。"),
               true);
    check_only("warn_flag_never_caught",
               warn("warn_flag_never_caught/scenarios/main.toml", 34, 25,
                    "诈骗信号 “urgency” 在这条消息里出现了，但没有任何选项的 “catches” 认出它，学生没法因为识破它而得分。"
                    "请在识破它的回复里加上 catches = [\"urgency\"]。"),
               true);
    check_only("warn_long_message",
               warn("warn_long_message/scenarios/main.toml", 17, 10,
                    "这条消息有 150 个字，超过了 140 个字，在手机聊天框里太长；建议拆成几条短消息。"),
               true);
}

TEST_CASE("diagnostics format as file:line:col: severity: message", "[diagnostics]") {
    CHECK(format_diagnostic({Severity::error, "a/b.toml", 3, 7, "坏了"}) == "a/b.toml:3:7: error: 坏了");
    CHECK(format_diagnostic({Severity::warning, "a/b.toml", 3, 0, "注意"}) == "a/b.toml:3: warning: 注意");
    CHECK(format_diagnostic({Severity::error, "a/b.toml", 0, 0, "整个文件"}) == "a/b.toml: error: 整个文件");
    const std::vector<Diagnostic> ds{{Severity::warning, "f", 1, 1, "w"}, {Severity::error, "f", 2, 1, "e"},
                                     {Severity::warning, "f", 3, 1, "w"}};
    CHECK(has_errors(ds));
    CHECK_FALSE(has_errors({ds[0]}));
    CHECK(count(ds, Severity::warning) == 2);
    CHECK(count(ds, Severity::error) == 1);
}
