#include "screens/call_decline.h"

namespace ff::game {

std::optional<int> decline_choice(const ff::Scenario& s) {
    if (s.channel != ff::Channel::call) return std::nullopt;
    const ff::Node* start = s.find_node(s.start);
    if (!start) return std::nullopt;
    for (size_t i = 0; i < start->choices.size(); ++i) {
        const ff::Ending* e = s.find_ending(start->choices[i].next);
        if (e && e->kind == ff::EndingKind::safe) return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

} // namespace ff::game
