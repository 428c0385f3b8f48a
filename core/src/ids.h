// Which characters ids may use. Private to core.
#pragma once

#include <string_view>

namespace ff::detail {

// [a-z0-9-]: pack and scenario ids (they appear in URLs and file names).
bool is_slug(std::string_view s);
// [a-z0-9_-]: ids of a pack's own categories and red flags (built-ins use '_').
bool is_flag_id(std::string_view s);

} // namespace ff::detail
