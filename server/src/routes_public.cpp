// Public routes: the leaderboard of classes (class names and figures, never student names).
#include "http_util.h"
#include "leaderboard.h"
#include "routes.h"

namespace ff::server {

void add_public_routes(httplib::Server& http, App& app) {
    http.Get("/api/v1/leaderboard", guarded(app, [&app](const httplib::Request&, httplib::Response& res) {
                 nlohmann::json out = nlohmann::json::array();
                 for (const auto& e : app.leaderboard.get(app.storage, app.packs))
                     out.push_back({{"rank", e.rank},
                                    {"class_id", e.class_id},
                                    {"name", e.name},
                                    {"students", e.students},
                                    {"progress_pct", e.progress_pct},
                                    {"mean_best", e.mean_best},
                                    {"goal_met", e.goal_met}});
                 send_json(res, 200, out);
             }));
}

} // namespace ff::server
