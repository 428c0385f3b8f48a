#include "net/sync_status.h"

namespace ff::net {

const char* to_string(SyncState s)
{
    switch (s) {
    case SyncState::synced: return "synced";
    case SyncState::waiting: return "waiting";
    case SyncState::error: return "error";
    case SyncState::offline: break;
    }
    return "offline";
}

std::string short_label(const SyncStatus& s)
{
    switch (s.state) {
    case SyncState::synced: return "已同步";
    case SyncState::waiting: return "待上传 " + std::to_string(s.pending) + " 条";
    case SyncState::error: return "同步出错";
    case SyncState::offline: break;
    }
    return s.pending > 0 ? "离线 · 待上传 " + std::to_string(s.pending) + " 条" : "离线";
}

} // namespace ff::net
