#include "net/rejected_results.h"

#include "save/atomic_file.h"
#include "save/clock.h"
#include "save/result_queue.h"

#include <stdexcept>

namespace ff::net {

std::filesystem::path rejected_dir_in(const std::filesystem::path& data_dir) { return data_dir / "outbox-rejected"; }

void move_aside(const std::filesystem::path& queue_dir, const std::filesystem::path& rejected_dir,
                const ff::ResultRecord& record, int status, const std::string& reason)
{
    if (!ff::save::is_uuid(record.id)) throw std::runtime_error("queued result has no valid id");
    nlohmann::json j{{"record", ff::to_json(record)},
                     {"status", status},
                     {"reason", reason},
                     {"rejected_at", ff::save::now_iso8601_utc()}};
    ff::save::write_file_atomic(rejected_dir / (record.id + ".json"), j.dump(2));
    ff::save::result_queue::remove(queue_dir, record.id);
}

} // namespace ff::net
