// Parsing one TOML file with toml++; syntax errors become a diagnostic an author can act on.
#include "pack_parts.h"

#include "text_util.h"

#include <string_view>

namespace ff::detail {
namespace {

// Quotes a Chinese input method types in place of TOML's straight " and '.
constexpr std::string_view kWideQuotes[] = {"“", "”", "‘", "’", "＂", "＇", "「", "」", "『", "』"};

// The wide quote that starts `s`, or "".
std::string_view wide_quote_at(std::string_view s) {
    for (auto q : kWideQuotes)
        if (s.substr(0, q.size()) == q) return q;
    return {};
}

// Line `line` (1-based) of `text`, without its line break.
std::string_view line_of(std::string_view text, size_t line) {
    size_t start = 0;
    for (size_t n = 1; n < line; ++n) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    const size_t end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

// Byte offset of code point `column` (1-based, as toml++ counts) in `line`, or npos.
size_t byte_offset(std::string_view line, size_t column) {
    size_t cp = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
        if (++cp == column) return i;
    }
    return std::string_view::npos;
}

// A value wrapped in Chinese quotes (title = “点赞”) is the commonest syntax error of authors
// who type with a Chinese input method; toml++ only says it "could not determine value type".
// Returns the advice, with the corrected line when it is short enough to read at a glance.
std::string wide_quote_advice(std::string_view text, const toml::source_position& at) {
    const std::string_view line = line_of(text, at.line);
    const size_t open = byte_offset(line, at.column);
    if (open == std::string_view::npos) return {};
    const std::string_view q = wide_quote_at(line.substr(open));
    if (q.empty()) return {};
    std::string fix = "请把两边的中文引号换成英文引号";
    // The closing quote is the wide quote followed only by spaces and then a comment, a comma,
    // a bracket or the end of the line; quotes inside the text can stay as they are.
    for (size_t i = open + q.size(); i < line.size(); ++i) {
        // The input method may have switched back to English for the closing quote.
        const std::string_view close = line[i] == '"' ? std::string_view("\"") : wide_quote_at(line.substr(i));
        if (close.empty()) continue;
        const size_t rest = line.find_first_not_of(" \t", i + close.size());
        if (rest != std::string_view::npos && std::string_view("#,]}").find(line[rest]) == std::string_view::npos)
            continue;
        std::string fixed = std::string(line.substr(0, open)) + "\"" +
                            std::string(line.substr(open + q.size(), i - open - q.size())) + "\"" +
                            std::string(line.substr(i + close.size()));
        fixed.erase(0, fixed.find_first_not_of(" \t"));
        if (utf8_length(fixed) <= 60) fix = "请改成：" + fixed;
        break;
    }
    return "文字两边要用英文引号 \"，这里用的是中文引号 " + std::string(q) + "。" + fix + "（文字里面的中文引号可以保留）";
}

// title = "点赞” : the text opens with a straight quote but closes with a Chinese one, so
// toml++ runs to the end of the line looking for the end of the text.
std::string wide_closing_quote_advice(std::string_view text, const toml::source_position& at) {
    std::string_view line = line_of(text, at.line);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    for (auto q : kWideQuotes) {
        if (line.size() < q.size() || line.substr(line.size() - q.size()) != q) continue;
        if (line.find('"') == std::string_view::npos) return {};
        std::string fixed = std::string(line.substr(0, line.size() - q.size())) + "\"";
        fixed.erase(0, fixed.find_first_not_of(" \t"));
        return "文字结尾的引号用了中文引号 " + std::string(q) + "，TOML 找不到文字在哪里结束。" +
               (utf8_length(fixed) <= 60 ? "请改成：" + fixed : "请把结尾的引号换成英文引号 \"") +
               "（文字里面的中文引号可以保留）";
    }
    return {};
}

// toml++ describes syntax errors in English; put the likely cause in Chinese in front.
std::string explain_syntax_error(std::string_view what) {
    auto has = [&](std::string_view s) { return what.find(s) != std::string_view::npos; };
    if (has("utf-8") || has("UTF-8")) return "文件里有无法识别的字符，请用 UTF-8 编码保存文件";
    if (has("cannot redefine")) return "同一个键或同一段写了两次（每个键在一段里只能写一次）";
    if (has("not representable")) return "数字太大了";
    if (has("maximum nested")) return "括号嵌套得太深了";
    if (has("parsing string") || has("unterminated")) return "文字没有正确结束，可能少了一个引号";
    if (has("expected a comment or whitespace")) return "一行里值的后面还有多余的内容（是不是少了引号，或者两个键写在了一行？）";
    if (has("key-value pair") || has("expected '='")) return "这一行应该写成 键 = 值 的样子";
    if (has("bare key") || has("parsing key")) return "这里应该是一个英文键名（例如 text = \"...\"）";
    if (has("end-of-file")) return "文件意外结束，可能有括号或引号没有闭合";
    return "这里不符合 TOML 的写法";
}

} // namespace

std::optional<toml::table> parse_toml_file(const std::string& text, const std::string& file, Diags& diags) {
    try {
        return toml::parse(std::string_view(text), std::string_view(file));
    } catch (const toml::parse_error& e) {
        const std::string_view what = e.description();
        std::string cause = wide_quote_advice(text, e.source().begin);
        if (cause.empty() && what.find("parsing string") != std::string_view::npos)
            cause = wide_closing_quote_advice(text, e.source().begin);
        if (cause.empty()) cause = explain_syntax_error(what);
        diags.error(pos_of(e.source(), file), "TOML 格式错误：" + cause + "。（原始信息：" + std::string(what) + "）");
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(SourcePos{file, 0, 0}, std::string("无法读取这个文件：") + e.what());
        return std::nullopt;
    }
}

} // namespace ff::detail
