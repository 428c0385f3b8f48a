// The debrief after a scenario: the ending, the score item by item (from core), red flags
// caught and missed with the message that showed them, and what to do; then play again / next.
#pragma once

#include "screen.h"

namespace ff::game {

// req.result is the finished play (pack/scenario ids and choices come from it).
Screen make_debrief_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
