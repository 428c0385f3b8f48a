// quiz.toml: single-choice questions for the pre/post check.
#include "pack_parts.h"

#include <unordered_map>

namespace ff::detail {

std::vector<QuizDraft> read_quiz_toml(const toml::table& root, const std::string& file, Diags& diags) {
    Fields top(root, file, "quiz.toml", diags, {"question"}, TableKind::file);
    std::vector<QuizDraft> out;
    std::unordered_map<std::string, int> seen; // id -> line
    for (const toml::table* t : top.tables("question", true)) {
        Fields f(*t, file, "[[question]]", diags, {"id", "category", "question", "options", "answer", "explain"});
        QuizDraft d;
        QuizItem& q = d.item;
        q.pos = f.table_pos();
        const bool has_id = f.text("id", q.id, &q.pos);
        if (f.text("category", d.category.id, &d.category.pos)) q.category = d.category.id;
        f.text("question", q.question);
        std::vector<IdRef> options;
        const bool listed = f.text_list("options", options, true);
        for (auto& o : options) q.options.push_back(std::move(o.id));
        if (listed && (q.options.size() < 2 || q.options.size() > 4))
            diags.error(f.pos("options"), "“options” 要有 2 到 4 个选项，这里有 " + std::to_string(q.options.size()) + " 个。");
        int64_t answer = 1;
        // With a wrong number of options (already reported) only the 1..4 bound is checked.
        const bool count_ok = q.options.size() >= 2 && q.options.size() <= 4;
        const int64_t max_answer = count_ok ? static_cast<int64_t>(q.options.size()) : 4;
        if (f.integer("answer", answer, true, 1, max_answer,
                      "正确选项的序号，从 1 数到 " + std::to_string(max_answer)))
            q.answer = static_cast<int>(answer);
        f.text("explain", q.explain);
        if (!has_id) continue;
        auto [it, inserted] = seen.emplace(q.id, q.pos.line);
        if (!inserted) {
            diags.error(q.pos, "题目 id “" + q.id + "” 重复了：第 " + std::to_string(it->second) + " 行已经用过这个 id。");
            continue;
        }
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace ff::detail
