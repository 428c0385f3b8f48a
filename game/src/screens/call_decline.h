// Declining an incoming call, expressed as a choice of the scenario's first node.
// Packs model a call as nodes the student hears after answering; declining is the first
// node's first choice that ends the call safely at once (every shipped call has one).
#pragma once

#include "fraudfree/model.h"

#include <optional>

namespace ff::game {

// 1-based choice of the start node whose `next` is a `safe` ending, or nullopt (then the
// incoming-call screen offers only "answer"). The result of declining is therefore scored
// by core exactly like that choice, and the server re-computes it from the same path.
std::optional<int> decline_choice(const ff::Scenario& s);

} // namespace ff::game
