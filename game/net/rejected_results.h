// Results the server refused for good (unknown pack, impossible path) are moved out of the
// outbox into <data_dir>/outbox-rejected/<id>.json with the reason — kept, never deleted.
#pragma once

#include "fraudfree/result.h"

#include <filesystem>
#include <string>

namespace ff::net {

std::filesystem::path rejected_dir_in(const std::filesystem::path& data_dir);

// Writes {"record", "status", "reason", "rejected_at"} atomically into `rejected_dir`,
// then removes the entry from `queue_dir`. Throws std::runtime_error when the disk
// refuses (the entry then stays in the queue).
void move_aside(const std::filesystem::path& queue_dir, const std::filesystem::path& rejected_dir,
                const ff::ResultRecord& record, int status, const std::string& reason);

} // namespace ff::net
