// Settings: text size, high contrast, sound volume and mute, text speed, window or
// fullscreen, the class server's address. Every change applies at once and is saved
// (Context::settings_changed); a new server address is connected to at once.
#pragma once

#include "screen.h"
#include "screens/settings_layout.h"

#include <string>
#include <vector>

namespace ff::game {

// The rows' titles and hints in screen order, each with a control `control_h` tall and the
// server address field `field_h` tall with `server_note` under its hint (the layout test
// measures these very texts).
std::vector<SettingsRow> settings_rows(int control_h, int field_h = 0, const std::string& server_note = {});

Screen make_settings_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
