// The 无诈班级 criterion: coverage, class mean of best scores, and no member whose latest
// play ended scammed, each with a plain-Chinese note of what is still missing.
#include "class_progress.h"

#include "fraudfree/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace ff::server {
namespace {

using Key = std::pair<std::string, std::string>; // pack id, scenario id

std::string fmt1(double v) {
    v = round1(v);
    char buf[32];
    if (v == std::floor(v))
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string name_of(const Assignment& a, const std::string& category) {
    for (const auto& c : a.categories)
        if (c.id == category) return c.name;
    return category;
}

// "6 名同学还没完成「奖助学金」；2 名同学还没完成「求职」" — the largest counts first, at most three.
std::string count_list(const std::vector<std::pair<std::string, int>>& counts, const Assignment& a,
                       const std::string& verb) {
    std::vector<std::pair<std::string, int>> sorted;
    for (const auto& [cat, n] : counts)
        if (n > 0) sorted.emplace_back(cat, n);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    std::string out;
    for (size_t i = 0; i < sorted.size() && i < 3; ++i) {
        if (!out.empty()) out += "；";
        out += std::to_string(sorted[i].second) + " 名同学" + verb + "「" + name_of(a, sorted[i].first) + "」";
    }
    if (sorted.size() > 3) out += "；还有 " + std::to_string(sorted.size() - 3) + " 类也没达标";
    return out;
}

} // namespace

double round1(double v) { return std::round(v * 10.0) / 10.0; }

Assignment assignment_of(const ClassInfo& cls, PackCache& packs) {
    Assignment a;
    std::set<std::string> seen_categories;
    std::set<Key> seen_scenarios;
    for (const auto& id : cls.packs) {
        auto pack = packs.latest(id);
        if (!pack) {
            a.unknown_packs.push_back(id);
            continue;
        }
        a.packs.push_back(*pack);
        for (const auto& s : pack->scenarios)
            if (seen_scenarios.insert({pack->id, s.id}).second)
                a.scenarios.push_back(ScenarioRef{pack->id, s.id, s.title, s.category});
        for (const auto& c : pack->categories) {
            bool used = std::any_of(pack->scenarios.begin(), pack->scenarios.end(),
                                    [&](const Scenario& s) { return s.category == c.id; });
            if (used && seen_categories.insert(c.id).second) a.categories.push_back(CategoryRef{c.id, c.name});
        }
    }
    return a;
}

ClassProgress compute_class_progress(const ClassInfo& cls, const std::vector<StudentInfo>& members,
                                     const std::vector<Standing>& standings, const Assignment& assignment) {
    ClassProgress out;
    out.cls = cls;
    std::map<Key, const ScenarioRef*> assigned;
    for (const auto& s : assignment.scenarios) assigned[{s.pack_id, s.scenario_id}] = &s;

    // Standings come ordered by member, then by their latest play.
    std::map<int64_t, std::vector<const Standing*>> by_member;
    for (const auto& s : standings)
        if (s.class_id == cls.id && assigned.count({s.pack_id, s.scenario_id})) by_member[s.student_id].push_back(&s);

    const int total = static_cast<int>(assignment.scenarios.size());
    std::map<std::string, int> cat_members_done, cat_members_played, cat_unfinished, cat_scammed;
    std::map<std::string, double> cat_best_sum;

    for (const auto& m : members) {
        // Two records per played scenario, best then latest: compute_progress keeps the best
        // score of all and the ending of the last, which is all a standing holds.
        std::vector<ResultRecord> records;
        StudentProgress sp;
        for (const Standing* s : by_member[m.id]) {
            ResultRecord best;
            best.pack_id = s->pack_id;
            best.scenario_id = s->scenario_id;
            best.category = s->category;
            best.score = s->best_score;
            ResultRecord latest = best;
            latest.score = s->latest_score;
            latest.ending_id = s->latest_ending_id;
            latest.ending_kind = parse_ending_kind(s->latest_ending_kind).value_or(EndingKind::safe);
            records.push_back(std::move(best));
            records.push_back(std::move(latest));
            sp.latest_ending = s->latest_ending_kind; // standings are in play order: the last is the latest
        }
        const AwarenessProfile profile = compute_progress(records, assignment.packs);
        sp.id = m.id;
        sp.nickname = m.nickname;
        sp.total = profile.overall.scenarios_total;
        sp.finished = profile.overall.scenarios_finished;
        sp.mean_best = profile.overall.best;
        for (const auto& c : assignment.categories) {
            const CategoryProgress* cp = find_category_progress(profile, c.id);
            if (!cp) continue;
            const ProgressSummary& sum = cp->summary;
            if (sum.scenarios_finished > 0) {
                sp.best_by_category[c.id] = sum.best;
                sp.latest_by_category[c.id] = sum.latest;
                ++cat_members_played[c.id];
                cat_best_sum[c.id] += sum.best;
            }
            if (sum.scenarios_finished < sum.scenarios_total) {
                sp.unfinished_categories.push_back(c.id);
                ++cat_unfinished[c.id];
            } else {
                ++cat_members_done[c.id];
            }
            if (sum.latest_scammed > 0) {
                sp.scammed_categories.push_back(c.id);
                ++cat_scammed[c.id];
            }
        }
        for (const auto& s : assignment.scenarios)
            if (!find_scenario_progress(profile, s.pack_id, s.scenario_id)) sp.missing_titles.push_back(s.title);
        out.students.push_back(std::move(sp));
    }

    const int n = static_cast<int>(members.size());
    int all_done = 0, played_any = 0, scammed_members = 0;
    double best_means = 0;
    for (const auto& sp : out.students) {
        if (total > 0 && sp.finished == total) ++all_done;
        if (sp.finished > 0) {
            ++played_any;
            best_means += sp.mean_best;
        }
        if (!sp.scammed_categories.empty()) ++scammed_members;
    }
    out.mean_best = played_any ? best_means / played_any : 0;

    for (const auto& c : assignment.categories) {
        CategoryStat st;
        st.id = c.id;
        st.name = c.name;
        st.finished_pct = n ? 100.0 * cat_members_done[c.id] / n : 0;
        st.mean_best = cat_members_played[c.id] ? cat_best_sum[c.id] / cat_members_played[c.id] : 0;
        out.categories.push_back(st);
    }

    const Criterion& crit = cls.criterion;
    CriterionCheck finished{"finished", false, n ? 100.0 * all_done / n : 0, crit.min_finished_pct, ""};
    finished.met = n > 0 && total > 0 && finished.value + 1e-9 >= finished.target;
    if (!finished.met) {
        if (n == 0)
            finished.missing = "还没有同学加入班级";
        else if (total == 0)
            finished.missing = "班级还没有可以玩的剧本（请检查指定的题包）";
        else {
            std::vector<std::pair<std::string, int>> counts;
            for (const auto& c : assignment.categories) counts.emplace_back(c.id, cat_unfinished[c.id]);
            finished.missing = "全部完成的同学占 " + fmt1(finished.value) + "%，目标 " + fmt1(finished.target) +
                               "%：" + count_list(counts, assignment, "还没完成");
        }
    }

    CriterionCheck mean{"mean_best", false, out.mean_best, crit.min_mean_best, ""};
    mean.met = played_any > 0 && mean.value + 1e-9 >= mean.target;
    if (!mean.met) {
        if (played_any == 0) {
            mean.missing = "还没有同学完成剧本，暂时没有成绩";
        } else {
            mean.missing = "班级最好成绩平均 " + fmt1(mean.value) + " 分，还差 " + fmt1(mean.target - mean.value) + " 分";
            const CategoryStat* weakest = nullptr;
            for (const auto& st : out.categories)
                if (cat_members_played[st.id] && (!weakest || st.mean_best < weakest->mean_best)) weakest = &st;
            if (weakest) mean.missing += "；最弱的是「" + weakest->name + "」（平均 " + fmt1(weakest->mean_best) + " 分）";
        }
    }

    CriterionCheck safe{"no_scammed", false, static_cast<double>(scammed_members), 0, ""};
    safe.met = crit.allow_scammed || scammed_members == 0;
    if (!safe.met) {
        std::vector<std::pair<std::string, int>> counts;
        for (const auto& c : assignment.categories) counts.emplace_back(c.id, cat_scammed[c.id]);
        safe.missing = count_list(counts, assignment, "最近一次被骗在") + "，请再练一次";
    }

    out.criterion.checks = {finished, mean, safe};
    out.criterion.met = finished.met && mean.met && safe.met;
    if (out.criterion.met) {
        out.criterion.progress_pct = 100;
    } else if (n > 0) {
        auto part = [](double v, double target) { return target <= 0 ? 1.0 : std::min(1.0, v / target); };
        double f = part(finished.value, finished.target);
        double b = part(mean.value, mean.target);
        // Members who played and whose latest plays are all safe; nobody played: nothing earned yet.
        double s = crit.allow_scammed ? 1.0 : static_cast<double>(played_any - std::min(played_any, scammed_members)) / n;
        out.criterion.progress_pct = std::min(99, static_cast<int>(std::floor(100.0 * (f + b + s) / 3.0)));
    }
    return out;
}

nlohmann::json class_json(const ClassInfo& c) {
    return nlohmann::json{{"id", c.id},
                          {"name", c.name},
                          {"join_code", c.join_code},
                          {"packs", c.packs},
                          {"criterion",
                           {{"min_finished_pct", c.criterion.min_finished_pct},
                            {"min_mean_best", c.criterion.min_mean_best},
                            {"allow_scammed", c.criterion.allow_scammed}}},
                          {"students", c.students},
                          {"created_at", c.created_at}};
}

nlohmann::json criterion_json(const CriterionStatus& s) {
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& c : s.checks)
        checks.push_back({{"id", c.id}, {"met", c.met}, {"value", round1(c.value)}, {"target", round1(c.target)},
                          {"missing", c.missing}});
    return {{"met", s.met}, {"progress_pct", s.progress_pct}, {"checks", checks}};
}

