// The loader on awkward input: every field's range and type, and input that must never
// crash or hang it (deep nesting, huge numbers, invalid UTF-8, empty files).
#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace ff;

namespace {

PackFiles valid_files() { return read_pack_files(test::fixtures_dir() + "/valid"); }

// The valid pack with one textual replacement in the scenario file.
LoadResult load_with(const std::string& from, const std::string& to, const std::string& file = "scenarios/rebate.toml",
                     const std::string& from2 = "", const std::string& to2 = "") {
    PackFiles files = valid_files();
    std::string& text = files.at(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    if (!from2.empty()) {
        const auto at2 = text.find(from2);
        REQUIRE(at2 != std::string::npos);
        text.replace(at2, from2.size(), to2);
    }
    return load_pack(files, "p");
}

// The one error diagnostic of a result (a copy: results are often temporaries).
Diagnostic only_error(const LoadResult& r) {
    INFO(diagnostics_text(r));
    REQUIRE_FALSE(r.pack);
    REQUIRE(count(r.diagnostics, Severity::error) == 1);
    for (const auto& d : r.diagnostics)
        if (d.severity == Severity::error) return d;
    FAIL("unreachable");
    return r.diagnostics.front();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("field values out of their range", "[loader][inputs]") {
    SECTION("channel") {
        const Diagnostic d = only_error(load_with("channel = \"chat\"", "channel = \"wechat\""));
        CHECK(d.line == 6);
        CHECK(d.message == "渠道 “wechat” 不存在。只能写 chat（聊天）、sms（短信）或 call（电话）。");
    }
    SECTION("sms and call need a number") {
        const Diagnostic d = only_error(load_with("channel = \"chat\"", "channel = \"sms\""));
        CHECK(d.line == 9);
        CHECK(d.message == "[contact] 里缺少必填项 “number”（电话号码或短信号码）");
    }
    SECTION("difficulty") {
        const Diagnostic d = only_error(load_with("difficulty = 1", "difficulty = 4"));
        CHECK(d.message == "“difficulty” 的值 4 不在允许的范围内：1、2 或 3。");
    }
    SECTION("avatar") {
        CHECK(contains(only_error(load_with("avatar = \"girl\"", "avatar = \"cat\"")).message, "头像 “cat” 不存在"));
    }
    SECTION("attachment kind") {
        const Diagnostic d = only_error(load_with("kind = \"transfer\"", "kind = \"video\""));
        CHECK(d.line == 24);
        CHECK(contains(d.message, "附件种类 “video” 不存在"));
    }
    SECTION("delay") {
        CHECK(only_error(load_with("delay = 1.5", "delay = 31")).message == "“delay” 的值不在允许的范围内：0 到 30 秒。");
        CHECK(contains(only_error(load_with("delay = 1.5", "delay = nan")).message, "0 到 30 秒"));
        CHECK(contains(only_error(load_with("delay = 1.5", "delay = -inf")).message, "0 到 30 秒"));
    }
    SECTION("loses") {
        CHECK(contains(only_error(load_with("loses = 300", "loses = -300")).message, "0 或正整数"));
        CHECK(contains(only_error(load_with("loses = 300", "loses = 9223372036854775807")).message, "0 或正整数"));
    }
    SECTION("ending kind") {
        CHECK(contains(only_error(load_with("kind = \"partial\"", "kind = \"half\"")).message, "结局种类 “half” 不存在"));
    }
    SECTION("scenario id characters") {
        CHECK(contains(only_error(load_with("id = \"rebate-likes\"", "id = \"Rebate Likes\"")).message,
                       "只能用小写英文字母、数字和“-”"));
    }
    SECTION("start naming an ending") {
        const Diagnostic d = only_error(load_with("start = \"hello\"", "start = \"end-safe\""));
        CHECK(d.message == "“start” 必须指向一个节点 [[node]]，不能直接指向结局 “end-safe”。");
    }
    SECTION("pack version and authors") {
        CHECK(contains(only_error(load_with("version = 3", "version = 0", "pack.toml")).message, "从 1 开始的整数"));
        CHECK(contains(only_error(load_with("authors = [\"测试作者\"]", "authors = []", "pack.toml")).message,
                       "至少要写一位作者"));
        CHECK(contains(only_error(load_with("id = \"test-valid\"", "id = \"x\"", "pack.toml")).message, "长度 2 到 40"));
    }
    SECTION("quiz answer and options") {
        CHECK(contains(only_error(load_with("answer = 2\nexplain = \"所有", "answer = 4\nexplain = \"所有", "quiz.toml")).message,
                       "从 1 数到 3"));
        CHECK(contains(only_error(load_with("options = [\"正规兼职\", \"刷单返利诈骗\", \"学校勤工俭学\"]",
                                            "options = [\"正规兼职\"]", "quiz.toml"))
                           .message,
                       "要有 2 到 4 个选项"));
        CHECK(contains(only_error(load_with("category = \"lottery\"", "category = \"lotery\"", "quiz.toml")).message,
                       "你是不是想写 “lottery”？"));
    }
}

TEST_CASE("wrong types anywhere are reported, not thrown", "[loader][inputs]") {
    CHECK(contains(only_error(load_with("flags = [\"too_good\"]", "flags = \"too_good\"")).message,
                   "应该是文字列表（例如 [\"too_good\", \"urgency\"]）"));
    CHECK(contains(only_error(load_with("flags = [\"too_good\"]", "flags = [1]")).message, "这里写的是整数"));
    CHECK(contains(only_error(load_with("reports = true", "reports = \"yes\"")).message, "true 或 false"));
    CHECK(contains(only_error(load_with("loses = 300", "loses = 300.5")).message, "这里写的是小数"));
    CHECK(contains(only_error(load_with("title = \"点赞赚钱，日结200-500\"", "title = 1979-05-27")).message, "日期/时间"));
    CHECK(contains(only_error(load_with("attachment = {", "attachment = [{", "scenarios/rebate.toml", "detail = \"试单佣金\" }", "detail = \"试单佣金\" }]")).message, "应该是一个表"));
    SECTION("[contact] written as [[contact]]") {
        CHECK(contains(only_error(load_with("[contact]", "[[contact]]")).message, "应该是一个表"));
    }
    SECTION("[[node]] written as a single [node] table") {
        PackFiles files = valid_files();
        files["scenarios/rebate.toml"] =
            "id = \"s\"\ntitle = \"t\"\nsummary = \"s\"\ncategory = \"rebate\"\ndifficulty = 1\nchannel = \"chat\"\n"
            "start = \"a\"\n[contact]\nname = \"n\"\navatar = \"girl\"\n[node]\nid = \"a\"\n"
            "[[ending]]\nid = \"e\"\nkind = \"safe\"\ntitle = \"t\"\ndebrief = \"d\"\naction = \"a\"\n";
        const LoadResult r = load_pack(files, "p");
        INFO(diagnostics_text(r));
        CHECK_FALSE(r.pack);
        bool found = false;
        for (const auto& d : r.diagnostics)
            found = found || (d.line == 11 && contains(d.message, "应该是用两层方括号写的段落 [[...]]"));
        CHECK(found);
    }
}

TEST_CASE("hostile and broken input never crashes or hangs the loader", "[loader][inputs]") {
    auto check_fails = [](const std::string& scenario_text) {
        PackFiles files = valid_files();
        files["scenarios/rebate.toml"] = scenario_text;
        const LoadResult r = load_pack(files, "p");
        CHECK_FALSE(r.pack);
        CHECK(has_errors(r.diagnostics));
        for (const auto& d : r.diagnostics) {
            CHECK_FALSE(d.file.empty());
            CHECK_FALSE(d.message.empty());
        }
        return r;
    };
    SECTION("deep nesting") {
        const auto r = check_fails("a = " + std::string(100000, '[') + std::string(100000, ']'));
        CHECK(r.diagnostics[0].line == 1);
        check_fails(std::string(5000, '[') + "a" + std::string(5000, ']'));
        check_fails("a = " + std::string(300, '{') );
    }
    SECTION("huge numbers") {
        const auto r = check_fails("difficulty = 99999999999999999999999999");
        CHECK(contains(r.diagnostics[0].message, "数字太大了"));
        check_fails("difficulty = 1e99999");
    }
    SECTION("invalid UTF-8") {
        const auto r = check_fails("id = \"\xff\xfe\"\n");
        CHECK(r.diagnostics[0].line == 1);
        CHECK(contains(r.diagnostics[0].message, "UTF-8"));
        check_fails("\xc3");
        check_fails(std::string("id = \"a\0b\"", 10));
    }
    SECTION("empty and blank files") {
        check_fails("");
        check_fails("\n\n   \n# only a comment\n");
        check_fails("\xef\xbb\xbf");
    }
    SECTION("an empty pack.toml") {
        PackFiles files = valid_files();
        files["pack.toml"] = "";
        const LoadResult r = load_pack(files, "p");
        INFO(diagnostics_text(r));
        CHECK_FALSE(r.pack);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].message ==
              "pack.toml 是空的：请写明包的 id、title、version、language、authors 和 description。");
        CHECK(r.diagnostics[0].line == 0);
    }
    SECTION("a very long line and a long key") {
        check_fails(std::string(200000, 'x'));
        check_fails(std::string(100000, 'k') + " = 1");
    }
    SECTION("files that are not part of a pack (e.g. from an upload)") {
        PackFiles files = valid_files();
        files["../evil.toml"] = "id = \"x\"";
        const LoadResult r = load_pack(files, "p");
        CHECK_FALSE(r.pack);
        CHECK(contains(only_error(r).message, "这个文件不属于剧本包"));
        CHECK(only_error(r).file == "p/../evil.toml");
    }
    SECTION("no scenarios at all") {
        PackFiles files = valid_files();
        files.erase("scenarios/rebate.toml");
        CHECK(contains(only_error(load_pack(files, "p")).message, "剧本包里还没有剧本"));
    }
}

SCENARIO("Chinese quotes around a value", "[loader][inputs]") {
    WHEN("each kind a Chinese input method types wraps a value") {
        for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
                 {"“", "”"}, {"‘", "’"}, {"＂", "＂"}, {"「", "」"}, {"”", "”"}}) {
            // Checked in the loop, not in a THEN: Catch2 runs a section only once per pass.
            const Diagnostic d = only_error(load_with("avatar = \"girl\"", "avatar = " + open + "girl" + close));
            INFO(d.message);
            CHECK(d.line == 11);
            CHECK(d.column == 10);
            CHECK(contains(d.message, "这里用的是中文引号 " + open + "。请改成：avatar = \"girl\"（"));
        }
    }
    WHEN("only the opening quote is Chinese") {
        const Diagnostic d = only_error(load_with("avatar = \"girl\"", "avatar = “girl\""));
        THEN("the fix is the same line with straight quotes") {
            CHECK(d.column == 10);
            CHECK(contains(d.message, "这里用的是中文引号 “。请改成：avatar = \"girl\"（"));
        }
    }
    WHEN("only the closing quote is Chinese") {
        const Diagnostic d = only_error(load_with("avatar = \"girl\"", "avatar = \"girl”  "));
        THEN("it says the text has no end and shows the fixed line") {
            CHECK(d.line == 11);
            CHECK(d.message == "TOML 格式错误：文字结尾的引号用了中文引号 ”，TOML 找不到文字在哪里结束。请改成：avatar = \"girl\""
                               "（文字里面的中文引号可以保留）。（原始信息：Error while parsing string: unescaped control "
                               "characters other than TAB (U+0009) are explicitly prohibited）");
        }
    }
    WHEN("a straight quote is simply missing at the end") {
        const Diagnostic d = only_error(load_with("avatar = \"girl\"", "avatar = \"girl"));
        THEN("the general advice stays") { CHECK(contains(d.message, "文字没有正确结束，可能少了一个引号")); }
    }
    WHEN("they wrap an item of a list") {
        const Diagnostic d = only_error(load_with("flags = [\"too_good\"]", "flags = [“too_good”]"));
        THEN("the fix keeps the brackets") { CHECK(contains(d.message, "请改成：flags = [\"too_good\"]（")); }
    }
    WHEN("the line is too long to repeat") {
        const std::string long_text(90, 'x');
        const Diagnostic d = only_error(load_with("avatar = \"girl\"", "avatar = “" + long_text + "”"));
        THEN("it says what to change without the line") {
            CHECK(contains(d.message, "中文引号 “。请把两边的中文引号换成英文引号（文字里面的中文引号可以保留）。"));
        }
    }
    WHEN("Chinese quotes are inside straight quotes") {
        const LoadResult r = load_with("text = \"同学你好", "text = \"“同学”你好");
        THEN("that is fine") { CHECK(r.pack.has_value()); }
    }
}

