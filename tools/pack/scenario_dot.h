// A scenario's node graph as Graphviz DOT, for authors to see the shape of their story:
// nodes with their first message, replies on the edges, endings coloured by kind.
#pragma once

#include "fraudfree/model.h"

#include <string>

namespace ff::pack {

// Colours: safe green, partial orange, scammed red (the same meaning as in the game's debrief).
std::string scenario_dot(const Pack& pack, const Scenario& scenario);

// A DOT double-quoted string: quotes and backslashes escaped, line breaks as "\n".
std::string dot_quote(const std::string& text);

} // namespace ff::pack
