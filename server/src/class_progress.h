// Progress of a class towards 无诈班级 (fraud-free class): per member, per category and the
// criterion with what is still missing in plain Chinese. Pure functions over stored standings.
#pragma once

#include "pack_cache.h"
#include "storage.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ff::server {

// What a class has to play: every scenario of the latest version of each assigned pack.
struct ScenarioRef {
    std::string pack_id;
    std::string scenario_id;
    std::string title;
    std::string category;
};
struct CategoryRef {
    std::string id;
    std::string name;
};
struct Assignment {
    std::vector<Pack> packs;             // latest versions of the assigned packs that exist
    std::vector<ScenarioRef> scenarios;
    std::vector<CategoryRef> categories; // those with at least one assigned scenario, in pack order
    std::vector<std::string> unknown_packs; // assigned but not in the catalogue (any more)
};
Assignment assignment_of(const ClassInfo& cls, PackCache& packs);

// Per member, the figures come from core's compute_progress (core/progress.h), so the game's
// awareness profile and the counsellor's view agree: a scenario is finished after one play;
// best/latest means are over finished scenarios only, so coverage is reported separately.
struct StudentProgress {
    int64_t id = 0;
    std::string nickname;
    int finished = 0;
    int total = 0;
    double mean_best = 0;                          // over finished scenarios
    std::map<std::string, double> best_by_category; // category id -> mean best
    std::map<std::string, double> latest_by_category;
    std::optional<std::string> latest_ending;      // of the most recent play of an assigned scenario
    std::vector<std::string> scammed_categories;   // categories whose latest play ended scammed
    std::vector<std::string> unfinished_categories;// categories with an unplayed scenario
    std::vector<std::string> missing_titles;       // unplayed scenario titles
};

struct CriterionCheck {
    std::string id; // finished | mean_best | no_scammed
    bool met = false;
    double value = 0;
    double target = 0;
    std::string missing; // empty when met
};

struct CriterionStatus {
    bool met = false;
    int progress_pct = 0; // 100 only when met
    std::vector<CriterionCheck> checks;
};

struct CategoryStat {
    std::string id;
    std::string name;
    double finished_pct = 0; // members who finished every scenario of the category
    double mean_best = 0;    // over members who played it
};

struct ClassProgress {
    ClassInfo cls;
    std::vector<StudentProgress> students;
    CriterionStatus criterion;
    std::vector<CategoryStat> categories;
    double mean_best = 0; // class mean of members' best means (members who played)
};

ClassProgress compute_class_progress(const ClassInfo& cls, const std::vector<StudentInfo>& members,
                                     const std::vector<Standing>& standings, const Assignment& assignment);

nlohmann::json class_json(const ClassInfo& c);
nlohmann::json criterion_json(const CriterionStatus& s);
// The counsellor's view (with each member's scores).
nlohmann::json progress_json(const ClassProgress& p);

// Rounds to one decimal for display and JSON.
double round1(double v);

} // namespace ff::server
