// SQLite handles: opening with WAL and durability pragmas, statements with bound parameters.
#include "sqlite_handle.h"

#include <mutex>
#include <stdexcept>

namespace ff::server {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw SqliteError("数据库错误（" + what + "）：" + (db ? sqlite3_errmsg(db) : "unknown"),
                      db ? sqlite3_extended_errcode(db) : SQLITE_ERROR);
}

} // namespace

DbHandle open_database(const std::string& path, const SqliteOptions& opts) {
    // Before SQLite initialises: no global allocation statistics (a process-wide mutex per
    // malloc); each connection is used by one thread at a time.
    static std::once_flag configured;
    std::call_once(configured, [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    });
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    DbHandle db(raw); // closes even when open failed
    if (rc != SQLITE_OK) fail(raw, "打开 " + path);
    sqlite3_busy_timeout(db.get(), opts.busy_timeout_ms);
    sqlite3_extended_result_codes(db.get(), 1);
    exec(db.get(), "PRAGMA journal_mode=WAL");
    exec(db.get(), opts.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    exec(db.get(), "PRAGMA foreign_keys=ON");
    return db;
}

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown";
        sqlite3_free(err);
        throw SqliteError(std::string("数据库错误（") + sql + "）：" + msg, sqlite3_extended_errcode(db));
    }
}

namespace {

StmtHandle prepare(sqlite3* db, std::string_view sql, unsigned flags) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &raw, nullptr) != SQLITE_OK)
        fail(db, "prepare");
    return StmtHandle(raw);
}

} // namespace

sqlite3_stmt* StmtCache::get(sqlite3* db, std::string_view sql) {
    auto it = stmts_.find(std::string(sql));
    if (it == stmts_.end()) it = stmts_.emplace(std::string(sql), prepare(db, sql, SQLITE_PREPARE_PERSISTENT)).first;
    return it->second.get();
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db), owned_(prepare(db, sql, 0)), stmt_(owned_.get()) {}

Stmt::Stmt(Connection& conn, std::string_view sql) : db_(conn.get()), stmt_(conn.cache.get(conn.get(), sql)) {}

Stmt::~Stmt() {
    if (!owned_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

Stmt& Stmt::bind(int i, int64_t v) {
    if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) fail(db_, "bind");
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) fail(db_, "bind");
    return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
    if (sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        fail(db_, "bind");
    return *this;
}
Stmt& Stmt::bind_null(int i) {
    if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) fail(db_, "bind");
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "step");
}

void Stmt::run() {
    while (step()) {}
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int64_t Stmt::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string Stmt::text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}

} // namespace ff::server
