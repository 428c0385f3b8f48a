// Settings JSON: every field read on its own, so one bad value never resets the others.
#include "settings.h"

namespace ff::save {
namespace {

using nlohmann::json;

void read_bool(const json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it != j.end() && it->is_boolean()) out = it->get<bool>();
}

void read_string(const json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it != j.end() && it->is_string()) out = it->get<std::string>();
}

template <typename Pred>
void read_int(const json& j, const char* key, int& out, Pred valid) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return;
    // Range-check as 64-bit first so a huge value cannot wrap into range as int.
    const int64_t v = it->is_number_unsigned() && it->get<uint64_t>() > 1000000u ? -1000001 : it->get<int64_t>();
    if (v < -1000000 || v > 1000000) return;
    if (valid(static_cast<int>(v))) out = static_cast<int>(v);
}

} // namespace

double speed_factor(Settings::TextSpeed s) {
    switch (s) {
    case Settings::TextSpeed::instant: return 0.0;
    case Settings::TextSpeed::normal: return 1.0;
    case Settings::TextSpeed::slow: return 1.6;
    }
    return 1.0;
}

const char* to_string(Settings::TextSpeed s) {
    switch (s) {
    case Settings::TextSpeed::instant: return "instant";
    case Settings::TextSpeed::normal: return "normal";
    case Settings::TextSpeed::slow: return "slow";
    }
    return "normal";
}

nlohmann::json to_json(const Settings& s) {
    return json{{"text_scale", s.text_scale},     {"high_contrast", s.high_contrast},
                {"volume", s.volume},             {"muted", s.muted},
                {"text_speed", to_string(s.text_speed)}, {"fullscreen", s.fullscreen},
                {"font_path", s.font_path},       {"server_url", s.server_url},
                {"pretest_done", s.pretest_done}};
}

Settings settings_from_json(const nlohmann::json& j) {
    Settings s;
    if (!j.is_object()) return s;
    read_int(j, "text_scale", s.text_scale, [](int v) { return v == 100 || v == 125 || v == 150; });
    read_bool(j, "high_contrast", s.high_contrast);
    read_int(j, "volume", s.volume, [](int v) { return v >= 0 && v <= 100; });
    read_bool(j, "muted", s.muted);
    std::string speed;
    read_string(j, "text_speed", speed);
    for (auto t : {Settings::TextSpeed::instant, Settings::TextSpeed::normal, Settings::TextSpeed::slow})
        if (speed == to_string(t)) s.text_speed = t;
    read_bool(j, "fullscreen", s.fullscreen);
    read_string(j, "font_path", s.font_path);
    read_string(j, "server_url", s.server_url);
    read_bool(j, "pretest_done", s.pretest_done);
    return s;
}

} // namespace ff::save