nlohmann::json progress_json(const ClassProgress& p) {
    nlohmann::json students = nlohmann::json::array();
    for (const auto& s : p.students) {
        nlohmann::json best = nlohmann::json::object(), latest = nlohmann::json::object();
        for (const auto& [k, v] : s.best_by_category) best[k] = round1(v);
        for (const auto& [k, v] : s.latest_by_category) latest[k] = round1(v);
        students.push_back({{"id", s.id},
                            {"nickname", s.nickname},
                            {"finished", s.finished},
                            {"total", s.total},
                            {"mean_best", round1(s.mean_best)},
                            {"best_by_category", best},
                            {"latest_by_category", latest},
                            {"latest_ending", s.latest_ending ? nlohmann::json(*s.latest_ending) : nlohmann::json()},
                            {"unfinished_categories", s.unfinished_categories},
                            {"scammed_categories", s.scammed_categories}});
    }
    nlohmann::json cats = nlohmann::json::array();
    for (const auto& c : p.categories)
        cats.push_back({{"id", c.id}, {"name", c.name}, {"finished_pct", round1(c.finished_pct)},
                        {"mean_best", round1(c.mean_best)}});
    nlohmann::json cls = class_json(p.cls);
    cls["mean_best"] = round1(p.mean_best);
    return {{"class", cls}, {"students", students}, {"criterion", criterion_json(p.criterion)}, {"categories", cats}};
}

} // namespace ff::server
