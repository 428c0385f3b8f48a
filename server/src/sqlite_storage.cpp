// The SQLite backend: one write connection (all writes serialised, results group-committed by
// whichever request leads the batch) and a pool of read connections (WAL lets reads run alongside).
#include "storage.h"

#include "group_commit.h"
#include "principal_cache.h"
#include "sqlite_handle.h"
#include "sqlite_schema.h"
#include "wal_checkpointer.h"

#include "fraudfree/result.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <mutex>
#include <stdexcept>

namespace ff::server {
namespace {

int64_t now_seconds() { return static_cast<int64_t>(std::time(nullptr)); }

// Read connections checked out for the length of one call.
class ReadPool {
public:
    ReadPool(std::string path, SqliteOptions opts, int size)
        : path_(std::move(path)), opts_(opts), max_idle_(size > 0 ? static_cast<size_t>(size) : 1) {}

    class Lease {
    public:
        Lease(ReadPool& pool, std::unique_ptr<Connection> db) : pool_(pool), db_(std::move(db)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool_.give_back(std::move(db_)); }
        Connection& get() const { return *db_; }

    private:
        ReadPool& pool_;
        std::unique_ptr<Connection> db_;
    };

    Lease take() {
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                auto db = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(db));
            }
        }
        return Lease(*this, std::make_unique<Connection>(Connection{open_database(path_, opts_), {}}));
    }

private:
    void give_back(std::unique_ptr<Connection> db) {
        std::lock_guard lock(mutex_);
        if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
    }

    std::string path_;
    SqliteOptions opts_;
    size_t max_idle_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

ClassInfo read_class(const Stmt& q) {
    ClassInfo c;
    c.id = q.int64(0);
    c.owner_id = q.int64(1);
    c.name = q.text(2);
    c.join_code = q.text(3);
    auto packs = nlohmann::json::parse(q.text(4), nullptr, false);
    if (packs.is_array())
        for (const auto& p : packs)
            if (p.is_string()) c.packs.push_back(p.get<std::string>());
    c.criterion.min_finished_pct = q.real(5);
    c.criterion.min_mean_best = q.real(6);
    c.criterion.allow_scammed = q.int64(7) != 0;
    c.created_at = q.int64(8);
    c.students = static_cast<int>(q.int64(9));
    return c;
}

constexpr const char* kClassColumns =
    "SELECT c.id, c.owner_id, c.name, c.join_code, c.packs, c.min_finished_pct, c.min_mean_best, "
    "c.allow_scammed, c.created_at, "
    "(SELECT COUNT(*) FROM principals p WHERE p.class_id = c.id AND p.removed = 0) FROM classes c ";

constexpr const char* kResultColumns =
    "SELECT uuid, student_id, class_id, pack_id, pack_version, pack_hash, scenario_id, category, "
    "ending_id, ending_kind, score, choices, received_at FROM results ";

StoredResult read_result(const Stmt& q) {
    StoredResult r;
    r.uuid = q.text(0);
    r.student_id = q.int64(1);
    r.class_id = q.int64(2);
    r.pack_id = q.text(3);
    r.pack_version = static_cast<int>(q.int64(4));
    r.pack_hash = q.text(5);
    r.scenario_id = q.text(6);
    r.category = q.text(7);
    r.ending_id = q.text(8);
    r.ending_kind = q.text(9);
    r.score = static_cast<int>(q.int64(10));
    const std::string path = q.text(11);
    // Written by format_choice_list; a row that does not parse keeps no path rather than failing a read.
    if (!path.empty()) r.choices = parse_choice_list(path).value_or(std::vector<int>{});
    r.received_at = q.int64(12);
    return r;
}

constexpr const char* kPackColumns = "SELECT id, title, version, hash, size, scenarios, created_at FROM packs ";

PackSummary read_pack_summary(const Stmt& q) {
    PackSummary p;
    p.id = q.text(0);
    p.title = q.text(1);
    p.version = static_cast<int>(q.int64(2));
    p.hash = q.text(3);
    p.size = q.int64(4);
    p.scenarios = static_cast<int>(q.int64(5));
    p.created_at = q.int64(6);
    return p;
}

