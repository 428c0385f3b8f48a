// The SQLite schema and its migrations: a schema_version table and numbered steps,
// each applied once in its own write transaction, so old database files upgrade in place.
#pragma once

#include <sqlite3.h>

namespace ff::server {

inline constexpr int kSchemaVersion = 2;

// Brings the database up to kSchemaVersion. Throws if the file is from a newer server.
void migrate(sqlite3* db);

} // namespace ff::server
