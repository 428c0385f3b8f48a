// The dashboard's URLs in one place, so pages, routes and tests agree on them.
#pragma once

#include <cstdint>
#include <string>

namespace ff::web::paths {

inline const std::string home = "/dashboard";
inline const std::string login = "/dashboard/login";
inline const std::string logout = "/dashboard/logout";
inline const std::string classes = "/dashboard/classes";
inline const std::string new_class = "/dashboard/classes/new";
inline const std::string css = "/dashboard/assets/dashboard.css";
inline const std::string js = "/dashboard/assets/dashboard.js";

inline std::string class_base(int64_t id) { return classes + "/" + std::to_string(id); }
inline std::string projector(int64_t id) { return class_base(id) + "/projector"; }
inline std::string projector_json(int64_t id) { return class_base(id) + "/projector.json"; }
inline std::string report(int64_t id) { return class_base(id) + "/report"; }
inline std::string report_csv(int64_t id) { return class_base(id) + "/report.csv"; }
inline std::string rotate_join_code(int64_t id) { return class_base(id) + "/join-code"; }
inline std::string remove_student(int64_t id, int64_t student_id) {
    return class_base(id) + "/students/" + std::to_string(student_id) + "/remove";
}

} // namespace ff::web::paths
