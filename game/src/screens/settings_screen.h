// Settings: text size, high contrast, sound volume and mute, text speed, window or
// fullscreen. Every change applies at once and is saved (Context::settings_changed).
#pragma once

#include "screen.h"
#include "screens/settings_layout.h"

#include <vector>

namespace ff::game {

// The rows' titles and hints in screen order, each with a control `control_h` tall (the
// layout test measures these very texts).
std::vector<SettingsRow> settings_rows(int control_h);

Screen make_settings_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
