// Parsing one TOML file with toml++; syntax errors become a diagnostic an author can act on.
#include "pack_parts.h"

#include <string_view>

namespace ff::detail {
namespace {

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
        diags.error(pos_of(e.source(), file),
                    "TOML 格式错误：" + explain_syntax_error(what) + "。（原始信息：" + std::string(what) + "）");
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(SourcePos{file, 0, 0}, std::string("无法读取这个文件：") + e.what());
        return std::nullopt;
    }
}

} // namespace ff::detail
