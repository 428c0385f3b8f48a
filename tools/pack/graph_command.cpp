// `fraudfree-pack graph DIR --scenario ID`: prints the scenario as Graphviz DOT on stdout
// (render with e.g. `dot -Tsvg -o story.svg`).
#include "args.h"
#include "commands.h"
#include "pack_loading.h"
#include "scenario_dot.h"

#include <ostream>

namespace ff::pack {

int graph_command(const Args& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args(args, {"--scenario"}, {});
    if (a.positional.size() != 1) throw UsageError("graph needs exactly one pack folder (请写出一个剧本包文件夹)");
    const std::string& id = a.required("--scenario");
    const auto pack = load_valid_pack(a.positional[0], err);
    if (!pack) return kExitFailed;
    const Scenario* s = find_scenario_or_explain(*pack, id, err);
    if (!s) return kExitFailed;
    out << scenario_dot(*pack, *s);
    return kExitOk;
}

} // namespace ff::pack
