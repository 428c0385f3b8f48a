// Whole-file reads and crash-safe writes for saves: a reader sees the old or the new bytes,
// never a mix, even if the process is killed or the power fails mid-write.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ff::save {

// Writes a temp file in the same folder, fsyncs it, renames it over `path`, fsyncs the
// folder. Creates missing parent folders. Throws std::runtime_error with a readable
// message (path and reason) on failure; `path` is then unchanged.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// The whole file, or nullopt if it does not exist or cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

} // namespace ff::save
