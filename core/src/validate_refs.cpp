// Cross-reference checks: every category and red flag id must exist; a red flag that a
// scenario shows but no reply ever catches is worth a warning (nobody can earn it).
#include "pack_parts.h"

#include "text_util.h"

#include <unordered_set>

namespace ff::detail {
namespace {

std::string did_you_mean(const std::string& id, const std::vector<std::string_view>& known) {
    const std::string guess = closest(id, known);
    if (!guess.empty()) return "你是不是想写 “" + guess + "”？";
    return "可以用的有：" + join(known) + "。";
}

void check_flag(const IdRef& r, const Catalog& catalog, Diags& diags) {
    if (catalog.red_flags.count(r.id)) return;
    diags.error(r.pos, "诈骗信号 “" + r.id + "” 不存在（既不是内置的，也没有在 pack.toml 的 [[red_flag]] 里定义）。" +
                           did_you_mean(r.id, catalog.red_flag_ids));
}

void check_category(const IdRef& r, const Catalog& catalog, Diags& diags) {
    if (catalog.categories.count(r.id)) return;
    diags.error(r.pos, "诈骗类型 “" + r.id + "” 不存在（既不是内置的，也没有在 pack.toml 的 [[category]] 里定义）。" +
                           did_you_mean(r.id, catalog.category_ids));
}

} // namespace

void validate_scenario_refs(const ScenarioDraft& d, const Catalog& catalog, Diags& diags) {
    if (d.category) check_category(*d.category, catalog, diags);
    for (const auto& r : d.shown_flags) check_flag(r, catalog, diags);
    for (const auto& r : d.ending_flags) check_flag(r, catalog, diags);
    for (const auto& r : d.caught_flags) check_flag(r, catalog, diags);

    // Views into the draft: no copies of ids, this runs for every scenario.
    std::unordered_set<std::string_view> caught;
    caught.reserve(d.caught_flags.size());
    for (const auto& r : d.caught_flags) caught.insert(r.id);
    std::unordered_set<std::string_view> warned;
    for (const auto& r : d.shown_flags) {
        if (caught.count(r.id) || !catalog.red_flags.count(r.id) || !warned.insert(r.id).second) continue;
        diags.warning(r.pos, "诈骗信号 “" + r.id + "” 在这条消息里出现了，但没有任何选项的 “catches” 认出它，"
                                                  "学生没法因为识破它而得分。请在识破它的回复里加上 catches = [\"" +
                                 r.id + "\"]。");
    }
}

void validate_quiz_refs(const std::vector<QuizDraft>& quiz, const Catalog& catalog, Diags& diags) {
    for (const auto& q : quiz)
        if (!q.category.id.empty()) check_category(q.category, catalog, diags);
}

} // namespace ff::detail
