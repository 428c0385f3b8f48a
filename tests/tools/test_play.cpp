// `fraudfree-pack play`: --choices --json prints exactly core's result record; interactive
// play driven through stdin hides red flags until the debrief, re-asks and survives EOF.
#include "support/tool_process.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

#include <algorithm>

using ff::test::run_tool;

namespace {

std::string choice_list(const std::vector<int>& path) {
    std::string s;
    for (int n : path) s += (s.empty() ? "" : ",") + std::to_string(n);
    return s;
}

std::string expected_json(const ff::Pack& pack, const std::string& scenario, const std::vector<int>& path) {
    const auto r = ff::make_result(pack, scenario, path);
    REQUIRE(r.record);
    return ff::to_json(*r.record).dump(2) + "\n";
}

ff::Pack load(const std::string& dir) {
    auto r = ff::load_pack_dir(dir);
    REQUIRE(r.pack);
    return std::move(*r.pack);
}

} // namespace

SCENARIO("play --choices --json prints core's result record, byte for byte") {
    GIVEN("every path of every scenario in the outreach pack") {
        const ff::Pack pack = load(ff::test::source_dir() + "/content/outreach");
        for (const ff::Scenario& s : pack.scenarios)
            for (const auto& path : ff::all_paths(s)) {
                const auto r = run_tool({"play", "content/outreach", "--scenario", s.id, "--choices", choice_list(path), "--json"},
                                        "", ff::test::source_dir());
                INFO(s.id << " " << choice_list(path) << "\n" << r.err);
                CHECK(r.exit_code == 0);
                CHECK(r.err.empty());
                CHECK(r.out == expected_json(pack, s.id, path));
            }
    }
    GIVEN("the best and the worst path of every campus-core scenario") {
        const ff::Pack pack = load(ff::test::source_dir() + "/content/campus-core");
        for (const ff::Scenario& s : pack.scenarios) {
            const auto paths = ff::all_paths(s);
            auto score = [&](const std::vector<int>& p) { return ff::make_result(pack, s.id, p).record->score; };
            const auto [lo, hi] = std::minmax_element(paths.begin(), paths.end(),
                                                      [&](const auto& a, const auto& b) { return score(a) < score(b); });
            for (const auto& path : {*lo, *hi}) {
                const auto r = run_tool({"play", "content/campus-core", "--scenario", s.id, "--choices", choice_list(path),
                                         "--json"},
                                        "", ff::test::source_dir());
                INFO(s.id << " " << choice_list(path));
                CHECK(r.exit_code == 0);
                const auto j = nlohmann::json::parse(r.out);
                CHECK_FALSE(j.contains("id")); // no client UUID: this is not a submitted play
                CHECK(r.out == expected_json(pack, s.id, path));
            }
        }
    }
}

SCENARIO("play refuses an impossible path in plain words") {
    const std::string dir = ff::test::fixtures_dir();
    struct Case {
        const char* choices;
        const char* message;
    };
    for (const Case& c : {Case{"2,5", "剧本 “rebate-likes” 走不通这条路径：第 2 步没有选项 5（这一步只有 3 个选项）。\n"},
                          Case{"2", "剧本 “rebate-likes” 走不通这条路径：这条路径还没有走到结局（走了 1 步）。\n"},
                          Case{"1,1", "剧本 “rebate-likes” 走不通这条路径：第 2 步：剧本已经结束，不能再选择。\n"}}) {
        const auto r = run_tool({"play", "valid", "--scenario", "rebate-likes", "--choices", c.choices, "--json"}, "", dir);
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK(r.err == c.message);
    }
    CHECK(run_tool({"play", "valid", "--scenario", "rebate-likes", "--choices", "0,1", "--json"}, "", dir).exit_code == 2);
    CHECK(run_tool({"play", "valid", "--scenario", "rebate-likes", "--choices", "a", "--json"}, "", dir).exit_code == 2);
    CHECK(run_tool({"play", "valid", "--scenario", "rebate-likes", "--json"}, "", dir).exit_code == 2);
    CHECK(run_tool({"play", "valid"}, "", dir).exit_code == 2);
    const auto missing = run_tool({"play", "valid", "--scenario", "nope", "--choices", "1", "--json"}, "", dir);
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.rfind("剧本包 “test-valid” 里没有 id 为 “nope” 的剧本。", 0) == 0);
}

