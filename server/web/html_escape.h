// The one HTML escape function of the dashboard: every dynamic value that reaches a page
// goes through it, in text and in quoted attribute values alike.
#pragma once

#include <string>
#include <string_view>

namespace ff::web {

// Escapes & < > " ' so the result is inert inside element text and quoted attributes.
// Control characters other than tab and newline are dropped (they have no business in a page).
std::string html_escape(std::string_view text);

} // namespace ff::web
