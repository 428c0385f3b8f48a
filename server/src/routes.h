// Route registration, one function per area; each lives in its own routes_*.cpp.
#pragma once

#include "app.h"

#include <httplib.h>

namespace ff::server {

void add_health_routes(httplib::Server& http, App& app);
void add_class_routes(httplib::Server& http, App& app);
void add_student_routes(httplib::Server& http, App& app);
void add_pack_routes(httplib::Server& http, App& app);
void add_public_routes(httplib::Server& http, App& app);

// The counsellor dashboard (server/web/), when built in.
void add_web_routes(httplib::Server& http, App& app);

} // namespace ff::server
