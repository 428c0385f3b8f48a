// load_pack: reads pack.toml, quiz.toml and every scenario, then runs the cross-file and
// graph checks. Problems are collected, never thrown, so an author sees all of them at once.
#include "fraudfree/loader.h"

#include "pack_parts.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace ff {
namespace {

std::string display_path(const std::string& root, const std::string& rel) {
    std::string r = root;
    while (r.size() > 1 && (r.back() == '/' || r.back() == '\\')) r.pop_back();
    if (r.empty()) return rel;
    return r + "/" + rel;
}

void sort_in_file_order(std::vector<Diagnostic>& ds) {
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
}

} // namespace

LoadResult load_pack(const PackFiles& files, const std::string& display_root) {
    using namespace detail;
    LoadResult result;
    Diags diags{result.diagnostics};
    Pack pack;
    pack.root = display_root;

    for (const auto& [rel, bytes] : files)
        if (!is_pack_file_path(rel))
            diags.error(SourcePos{display_path(display_root, rel), 0, 0},
                        "这个文件不属于剧本包：只能有 pack.toml、quiz.toml 和 scenarios/ 文件夹里的 .toml 文件。");

    const std::string pack_file = display_path(display_root, "pack.toml");
    if (auto it = files.find("pack.toml"); it == files.end()) {
        diags.error(SourcePos{pack_file, 0, 0}, "缺少 pack.toml：每个剧本包文件夹里都要有它，写明包的 id、标题和版本。");
    } else if (auto root = parse_toml_file(it->second, pack_file, diags)) {
        if (root->empty())
            diags.error(SourcePos{pack_file, 0, 0}, "pack.toml 是空的：请写明包的 id、title、version、language、authors 和 description。");
        else
            read_pack_toml(*root, pack_file, diags, pack);
    }
    const Catalog catalog = merge_catalog(pack, diags);

    if (auto it = files.find("quiz.toml"); it != files.end()) {
        const std::string quiz_file = display_path(display_root, "quiz.toml");
        if (auto root = parse_toml_file(it->second, quiz_file, diags)) {
            auto quiz = read_quiz_toml(*root, quiz_file, diags);
            validate_quiz_refs(quiz, catalog, diags);
            for (auto& q : quiz) pack.quiz.push_back(std::move(q.item));
        }
    }

    std::unordered_map<std::string, std::string> scenario_files; // id -> display file
    bool any_scenario_file = false;
    for (const auto& [rel, bytes] : files) {
        if (rel.rfind("scenarios/", 0) != 0 || !is_pack_file_path(rel)) continue;
        any_scenario_file = true;
        const std::string file = display_path(display_root, rel);
        auto root = parse_toml_file(bytes, file, diags);
        if (!root) continue;
        if (root->empty()) { // one clear message instead of ten "missing" ones
            diags.error(SourcePos{file, 0, 0}, "这个剧本文件是空的：请按 content/README.md 里的例子写剧本，或者删掉这个文件。");
            continue;
        }
        ScenarioDraft d = read_scenario_toml(*root, file, diags);
        validate_scenario_refs(d, catalog, diags);
        validate_scenario_graph(d, diags);
        if (!d.has_id) continue;
        auto [it, inserted] = scenario_files.emplace(d.scenario.id, file);
        if (!inserted) {
            diags.error(d.id_pos, "剧本 id “" + d.scenario.id + "” 重复了：" + it->second +
                                      " 已经用过这个 id（同一个剧本包里每个剧本的 id 都不能重复）。");
            continue;
        }
        pack.scenarios.push_back(std::move(d.scenario));
    }
    if (!any_scenario_file)
        diags.error(SourcePos{display_path(display_root, "scenarios"), 0, 0},
                    "剧本包里还没有剧本：请在 scenarios/ 文件夹里放至少一个 .toml 剧本文件。");

    sort_in_file_order(result.diagnostics);
    if (!has_errors(result.diagnostics)) {
        pack.hash = pack_hash(files);
        result.pack = std::move(pack);
    }
    return result;
}

LoadResult load_pack_dir(const std::filesystem::path& dir) {
    PackFiles files;
    try {
        files = read_pack_files(dir);
    } catch (const std::exception& e) {
        LoadResult r;
        r.diagnostics.push_back(Diagnostic{Severity::error, dir.string(), 0, 0, e.what()});
        return r;
    }
    return load_pack(files, dir.string());
}

} // namespace ff
