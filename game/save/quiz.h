// The pre/post quiz: which pack items are asked, how an attempt is graded, and the
// learning gain between the latest pre-test and the latest post-test of a pack.
#pragma once

#include "profile.h"

#include "fraudfree/model.h"

#include <optional>
#include <string>
#include <vector>

namespace ff::save {

// Up to one item per category in the pack's quiz, in the pack's item order: the first
// item of each category for the pre-test and the second (else the first) for the
// post-test, so the two tests are parallel forms rather than the same questions.
// Deterministic; empty when the pack has no quiz.
std::vector<const ff::QuizItem*> pick_quiz_items(const ff::Pack& pack, const std::string& phase);

// `answers` are 1-based options in the order of `items` (0 = not answered).
QuizAttempt grade_quiz(const std::string& phase, const std::string& pack_id,
                       const std::vector<const ff::QuizItem*>& items, const std::vector<int>& answers,
                       const std::string& finished_at);

struct LearningGain {
    std::optional<QuizAttempt> pre;  // latest pre-test of the pack
    std::optional<QuizAttempt> post; // latest post-test of the pack
    // Percent correct (0..100), rounded to whole numbers; 0 when absent.
    int pre_percent = 0;
    int post_percent = 0;
    // post_percent - pre_percent, only when both tests were taken.
    std::optional<int> gain;
};

LearningGain learning_gain(const Profile& profile, const std::string& pack_id);

} // namespace ff::save
