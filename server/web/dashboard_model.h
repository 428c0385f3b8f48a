// Turns the server's class progress (class_progress.h) into the dashboard's view models,
// so the pages show exactly the figures the JSON API reports.
#pragma once

#include "class_progress.h"
#include "dashboard_views.h"
#include "storage.h"

#include <vector>

namespace ff::web {

// "完成全部剧本的同学" for "finished", etc.; the id itself for an unknown check.
std::string check_label(const std::string& check_id);

ClassRow class_row(const server::ClassProgress& p);
ProjectorView projector_view(const server::ClassProgress& p);
// Weak categories first (lowest mean best), students who have not finished first.
ReportView report_view(const server::ClassProgress& p);
// The catalogue as checkboxes, `checked` ticking the given ids.
std::vector<PackChoice> pack_choices(const std::vector<server::PackSummary>& catalogue,
                                     const std::vector<std::string>& checked);

} // namespace ff::web
