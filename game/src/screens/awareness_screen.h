// The awareness profile: per fraud type, the best and latest scores (radar chart and bars)
// from core's compute_progress, the quiz learning gain, and the history of plays.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_awareness_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
