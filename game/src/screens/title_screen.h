// The title screen: the game's name, a greeting with the player's progress, and the way in
// (start / continue), to the awareness profile, settings and nickname.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_title_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