class SqliteStorage final : public Storage {
    // Every write goes through the one write connection, one transaction at a time.
    template <class Fn>
    auto write(Fn&& fn) {
        std::lock_guard lock(write_mutex_);
        return with_write_transaction(writer_.get(), [&] { return fn(writer_); });
    }

public:
    explicit SqliteStorage(const SqliteConfig& cfg)
        : opts_{cfg.synchronous_full, 5000}, writer_{open_database(cfg.path, opts_), {}},
          reads_(cfg.path, opts_, cfg.read_connections),
          // Every 2 s (the default) rather than 0.5 s: a checkpoint copies only the newest copy of each page, so
          // pages every commit rewrites are copied a quarter as often, and the database's fsync
          // competes with the commits' WAL fsync a quarter as often (p99 under load fell with it).
          checkpointer_(cfg.path, opts_, std::chrono::milliseconds(cfg.checkpoint_every_ms), cfg.wal_limit_bytes),
          results_([this](std::vector<StoredResult>& batch) { return commit_results(batch); },
                   static_cast<size_t>(cfg.max_batch)) {
        std::lock_guard lock(write_mutex_);
        migrate(writer_.get());
        exec(writer_.get(), "PRAGMA wal_autocheckpoint=0"); // the checkpointer thread does it
        // The writer starts the WAL over after the checkpointer's RESTART; this cuts the file
        // back to the limit then instead of leaving it at its peak size.
        exec(writer_.get(), ("PRAGMA journal_size_limit=" + std::to_string(cfg.wal_limit_bytes)).c_str());
        // 32 MB of page cache (default 2 MB): result ids are random UUIDs, so each insert lands
        // on a different page of the id index; those pages should stay in memory, not be re-read.
        exec(writer_.get(), "PRAGMA cache_size=-32768");
    }

