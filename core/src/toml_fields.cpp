// Typed field access with positions and plain-Chinese problems for authors.
#include "toml_fields.h"

#include "text_util.h"
#include "unmasked_domain.h"
#include "unmasked_number.h"

#include <cmath>

namespace ff::detail {

void Diags::error(const SourcePos& p, std::string message) {
    list.push_back(Diagnostic{Severity::error, p.file, p.line, p.column, std::move(message)});
}

void Diags::warning(const SourcePos& p, std::string message) {
    list.push_back(Diagnostic{Severity::warning, p.file, p.line, p.column, std::move(message)});
}

SourcePos pos_of(const toml::source_region& r, const std::string& file) {
    return SourcePos{file, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

std::string type_name_zh(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::string: return "文字（带引号的字符串）";
    case toml::node_type::integer: return "整数";
    case toml::node_type::floating_point: return "小数";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "列表 [ ]";
    case toml::node_type::table: return "表（[段落] 或 { }）";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "日期/时间";
    default: return "空值";
    }
}

namespace {

// What a missing key is for, so an author knows what to write.
std::string_view field_hint(std::string_view key) {
    struct Hint {
        std::string_view key, hint;
    };
    static constexpr Hint hints[] = {
        {"id", "编号，例如 \"rebate-qq-likes\""},
        {"title", "标题"},
        {"summary", "一句话简介，显示在剧本列表里"},
        {"category", "诈骗类型的 id，例如 \"rebate\""},
        {"difficulty", "难度，1、2 或 3"},
        {"channel", "渠道：\"chat\"、\"sms\" 或 \"call\""},
        {"start", "第一个节点的 id"},
        {"contact", "联系人信息 [contact]"},
        {"node", "至少一个节点 [[node]]"},
        {"ending", "至少一个结局 [[ending]]"},
        {"name", "名字"},
        {"avatar", "头像，例如 \"girl\""},
        {"number", "电话号码或短信号码"},
        {"message", "至少一条对方发来的消息 [[node.message]]"},
        {"choice", "学生可选的回复 [[node.choice]]，2 到 4 个"},
        {"text", "文字内容"},
        {"next", "选了这个回复之后去哪个节点或结局，写它的 id"},
        {"kind", "种类"},
        {"debrief", "复盘说明：发生了什么、哪些话是诈骗信号"},
        {"action", "现在该怎么做：止付、保留证据、拨打96110等"},
        {"question", "题目"},
        {"options", "2 到 4 个选项"},
        {"answer", "正确选项的序号（从 1 开始）"},
        {"explain", "解释"},
        {"version", "版本号，整数，从 1 开始"},
        {"language", "语言，例如 \"zh-CN\""},
        {"authors", "作者列表，例如 [\"某某市公安局反诈中心\"]"},
        {"description", "简介"},
    };
    for (const auto& h : hints)
        if (h.key == key) return h.hint;
    return {};
}

// Not "quoted": when <iomanip> comes first (unity build, precompiled header), ADL would pick
// std::quoted for a std::string argument.
std::string cn_quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

// "[[node]] 里" but "剧本文件里": a space only after Latin text.
std::string inside(std::string_view where) {
    const bool latin_end = !where.empty() && static_cast<unsigned char>(where.back()) < 0x80;
    return std::string(where) + (latin_end ? " 里" : "里");
}

// Every text an author writes passes here, so one check covers messages, choices, debriefs,
// contact numbers and quiz items alike.
void warn_unmasked_number(Diags& diags, const SourcePos& at, std::string_view text) {
    for (const auto& n : find_unmasked_numbers(text))
        diags.warning(at, cn_quoted(n.written) + " 看起来是一个完整的" + n.kind + "，可能属于真实的人。剧本里的号码要遮住中间几位，" +
                              "请写成 " + cn_quoted(n.masked) + "（见 content/README.md 的“号码怎么写”）。");
    for (const auto& d : find_unmasked_domains(text))
        diags.warning(at, cn_quoted(d.written) + " 看起来是一个完整的网址，可能是别人真实注册的网站。剧本里骗子的网址要遮住名字中间几个字母，" +
                              "请写成 " + cn_quoted(d.masked) + "（见 content/README.md 的“号码怎么写”）。");
}

} // namespace

Fields::Fields(const toml::table& table, const std::string& file, std::string_view where, Diags& diags,
               std::initializer_list<std::string_view> known, TableKind kind)
    : table_(table), file_(file), where_(where), diags_(diags), kind_(kind) {
    for (auto&& [key, value] : table_) {
        const std::string_view k = key.str();
        bool ok = false;
        for (auto kn : known) ok = ok || kn == k;
        if (ok) continue;
        if (kind_ == TableKind::section && moved_from_top(k, pos_of(key.source(), file_))) continue;
        // Only now build the list for the message: this constructor runs for every table.
        const std::vector<std::string_view> known_list(known);
        std::string msg = "不认识的键 " + cn_quoted(k) + "（可能是拼写错误）。";
        const std::string guess = closest(k, known_list);
        if (!guess.empty())
            msg += "你是不是想写 " + cn_quoted(guess) + "？";
        else
            msg += inside(where_) + "可以写的键有：" + join(known_list) + "。";
        if (!guess.empty() && !table_.contains(guess)) typos_.push_back(Typo{std::string(k), guess, diags_.list.size()});
        diags_.error(pos_of(key.source(), file_), std::move(msg));
    }
}

SourcePos Fields::table_pos() const {
    if (kind_ == TableKind::section) return pos_of(table_, file_);
    // The file's first key in reading order (toml++ iterates keys sorted by name).
    SourcePos first{file_, 0, 0};
    for (auto&& [key, value] : table_) {
        const SourcePos p = pos_of(key.source(), file_);
        if (first.line == 0 || p.line < first.line || (p.line == first.line && p.column < first.column)) first = p;
    }
    if (first.line == 0) return SourcePos{file_, 1, 1};
    // A [section] key's position is inside the brackets; the line is what an author looks for.
    first.column = 1;
    return first;
}

SourcePos Fields::pos(std::string_view key) const {
    const toml::node* n = get(key);
    return n ? pos_of(*n, file_) : table_pos();
}

void Fields::missing(std::string_view key, bool is_section) {
    const auto hint = field_hint(key);
    const std::string what = "缺少必填项 " + cn_quoted(key) + (hint.empty() ? "" : "（" + std::string(hint) + "）");
    for (const Typo& t : typos_) {
        if (t.intended != key) continue;
        // The author did write the field, only misspelt: one error at the typo says both.
        diags_.list[t.diag_index].message = "不认识的键 " + cn_quoted(t.written) + "，是不是想写 " + cn_quoted(key) + "？" +
                                            inside(where_) + what + "，改正拼写就好。";
        return;
    }
    std::string msg = inside(where_) + what;
    // A key written under a [section] belongs to that section, the commonest way to lose one.
    if (kind_ == TableKind::file && !is_section) {
        diags_.missing_top.push_back(Diags::MissingTopKey{file_, std::string(key), msg, diags_.list.size()});
        msg += "。请把它写在文件开头、第一个 [段落] 之前（写在 [段落] 下面的键属于那一段）";
    }
    diags_.error(table_pos(), std::move(msg));
}

bool Fields::moved_from_top(std::string_view key, const SourcePos& at) {
    for (auto it = diags_.missing_top.begin(); it != diags_.missing_top.end(); ++it) {
        if (it->file != file_ || it->key != key) continue;
        Diagnostic& d = diags_.list[it->index];
        d.line = at.line;
        d.column = at.column;
        d.message = cn_quoted(key) + " 写在了 " + std::string(where_) + " 下面，TOML 就把它算作这一段的键，所以" + it->what +
                    "。请把这一行移到文件开头、第一个 [段落] 之前。";
        diags_.missing_top.erase(it);
        return true;
    }
    return false;
}

void Fields::wrong_type(std::string_view key, const toml::node& n, std::string_view expected) {
    diags_.error(pos_of(n, file_), cn_quoted(key) + " 的写法不对：应该是" + std::string(expected) + "，这里写的是" +
                                       type_name_zh(n) + "。");
}

bool Fields::text(std::string_view key, std::string& out, SourcePos* at) {
    const toml::node* n = get(key);
    if (!n) {
        missing(key, false);
        return false;
    }
    if (!string_value(key, *n, out, at)) return false;
    if (is_blank(out)) {
        diags_.error(pos_of(*n, file_), cn_quoted(key) + " 是空的，请写上内容。");
        return false;
    }
    return true;
}

bool Fields::opt_text(std::string_view key, std::string& out, SourcePos* at) {
    const toml::node* n = get(key);
    return n && string_value(key, *n, out, at);
}

bool Fields::string_value(std::string_view key, const toml::node& n, std::string& out, SourcePos* at) {
    if (at) *at = pos_of(n, file_);
    const auto* s = n.as_string();
    if (!s) {
        wrong_type(key, n, "文字（要用英文引号括起来，例如 \"你好\"）");
        return false;
    }
    out = s->get();
    warn_unmasked_number(diags_, pos_of(n, file_), out);
    return true;
}

bool Fields::integer(std::string_view key, int64_t& out, bool required, int64_t min, int64_t max,
                     std::string_view range_hint) {
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key, false);
        return false;
    }
    const auto* i = n->as_integer();
    if (!i) {
        wrong_type(key, *n, "整数（不加引号，例如 1）");
        return false;
    }
    const int64_t v = i->get();
    if (v < min || v > max) {
        diags_.error(pos_of(*n, file_), cn_quoted(key) + " 的值 " + std::to_string(v) + " 不在允许的范围内：" +
                                            std::string(range_hint) + "。");
        return false;
    }
    out = v;
    return true;
}

