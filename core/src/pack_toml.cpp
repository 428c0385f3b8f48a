// pack.toml: the pack's name and version, plus categories and red flags of its own.
#include "pack_parts.h"

#include "fraudfree/catalog.h"
#include "ids.h"

#include <unordered_map>

namespace ff::detail {
namespace {

void read_own_categories(Fields& f, Pack& pack) {
    for (const toml::table* t : f.tables("category", false)) {
        Fields c(*t, f.file(), "[[category]]", f.diags(), {"id", "name", "description"});
        Category cat;
        SourcePos id_pos = c.table_pos();
        const bool ok = c.text("id", cat.id, &id_pos);
        if (ok && !is_flag_id(cat.id))
            f.diags().error(id_pos, "类型 id “" + cat.id + "” 只能用小写英文字母、数字、“-”和“_”，例如 \"lottery\"。");
        c.text("name", cat.name);
        c.opt_text("description", cat.description);
        cat.pos = id_pos;
        if (ok) pack.categories.push_back(std::move(cat));
    }
}

void read_own_red_flags(Fields& f, Pack& pack) {
    for (const toml::table* t : f.tables("red_flag", false)) {
        Fields r(*t, f.file(), "[[red_flag]]", f.diags(), {"id", "name", "explain"});
        RedFlag flag;
        SourcePos id_pos = r.table_pos();
        const bool ok = r.text("id", flag.id, &id_pos);
        if (ok && !is_flag_id(flag.id))
            f.diags().error(id_pos, "诈骗信号 id “" + flag.id + "” 只能用小写英文字母、数字、“-”和“_”，例如 \"fake_prize\"。");
        r.text("name", flag.name);
        r.text("explain", flag.explain);
        flag.pos = id_pos;
        if (ok) pack.red_flags.push_back(std::move(flag));
    }
}

// Keeps the first of each id and reports the others.
template <typename T>
std::vector<T> merge(const std::vector<T>& builtins, std::vector<T>& own, std::string_view what, Diags& diags) {
    std::vector<T> out = builtins;
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < out.size(); ++i) seen.emplace(out[i].id, i);
    for (auto& item : own) {
        auto it = seen.find(item.id);
        if (it == seen.end()) {
            seen.emplace(item.id, out.size());
            out.push_back(std::move(item));
        } else if (it->second < builtins.size()) {
            diags.error(item.pos, std::string(what) + " id “" + item.id + "” 和内置的“" + out[it->second].name +
                                      "”重名了，请换一个 id（内置的可以直接使用，不用再写）。");
        } else {
            diags.error(item.pos, std::string(what) + " id “" + item.id + "” 重复了：第 " +
                                      std::to_string(out[it->second].pos.line) + " 行已经用过这个 id。");
        }
    }
    return out;
}

} // namespace

void read_pack_toml(const toml::table& root, const std::string& file, Diags& diags, Pack& pack) {
    Fields f(root, file, "pack.toml", diags,
             {"id", "title", "version", "language", "authors", "description", "category", "red_flag"}, TableKind::file);
    SourcePos id_pos;
    if (f.text("id", pack.id, &id_pos) && (!is_slug(pack.id) || pack.id.size() < 2 || pack.id.size() > 40))
        diags.error(id_pos, "剧本包 id “" + pack.id + "” 只能用小写英文字母、数字和“-”，长度 2 到 40，例如 \"campus-core\"。");
    f.text("title", pack.title);
    int64_t version = 0;
    if (f.integer("version", version, true, 1, 1000000000, "从 1 开始的整数，每次更新加 1"))
        pack.version = static_cast<int>(version);
    f.text("language", pack.language);
    std::vector<IdRef> authors;
    if (f.text_list("authors", authors, true) && authors.empty())
        diags.error(f.pos("authors"), "“authors” 至少要写一位作者，例如 [\"某某市公安局反诈中心\"]。");
    for (auto& a : authors) pack.authors.push_back(std::move(a.id));
    f.text("description", pack.description);
    read_own_categories(f, pack);
    read_own_red_flags(f, pack);
}

Catalog merge_catalog(Pack& pack, Diags& diags) {
    pack.categories = merge(builtin_categories(), pack.categories, "类型", diags);
    pack.red_flags = merge(builtin_red_flags(), pack.red_flags, "诈骗信号", diags);
    Catalog c;
    for (const auto& x : pack.categories) c.categories.insert(x.id);
    for (const auto& x : pack.red_flags) c.red_flags.insert(x.id);
    for (const auto& x : pack.categories) c.category_ids.push_back(x.id);
    for (const auto& x : pack.red_flags) c.red_flag_ids.push_back(x.id);
    return c;
}

} // namespace ff::detail
