// Line breaker: a table of tricky Chinese/Latin strings with exact expected lines,
// plus properties (width, kinsoku, no lost text) and measure-call counts.
#include "text/line_break.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using ff::text::break_lines;
using Lines = std::vector<std::string>;

namespace {

// Fake font: ASCII 5 px per code point, anything else 10 px.
int fake_width(std::string_view s) {
    int w = 0;
    for (size_t pos = 0; pos < s.size();) w += ff::text::decode_next(s, pos) < 0x80 ? 5 : 10;
    return w;
}

struct Case {
    const char* what;
    std::string text;
    int width;
    Lines expected;
};

} // namespace

TEST_CASE("line breaking follows the kinsoku rules on tricky strings", "[line_break]") {
    const std::vector<Case> cases = {
        {"break between any two Han characters", "你好世界", 20, {"你好", "世界"}},
        {"comma and full stop never start a line", "你好，世界。", 20, {"你", "好，", "世", "界。"}},
        {"the character before a full stop is carried down", "一二三四五。", 50, {"一二三四", "五。"}},
        {"opening bracket never ends a line", "他说：「走吧」", 30, {"他说：", "「走", "吧」"}},
        {"Latin word between spaces stays whole", "请下载 Zoom 会议", 40, {"请下载", "Zoom 会", "议"}},
        {"number range stays whole with its unit", "日赚200-500元，轻松", 60, {"日赚", "200-500元，", "轻松"}},
        {"URL moves to the next line whole", "点击http://t.cn/A6abcdEF领取", 110,
         {"点击", "http://t.cn/A6abcdEF领", "取"}},
        {"e-mail address stays whole", "发邮件到 police@example.cn 咨询", 100,
         {"发邮件到", "police@example.cn 咨", "询"}},
        {"URL longer than a line is cut by character", "https://example.com/abcdefghij", 50,
         {"https://ex", "ample.com/", "abcdefghij"}},
        {"closing punctuation hangs when a long word is cut", "abcdefghij.", 25, {"abcde", "fghij."}},
        {"opening bracket is carried down when a long word is cut", "abcd(efgh", 25, {"abcd", "(efgh"}},
        {"curly quotes follow the kinsoku rules", "他说“好的”然后走了", 50, {"他说“好", "的”然后走", "了"}},
        {"ellipsis never starts a line", "等一下……好吗", 30, {"等一", "下……", "好吗"}},
        {"a number stays with the Han unit after it", "共3天", 20, {"共", "3天"}},
        {"spaces at a break are dropped", "hello     world", 30, {"hello", "world"}},
        {"leading spaces of a paragraph are kept", "  ab", 100, {"  ab"}},
        {"explicit newlines, an empty line between", "第一行\n\n第三行", 100, {"第一行", "", "第三行"}},
        {"only newlines", "\n\n", 100, {"", ""}},
        {"a final newline adds no line", "a\n", 100, {"a"}},
        {"CRLF line ends", "甲\r\n乙", 100, {"甲", "乙"}},
        {"empty text has no lines", "", 100, {}},
        {"narrower than one character", "中文", 5, {"中", "文"}},
        {"invalid UTF-8 is replaced", "ab\xff\xfe中", 100, {"ab\xEF\xBF\xBD\xEF\xBF\xBD中"}},
        {"truncated sequence at the end", "中\xE4\xB8", 100, {"中\xEF\xBF\xBD\xEF\xBF\xBD"}},
        {"overlong encoding is rejected", "\xC0\xAF", 100, {"\xEF\xBF\xBD\xEF\xBF\xBD"}},
        {"control characters are dropped", "a\x01" "b", 100, {"ab"}},
    };
    for (const Case& c : cases) {
        INFO(c.what << " | text: " << c.text << " | width " << c.width);
        CHECK(break_lines(c.text, c.width, fake_width) == c.expected);
    }
}

SCENARIO("a long mixed message lays out within the width without losing text", "[line_break]") {
    GIVEN("a message mixing Chinese, punctuation, numbers and a URL, repeated") {
        std::string text;
        for (int i = 0; i < 20; ++i)
            text += "【重要通知】您好！您的“校园贷”账户异常，请在24小时内登录 https://xyz-help.cn/fix "
                    "处理（逾期将影响征信），客服QQ：12345678。";
        for (int width : {35, 60, 97, 200, 333}) {
            WHEN("it is broken at width " + std::to_string(width)) {
                const Lines lines = break_lines(text, width, fake_width);
                THEN("each line fits, obeys kinsoku, and the text is complete") {
                    std::string joined;
                    for (const std::string& line : lines) {
                        INFO("line: " << line);
                        REQUIRE(!line.empty());
                        CHECK(fake_width(line) <= width);
                        size_t pos = 0;
                        CHECK_FALSE(ff::text::is_line_start_forbidden(ff::text::decode_next(line, pos)));
                        pos = line.size() - 1;
                        while (pos > 0 && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) --pos;
                        CHECK_FALSE(ff::text::is_line_end_forbidden(ff::text::decode_next(line, pos)));
                        joined += line;
                    }
                    std::string without_spaces;
                    for (char ch : text)
                        if (ch != ' ') without_spaces += ch;
                    std::string joined_without_spaces;
                    for (char ch : joined)
                        if (ch != ' ') joined_without_spaces += ch;
                    CHECK(joined_without_spaces == without_spaces);
                }
            }
        }
    }
}

SCENARIO("widths are measured once per distinct piece", "[line_break]") {
    int calls = 0;
    const ff::text::MeasureFn counting = [&](std::string_view s) {
        ++calls;
        return fake_width(s);
    };
    GIVEN("a text of two distinct characters repeated") {
        const std::string text = "你好你好你好你好你好你好";
        WHEN("it is broken once") {
            const Lines lines = break_lines(text, 30, counting);
            THEN("only the two characters are measured") {
                CHECK(lines == Lines{"你好你", "好你好", "你好你", "好你好"});
                CHECK(calls == 2);
            }
        }
        WHEN("a shared cache is used for a second message") {
            ff::text::WidthCache cache;
            break_lines(text, 30, counting, cache);
            const int first = calls;
            break_lines("好你好你 hello", 30, counting, cache);
            THEN("only the new pieces are measured") {
                CHECK(first == 2);
                CHECK(calls == first + 2); // " " and "hello"
            }
        }
    }
}

TEST_CASE("UTF-8 helpers count and repair code points", "[utf8]") {
    CHECK(ff::text::count_codepoints("") == 0);
    CHECK(ff::text::count_codepoints("a中😊") == 3);
    CHECK(ff::text::count_codepoints("\xff" "a") == 2);
    CHECK(ff::text::sanitize_utf8("ok中") == "ok中");
    CHECK(ff::text::sanitize_utf8("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
    CHECK(ff::text::truncate_codepoints("无诈校园反诈", 4) == "无诈校…");
    CHECK(ff::text::truncate_codepoints("无诈", 4) == "无诈");
}
