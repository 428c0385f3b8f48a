// The storage interface: everything the server keeps, behind one abstract class, so a
// PostgreSQL backend can sit beside the SQLite one. Values in, values out; no SQL leaks out.
#pragma once

#include "fraudfree/model.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ff::server {

enum class Role { admin, counsellor, author, student };
const char* to_string(Role r);
std::optional<Role> parse_role(const std::string& s);

struct Principal {
    int64_t id = 0;
    Role role = Role::student;
    std::string name;                // nickname for students
    std::optional<int64_t> class_id; // students only
};

// The 无诈班级 thresholds a counsellor may change.
struct Criterion {
    double min_finished_pct = 90; // % of members who finished every assigned scenario
    double min_mean_best = 80;    // class mean of members' best scores
    bool allow_scammed = false;   // false: no member's latest play may end scammed
};

struct ClassInfo {
    int64_t id = 0;
    int64_t owner_id = 0;
    std::string name;
    std::string join_code;
    std::vector<std::string> packs; // assigned pack ids
    Criterion criterion;
    int64_t created_at = 0;
    int students = 0;               // current members
};

struct StudentInfo {
    int64_t id = 0;
    std::string nickname;
    int64_t joined_at = 0;
};

// One accepted result: what the server's replay made of it, plus who sent it. The full record
// (score items, flags) is not stored: replaying `choices` on the pack `pack_hash` rebuilds it.
struct StoredResult {
    std::string uuid;           // client-made id
    int64_t student_id = 0;
    int64_t class_id = 0;
    std::string pack_id;
    int pack_version = 0;
    std::string pack_hash;
    std::string scenario_id;
    std::string category;
    std::string ending_id;
    std::string ending_kind;    // safe | partial | scammed
    int score = 0;
    std::vector<int> choices;   // 1-based, the path as replayed
    int64_t received_at = 0;
};

enum class SubmitStatus { created, duplicate, conflict }; // conflict: uuid used by another student
struct SubmitOutcome {
    SubmitStatus status = SubmitStatus::created;
    StoredResult stored;        // what is in the database under that uuid
    // The stored result is the one sent (same pack, scenario, path, score and ending): a plain
    // resend, whose record is the one just made. False when the uuid came back with another play.
    bool same_as_sent = true;
};

// Whether storing `sent` would keep what `stored` holds (the uuid and sender aside).
inline bool same_play(const StoredResult& stored, const StoredResult& sent) {
    return stored.pack_hash == sent.pack_hash && stored.scenario_id == sent.scenario_id &&
           stored.choices == sent.choices && stored.score == sent.score && stored.ending_id == sent.ending_id;
}
// The answer to an asynchronous submission: `out` once durable, else the error (out null).
using SubmitDone = std::function<void(SubmitOutcome* out, std::exception_ptr error)>;

// Best and latest play of one scenario by one member (what progress needs, nothing more).
struct Standing {
    int64_t class_id = 0;
    int64_t student_id = 0;
    std::string pack_id;
    std::string scenario_id;
    std::string category;
    int best_score = 0;
    int latest_score = 0;
    std::string latest_ending_kind;
    std::string latest_ending_id;
    int plays = 0;
};

struct PackSummary {
    std::string id;
    std::string title;
    int version = 0;
    std::string hash;
    int64_t size = 0;   // bytes of all files
    int scenarios = 0;
    int64_t created_at = 0;
};

struct StoredPack {
    PackSummary summary;
    std::string files_json; // {"pack.toml": "...", ...}
};

enum class PutPackStatus { created, unchanged, not_higher };
struct PutPackOutcome {
    PutPackStatus status = PutPackStatus::created;
    PackSummary current; // the stored version (created/unchanged) or the newer one in the way
};

class Storage {
public:
    virtual ~Storage() = default;

    // Tokens are stored only as SHA-256 hex; the caller hashes.
    virtual int64_t create_principal(Role role, const std::string& name, const std::string& token_hash,
                                     std::optional<int64_t> class_id) = 0;
    virtual std::optional<Principal> principal_by_token_hash(const std::string& token_hash) = 0;

    // nullopt when the join code is already taken (the caller picks another).
    virtual std::optional<ClassInfo> create_class(const ClassInfo& c) = 0;
    virtual std::optional<ClassInfo> class_by_id(int64_t id) = 0;
    virtual std::optional<ClassInfo> class_by_join_code(const std::string& code) = 0;
    virtual std::vector<ClassInfo> classes(std::optional<int64_t> owner_id) = 0; // nullopt: all
    virtual bool set_join_code(int64_t class_id, const std::string& code) = 0;   // false: taken
    virtual std::vector<StudentInfo> students(int64_t class_id) = 0;
    // Removes a member: the token stops working, the results stay but no longer count.
    virtual bool remove_student(int64_t class_id, int64_t student_id) = 0;

    virtual std::optional<StoredResult> result_by_uuid(const std::string& uuid) = 0;
    // Returns only once the result is durable (group commit); a known uuid is not stored again.
    virtual SubmitOutcome submit_result(StoredResult r) = 0;
    // As submit_result, but returns at once; `done` runs on another thread once the result is
    // durable or failed. Throws, without calling `done`, only if it cannot take the result.
    virtual void submit_result_async(StoredResult r, SubmitDone done) = 0;
    virtual std::vector<StoredResult> results_of_student(int64_t student_id) = 0; // oldest first
    // Standings of current members; nullopt: every class.
    virtual std::vector<Standing> standings(std::optional<int64_t> class_id) = 0;

    // `force`: store even if not the highest version (bundled packs at start).
    virtual PutPackOutcome put_pack(const StoredPack& p, bool force) = 0;
    virtual std::optional<StoredPack> pack_by_hash(const std::string& hash) = 0;
    virtual std::optional<StoredPack> latest_pack(const std::string& id) = 0;
    virtual std::vector<PackSummary> latest_packs() = 0; // catalogue: highest version per id
};

struct SqliteConfig {
    std::string path = "fraudfree.db";
    bool synchronous_full = true;
    int read_connections = 8;
    int max_batch = 1024; // results per group commit
    int64_t wal_limit_bytes = int64_t(1) << 30; // 1 GB; see WalCheckpointer
    int checkpoint_every_ms = 2000;
};

// Throws std::runtime_error when the file cannot be opened or migrated.
std::unique_ptr<Storage> open_sqlite_storage(const SqliteConfig& cfg);

} // namespace ff::server