SCENARIO("numbers and web addresses that may belong to real people are written masked", "[loader][inputs]") {
    // The valid pack with `number` added to its chat contact (line 12, value at column 10).
    auto with_number = [](const std::string& number) {
        return load_with("avatar = \"girl\"", "avatar = \"girl\"\nnumber = \"" + number + "\"");
    };
    auto warnings = [](const LoadResult& r) {
        std::vector<Diagnostic> out;
        for (const auto& d : r.diagnostics)
            if (d.severity == Severity::warning) out.push_back(d);
        return out;
    };
    WHEN("a text holds a full number") {
        const std::vector<std::pair<std::string, std::string>> cases{
            {"+86 138 0013 8000", "“+86 138 0013 8000” 看起来是一个完整的手机号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                                  "请写成 “+86 138****8000”（见 content/README.md 的“号码怎么写”）。"},
            {"13800138000", "“13800138000” 看起来是一个完整的手机号"},
            {"138-0013-8000", "请写成 “138****8000”"},
            {"010-1234 5678", "“010-1234 5678” 看起来是一个完整的座机号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                              "请写成 “010-****5678”"},
            {"+852 1234 5678", "看起来是一个完整的境外号码，可能属于真实的人。剧本里的号码要遮住中间几位，请写成 “+852 ****5678”"},
            {"1065 1234 5678", "完整的短信端口号，可能属于真实的人。剧本里的号码要遮住中间几位，请写成 “1065****5678”"},
            {"加我QQ 12345678", "“12345678” 看起来是一个完整的QQ号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                                  "请写成 “12****5678”"},
            {"加我微信：xiaoyu_2024", "“xiaoyu_2024” 看起来是一个完整的微信号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                                      "请写成 “xi****24”"},
            {"卡号 6217 0023 1234 5678", "看起来是一个完整的银行卡号或身份证号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                                        "请写成 “6217 **** **** 5678”"},
            {"加我微信细聊哈：wj_hr0826", "“wj_hr0826” 看起来是一个完整的微信号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                                        "请写成 “wj****26”"},
            {"会议号 338 216 904", "“338 216 904” 看起来是一个完整的会议号，可能属于真实的人。剧本里的号码要遮住中间几位，"
                                  "请写成 “338 *** 904”"},
            {"会议号：338216904", "请写成 “338 *** 904”"},
            {"请点 hb-qt.cn/close 登录", "“hb-qt.cn” 看起来是一个完整的网址，可能是别人真实注册的网站。剧本里骗子的网址要遮住名字中间"
                                       "几个字母，请写成 “hb****-qt.cn”（见 content/README.md 的“号码怎么写”）。"},
            {"http://gjzxj-edu.top/lq", "请写成 “gj****-edu.top”"},
            {"https://v.dy-zan.cn/t/x8K2q", "请写成 “v.dy****-zan.cn”"},
            {"网址 www.Sugou.com.cn。", "“www.Sugou.com.cn” 看起来是一个完整的网址，可能是别人真实注册的网站。剧本里骗子的网址要遮住名字中间"
                                       "几个字母，请写成 “www.Su****.com.cn”"},
        };
        for (const auto& [number, message] : cases) {
            const LoadResult r = with_number(number);
            INFO(number << "\n" << diagnostics_text(r));
            CHECK(r.pack.has_value()); // a warning, not an error
            const auto ws = warnings(r);
            REQUIRE(ws.size() == 1);
            CHECK(ws[0].line == 12);
            CHECK(ws[0].column == 10);
            CHECK(contains(ws[0].message, message));
        }
    }
    WHEN("a message text quotes one") {
        const LoadResult r = load_with("text = \"同学你好", "text = \"打我电话 13912345678，同学你好");
        const auto ws = warnings(r);
        REQUIRE(ws.size() == 1);
        CHECK(ws[0].line == 18);
        CHECK(contains(ws[0].message, "请写成 “139****5678”"));
    }
    WHEN("a text holds several, one of them twice") {
        const LoadResult r =
            with_number("打 138 0013 8000 或加QQ 12345678，微信 xiaoyu_2024；再说一遍：138 0013 8000");
        const auto ws = warnings(r);
        INFO(diagnostics_text(r));
        REQUIRE(ws.size() == 3);
        CHECK(contains(ws[0].message, "请写成 “138****8000”"));
        CHECK(contains(ws[1].message, "请写成 “12****5678”"));
        CHECK(contains(ws[2].message, "请写成 “xi****24”"));
    }
    WHEN("a text holds a number and a web address") {
        const auto ws = warnings(with_number("加QQ 12345678，下载 dl.miyu-chat.cc/miyu.apk，再点 dl.miyu-chat.cc"));
        REQUIRE(ws.size() == 2);
        CHECK(contains(ws[0].message, "请写成 “12****5678”"));
        CHECK(contains(ws[1].message, "请写成 “dl.mi****-chat.cc”"));
    }
    WHEN("numbers and addresses are masked, official, or not numbers or addresses at all") {
        for (const std::string text :
             {"+86 138****8000", "150****4406", "027-****5620", "+852 ****2290", "1065****8867", "QQ 28****6450",
              "微信 xi****24", "6217 **** **** 0417", "打96110或110，也可以打12321举报", "国家反诈中心APP", "尾号0417的账户",
              "订单号 YY20240319", "邀请码 LL2866", "验证码662017", "连续3单，888、2888、5888", "日结200-500元",
              "2023-2024学年", "转账3150.00元", "QQ群", "微信零钱", "会议号 338 *** 904",
              "hb****-qt.cn/close", "http://gj****-edu.top/lq", "v.dy****-zan.cn", "政府网站以 gov.cn 结尾，学校官网以 edu.cn 结尾",
              "www.moe.gov.cn", "www.tsinghua.edu.cn", "www.example.com", ".top 结尾", "蜜语 v2.3.apk", "逮捕令.pdf",
              "版本 1.2.3", "收益 3150.00 元", "订单冻结通知.jpg"}) {
            const LoadResult r = with_number(text);
            INFO(text << "\n" << diagnostics_text(r));
            CHECK(r.diagnostics.empty());
        }
    }
}

TEST_CASE("diagnostics come in file order and use the display root", "[loader][inputs]") {
    PackFiles files = valid_files();
    files["scenarios/rebate.toml"].replace(files["scenarios/rebate.toml"].find("delay = 2"), 9, "dealy = 2");
    files["scenarios/rebate.toml"].replace(files["scenarios/rebate.toml"].find("avatar = \"girl\""), 15, "avatar = 1");
    files["pack.toml"] += "\nfoo = 1\n";
    const LoadResult r = load_pack(files, "content/x/");
    INFO(diagnostics_text(r));
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].file == "content/x/pack.toml");
    CHECK(r.diagnostics[1].file == "content/x/scenarios/rebate.toml");
    CHECK(r.diagnostics[1].line == 11);
    CHECK(r.diagnostics[2].line == 44);
    // Appended after [[red_flag]], so it belongs to that table.
    CHECK(r.diagnostics[0].message == "不认识的键 “foo”（可能是拼写错误）。[[red_flag]] 里可以写的键有：id、name、explain。");
    const LoadResult bare = load_pack(files, "");
    REQUIRE_FALSE(bare.diagnostics.empty());
    CHECK(bare.diagnostics[0].file == "pack.toml");
}
