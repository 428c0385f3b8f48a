// Quiz item choice and grading; the items themselves come from core's pack model.
#include "quiz.h"

#include <algorithm>
#include <cmath>

namespace ff::save {
namespace {

int percent(const QuizAttempt& a) {
    return a.total > 0 ? static_cast<int>(std::lround(100.0 * a.correct / a.total)) : 0;
}

} // namespace

std::vector<const ff::QuizItem*> pick_quiz_items(const ff::Pack& pack, const std::string& phase) {
    const size_t wanted = phase == "post" ? 1 : 0;
    std::vector<std::string> categories; // in order of first appearance in the quiz
    for (const ff::QuizItem& q : pack.quiz)
        if (std::find(categories.begin(), categories.end(), q.category) == categories.end())
            categories.push_back(q.category);
    std::vector<const ff::QuizItem*> out;
    for (const std::string& c : categories) {
        std::vector<const ff::QuizItem*> of_category;
        for (const ff::QuizItem& q : pack.quiz)
            if (q.category == c) of_category.push_back(&q);
        out.push_back(of_category[std::min(wanted, of_category.size() - 1)]);
    }
    return out;
}

QuizAttempt grade_quiz(const std::string& phase, const std::string& pack_id,
                       const std::vector<const ff::QuizItem*>& items, const std::vector<int>& answers,
                       const std::string& finished_at) {
    QuizAttempt a;
    a.phase = phase;
    a.pack_id = pack_id;
    a.total = static_cast<int>(items.size());
    a.finished_at = finished_at;
    for (size_t i = 0; i < items.size(); ++i) {
        const int given = i < answers.size() ? answers[i] : 0;
        a.answers.push_back(given);
        if (given == items[i]->answer) ++a.correct;
    }
    return a;
}

LearningGain learning_gain(const Profile& profile, const std::string& pack_id) {
    LearningGain g;
    for (const QuizAttempt& a : profile.quiz) {
        if (a.pack_id != pack_id) continue;
        if (a.phase == "pre") g.pre = a;
        if (a.phase == "post") g.post = a;
    }
    if (g.pre) g.pre_percent = percent(*g.pre);
    if (g.post) g.post_percent = percent(*g.post);
    if (g.pre && g.post) g.gain = g.post_percent - g.pre_percent;
    return g;
}

} // namespace ff::save
