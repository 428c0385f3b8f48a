// Which characters ids may use.
#include "ids.h"

namespace ff::detail {
namespace {
bool all_of(std::string_view s, bool allow_underscore) {
    if (s.empty()) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (allow_underscore && c == '_');
        if (!ok) return false;
    }
    return true;
}
} // namespace

bool is_slug(std::string_view s) { return all_of(s, false); }
bool is_flag_id(std::string_view s) { return all_of(s, true); }

} // namespace ff::detail
