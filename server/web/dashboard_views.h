// The counsellor dashboard's pages as plain functions: a view model struct in, an HTML
// string out. No I/O here, so every page is unit-tested; all text is escaped by html_escape.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ff::web {

// What every page shows around its body.
struct PageChrome {
    std::string title;          // goes into <title> after "无诈校园 · "
    std::string signed_in_as;   // counsellor's name; empty on the sign-in page
    bool projector = false;     // full-screen dark layout without the header
};

struct SignInView {
    std::string error; // shown above the form when the last attempt failed
};

struct ClassRow {
    int64_t id = 0;
    std::string name;
    std::string join_code;
    int students = 0;
    int progress_pct = 0;
    bool goal_met = false;
    double mean_best = 0;
};

struct ClassListView {
    std::vector<ClassRow> classes;
    std::string notice; // e.g. "班级已创建"
};

struct PackChoice {
    std::string id;
    std::string title;
    int version = 0;
    int scenarios = 0;
    bool checked = false;
};

// The create-class form; on a failed submit it is shown again with the values typed.
struct CreateClassView {
    std::vector<PackChoice> packs;
    std::string name;
    double min_finished_pct = 90;
    double min_mean_best = 80;
    bool allow_scammed = false;
    std::string error;
};

struct CheckLine {
    std::string label;   // e.g. "完成全部剧本的同学"
    bool met = false;
    std::string missing; // plain Chinese, empty when met
};

struct CategoryBar {
    std::string id;
    std::string name;
    double finished_pct = 0; // members who finished every scenario of the category
    double mean_best = 0;    // over members who played it
    bool weak = false;       // below the class's mean-score target
};

// The live view for the projector; also sent as JSON to refresh itself.
struct ProjectorView {
    int64_t class_id = 0;
    std::string class_name;
    std::string join_code;
    int progress_pct = 0;
    bool goal_met = false;
    int students = 0;
    std::vector<CheckLine> checks;
    std::vector<CategoryBar> categories;
    std::vector<std::string> finished;  // nicknames of members who finished everything
    int refresh_seconds = 3;
};

struct StudentLine {
    int64_t id = 0;
    std::string nickname;
    int finished = 0;
    int total = 0;
    double mean_best = 0;
    std::optional<std::string> latest_ending; // safe | partial | scammed
    std::vector<std::string> missing_categories; // category names with an unplayed scenario
    std::vector<std::string> missing_titles;     // scenarios not played yet
    std::vector<std::string> scammed_categories;
};

struct ReportView {
    int64_t class_id = 0;
    std::string class_name;
    std::string join_code;
    int progress_pct = 0;
    bool goal_met = false;
    double mean_best = 0;
    double target_mean_best = 80;
    std::vector<CheckLine> checks;
    std::vector<CategoryBar> weak_categories; // weakest first
    std::vector<StudentLine> students;        // not finished first
};

// Pages: the full document, chrome included.
std::string render_sign_in(const SignInView& v);
std::string render_class_list(const PageChrome& chrome, const ClassListView& v);
std::string render_create_class(const PageChrome& chrome, const CreateClassView& v);
std::string render_projector(const ProjectorView& v);
std::string render_report(const PageChrome& chrome, const ReportView& v);
// A short page for errors (404/403) in the dashboard's look.
std::string render_message(const PageChrome& chrome, const std::string& heading, const std::string& text);

// The projector's refresh payload; the script puts it into the page with textContent only.
nlohmann::json projector_json(const ProjectorView& v);

// "已结束-安全" style labels for an ending kind ("safe" -> "安全"), "—" for none.
std::string ending_label(const std::optional<std::string>& kind);

// One decimal, no trailing ".0" (80 -> "80", 72.25 -> "72.3").
std::string format_number(double v);

} // namespace ff::web
