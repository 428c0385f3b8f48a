// The scenario runner: a state machine over one scenario's nodes, plus replay and pacing.
#include "fraudfree/runner.h"

namespace ff {
namespace {
const std::vector<Message>& no_messages() {
    static const std::vector<Message> none;
    return none;
}
const std::vector<Choice>& no_choices() {
    static const std::vector<Choice> none;
    return none;
}
} // namespace

Runner::Runner(const Scenario& scenario) : scenario_(&scenario) { enter(scenario.start); }

void Runner::enter(const std::string& id) {
    node_ = scenario_->find_node(id);
    ending_ = node_ ? nullptr : scenario_->find_ending(id);
    const std::vector<Message>& msgs = node_ ? node_->messages : ending_ ? ending_->messages : no_messages();
    for (const Message& m : msgs) transcript_.push_back(TranscriptEntry{TranscriptEntry::Who::them, &m, m.text, id});
}

const std::vector<Message>& Runner::pending_messages() const {
    if (node_) return node_->messages;
    if (ending_) return ending_->messages;
    return no_messages();
}

const std::vector<Choice>& Runner::choices() const { return node_ ? node_->choices : no_choices(); }

bool Runner::choose(int n) {
    if (!node_ || n < 1 || static_cast<size_t>(n) > node_->choices.size()) return false;
    const Choice& c = node_->choices[static_cast<size_t>(n) - 1];
    path_.push_back(n);
    transcript_.push_back(TranscriptEntry{TranscriptEntry::Who::me, nullptr, c.text, node_->id});
    enter(c.next);
    return true;
}

std::optional<Runner> replay(const Scenario& scenario, const std::vector<int>& choices) {
    Runner r(scenario);
    for (int n : choices)
        if (!r.choose(n)) return std::nullopt;
    return r;
}

size_t messages_due(const std::vector<Message>& messages, double elapsed, double speed) {
    if (!(speed > 0)) return messages.size();
    double at = 0;
    size_t due = 0;
    for (const Message& m : messages) {
        at += (m.delay > 0 ? m.delay : 0) * speed;
        if (elapsed < at) break;
        ++due;
    }
    return due;
}

} // namespace ff
