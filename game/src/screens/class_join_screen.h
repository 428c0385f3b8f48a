// Joining a class: the student types the counsellor's join code; the game keeps the class
// name and the student token in the profile.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_class_join_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