SCENARIO("interactive play driven through stdin") {
    const std::string dir = ff::test::fixtures_dir();
    GIVEN("a student who types a wrong key, an out-of-range number, then a full-width digit") {
        const auto r = run_tool({"play", "valid", "--scenario", "rebate-likes"}, "2\nx\n5\n２\n1\n", dir);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const std::string& o = r.out;
        const size_t debrief = o.find("════");
        REQUIRE(debrief != std::string::npos);
        const std::string before = o.substr(0, debrief);
        const std::string after = o.substr(debrief);
        THEN("the chat shows sender, text, attachment and numbered choices") {
            CHECK(before.find("【聊天 · QQ群】兼职小助手-琳琳\n") == 0);
            CHECK(before.find("兼职小助手-琳琳：同学你好～我们是XX传媒，招手机点赞员，日结200-500！\n") != std::string::npos);
            CHECK(before.find("  [转账] ¥ 12.00 · 试单佣金\n") != std::string::npos);
            CHECK(before.find("你会怎么回复？\n  1. 这种兼职我不做，谢谢。\n  2. 好呀，我试试。\n请输入 1–2（q 退出）：") !=
                  std::string::npos);
            CHECK(before.find("我：好呀，我试试。\n") != std::string::npos);
            CHECK(before.find("我：好的，我转 300。\n") != std::string::npos);
            CHECK(before.find("我：不对劲，我不转了，马上打 96110。\n") != std::string::npos);
        }
        THEN("a wrong answer is asked again, twice") {
            size_t n = 0;
            for (size_t p = before.find("没有这个选项：请输入 1 到 3 之间的数字。"); p != std::string::npos;
                 p = before.find("没有这个选项", p + 1))
                ++n;
            CHECK(n == 2);
        }
        THEN("red flags stay hidden until the debrief") {
            for (const char* hidden : {"too_good", "好得不真实", "pay_first", "先交钱", "⚑", "✓", "✗"})
                CHECK(before.find(hidden) == std::string::npos);
        }
        THEN("the debrief gives the ending, the score items, flags caught and missed with quotes, and what to do") {
            const auto rec = ff::make_result(load(dir + "/valid"), "rebate-likes", {2, 2, 1}).record;
            REQUIRE(rec);
            CHECK(after.find("结局：及时止损〔及时止损〕\n") != std::string::npos);
            CHECK(after.find("得分：" + std::to_string(rec->score) + " / 100\n") != std::string::npos);
            for (const auto& item : rec->score_items) CHECK(after.find(item.label) != std::string::npos);
            CHECK(after.find("你识破的诈骗信号：\n  ✓ 先交钱（手续费/保证金/解冻费）\n    “做得好！现在有进阶任务，先垫付 300 "
                             "元，完成后返 390 元。”\n") != std::string::npos);
            CHECK(after.find("你错过的诈骗信号：\n  ✗ 好得不真实\n    “同学你好～我们是XX传媒，招手机点赞员，日结200-500！”\n"
                             "    为什么危险：") != std::string::npos);
            CHECK(after.find("发生了什么：\n  你垫了 300 元，但在对方要“解冻费”时停了下来。\n") != std::string::npos);
            CHECK(after.find("现在该怎么做：\n  马上拨打 96110 或报警") != std::string::npos);
        }
        THEN("the ending's own last message is shown") { CHECK(o.find("兼职小助手-琳琳：你已被移出群聊\n") != std::string::npos); }
    }
    GIVEN("input that ends before an ending") {
        const auto r = run_tool({"play", "valid", "--scenario", "rebate-likes"}, "2\n", dir);
        THEN("it stops politely without a score") {
            CHECK(r.exit_code == 1);
            CHECK(r.out.find("（输入已结束，还没走到结局，这次不计分。）\n") != std::string::npos);
            CHECK(r.out.find("得分") == std::string::npos);
        }
    }
    GIVEN("a student who quits") {
        const auto r = run_tool({"play", "valid", "--scenario", "rebate-likes"}, "q\n", dir);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("（已退出，这次不计分。）\n") != std::string::npos);
    }
    GIVEN("a phone call scenario") {
        const auto r = run_tool({"play", "content/outreach", "--scenario", "police-parcel-call"}, "1\n1\n1\n1\n1\n1\n",
                                ff::test::source_dir());
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("【来电", 0) == 0);
        CHECK(r.out.find("你会怎么回答？") != std::string::npos);
        CHECK(r.out.find("════") != std::string::npos);
    }
}

SCENARIO("play --choices without --json shows the same conversation and debrief as typing them") {
    const std::string dir = ff::test::fixtures_dir();
    const auto typed = run_tool({"play", "valid", "--scenario", "rebate-likes"}, "2\n3\n", dir);
    const auto given = run_tool({"play", "valid", "--scenario", "rebate-likes", "--choices", "2,3"}, "", dir);
    REQUIRE(typed.exit_code == 0);
    REQUIRE(given.exit_code == 0);
    const auto debrief = [](const std::string& s) { return s.substr(std::min(s.find("════"), s.size())); };
    CHECK(debrief(typed.out).find("得分：") != std::string::npos);
    CHECK(debrief(typed.out) == debrief(given.out));
    CHECK(given.out.find("选择 3\n我：我先问问辅导员。\n") != std::string::npos);
}
