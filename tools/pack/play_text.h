// How a play looks in a terminal: the contact header, incoming messages (red flags hidden),
// the numbered choices, and the debrief that reveals the flags caught and missed.
#pragma once

#include "fraudfree/model.h"
#include "fraudfree/runner.h"

#include <iosfwd>
#include <vector>

namespace ff::pack {

void print_header(const Scenario& s, std::ostream& out);
// Incoming messages with sender and attachment; never the red flags (those wait for the debrief).
void print_messages(const Scenario& s, const std::vector<Message>& messages, std::ostream& out);
void print_choices(const Scenario& s, const std::vector<Choice>& choices, std::ostream& out);
void print_my_reply(const std::string& text, std::ostream& out);
// The ending, the score item by item, flags caught and missed (quoting the message), what to do.
void print_debrief(const Pack& pack, const Runner& finished, std::ostream& out);

} // namespace ff::pack
