// Scoring a finished path: ending 50/20/0, red flags caught 30 x caught/shown, no money
// lost 10, reported 10. Integer arithmetic only, so every machine gives the same score.
#include "fraudfree/scoring.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace ff {
namespace {

int ending_points(EndingKind k) {
    switch (k) {
    case EndingKind::safe: return 50;
    case EndingKind::partial: return 20;
    case EndingKind::scammed: return 0;
    }
    return 0;
}

const char* ending_label(EndingKind k) {
    switch (k) {
    case EndingKind::safe: return "结局：识破骗局，没有上当";
    case EndingKind::partial: return "结局：上当后及时止损";
    case EndingKind::scammed: return "结局：被骗";
    }
    return "";
}

int64_t add_capped(int64_t a, int64_t b) {
    return b > std::numeric_limits<int64_t>::max() - a ? std::numeric_limits<int64_t>::max() : a + b;
}

FlagOutcome* find_flag(std::vector<FlagOutcome>& flags, const std::string& id) {
    auto it = std::find_if(flags.begin(), flags.end(), [&](const FlagOutcome& f) { return f.flag_id == id; });
    return it == flags.end() ? nullptr : &*it;
}

} // namespace

Score score_run(const Runner& run) {
    if (!run.finished()) throw std::logic_error("score_run: the scenario has not reached an ending yet");
    const Scenario& s = run.scenario();
    Score score;

    // Walk the path again: flags shown by a node's messages can be caught by the reply
    // chosen at that node or any later one. Ending messages come after the last choice,
    // so their flags can never be caught and do not count.
    const Node* node = s.find_node(s.start);
    for (int n : run.path()) {
        if (!node || n < 1 || static_cast<size_t>(n) > node->choices.size())
            throw std::logic_error("score_run: path does not match the scenario");
        for (const Message& m : node->messages)
            for (const std::string& f : m.flags)
                if (!find_flag(score.flags, f)) score.flags.push_back(FlagOutcome{f, false, m.text, node->id});
        const Choice& c = node->choices[static_cast<size_t>(n) - 1];
        for (const std::string& f : c.catches)
            if (FlagOutcome* o = find_flag(score.flags, f)) o->caught = true;
        score.money_lost = add_capped(score.money_lost, c.loses);
        score.reported = score.reported || c.reports;
        node = s.find_node(c.next);
    }

    const Ending& ending = *run.ending();
    score.ending_kind = ending.kind;
    score.ending_id = ending.id;

    const int shown = static_cast<int>(score.flags.size());
    const int caught = static_cast<int>(std::count_if(score.flags.begin(), score.flags.end(),
                                                      [](const FlagOutcome& f) { return f.caught; }));
    const int flag_points = shown == 0 ? 30 : (30 * caught + shown / 2) / shown;

    score.items.push_back(ScoreItem{"ending", ending_label(ending.kind), ending_points(ending.kind), 50});
    score.items.push_back(ScoreItem{"flags",
                                    shown == 0 ? std::string("这条路上没有出现诈骗信号")
                                               : "识破诈骗信号 " + std::to_string(caught) + "/" + std::to_string(shown),
                                    flag_points, 30});
    score.items.push_back(ScoreItem{"money",
                                    score.money_lost == 0 ? std::string("没有损失钱财")
                                                          : "损失了 " + std::to_string(score.money_lost) + " 元",
                                    score.money_lost == 0 ? 10 : 0, 10});
    score.items.push_back(ScoreItem{"report", score.reported ? "及时报警/求助" : "没有报警或求助",
                                    score.reported ? 10 : 0, 10});
    for (const ScoreItem& item : score.items) score.total += item.points;
    return score;
}

} // namespace ff
