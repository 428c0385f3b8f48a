// GET /healthz: the process is up and its workers answer (no database work: it is also the
// load benchmark's ceiling for a request that does nothing).
#include "http_util.h"
#include "routes.h"

namespace ff::server {

void add_health_routes(httplib::Server& http, App& app) {
    http.Get("/healthz", guarded(app, [](const httplib::Request&, httplib::Response& res) {
                 res.status = 200;
                 res.set_content("ok", "text/plain; charset=utf-8");
             }));
}

} // namespace ff::server
