// The SQLite schema and its migrations: a schema_version table and numbered steps,
// each applied once in its own write transaction, so old database files upgrade in place.
#pragma once

#include <sqlite3.h>

namespace ff::server {

inline constexpr int kSchemaVersion = 3;

// Brings the database up to `target` (kSchemaVersion; tests make older files with less).
// Throws if the file is from a newer server.
void migrate(sqlite3* db, int target = kSchemaVersion);

} // namespace ff::server
