// Shared loading and scenario lookup for the subcommands.
#include "pack_loading.h"

#include "fraudfree/loader.h"

#include <ostream>

namespace ff::pack {

std::optional<Pack> load_valid_pack(const std::string& dir, std::ostream& err) {
    LoadResult r = load_pack_dir(dir);
    if (r.pack) return std::move(r.pack);
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::error) err << format_diagnostic(d) << '\n';
    err << dir << ": 剧本包有 " << count(r.diagnostics, Severity::error)
        << " 个错误，请先改正（fraudfree-pack lint " << dir << " 会列出全部问题）。\n";
    return std::nullopt;
}

const Scenario* find_scenario_or_explain(const Pack& pack, const std::string& id, std::ostream& err) {
    if (const Scenario* s = pack.find_scenario(id)) return s;
    err << "剧本包 “" << pack.id << "” 里没有 id 为 “" << id << "” 的剧本。可用的剧本 id：\n";
    for (const Scenario& s : pack.scenarios) err << "  " << s.id << "  " << s.title << '\n';
    return nullptr;
}

} // namespace ff::pack
