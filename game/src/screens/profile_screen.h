// The profile screen: the player's nickname (typed with any IME, Chinese included), kept
// only in the local save; shows the class once joined.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_profile_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
