// The player's settings (text size, contrast, sound, text speed, window, font, server),
// persisted as JSON; unknown or mistyped fields fall back to their defaults.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace ff::save {

struct Settings {
    int text_scale = 100;        // percent: 100 | 125 | 150
    bool high_contrast = false;
    int volume = 80;             // 0..100
    bool muted = false;
    enum class TextSpeed { instant, normal, slow } text_speed = TextSpeed::normal;
    bool fullscreen = false;
    std::string font_path;       // override; empty = find a CJK font automatically
    std::string server_url;      // empty = offline
    bool pretest_done = false;   // the optional pre-test was taken or skipped

    bool operator==(const Settings&) const = default;
};

// Multiplier for message delays: instant 0, normal 1, slow 1.6.
double speed_factor(Settings::TextSpeed s);
const char* to_string(Settings::TextSpeed s); // "instant" | "normal" | "slow"

nlohmann::json to_json(const Settings& s);
// Never throws: a value that is missing, of the wrong type or out of range (e.g.
// text_scale 130, volume 300) keeps its default. A non-object gives all defaults.
Settings settings_from_json(const nlohmann::json& j);

} // namespace ff::save
