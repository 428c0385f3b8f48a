// `fraudfree-pack lint DIR...`: load and validate packs with core, print every diagnostic
// as file:line:col, then one summary line. Exit 1 when any pack has an error.
#include "args.h"
#include "commands.h"

#include "fraudfree/loader.h"
#include "fraudfree/pack_files.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace ff::pack {
namespace {

std::string counted(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Scenario files are counted even when the pack has errors, so the summary says how much was checked.
int scenario_file_count(const std::string& dir) {
    try {
        int n = 0;
        for (const auto& [rel, bytes] : read_pack_files(dir))
            if (rel.rfind("scenarios/", 0) == 0) ++n;
        return n;
    } catch (const std::exception&) {
        return 0; // unreadable folder: load_pack_dir reports it
    }
}

} // namespace

int lint_command(const Args& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args(args, {}, {});
    if (a.positional.empty()) throw UsageError("lint needs at least one pack folder (请写出剧本包文件夹)");

    auto is_folder = [](const std::string& p) {
        std::error_code ec;
        return std::filesystem::is_directory(p, ec);
    };
    const bool any_folder = std::any_of(a.positional.begin(), a.positional.end(), is_folder);
    int errors = 0, warnings = 0, scenarios = 0, folders = 0;
    for (const std::string& dir : a.positional) {
        std::error_code ec;
        if (is_folder(dir)) {
            ++folders;
        } else if (any_folder && std::filesystem::is_regular_file(dir, ec)) {
            // A glob like content/* also passes README.md: next to pack folders a plain file is
            // skipped with a warning. On its own it stays an error (the author meant it as a pack).
            err << format_diagnostic(Diagnostic{Severity::warning, dir, 0, 0,
                                                "是一个文件，不是剧本包文件夹，已跳过"})
                << '\n';
            ++warnings;
            continue;
        }
        const LoadResult r = load_pack_dir(dir);
        for (const Diagnostic& d : r.diagnostics) err << format_diagnostic(d) << '\n';
        errors += count(r.diagnostics, Severity::error);
        warnings += count(r.diagnostics, Severity::warning);
        scenarios += r.pack ? static_cast<int>(r.pack->scenarios.size()) : scenario_file_count(dir);
    }
    err.flush();
    out << counted(folders, "pack", "packs") << ", "
        << counted(scenarios, "scenario", "scenarios") << ": " << counted(errors, "error", "errors") << ", "
        << counted(warnings, "warning", "warnings") << "（" << folders << " 个剧本包，" << scenarios << " 个剧本："
        << errors << " 个错误，" << warnings << " 个警告）\n";
    return errors > 0 ? kExitFailed : kExitOk;
}

} // namespace ff::pack
