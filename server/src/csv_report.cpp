// CSV export of a class's progress.
#include "csv_report.h"

#include <cstdio>

namespace ff::server {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", round1(v));
    return buf;
}

const char* ending_name(const std::optional<std::string>& e) {
    if (!e) return "";
    if (*e == "safe") return "识破";
    if (*e == "partial") return "及时止损";
    if (*e == "scammed") return "被骗";
    return "";
}

} // namespace

std::string csv_field(const std::string& s) {
    std::string v = s;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string class_report_csv(const ClassProgress& p) {
    std::string out = "\xEF\xBB\xBF"; // BOM: Excel then reads UTF-8
    out += "学生编号,昵称,已完成剧本,剧本总数,最好成绩平均,最近结局";
    for (const auto& c : p.categories) out += "," + csv_field(c.name + " 最好成绩");
    out += "\r\n";
    for (const auto& s : p.students) {
        out += std::to_string(s.id) + "," + csv_field(s.nickname) + "," + std::to_string(s.finished) + "," +
               std::to_string(s.total) + "," + (s.finished ? num(s.mean_best) : "") + "," + ending_name(s.latest_ending);
        for (const auto& c : p.categories) {
            auto it = s.best_by_category.find(c.id);
            out += "," + (it == s.best_by_category.end() ? std::string() : num(it->second));
        }
        out += "\r\n";
    }
    return out;
}

} // namespace ff::server