    int64_t create_principal(Role role, const std::string& name, const std::string& token_hash,
                             std::optional<int64_t> class_id) override {
        return write([&](Connection& db) {
            Stmt(db, "INSERT INTO principals(role, name, token_hash, class_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .bind(1, to_string(role)).bind(2, name).bind(3, token_hash).bind(4, class_id).bind(5, now_seconds())
                .run();
            return static_cast<int64_t>(sqlite3_last_insert_rowid(db.get()));
        });
    }

    std::optional<Principal> principal_by_token_hash(const std::string& token_hash) override {
        if (auto cached = principals_.find(token_hash)) return cached;
        const uint64_t generation = principals_.generation();
        auto who = principal_from_database(token_hash);
        if (who) principals_.remember(token_hash, *who, generation);
        return who;
    }

    std::optional<ClassInfo> create_class(const ClassInfo& c) override {
        std::optional<int64_t> id;
        try {
            id = write([&](Connection& db) {
                Stmt(db, "INSERT INTO classes(owner_id, name, join_code, packs, min_finished_pct, min_mean_best, "
                         "allow_scammed, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .bind(1, c.owner_id).bind(2, c.name).bind(3, c.join_code)
                    .bind(4, nlohmann::json(c.packs).dump()).bind(5, c.criterion.min_finished_pct)
                    .bind(6, c.criterion.min_mean_best).bind(7, c.criterion.allow_scammed ? 1 : 0)
                    .bind(8, now_seconds()).run();
                return static_cast<int64_t>(sqlite3_last_insert_rowid(db.get()));
            });
        } catch (const SqliteError& e) {
            if (e.code == SQLITE_CONSTRAINT_UNIQUE) return std::nullopt;
            throw;
        }
        return class_by_id(*id);
    }

    std::optional<ClassInfo> class_by_id(int64_t id) override {
        auto db = reads_.take();
        Stmt q(db.get(), std::string(kClassColumns) + "WHERE c.id = ?1");
        q.bind(1, id);
        if (!q.step()) return std::nullopt;
        return read_class(q);
    }

    std::optional<ClassInfo> class_by_join_code(const std::string& code) override {
        auto db = reads_.take();
        Stmt q(db.get(), std::string(kClassColumns) + "WHERE c.join_code = ?1");
        q.bind(1, code);
        if (!q.step()) return std::nullopt;
        return read_class(q);
    }

    std::vector<ClassInfo> classes(std::optional<int64_t> owner_id) override {
        auto db = reads_.take();
        Stmt q(db.get(), std::string(kClassColumns) + (owner_id ? "WHERE c.owner_id = ?1 " : "") + "ORDER BY c.id");
        if (owner_id) q.bind(1, *owner_id);
        std::vector<ClassInfo> out;
        while (q.step()) out.push_back(read_class(q));
        return out;
    }

    bool set_join_code(int64_t class_id, const std::string& code) override {
        try {
            write([&](Connection& db) {
                Stmt(db, "UPDATE classes SET join_code = ?1 WHERE id = ?2").bind(1, code).bind(2, class_id).run();
            });
        } catch (const SqliteError& e) {
            if (e.code == SQLITE_CONSTRAINT_UNIQUE) return false;
            throw;
        }
        return true;
    }

    std::vector<StudentInfo> students(int64_t class_id) override {
        auto db = reads_.take();
        Stmt q(db.get(), "SELECT id, name, created_at FROM principals WHERE class_id = ?1 AND removed = 0 "
                         "AND role = 'student' ORDER BY id");
        q.bind(1, class_id);
        std::vector<StudentInfo> out;
        while (q.step()) out.push_back(StudentInfo{q.int64(0), q.text(1), q.int64(2)});
        return out;
    }

    bool remove_student(int64_t class_id, int64_t student_id) override {
        bool removed = write([&](Connection& db) {
            Stmt(db, "UPDATE principals SET removed = 1 WHERE id = ?1 AND class_id = ?2 AND role = 'student' "
                     "AND removed = 0")
                .bind(1, student_id).bind(2, class_id).run();
            return sqlite3_changes(db.get()) > 0;
        });
        // After the commit, so a lookup that read the old row cannot be cached afterwards.
        if (removed) principals_.forget_all();
        return removed;
    }

    std::optional<StoredResult> result_by_uuid(const std::string& uuid) override {
        auto db = reads_.take();
        Stmt q(db.get(), std::string(kResultColumns) + "WHERE uuid = ?1");
        q.bind(1, uuid);
        if (!q.step()) return std::nullopt;
        return read_result(q);
    }

    SubmitOutcome submit_result(StoredResult r) override { return results_.submit(std::move(r)); }
    void submit_result_async(StoredResult r, SubmitDone done) override {
        results_.submit_async(std::move(r), std::move(done));
    }

    std::vector<StoredResult> results_of_student(int64_t student_id) override {
        auto db = reads_.take();
        // Through the results_class index: results carry the class the student belongs to.
        Stmt q(db.get(), std::string(kResultColumns) +
                             "WHERE class_id = (SELECT class_id FROM principals WHERE id = ?1) AND student_id = ?1 "
                             "ORDER BY seq");
        q.bind(1, student_id);
        std::vector<StoredResult> out;
        while (q.step()) out.push_back(read_result(q));
        return out;
    }

    std::vector<Standing> standings(std::optional<int64_t> class_id) override {
        // Best and count per (member, scenario), then the row of the latest play for its ending.
        std::string sql =
            "WITH agg AS (SELECT r.class_id, r.student_id, r.pack_id, r.scenario_id, MAX(r.seq) AS last_seq, "
            "MAX(r.score) AS best, COUNT(*) AS plays FROM results r "
            "JOIN principals p ON p.id = r.student_id AND p.removed = 0 AND p.class_id = r.class_id ";
        sql += class_id ? "WHERE r.class_id = ?1 " : "";
        sql += "GROUP BY r.class_id, r.student_id, r.pack_id, r.scenario_id) "
               "SELECT agg.class_id, agg.student_id, agg.pack_id, agg.scenario_id, l.category, agg.best, l.score, "
               "l.ending_kind, l.ending_id, agg.plays FROM agg JOIN results l ON l.seq = agg.last_seq "
               "ORDER BY agg.class_id, agg.student_id, agg.last_seq";
        auto db = reads_.take();
        Stmt q(db.get(), sql);
        if (class_id) q.bind(1, *class_id);
        std::vector<Standing> out;
        while (q.step()) {
            Standing s;
            s.class_id = q.int64(0);
            s.student_id = q.int64(1);
            s.pack_id = q.text(2);
            s.scenario_id = q.text(3);
            s.category = q.text(4);
            s.best_score = static_cast<int>(q.int64(5));
            s.latest_score = static_cast<int>(q.int64(6));
            s.latest_ending_kind = q.text(7);
            s.latest_ending_id = q.text(8);
            s.plays = static_cast<int>(q.int64(9));
            out.push_back(std::move(s));
        }
        return out;
    }

    PutPackOutcome put_pack(const StoredPack& p, bool force) override {
        return write([&](Connection& db) {
            {
                Stmt q(db, std::string(kPackColumns) + "WHERE hash = ?1");
                q.bind(1, p.summary.hash);
                if (q.step()) return PutPackOutcome{PutPackStatus::unchanged, read_pack_summary(q)};
            }
            if (!force) {
                Stmt q(db, std::string(kPackColumns) + "WHERE id = ?1 ORDER BY version DESC, seq DESC LIMIT 1");
                q.bind(1, p.summary.id);
                if (q.step() && q.int64(2) >= p.summary.version)
                    return PutPackOutcome{PutPackStatus::not_higher, read_pack_summary(q)};
            }
            PackSummary s = p.summary;
            s.created_at = now_seconds();
            Stmt(db, "INSERT INTO packs(hash, id, version, title, size, scenarios, files, created_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .bind(1, s.hash).bind(2, s.id).bind(3, s.version).bind(4, s.title).bind(5, s.size)
                .bind(6, s.scenarios).bind(7, p.files_json).bind(8, s.created_at).run();
            return PutPackOutcome{PutPackStatus::created, s};
        });
    }

    std::optional<StoredPack> pack_by_hash(const std::string& hash) override {
        return one_pack("WHERE hash = ?1", hash);
    }

    std::optional<StoredPack> latest_pack(const std::string& id) override {
        return one_pack("WHERE id = ?1 ORDER BY version DESC, seq DESC LIMIT 1", id);
    }

    std::vector<PackSummary> latest_packs() override {
        // Highest version per id; among equal versions the newest upload.
        auto db = reads_.take();
        Stmt q(db.get(), std::string(kPackColumns) +
                             "p WHERE seq = (SELECT seq FROM packs p2 WHERE p2.id = p.id "
                             "ORDER BY version DESC, seq DESC LIMIT 1) ORDER BY id");
        std::vector<PackSummary> out;
        while (q.step()) out.push_back(read_pack_summary(q));
        return out;
    }

private:
    std::optional<Principal> principal_from_database(const std::string& token_hash) {
        auto db = reads_.take();
        Stmt q(db.get(), "SELECT id, role, name, class_id FROM principals WHERE token_hash = ?1 AND removed = 0");
        q.bind(1, token_hash);
        if (!q.step()) return std::nullopt;
        auto role = parse_role(q.text(1));
        if (!role) return std::nullopt;
        Principal p{q.int64(0), *role, q.text(2), std::nullopt};
        if (!q.is_null(3)) p.class_id = q.int64(3);
        return p;
    }

    std::optional<StoredPack> one_pack(const char* where, const std::string& key) {
        auto db = reads_.take();
        Stmt q(db.get(), "SELECT id, title, version, hash, size, scenarios, created_at, files FROM packs " +
                             std::string(where));
        q.bind(1, key);
        if (!q.step()) return std::nullopt;
        return StoredPack{read_pack_summary(q), q.text(7)};
    }

    // One transaction for the whole batch; ON CONFLICT keeps the first record of a uuid.
    std::vector<SubmitOutcome> commit_results(std::vector<StoredResult>& batch) {
        return write([&](Connection& db) {
            Stmt insert(db, "INSERT INTO results(uuid, student_id, class_id, pack_id, pack_version, pack_hash, "
                            "scenario_id, category, ending_id, ending_kind, score, choices, received_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                            "ON CONFLICT(uuid) DO NOTHING");
            Stmt existing(db, std::string(kResultColumns) + "WHERE uuid = ?1");
            const int64_t now = now_seconds();
            std::vector<SubmitOutcome> out;
            out.reserve(batch.size());
            for (auto& r : batch) {
                insert.reset();
                insert.bind(1, r.uuid).bind(2, r.student_id).bind(3, r.class_id).bind(4, r.pack_id)
                    .bind(5, r.pack_version).bind(6, r.pack_hash).bind(7, r.scenario_id).bind(8, r.category)
                    .bind(9, r.ending_id).bind(10, r.ending_kind).bind(11, r.score).bind(12, format_choice_list(r.choices))
                    .bind(13, now).run();
                if (sqlite3_changes(db.get()) > 0) {
                    StoredResult s = std::move(r);
                    s.received_at = now;
                    out.push_back(SubmitOutcome{SubmitStatus::created, std::move(s)});
                    continue;
                }
                existing.reset();
                existing.bind(1, r.uuid);
                if (!existing.step()) throw std::runtime_error("result vanished during group commit");
                StoredResult s = read_result(existing);
                auto status = s.student_id == r.student_id ? SubmitStatus::duplicate : SubmitStatus::conflict;
                const bool same = same_play(s, r);
                out.push_back(SubmitOutcome{status, std::move(s), same});
            }
            return out;
        });
    }

    SqliteOptions opts_;
    std::mutex write_mutex_;
    Connection writer_;
    ReadPool reads_;
    PrincipalCache principals_{100000}; // removals are rare: each one empties it
    WalCheckpointer checkpointer_;
    GroupCommitter<StoredResult, SubmitOutcome> results_;
};

} // namespace

const char* to_string(Role r) {
    switch (r) {
    case Role::admin: return "admin";
    case Role::counsellor: return "counsellor";
    case Role::author: return "author";
    case Role::student: return "student";
    }
    return "student";
}

std::optional<Role> parse_role(const std::string& s) {
    if (s == "admin") return Role::admin;
    if (s == "counsellor") return Role::counsellor;
    if (s == "author") return Role::author;
    if (s == "student") return Role::student;
    return std::nullopt;
}

std::unique_ptr<Storage> open_sqlite_storage(const SqliteConfig& cfg) {
    return std::make_unique<SqliteStorage>(cfg);
}

} // namespace ff::server
