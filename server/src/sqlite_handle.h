// RAII wrappers around sqlite3 and sqlite3_stmt, with typed binding and reading.
// Every statement uses bound parameters; errors become std::runtime_error with SQLite's text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace ff::server {

struct SqliteCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using DbHandle = std::unique_ptr<sqlite3, SqliteCloser>;
using StmtHandle = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// A failed SQLite call; `code` is the extended result code (e.g. SQLITE_CONSTRAINT_UNIQUE).
struct SqliteError : std::runtime_error {
    SqliteError(const std::string& what, int code) : std::runtime_error(what), code(code) {}
    int code;
};

struct SqliteOptions {
    bool synchronous_full = true; // FULL survives power loss; NORMAL only a process crash
    int busy_timeout_ms = 5000;
};

// Opens (creating if needed) a database in WAL mode with the given durability settings.
DbHandle open_database(const std::string& path, const SqliteOptions& opts);

// Prepared statements of one connection, kept for reuse (parsing SQL costs more than running it).
class StmtCache {
public:
    sqlite3_stmt* get(sqlite3* db, std::string_view sql);

private:
    std::unordered_map<std::string, StmtHandle> stmts_;
};

// A connection with its statement cache; used by one thread at a time.
struct Connection {
    DbHandle db;
    StmtCache cache;
    sqlite3* get() const { return db.get(); }
};

// Runs SQL without parameters or results (PRAGMA, DDL, BEGIN/COMMIT).
void exec(sqlite3* db, const char* sql);

// A prepared statement. Bind with 1-based indices; step() returns true while rows come.
class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql);      // prepared now, finalized at the end
    Stmt(Connection& conn, std::string_view sql); // from the cache, reset at the end
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind_null(int i);
    Stmt& bind(int i, std::optional<int64_t> v) { return v ? bind(i, *v) : bind_null(i); }

    bool step();     // true: a row is ready; false: done
    void run();      // step until done
    void reset();

    int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    bool is_null(int col) const;

private:
    sqlite3* db_;
    StmtHandle owned_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Runs `fn` inside BEGIN IMMEDIATE ... COMMIT; rolls back and rethrows on exception.
// IMMEDIATE takes the write lock up front, so busy_timeout applies (a deferred
// transaction that upgrades gets SQLITE_BUSY at once).
template <class Fn>
auto with_write_transaction(sqlite3* db, Fn&& fn) {
    exec(db, "BEGIN IMMEDIATE");
    try {
        if constexpr (std::is_void_v<decltype(fn())>) {
            fn();
            exec(db, "COMMIT");
        } else {
            auto out = fn();
            exec(db, "COMMIT");
            return out;
        }
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace ff::server
