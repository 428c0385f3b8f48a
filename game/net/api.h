// The game's calls to the companion server (see /api/v1 in server/API.md): join a class,
// submit a result, read the own class status, read the pack catalogue, download a pack.
#pragma once

#include "net/http_client.h"

#include "fraudfree/pack_files.h"
#include "fraudfree/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ff::net {

// What a call gives back when it has no value: the HTTP status (0 = no answer) and why.
struct ApiError {
    bool network_error = false;
    int status = 0;
    std::string message; // plain words for the player
};

template <class T>
struct ApiResult {
    std::optional<T> value;
    ApiError error;      // meaningful when value is empty
    bool ok() const { return value.has_value(); }
};

// --- join ---------------------------------------------------------------------------
struct JoinOk {
    std::string student_token;
    int64_t student_id = 0;
    int64_t class_id = 0;
    std::string class_name;
};
// The code is normalised (trimmed, upper-case) before sending; empty code or nickname
// is refused locally without a request.
ApiResult<JoinOk> join_class(HttpClient& http, const std::string& join_code, const std::string& nickname);

// --- results ------------------------------------------------------------------------
enum class SubmitOutcome {
    accepted,     // 200/201: stored by the server (now or earlier); remove from the queue
    rejected,     // a permanent 4xx for this record (404 unknown pack, 422 impossible path, 400...)
    auth_failed,  // 401/403: the token is not (or no longer) valid; keep the record
    retry_later,  // no answer, timeout, 5xx, 408, 429
};
const char* to_string(SubmitOutcome o);

struct SubmitReply {
    SubmitOutcome outcome = SubmitOutcome::retry_later;
    int status = 0;
    std::string message;
    std::optional<ff::ResultRecord> server_record; // the server's own re-scored record
};

// The request body: exactly id, pack_id, pack_hash, scenario_id, choices (never a score).
nlohmann::json submit_body(const ff::ResultRecord& r);
SubmitOutcome classify_submit_status(int status);
SubmitReply submit_result(HttpClient& http, const std::string& token, const ff::ResultRecord& r);

// --- the own class ------------------------------------------------------------------
struct CriterionCheck {
    std::string id;       // "finished" | "mean_best" | "no_scammed"
    bool met = false;
    std::string value;    // as the server sent it, made printable
    std::string target;
    std::string missing;  // e.g. "6 名同学还没完成「奖助学金」"; empty when met
};

struct ClassStatus {
    int64_t class_id = 0;
    std::string class_name;
    int class_students = 0;
    double class_mean_best = 0;        // class mean of best scores
    bool goal_met = false;
    int progress_pct = 0;              // 0..100 towards 无诈班级
    std::vector<CriterionCheck> checks;
    std::optional<int> rank;           // on the leaderboard; empty when not ranked
    int classes_ranked = 0;
    int my_finished = 0;
    int my_total = 0;
    double my_mean_best = 0;
    std::vector<std::string> my_missing; // scenario titles the student has not finished
    std::vector<std::string> my_scammed_categories; // categories whose latest play ended scammed
};

// Lenient: missing or mistyped fields keep their defaults. Throws std::invalid_argument
// when `j` is not an object.
ClassStatus class_status_from_json(const nlohmann::json& j);
ApiResult<ClassStatus> my_class(HttpClient& http, const std::string& token);

// --- packs --------------------------------------------------------------------------
struct CatalogEntry {
    std::string id;
    std::string title;
    int version = 0;
    std::string hash;
    int64_t size = 0;
    int scenarios = 0;
};
ApiResult<std::vector<CatalogEntry>> list_packs(HttpClient& http);

struct DownloadedPack {
    std::string id;
    int version = 0;
    std::string hash;   // as the server claims it; the installer checks it
    ff::PackFiles files;
};
// `id` and `hash` must be catalogue values ([a-z0-9-] and hex); anything else is refused
// locally so text from the network never shapes a URL.
ApiResult<DownloadedPack> download_pack(HttpClient& http, const std::string& id, const std::string& hash);

} // namespace ff::net
