// The runs the dashboard keeps on one line: 「quoted names」 and counts with their unit.
#include "dashboard_phrases.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ff::web;

namespace {

// The runs as "text|" for plain and "[text]|" for keep-together, so one string shows the cut.
std::string cut_of(const std::string& text) {
    std::string out;
    for (const auto& p : split_phrases(text)) out += (p.keep_together ? "[" + p.text + "]" : p.text) + "|";
    return out;
}

std::string joined(const std::vector<Phrase>& runs) {
    std::string out;
    for (const auto& p : runs) out += p.text;
    return out;
}

} // namespace

SCENARIO("the still-missing sentences keep category names and counts whole") {
    CHECK(cut_of("7 名同学还没完成「刷单返利」；2 名同学还没完成「网络交友/敲诈」；还有 6 类也没达标") ==
          "[7 名同学]|还没完成|[「刷单返利」]|；|[2 名同学]|还没完成|[「网络交友/敲诈」]|；还有 |[6 类]|也没达标|");
    CHECK(cut_of("全部完成的同学占 41.7%，目标 80%：") == "全部完成的同学占 |[41.7%]|，目标 |[80%]|：|");
    CHECK(cut_of("班级最好成绩平均 72 分，还差 8 分；最弱的是「求职」（平均 60.5 分）") ==
          "班级最好成绩平均 |[72 分]|，还差 |[8 分]|；最弱的是|[「求职」]|（平均 |[60.5 分]|）|");
    CHECK(cut_of("12 名同学") == "[12 名同学]|");
}

SCENARIO("text without such phrases, or with look-alikes, stays as it is") {
    CHECK(split_phrases("").empty());
    CHECK(cut_of("还没有同学加入班级") == "还没有同学加入班级|");
    CHECK(cut_of("2026级计算机1班") == "2026级计算机1班|"); // a number without a unit
    CHECK(cut_of("「」与「没有结尾") == "「」与「没有结尾|");
    CHECK(cut_of("「一个超过二十个字的很长很长很长很长很长的类别名称」") ==
          "「一个超过二十个字的很长很长很长很长很长的类别名称」|");
    CHECK(cut_of("1.2.3 分") == "1.2.3 分|"); // a version, not a count
}

SCENARIO("cutting never loses or changes a byte, whatever the text") {
    for (std::string text : {"「「刷单」」", "3 名同学「」", "5.", "5 ", "」「", "1.2.3 分", "\xE3\x80", "%分类"})
        CHECK(joined(split_phrases(text)) == text);
}

SCENARIO("the HTML form escapes every run and wraps only the kept ones") {
    CHECK(phrases_html("1 名同学还没完成「<b>&」") ==
          "<span class=\"nowrap\">1 名同学</span>还没完成<span class=\"nowrap\">「&lt;b&gt;&amp;」</span>");
    CHECK(phrases_html("<i>") == "&lt;i&gt;");
    CHECK(nowrap_list_html({"奖助学金", "<x>"}) ==
          "<span class=\"nowrap\">奖助学金</span>、<span class=\"nowrap\">&lt;x&gt;</span>");
    CHECK(nowrap_list_html({}).empty());
}
