// The class report as CSV for Excel/WPS: UTF-8 with a BOM, one row per member.
#pragma once

#include "class_progress.h"

#include <string>

namespace ff::server {

std::string class_report_csv(const ClassProgress& p);

// One CSV field: quoted when needed; a leading = + - @ is neutralised so a nickname
// cannot become a spreadsheet formula.
std::string csv_field(const std::string& s);

} // namespace ff::server
