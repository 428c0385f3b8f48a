// Profile JSON. Plays reuse core's result record form; reading is lenient per entry.
#include "profile.h"

#include <stdexcept>

namespace ff::save {
namespace {

using nlohmann::json;

std::string string_or_empty(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

PlayRecord play_from_json(const json& j) {
    if (!j.is_object()) throw std::invalid_argument("play must be an object");
    auto it = j.find("result");
    if (it == j.end()) throw std::invalid_argument("play without result");
    return PlayRecord{ff::result_from_json(*it), string_or_empty(j, "finished_at")};
}

QuizAttempt quiz_from_json(const json& j) {
    if (!j.is_object()) throw std::invalid_argument("quiz attempt must be an object");
    QuizAttempt q;
    q.phase = string_or_empty(j, "phase");
    if (q.phase != "pre" && q.phase != "post") throw std::invalid_argument("quiz phase must be pre or post");
    q.pack_id = string_or_empty(j, "pack_id");
    auto answers = j.find("answers");
    if (answers != j.end() && answers->is_array())
        for (const json& a : *answers)
            if (a.is_number_integer()) q.answers.push_back(static_cast<int>(a.get<int64_t>()));
    auto correct = j.find("correct");
    auto total = j.find("total");
    if (correct == j.end() || total == j.end() || !correct->is_number_integer() || !total->is_number_integer())
        throw std::invalid_argument("quiz attempt without counts");
    const int64_t c = correct->get<int64_t>();
    const int64_t t = total->get<int64_t>();
    if (t < 0 || t > 100000 || c < 0 || c > t) throw std::invalid_argument("quiz counts out of range");
    q.correct = static_cast<int>(c);
    q.total = static_cast<int>(t);
    q.finished_at = string_or_empty(j, "finished_at");
    return q;
}

template <typename T, typename Parse>
std::vector<T> read_list(const json& j, const char* key, Parse parse, int& skipped) {
    std::vector<T> out;
    auto it = j.find(key);
    if (it == j.end()) return out;
    if (!it->is_array()) {
        ++skipped;
        return out;
    }
    for (const json& e : *it) {
        try {
            out.push_back(parse(e));
        } catch (const std::exception&) {
            ++skipped;
        }
    }
    return out;
}

} // namespace

std::vector<ff::ResultRecord> results_of(const Profile& p) {
    std::vector<ff::ResultRecord> out;
    out.reserve(p.plays.size());
    for (const PlayRecord& r : p.plays) out.push_back(r.result);
    return out;
}

nlohmann::json to_json(const PlayRecord& r) { return json{{"result", ff::to_json(r.result)}, {"finished_at", r.finished_at}}; }

nlohmann::json to_json(const QuizAttempt& q) {
    return json{{"phase", q.phase}, {"pack_id", q.pack_id}, {"answers", q.answers},
                {"correct", q.correct}, {"total", q.total}, {"finished_at", q.finished_at}};
}

nlohmann::json to_json(const Profile& p) {
    json plays = json::array();
    for (const PlayRecord& r : p.plays) plays.push_back(to_json(r));
    json quiz = json::array();
    for (const QuizAttempt& q : p.quiz) quiz.push_back(to_json(q));
    return json{{"format", 1},
                {"nickname", p.nickname},
                {"class_name", p.class_name},
                {"student_token", p.student_token},
                {"plays", std::move(plays)},
                {"quiz", std::move(quiz)}};
}

Profile profile_from_json(const nlohmann::json& j, int* skipped) {
    if (!j.is_object()) throw std::invalid_argument("profile JSON must be an object");
    int bad = 0;
    Profile p;
    p.nickname = string_or_empty(j, "nickname");
    p.class_name = string_or_empty(j, "class_name");
    p.student_token = string_or_empty(j, "student_token");
    p.plays = read_list<PlayRecord>(j, "plays", play_from_json, bad);
    p.quiz = read_list<QuizAttempt>(j, "quiz", quiz_from_json, bad);
    if (skipped) *skipped = bad;
    return p;
}

} // namespace ff::save