bool Fields::number(std::string_view key, double& out, bool required, double min, double max,
                    std::string_view range_hint) {
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key, false);
        return false;
    }
    double v = 0;
    if (const auto* i = n->as_integer())
        v = static_cast<double>(i->get());
    else if (const auto* f = n->as_floating_point())
        v = f->get();
    else {
        wrong_type(key, *n, "数字（不加引号，例如 1.5）");
        return false;
    }
    if (!(v >= min && v <= max)) { // also rejects NaN
        diags_.error(pos_of(*n, file_), cn_quoted(key) + " 的值不在允许的范围内：" + std::string(range_hint) + "。");
        return false;
    }
    out = v;
    return true;
}

bool Fields::boolean(std::string_view key, bool& out) {
    const toml::node* n = get(key);
    if (!n) return false;
    const auto* b = n->as_boolean();
    if (!b) {
        wrong_type(key, *n, "true 或 false（不加引号）");
        return false;
    }
    out = b->get();
    return true;
}

bool Fields::text_list(std::string_view key, std::vector<IdRef>& out, bool required) {
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key, false);
        return false;
    }
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(key, *n, "文字列表（例如 [\"too_good\", \"urgency\"]）");
        return false;
    }
    bool ok = true;
    for (const toml::node& item : *arr) {
        const auto* s = item.as_string();
        if (!s) {
            diags_.error(pos_of(item, file_), cn_quoted(key) + " 列表里的每一项都应该是带引号的文字，这里写的是" +
                                                  type_name_zh(item) + "。");
            ok = false;
        } else if (is_blank(s->get())) {
            diags_.error(pos_of(item, file_), cn_quoted(key) + " 列表里有一项是空的，请写上内容或删掉它。");
            ok = false;
        } else {
            warn_unmasked_number(diags_, pos_of(item, file_), s->get());
            out.push_back(IdRef{s->get(), pos_of(item, file_)});
        }
    }
    return ok;
}

const toml::table* Fields::table(std::string_view key, bool required) {
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key, true);
        return nullptr;
    }
    const auto* t = n->as_table();
    if (!t) wrong_type(key, *n, "一个表（另起一段写 [" + std::string(key) + "]，或写成 { kind = \"...\" }）");
    return t;
}

std::vector<const toml::table*> Fields::tables(std::string_view key, bool required) {
    std::vector<const toml::table*> out;
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key, true);
        return out;
    }
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(key, *n, "用两层方括号写的段落 [[...]]，每一项写一段");
        return out;
    }
    for (const toml::node& item : *arr) {
        if (const auto* t = item.as_table())
            out.push_back(t);
        else
            diags_.error(pos_of(item, file_), cn_quoted(key) + " 里的每一项都应该是一段 [[...]] 或 { }，这里写的是" +
                                                  type_name_zh(item) + "。");
    }
    if (out.empty() && required && arr->empty()) missing(key, true);
    return out;
}

} // namespace ff::detail

