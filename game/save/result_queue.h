// The outbox of finished results waiting for the server (issue 7): one JSON file per
// result, named by its client UUID, so a crash or a retry never loses or doubles one.
#pragma once

#include "fraudfree/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ff::save {

// A random RFC 4122 version-4 UUID, lowercase "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
std::string make_uuid_v4();

// True for the lowercase UUID text form above (any version); only such ids name queue files.
bool is_uuid(const std::string& s);

namespace result_queue {

// The queue folder inside a data folder: <data_dir>/outbox.
std::filesystem::path dir_in(const std::filesystem::path& data_dir);

// Writes <queue_dir>/<id>.json atomically and returns the id. An empty record.id gets a
// fresh UUID; an id that is not a UUID throws std::invalid_argument. Enqueuing the same
// id again overwrites it (still one entry). Throws std::runtime_error on disk errors.
// `class_token`, when given, is the student token of the class the play counts for; an
// entry without one is sent with whatever token the player has when it is sent.
std::string enqueue(const std::filesystem::path& queue_dir, ff::ResultRecord record, const std::string& class_token = {});

struct Entry {
    ff::ResultRecord record;
    std::string class_token; // empty = the player's current class
};

// Every queued entry, oldest first (by file time, then id). A missing folder is an
// empty queue. Unreadable entries are renamed to <name>.bad so they are not retried
// forever, and skipped. Never throws.
std::vector<Entry> entries(const std::filesystem::path& queue_dir);
// The records of entries(), for callers that do not care which class they go to.
std::vector<ff::ResultRecord> list(const std::filesystem::path& queue_dir);

// The player is leaving the class whose token is `class_token` (switching or leaving):
// every entry still without a class token gets this one, so results played in that class
// are still sent to it. Returns how many entries were stamped. Throws std::runtime_error
// on disk errors (entries stamped so far stay stamped).
int assign_class_token(const std::filesystem::path& queue_dir, const std::string& class_token);

// Deletes the entry once the server has acknowledged it. Returns false if there was none
// (or `id` is not a UUID).
bool remove(const std::filesystem::path& queue_dir, const std::string& id);

} // namespace result_queue
} // namespace ff::save
