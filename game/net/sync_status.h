// What the small sync icon shows: offline (no server or not in a class), synced,
// waiting (N results queued, retrying), or error (needs the player: rejoin, or a result refused).
#pragma once

#include <string>

namespace ff::net {

enum class SyncState { offline, synced, waiting, error };
const char* to_string(SyncState s); // "offline" | "synced" | "waiting" | "error"

struct SyncStatus {
    SyncState state = SyncState::offline;
    int pending = 0;        // results still in the on-disk queue
    int sent = 0;           // acknowledged by the server since the game started
    int rejected = 0;       // refused for good (moved aside) since the game started
    std::string message;    // plain Chinese: why waiting or error; empty otherwise
};

// A short label for the icon's tooltip/status line, e.g. "已同步", "待上传 3 条", "离线".
std::string short_label(const SyncStatus& s);

} // namespace ff::net
