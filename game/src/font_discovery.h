// Finding a CJK font on the system: the settings override, then fontconfig, then a search list.
// Returns a plain bilingual message when none exists, so the student knows what to install.
#pragma once

#include <filesystem>
#include <string>

namespace ff::game {

struct FontChoice {
    std::filesystem::path path; // empty when nothing usable was found
    std::string message;        // why nothing was found (Chinese + English), or a note about the override
};

// `override_path` (from settings) wins when the file exists. Then fontconfig is asked for
// WenQuanYi Micro Hei / Noto Sans CJK SC / any font covering zh-cn, then a list of
// well-known paths is tried.
FontChoice find_cjk_font(const std::string& override_path);

} // namespace ff::game
