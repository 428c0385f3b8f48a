// Migrations of the SQLite schema. Append new steps; never edit a released one.
#include "sqlite_schema.h"

#include "sqlite_handle.h"

#include <stdexcept>
#include <string>

namespace ff::server {
namespace {

// Step i brings the schema from version i to i+1.
const char* const kSteps[] = {
    R"sql(
CREATE TABLE principals(
  id INTEGER PRIMARY KEY,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  class_id INTEGER,
  removed INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE INDEX principals_class ON principals(class_id) WHERE class_id IS NOT NULL;
CREATE TABLE classes(
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES principals(id),
  name TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  packs TEXT NOT NULL,
  min_finished_pct REAL NOT NULL,
  min_mean_best REAL NOT NULL,
  allow_scammed INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX classes_owner ON classes(owner_id);
CREATE TABLE results(
  seq INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  student_id INTEGER NOT NULL REFERENCES principals(id),
  class_id INTEGER NOT NULL,
  pack_id TEXT NOT NULL,
  pack_version INTEGER NOT NULL,
  pack_hash TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  category TEXT NOT NULL,
  ending_id TEXT NOT NULL,
  ending_kind TEXT NOT NULL,
  score INTEGER NOT NULL,
  record TEXT NOT NULL,
  received_at INTEGER NOT NULL);
CREATE INDEX results_student ON results(student_id, pack_id, scenario_id);
CREATE INDEX results_class ON results(class_id, student_id, pack_id, scenario_id);
CREATE TABLE packs(
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  size INTEGER NOT NULL,
  scenarios INTEGER NOT NULL,
  files TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX packs_id ON packs(id, version);
)sql",
    // Results indexed by class only: rows of a class are appended in seq order, so a batch of
    // results touches one index page per class instead of one per student in each of two
    // per-student indexes (most of the pages a commit wrote). A student's results are found
    // through their class (a student stays in one class); progress groups a class's rows.
    R"sql(
DROP INDEX results_student;
DROP INDEX results_class;
CREATE INDEX results_by_class ON results(class_id);
)sql",
    // A result keeps its choice path ("1,3,2") instead of the whole record JSON: the record is
    // core's replay of that path on the pack version the row names, so it is rebuilt on read.
    // Rows a quarter the size (about 250 bytes with the indexes, was 1 KB) write less per result.
    R"sql(
ALTER TABLE results ADD COLUMN choices TEXT NOT NULL DEFAULT '';
UPDATE results SET choices = coalesce(trim(json_extract(record, '$.choices'), '[]'), '') WHERE json_valid(record);
ALTER TABLE results DROP COLUMN record;
)sql",
};

constexpr int kStepCount = static_cast<int>(sizeof(kSteps) / sizeof(kSteps[0]));
static_assert(kStepCount == kSchemaVersion, "one migration step per schema version");

int current_version(sqlite3* db) {
    Stmt q(db, "SELECT version FROM schema_version");
    return q.step() ? static_cast<int>(q.int64(0)) : 0;
}

} // namespace

void migrate(sqlite3* db, int target) {
    with_write_transaction(db, [&] {
        exec(db, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        Stmt count(db, "SELECT COUNT(*) FROM schema_version");
        count.step();
        if (count.int64(0) == 0) exec(db, "INSERT INTO schema_version(version) VALUES (0)");
    });
    for (;;) {
        bool done = with_write_transaction(db, [&] {
            int v = current_version(db); // re-read under the write lock: another process may have migrated
            if (v > target)
                throw std::runtime_error("数据库文件来自更新版本的服务器（结构版本 " + std::to_string(v) +
                                         "），请升级 fraudfree-server。");
            if (v == target) return true;
            exec(db, kSteps[v]);
            Stmt(db, "UPDATE schema_version SET version = ?1").bind(1, v + 1).run();
            return false;
        });
        if (done) return;
    }
}

} // namespace ff::server
