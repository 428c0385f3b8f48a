// `fraudfree-pack lint`: exit codes, exact diagnostics (file as typed + relative path) and summary.
#include "support/tool_process.h"

#include <catch2/catch.hpp>

using ff::test::run_tool;

SCENARIO("lint accepts the shipped content") {
    const auto r = run_tool({"lint", "content/campus-core", "content/outreach/"}, "", ff::test::source_dir());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find(": error: ") == std::string::npos);
    CHECK(r.out.find("2 packs, ") == 0);
    CHECK(r.out.find(": 0 errors, ") != std::string::npos);
}

SCENARIO("lint reports each mistake at the file, line and column the author typed") {
    const std::string fixtures = ff::test::tool_fixtures_dir();
    GIVEN("a pack with a typo'd key, a dangling next and an unknown red flag") {
        const auto r = run_tool({"lint", "author_mistakes"}, "", fixtures);
        THEN("it exits 1 and lists all of them in file order, then the summary") {
            CHECK(r.exit_code == 1);
            CHECK(r.err ==
                  "author_mistakes/scenarios/rebate.toml:33:10: error: “next” 指向的节点 “tsak” 不存在（本剧本里没有这个 id 的 "
                  "node 或 ending）。你是不是想写 “task”？\n"
                  "author_mistakes/scenarios/rebate.toml:45:12: warning: 诈骗信号 “urgency” 在这条消息里出现了，但没有任何选项的 "
                  "“catches” 认出它，学生没法因为识破它而得分。请在识破它的回复里加上 catches = [\"urgency\"]。\n"
                  "author_mistakes/scenarios/rebate.toml:60:3: error: 不认识的键 “catchs”（可能是拼写错误）。你是不是想写 "
                  "“catches”？\n"
                  "author_mistakes/scenarios/rebate.toml:68:12: error: 诈骗信号 “pay_frist” 不存在（既不是内置的，也没有在 "
                  "pack.toml 的 [[red_flag]] 里定义）。你是不是想写 “pay_first”？\n");
            CHECK(r.out == "1 pack, 2 scenarios: 3 errors, 1 warning（1 个剧本包，2 个剧本：3 个错误，1 个警告）\n");
        }
    }
    GIVEN("the same pack named with a trailing slash or a longer path") {
        THEN("the prefix is the folder as typed, without a doubled slash") {
            const auto slash = run_tool({"lint", "author_mistakes/"}, "", fixtures);
            CHECK(slash.err.rfind("author_mistakes/scenarios/rebate.toml:33:10: error: ", 0) == 0);
            const auto longer = run_tool({"lint", "tests/tools/fixtures/author_mistakes"}, "", ff::test::source_dir());
            CHECK(longer.err.rfind("tests/tools/fixtures/author_mistakes/scenarios/rebate.toml:33:10: error: ", 0) == 0);
        }
    }
}

SCENARIO("lint exit codes") {
    const std::string fixtures = ff::test::fixtures_dir();
    WHEN("a pack only has warnings") {
        const auto r = run_tool({"lint", "warn_long_message"}, "", fixtures);
        THEN("it exits 0 and still shows the warning") {
            CHECK(r.exit_code == 0);
            CHECK(r.err ==
                  "warn_long_message/scenarios/main.toml:17:10: warning: 这条消息有 150 个字，超过了 140 个字，在手机聊天框里"
                  "太长；建议拆成几条短消息。\n");
            CHECK(r.out == "1 pack, 1 scenario: 0 errors, 1 warning（1 个剧本包，1 个剧本：0 个错误，1 个警告）\n");
        }
    }
    WHEN("one of several packs has an error") {
        const auto r = run_tool({"lint", "valid", "dangling_next", "warn_ending_kind"}, "", fixtures);
        THEN("it exits 1 and the summary counts all of them") {
            CHECK(r.exit_code == 1);
            CHECK(r.err.rfind("dangling_next/scenarios/rebate.toml:43:10: error: “next” 指向的节点 “task3” 不存在", 0) == 0);
            CHECK(r.out == "3 packs, 4 scenarios: 1 error, 1 warning（3 个剧本包，4 个剧本：1 个错误，1 个警告）\n");
        }
    }
    WHEN("a folder does not exist or has no pack.toml") {
        const auto r = run_tool({"lint", "no-such-pack", "missing_pack_toml"}, "", fixtures);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("no-such-pack: error: “no-such-pack” 不存在") != std::string::npos);
        CHECK(r.err.find("missing_pack_toml/pack.toml: error: 缺少 pack.toml") != std::string::npos);
        THEN("the summary counts only the folder as a pack, and every error") {
            CHECK(r.out.rfind("1 pack, 1 scenario: 2 errors", 0) == 0);
        }
    }
    WHEN("a glob also caught a plain file next to the packs (content/* with its README)") {
        const auto r = run_tool({"lint", "valid/pack.toml", "valid", "warn_long_message"}, "", fixtures);
        THEN("the file is skipped with a warning and the packs pass") {
            CHECK(r.exit_code == 0);
            CHECK(r.err.rfind("valid/pack.toml: warning: 是一个文件，不是剧本包文件夹，已跳过\n", 0) == 0);
            CHECK(r.out == "2 packs, 2 scenarios: 0 errors, 2 warnings（2 个剧本包，2 个剧本：0 个错误，2 个警告）\n");
        }
    }
    WHEN("the only thing to check is a file") {
        const auto r = run_tool({"lint", "valid/pack.toml"}, "", fixtures);
        THEN("it is an error: the author meant it as a pack") {
            CHECK(r.exit_code == 1);
            CHECK(r.err.find("valid/pack.toml: error: “valid/pack.toml” 是一个文件，不是剧本包") != std::string::npos);
        }
    }
    WHEN("the command line is wrong") {
        for (const auto& args : std::vector<std::vector<std::string>>{{"lint"}, {"lint", "--fast", "valid"}, {"lnit", "valid"}, {}}) {
            const auto r = run_tool(args, "", fixtures);
            CHECK(r.exit_code == 2);
            CHECK(r.err.find("usage: fraudfree-pack") != std::string::npos);
            CHECK(r.out.empty());
        }
    }
}

SCENARIO("every core error fixture fails lint with its diagnostic, every warning fixture passes") {
    const std::string fixtures = ff::test::fixtures_dir();
    for (const char* name : {"bad_start", "builtin_clash", "cycle", "dangling_next", "dead_end_node", "duplicate_ending_id",
                             "duplicate_node_id", "duplicate_quiz_id", "duplicate_scenario_id", "empty_scenario_file",
                             "empty_text", "missing_field", "no_messages", "syntax_error", "too_few_choices",
                             "too_many_choices", "unknown_category", "unknown_key", "unknown_red_flag",
                             "unreachable_node", "wrong_type"}) {
        const auto r = run_tool({"lint", name}, "", fixtures);
        INFO(name << "\n" << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.rfind(std::string(name) + "/", 0) == 0);
        CHECK(r.err.find(": error: ") != std::string::npos);
    }
    for (const char* name : {"valid", "warn_ending_kind", "warn_flag_never_caught", "warn_long_message"}) {
        const auto r = run_tool({"lint", name}, "", fixtures);
        INFO(name << "\n" << r.err);
        CHECK(r.exit_code == 0);
    }
}
