// The scenario runner: a state machine over one scenario's node graph.
// It knows which messages are on screen, which choices are offered, the path and the ending.
#pragma once

#include "fraudfree/model.h"

#include <optional>
#include <string>
#include <vector>

namespace ff {

// One line of the conversation as the student sees it.
struct TranscriptEntry {
    enum class Who { them, me } who = Who::them;
    const Message* message = nullptr; // for `them`: the incoming message (points into the Scenario)
    std::string text;                 // the text shown (message text, or the chosen reply)
    std::string node_id;              // node (or ending) it belongs to
};

class Runner {
public:
    // The scenario must outlive the runner (it keeps pointers into it).
    explicit Runner(const Scenario& scenario);

    const Scenario& scenario() const { return *scenario_; }
    bool finished() const { return ending_ != nullptr; }
    const Node* node() const { return node_; }          // null once finished
    const Ending* ending() const { return ending_; }    // null until finished

    // Messages of the current node (or of the ending, once finished).
    const std::vector<Message>& pending_messages() const;
    // Choices on offer now (empty once finished).
    const std::vector<Choice>& choices() const;

    // Takes choice `n` (1-based, as the student sees it). Returns false and changes
    // nothing if the runner is finished or n is out of range.
    bool choose(int n);

    // 1-based choice numbers taken so far.
    const std::vector<int>& path() const { return path_; }
    // Every message shown so far and every reply sent, in order, including the
    // current node's (or ending's) messages.
    const std::vector<TranscriptEntry>& transcript() const { return transcript_; }

private:
    void enter(const std::string& id);
    const Scenario* scenario_;
    const Node* node_ = nullptr;
    const Ending* ending_ = nullptr;
    std::vector<int> path_;
    std::vector<TranscriptEntry> transcript_;
};

// Plays `choices` (1-based) from the start. nullopt if a number is out of range at its
// step; a path that stops before an ending returns the unfinished runner.
std::optional<Runner> replay(const Scenario& scenario, const std::vector<int>& choices);

// How many of `messages` are due after `elapsed` seconds, when each message waits its
// `delay` times `speed` (0 = instant: all due). Used by the game for pacing.
size_t messages_due(const std::vector<Message>& messages, double elapsed, double speed);

// Every complete path (list of 1-based choices) from the start to an ending.
// Scenarios are acyclic (the validator enforces it), so this terminates; `limit`
// bounds the count for safety.
std::vector<std::vector<int>> all_paths(const Scenario& scenario, size_t limit = 100000);

} // namespace ff
