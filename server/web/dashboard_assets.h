// The dashboard's stylesheet and script, embedded in the binary (served from /dashboard/assets/).
#pragma once

#include <string_view>

namespace ff::web {

std::string_view dashboard_css();
std::string_view dashboard_js();

} // namespace ff::web
