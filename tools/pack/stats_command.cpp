// `fraudfree-pack stats DIR [--json]`: per-scenario paths, endings and red flags, and what
// the pack covers, as a terminal table or as JSON with sorted keys (stable for scripts).
#include "args.h"
#include "commands.h"
#include "pack_loading.h"
#include "pack_stats.h"
#include "terminal_text.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace ff::pack {
namespace {

using nlohmann::json;

const char* const kKinds[3] = {"safe", "partial", "scammed"};

json kind_counts(const KindCounts& k) { return {{"safe", k[0]}, {"partial", k[1]}, {"scammed", k[2]}}; }

json to_json(const PackStats& ps) {
    const Pack& p = *ps.pack;
    json scenarios = json::array();
    for (const ScenarioStats& st : ps.scenarios) {
        const Scenario& s = *st.scenario;
        json reachable = json::array();
        for (size_t k = 0; k < 3; ++k)
            if (st.reachable_endings[k] > 0) reachable.push_back(kKinds[k]);
        scenarios.push_back({{"id", s.id},
                             {"title", s.title},
                             {"category", s.category},
                             {"channel", to_string(s.channel)},
                             {"difficulty", s.difficulty},
                             {"nodes", st.nodes},
                             {"paths", st.paths},
                             {"paths_capped", st.paths_capped},
                             {"longest_path", st.longest_path},
                             {"shortest_path", st.shortest_path},
                             {"endings", kind_counts(st.endings)},
                             {"reachable_endings", kind_counts(st.reachable_endings)},
                             {"reachable_kinds", reachable},
                             {"paths_by_kind", kind_counts(st.paths_by_kind)},
                             {"score_min", st.score_min},
                             {"score_max", st.score_max},
                             {"flags_shown", st.flags_shown},
                             {"flags_caught", st.flags_caught}});
    }
    json categories = json::array();
    int categories_covered = 0;
    for (const CategoryCoverage& c : ps.categories) {
        categories.push_back({{"id", c.category->id}, {"name", c.category->name}, {"scenarios", c.scenarios}});
        if (c.scenarios > 0) ++categories_covered;
    }
    json flags = json::array();
    int flags_shown = 0, flags_caught = 0;
    for (const FlagCoverage& f : ps.red_flags) {
        flags.push_back({{"id", f.flag->id}, {"name", f.flag->name}, {"shown_in", f.shown_in}, {"caught_in", f.caught_in}});
        if (f.shown_in > 0) ++flags_shown;
        if (f.caught_in > 0) ++flags_caught;
    }
    return {{"pack", {{"id", p.id}, {"title", p.title}, {"version", p.version}, {"hash", p.hash},
                      {"scenarios", p.scenarios.size()}, {"quiz_items", p.quiz.size()}}},
            {"scenarios", scenarios},
            {"coverage",
             {{"categories", categories},
              {"categories_covered", categories_covered},
              {"channels", ps.channels},
              {"red_flags", flags},
              {"red_flags_shown", flags_shown},
              {"red_flags_caught", flags_caught}}}};
}

std::string category_name(const Pack& p, const std::string& id) {
    const Category* c = p.find_category(id);
    return c ? c->name : id;
}

// "2·1·1" with a '!' after a kind the scenario defines but no path reaches.
std::string endings_cell(const ScenarioStats& st) {
    std::string out;
    for (size_t k = 0; k < 3; ++k) {
        if (k) out += "·";
        out += std::to_string(st.reachable_endings[k]);
        if (st.endings[k] > st.reachable_endings[k]) out += "!";
    }
    return out;
}

void print_table(const PackStats& ps, std::ostream& out) {
    const Pack& p = *ps.pack;
    out << "剧本包 " << p.id << "「" << p.title << "」 版本 " << p.version << "，" << p.scenarios.size() << " 个剧本，"
        << p.quiz.size() << " 道测验题，hash " << p.hash.substr(0, 12) << "\n\n";
    out << fit("剧本 id", 30) << ' ' << fit("标题", 26) << ' ' << fit("类型", 16) << ' ' << fit("渠道", 4) << ' '
        << fit("节点", 4, true) << ' ' << fit("最多步", 6, true) << ' ' << fit("路径", 6, true) << "  "
        << fit("结局 安全·止损·被骗", 20) << ' ' << fit("信号 识破/出现", 14) << ' ' << "得分范围\n";
    for (const ScenarioStats& st : ps.scenarios) {
        const Scenario& s = *st.scenario;
        out << fit(s.id, 30) << ' ' << fit(s.title, 26) << ' ' << fit(category_name(p, s.category), 16) << ' '
            << fit(to_string(s.channel), 4) << ' ' << fit(std::to_string(st.nodes), 4, true) << ' '
            << fit(std::to_string(st.longest_path), 6, true) << ' '
            << fit(std::to_string(st.paths) + (st.paths_capped ? "+" : ""), 6, true) << "  " << fit(endings_cell(st), 20)
            << ' ' << fit(std::to_string(st.flags_caught.size()) + "/" + std::to_string(st.flags_shown.size()), 14) << ' '
            << st.score_min << "–" << st.score_max << '\n';
    }
    out << "（结局一栏是能走到的结局个数；“!” 表示这种结局写了但走不到。）\n";

    out << "\n出现的诈骗信号（✗ = 没有任何回复能识破它；名称见下方覆盖情况）\n";
    for (const ScenarioStats& st : ps.scenarios) {
        out << "  " << st.scenario->id << "：";
        if (st.flags_shown.empty()) out << "（没有）";
        for (size_t i = 0; i < st.flags_shown.size(); ++i) {
            const std::string& f = st.flags_shown[i];
            const bool caught = std::find(st.flags_caught.begin(), st.flags_caught.end(), f) != st.flags_caught.end();
            out << (i ? " " : "") << f << (caught ? "" : "✗");
        }
        out << '\n';
    }

    out << "\n覆盖情况\n";
    int covered = 0;
    std::string covered_list, missing_list;
    for (const CategoryCoverage& c : ps.categories) {
        if (c.scenarios > 0) {
            ++covered;
            covered_list += (covered_list.empty() ? "" : " · ") + c.category->name + " " + std::to_string(c.scenarios);
        } else {
            missing_list += (missing_list.empty() ? "" : "、") + c.category->name;
        }
    }
    out << "  诈骗类型 " << covered << "/" << ps.categories.size() << "：" << covered_list << '\n';
    if (!missing_list.empty()) out << "    还没有剧本：" << missing_list << '\n';
    out << "  渠道：chat 聊天 " << ps.channels.at("chat") << " · sms 短信 " << ps.channels.at("sms") << " · call 来电 "
        << ps.channels.at("call") << '\n';
    int shown = 0, caught = 0;
    for (const FlagCoverage& f : ps.red_flags) {
        if (f.shown_in > 0) ++shown;
        if (f.caught_in > 0) ++caught;
    }
    out << "  诈骗信号：" << ps.red_flags.size() << " 种里出现过 " << shown << " 种，能被识破 " << caught << " 种\n";
    out << "    " << fit("信号 id", 20) << ' ' << fit("名称", 44) << ' ' << fit("出现于", 8, true) << ' '
        << fit("可识破", 8, true) << '\n';
    for (const FlagCoverage& f : ps.red_flags) {
        out << "    " << fit(f.flag->id, 20) << ' ' << fit(f.flag->name, 44) << ' '
            << fit(std::to_string(f.shown_in), 8, true) << ' ' << fit(std::to_string(f.caught_in), 8, true);
        if (f.shown_in == 0) out << "  还没有剧本用到";
        else if (f.caught_in < f.shown_in) out << "  有剧本里识破不了";
        out << '\n';
    }
}

} // namespace

int stats_command(const Args& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args(args, {}, {"--json"});
    if (a.positional.size() != 1) throw UsageError("stats needs exactly one pack folder (请写出一个剧本包文件夹)");
    const auto pack = load_valid_pack(a.positional[0], err);
    if (!pack) return kExitFailed;
    const PackStats ps = compute_stats(*pack);
    if (a.has("--json"))
        out << to_json(ps).dump(2) << '\n';
    else
        print_table(ps, out);
    return kExitOk;
}

} // namespace ff::pack
