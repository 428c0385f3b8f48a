// Saving the player's own changes (nickname, quiz attempts) and the way into the game:
// nickname first, then the optional pre-test, then the scenario list.
#pragma once

#include "screen.h"

#include <string>

namespace ff::game {

// A request for screen `id` that returns to `back` (optionally for a pack).
ScreenRequest request_with_back(const std::string& id, const std::string& back, const std::string& pack_id = {});

// Saves ctx.save.profile atomically. Headless runs without --data never write (they must not
// touch a real save). Returns "" or a message for the player (also added to ctx.notices).
std::string persist_profile(Context& ctx);

// The pack whose quiz is used for the pre- and post-test: the first loaded pack with quiz
// items, preferring the pack of an earlier pre-test. Empty when no pack has a quiz.
std::string quiz_pack_id(const Context& ctx);

// Opens the next step for a player pressing "start": the profile screen while there is no
// nickname, the pre-test while it was neither taken nor skipped, else the scenario list.
void start_playing(Context& ctx);

} // namespace ff::game
