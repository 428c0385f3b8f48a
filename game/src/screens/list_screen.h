// The scenario list: every scenario of the loaded packs grouped by fraud type, with the
// player's best score, completion badges and a "新" marker for newly arrived scenarios.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_list_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
