// The pre-test (optional, before the first scenario) and the post-test (after playing):
// one question per fraud type from the pack's quiz, the explanation after each answer, and
// the learning gain at the end. Screen ids "pretest" and "posttest"; req.pack_id names the pack.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_quiz_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
