// The local player profile: nickname, every finished play, quiz attempts, class membership.
// Persisted as JSON (plays use core's ResultRecord JSON form).
#pragma once

#include "fraudfree/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ff::save {

struct PlayRecord {
    ff::ResultRecord result;
    std::string finished_at; // ISO-8601 UTC, e.g. "2026-11-25T12:00:00Z"
};

struct QuizAttempt {
    std::string phase;        // "pre" | "post"
    std::string pack_id;
    std::vector<int> answers; // 1-based option per question, in the order asked
    int correct = 0;
    int total = 0;
    std::string finished_at;  // ISO-8601 UTC
};

struct Profile {
    std::string nickname;
    std::vector<PlayRecord> plays;   // in the order they were finished
    std::vector<QuizAttempt> quiz;   // in the order they were taken
    std::string class_name;          // filled when joining a class (issue 7)
    std::string student_token;       // filled when joining a class (issue 7)
};

// The results of all plays, in time order (input for ff::compute_progress).
std::vector<ff::ResultRecord> results_of(const Profile& p);

nlohmann::json to_json(const PlayRecord& r);
nlohmann::json to_json(const QuizAttempt& q);
nlohmann::json to_json(const Profile& p);

// Lenient so one damaged entry never costs the whole history: unknown fields are
// ignored, a missing or mistyped text field reads as empty, and a broken entry in
// "plays" or "quiz" is skipped and counted in *skipped (when given).
// Throws std::invalid_argument only when `j` is not a JSON object.
Profile profile_from_json(const nlohmann::json& j, int* skipped = nullptr);

} // namespace ff::save
