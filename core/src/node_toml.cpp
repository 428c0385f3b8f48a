// Nodes, endings, messages and choices of a scenario file.
#include "node_toml.h"

#include "fraudfree/loader.h"
#include "text_util.h"

namespace ff::detail {
namespace {

constexpr std::string_view kAttachmentKinds[] = {"link", "qr", "transfer", "image", "file", "app"};

std::optional<Attachment> read_attachment(Fields& f) {
    const toml::table* t = f.table("attachment", false);
    if (!t) return std::nullopt;
    Fields a(*t, f.file(), "attachment", f.diags(), {"kind", "title", "detail"});
    Attachment att;
    SourcePos kind_pos;
    bool ok = a.text("kind", att.kind, &kind_pos);
    if (ok) {
        bool known = false;
        for (auto k : kAttachmentKinds) known = known || k == att.kind;
        if (!known) {
            f.diags().error(kind_pos, "附件种类 “" + att.kind +
                                          "” 不存在。可以写：link（链接）、qr（二维码）、transfer（转账）、image（图片）、"
                                          "file（文件）、app（应用）。");
            ok = false;
        }
    }
    ok = a.text("title", att.title) && ok;
    a.opt_text("detail", att.detail);
    if (!ok) return std::nullopt;
    return att;
}

Choice read_choice(const toml::table& t, const std::string& file, Diags& diags, ScenarioDraft& d) {
    Fields f(t, file, "[[node.choice]]", diags, {"text", "next", "catches", "loses", "reports"});
    Choice c;
    c.pos = f.table_pos();
    f.text("text", c.text);
    if (!f.text("next", c.next, &c.next_pos)) {
        c.next_pos = c.pos;
        c.next.clear();
        d.incomplete_links = true;
    }
    const size_t first_catch = d.caught_flags.size();
    f.text_list("catches", d.caught_flags, false);
    c.catches.reserve(d.caught_flags.size() - first_catch);
    for (size_t i = first_catch; i < d.caught_flags.size(); ++i) c.catches.push_back(d.caught_flags[i].id);
    // Capped so that summing a long path can never overflow.
    f.integer("loses", c.loses, false, 0, 1'000'000'000'000, "0 或正整数（单位：元）");
    f.boolean("reports", c.reports);
    return c;
}

} // namespace

std::vector<Message> read_messages(const std::vector<const toml::table*>& tables, const std::string& file,
                                   std::string_view where, Diags& diags, std::vector<IdRef>& flag_refs) {
    std::vector<Message> out;
    out.reserve(tables.size());
    for (const toml::table* t : tables) {
        Fields f(*t, file, where, diags, {"text", "from", "delay", "flags", "attachment"});
        Message m;
        m.pos = f.table_pos();
        if (f.text("text", m.text)) {
            const size_t len = utf8_length(m.text);
            if (len > static_cast<size_t>(kLongMessageChars))
                diags.warning(f.pos("text"), "这条消息有 " + std::to_string(len) + " 个字，超过了 " +
                                            std::to_string(kLongMessageChars) +
                                            " 个字，在手机聊天框里太长；建议拆成几条短消息。");
        }
        f.opt_text("from", m.from);
        f.number("delay", m.delay, false, 0.0, 30.0, "0 到 30 秒");
        // Read straight into flag_refs (one list for the whole scenario) and copy the ids.
        const size_t first_flag = flag_refs.size();
        f.text_list("flags", flag_refs, false);
        m.flags.reserve(flag_refs.size() - first_flag);
        for (size_t i = first_flag; i < flag_refs.size(); ++i) m.flags.push_back(flag_refs[i].id);
        m.attachment = read_attachment(f);
        out.push_back(std::move(m));
    }
    return out;
}

void read_node(const toml::table& t, const std::string& file, Diags& diags, ScenarioDraft& d) {
    Fields f(t, file, "[[node]]", diags, {"id", "message", "choice"});
    Node n;
    n.pos = f.table_pos();
    const bool has_id = f.text("id", n.id, &n.pos);
    n.messages = read_messages(f.tables("message", true), file, "[[node.message]]", diags, d.shown_flags);
    const auto choice_tables = f.tables("choice", true);
    n.choices.reserve(choice_tables.size());
    for (const toml::table* c : choice_tables) n.choices.push_back(read_choice(*c, file, diags, d));
    if (choice_tables.size() == 1) {
        diags.error(n.pos, "节点 “" + n.id + "” 只有 1 个选项，至少要有 2 个（学生要能做出选择）。");
    } else if (choice_tables.size() > 4) {
        diags.error(pos_of(*choice_tables[4], file), "节点 “" + n.id + "” 有 " + std::to_string(choice_tables.size()) +
                                                         " 个选项，最多只能有 4 个（学生用 1–4 键选择）。");
    }
    if (n.choices.empty()) d.incomplete_links = true;
    // Nothing can point at a node without id; the missing id is already reported. A kept
    // node's pos is its id's position, which the graph checks point at.
    if (!has_id) return;
    d.scenario.nodes.push_back(std::move(n));
}

void read_ending(const toml::table& t, const std::string& file, Diags& diags, ScenarioDraft& d) {
    Fields f(t, file, "[[ending]]", diags, {"id", "kind", "title", "debrief", "action", "message"});
    Ending e;
    e.pos = f.table_pos();
    const bool has_id = f.text("id", e.id, &e.pos);
    std::string kind;
    SourcePos kind_pos;
    if (f.text("kind", kind, &kind_pos)) {
        if (auto k = parse_ending_kind(kind))
            e.kind = *k;
        else
            diags.error(kind_pos, "结局种类 “" + kind + "” 不存在。只能写 safe（安全）、partial（部分损失）或 scammed（被骗）。");
    }
    f.text("title", e.title);
    f.text("debrief", e.debrief);
    f.text("action", e.action);
    e.messages = read_messages(f.tables("message", false), file, "[[ending.message]]", diags, d.ending_flags);
    if (!has_id) return;
    d.scenario.endings.push_back(std::move(e));
}

} // namespace ff::detail
