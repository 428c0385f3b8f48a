// The class's way towards 无诈班级 as the student sees it: the class's progress and what is
// still missing, its leaderboard rank, and the student's own standing — no other student's score.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_class_progress_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
