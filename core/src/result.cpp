// make_result: replays a choice path and turns the scored run into a result record.
#include "fraudfree/result.h"

namespace ff {

MakeResult make_result(const Pack& pack, const std::string& scenario_id, const std::vector<int>& choices) {
    MakeResult out;
    const Scenario* s = pack.find_scenario(scenario_id);
    if (!s) {
        out.error = "剧本包 “" + pack.id + "” 里没有剧本 “" + scenario_id + "”";
        return out;
    }
    Runner run(*s);
    for (size_t i = 0; i < choices.size(); ++i) {
        if (run.finished()) {
            out.error = "第 " + std::to_string(i + 1) + " 步：剧本已经结束，不能再选择";
            return out;
        }
        if (!run.choose(choices[i])) {
            out.error = "第 " + std::to_string(i + 1) + " 步没有选项 " + std::to_string(choices[i]) + "（这一步只有 " +
                        std::to_string(run.choices().size()) + " 个选项）";
            return out;
        }
    }
    if (!run.finished()) {
        out.error = "这条路径还没有走到结局（走了 " + std::to_string(choices.size()) + " 步）";
        return out;
    }
    const Score score = score_run(run);
    ResultRecord r;
    r.pack_id = pack.id;
    r.pack_version = pack.version;
    r.pack_hash = pack.hash;
    r.scenario_id = s->id;
    r.category = s->category;
    r.choices = choices;
    r.ending_id = score.ending_id;
    r.ending_kind = score.ending_kind;
    r.score = score.total;
    r.score_items = score.items;
    for (const FlagOutcome& f : score.flags) {
        r.flags_shown.push_back(f.flag_id);
        if (f.caught) r.flags_caught.push_back(f.flag_id);
    }
    r.money_lost = score.money_lost;
    r.reported = score.reported;
    out.record = std::move(r);
    return out;
}

} // namespace ff
