// A generated pack with one long chat: 100 nodes of 5 incoming messages each, so playing
// "1" at every node but the last shows 500 incoming messages and 99 replies.
#pragma once

#include <filesystem>
#include <vector>

namespace ff::bench {

inline constexpr const char* kLongChatPack = "bench-long-chat";
inline constexpr const char* kLongChatScenario = "long-chat";

// Writes pack.toml and scenarios/long-chat.toml into `dir` (created if needed).
void write_long_chat_pack(const std::filesystem::path& dir, int nodes = 100, int messages_per_node = 5);

// The replies that walk to the last node without finishing (all 1s).
std::vector<int> long_chat_path(int nodes = 100);

} // namespace ff::bench
