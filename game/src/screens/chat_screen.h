// The scenario as the student lives it: a messenger chat, an SMS thread or a phone call
// (incoming-call screen, then a transcript with a call timer), with the choices below.
#pragma once

#include "screen.h"

namespace ff::game {

// req.pack_id/scenario_id name the scenario; req.choices (headless) are replayed at once.
Screen make_chat_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
