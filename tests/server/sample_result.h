// A stored result for storage tests: fixed pack and ending, the given uuid, student, class
// and score, and a two-step choice path.
#pragma once

#include "storage.h"

#include <string>

namespace ff::test {

inline ff::server::StoredResult sample_result(const std::string& uuid, int64_t student, int64_t cls, int score) {
    ff::server::StoredResult r;
    r.uuid = uuid;
    r.student_id = student;
    r.class_id = cls;
    r.pack_id = "campus-core";
    r.pack_version = 1;
    r.pack_hash = std::string(64, 'a');
    r.scenario_id = "s1";
    r.category = "rebate";
    r.ending_id = "end-safe";
    r.ending_kind = "safe";
    r.score = score;
    r.choices = {1, 2};
    return r;
}

} // namespace ff::test
