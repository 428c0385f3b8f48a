// View models from ClassProgress: labels in Chinese, category ids replaced by their names,
// and the orderings a counsellor needs (weakest category and unfinished students on top).
#include "dashboard_model.h"

#include <algorithm>

namespace ff::web {
namespace {

std::vector<CheckLine> check_lines(const server::CriterionStatus& s) {
    std::vector<CheckLine> out;
    for (const auto& c : s.checks) out.push_back({check_label(c.id), c.met, c.missing});
    return out;
}

std::string category_name(const server::ClassProgress& p, const std::string& id) {
    for (const auto& c : p.categories)
        if (c.id == id) return c.name;
    return id;
}

bool finished_all(const server::StudentProgress& s) { return s.total > 0 && s.finished >= s.total; }

std::vector<CategoryBar> category_bars(const server::ClassProgress& p) {
    std::vector<CategoryBar> out;
    for (const auto& c : p.categories) {
        CategoryBar b{c.id, c.name, c.finished_pct, c.mean_best, false};
        // A category nobody has played has no score yet; it shows as unfinished, not as weak.
        const bool played = std::any_of(p.students.begin(), p.students.end(),
                                        [&](const server::StudentProgress& s) { return s.best_by_category.count(c.id); });
        b.weak = played && c.mean_best < p.cls.criterion.min_mean_best;
        out.push_back(b);
    }
    return out;
}

} // namespace

std::string check_label(const std::string& check_id) {
    if (check_id == "finished") return "完成全部剧本的同学";
    if (check_id == "mean_best") return "班级最好成绩平均分";
    if (check_id == "no_scammed") return "最近一次没有被骗";
    return check_id;
}

ClassRow class_row(const server::ClassProgress& p) {
    return ClassRow{p.cls.id,
                    p.cls.name,
                    p.cls.join_code,
                    static_cast<int>(p.students.size()),
                    p.criterion.progress_pct,
                    p.criterion.met,
                    p.mean_best};
}

ProjectorView projector_view(const server::ClassProgress& p) {
    ProjectorView v;
    v.class_id = p.cls.id;
    v.class_name = p.cls.name;
    v.join_code = p.cls.join_code;
    v.progress_pct = p.criterion.progress_pct;
    v.goal_met = p.criterion.met;
    v.students = static_cast<int>(p.students.size());
    v.checks = check_lines(p.criterion);
    v.categories = category_bars(p);
    for (const auto& s : p.students)
        if (finished_all(s)) v.finished.push_back(s.nickname);
    return v;
}

ReportView report_view(const server::ClassProgress& p) {
    ReportView v;
    v.class_id = p.cls.id;
    v.class_name = p.cls.name;
    v.join_code = p.cls.join_code;
    v.progress_pct = p.criterion.progress_pct;
    v.goal_met = p.criterion.met;
    v.mean_best = p.mean_best;
    v.target_mean_best = p.cls.criterion.min_mean_best;
    v.checks = check_lines(p.criterion);
    v.weak_categories = category_bars(p);
    std::stable_sort(v.weak_categories.begin(), v.weak_categories.end(), [](const CategoryBar& a, const CategoryBar& b) {
        if (a.weak != b.weak) return a.weak;
        return a.weak ? a.mean_best < b.mean_best : a.finished_pct < b.finished_pct;
    });
    for (const auto& s : p.students) {
        StudentLine line{s.id, s.nickname, s.finished, s.total, s.mean_best, s.latest_ending, {}, s.missing_titles, {}};
        for (const auto& id : s.unfinished_categories) line.missing_categories.push_back(category_name(p, id));
        for (const auto& id : s.scammed_categories) line.scammed_categories.push_back(category_name(p, id));
        v.students.push_back(std::move(line));
    }
    std::stable_sort(v.students.begin(), v.students.end(), [](const StudentLine& a, const StudentLine& b) {
        const bool da = a.total > 0 && a.finished >= a.total, db = b.total > 0 && b.finished >= b.total;
        if (da != db) return !da;
        return a.finished < b.finished;
    });
    return v;
}

std::vector<PackChoice> pack_choices(const std::vector<server::PackSummary>& catalogue,
                                     const std::vector<std::string>& checked) {
    std::vector<PackChoice> out;
    for (const auto& p : catalogue)
        out.push_back({p.id, p.title, p.version, p.scenarios,
                       std::find(checked.begin(), checked.end(), p.id) != checked.end()});
    return out;
}

} // namespace ff::web
