// Settings: text size, high contrast, sound volume and mute, text speed, window or
// fullscreen. Every change applies at once and is saved (Context::settings_changed).
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_settings_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
