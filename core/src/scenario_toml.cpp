// A scenario file: its header fields, the contact, and its nodes and endings.
#include "pack_parts.h"

#include "ids.h"
#include "node_toml.h"

namespace ff::detail {
namespace {

constexpr std::string_view kAvatars[] = {"girl",     "boy",    "woman",   "man",  "service", "official",
                                         "police",   "teacher", "group",  "bank", "unknown"};

void read_contact(Fields& f, ScenarioDraft& d) {
    const toml::table* t = f.table("contact", true);
    if (!t) return;
    Fields c(*t, f.file(), "[contact]", f.diags(), {"name", "avatar", "number", "platform"});
    Contact& contact = d.scenario.contact;
    c.text("name", contact.name);
    SourcePos avatar_pos;
    if (c.text("avatar", contact.avatar, &avatar_pos)) {
        bool known = false;
        for (auto a : kAvatars) known = known || a == contact.avatar;
        if (!known)
            f.diags().error(avatar_pos, "头像 “" + contact.avatar +
                                            "” 不存在。可以写：girl、boy、woman、man、service、official、police、"
                                            "teacher、group、bank、unknown。");
    }
    const bool needs_number = d.scenario.channel != Channel::chat;
    if (needs_number)
        c.text("number", contact.number);
    else
        c.opt_text("number", contact.number);
    c.opt_text("platform", contact.platform);
}

} // namespace

ScenarioDraft read_scenario_toml(const toml::table& root, const std::string& file, Diags& diags) {
    ScenarioDraft d;
    Scenario& s = d.scenario;
    s.file = file;
    Fields f(root, file, "剧本文件", diags,
             {"id", "title", "summary", "category", "difficulty", "channel", "start", "contact", "node", "ending"},
             TableKind::file);
    s.pos = f.table_pos();
    d.id_pos = s.pos;
    d.has_id = f.text("id", s.id, &d.id_pos);
    if (d.has_id) {
        s.pos = d.id_pos;
        if (!is_slug(s.id))
            diags.error(d.id_pos, "剧本 id “" + s.id + "” 只能用小写英文字母、数字和“-”，例如 \"rebate-qq-likes\"。");
    }
    f.text("title", s.title);
    f.text("summary", s.summary);
    IdRef ref;
    if (f.text("category", ref.id, &ref.pos)) d.category = ref;
    s.category = ref.id;
    int64_t difficulty = 1;
    if (f.integer("difficulty", difficulty, true, 1, 3, "1、2 或 3")) s.difficulty = static_cast<int>(difficulty);
    std::string channel;
    SourcePos channel_pos;
    if (f.text("channel", channel, &channel_pos)) {
        if (auto c = parse_channel(channel))
            s.channel = *c;
        else
            diags.error(channel_pos, "渠道 “" + channel + "” 不存在。只能写 chat（聊天）、sms（短信）或 call（电话）。");
    }
    IdRef start;
    if (f.text("start", start.id, &start.pos)) {
        s.start = start.id;
        d.start = std::move(start);
    }
    read_contact(f, d);
    const auto nodes = f.tables("node", true);
    const auto endings = f.tables("ending", true);
    s.nodes.reserve(nodes.size());
    s.endings.reserve(endings.size());
    for (const toml::table* t : nodes) read_node(*t, file, diags, d);
    for (const toml::table* t : endings) read_ending(*t, file, diags, d);
    return d;
}

} // namespace ff::detail
