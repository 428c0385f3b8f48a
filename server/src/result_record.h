// The record shown for a stored result: core's replay of the stored choice path on the pack
// version the result names (a row keeps the path and the server's score, not the record).
#pragma once

#include "pack_cache.h"
#include "storage.h"

#include "fraudfree/result.h"

#include <cstdint>
#include <string>

namespace ff::server {

// core's record for `r`, with its uuid as id. If the pack version is gone or no longer loads, or
// the replay no longer ends where the stored score and ending say (a scoring change since), the
// record is built from the stored columns alone (no score items, flags, money or report: they
// read as empty) and `log` says why, so a read never fails and never shows a score other than
// the one progress counts.
ResultRecord stored_record(PackCache& packs, const StoredResult& r, const LogFn& log);

// What the store keeps of core's record `made` (its id is the client's uuid) for a student.
StoredResult to_stored(ResultRecord made, int64_t student_id, int64_t class_id);

} // namespace ff::server
