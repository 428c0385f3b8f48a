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

// True for the temp names write_file_atomic makes: ".<file>.tmp-" and mkostemp's six
// letters or digits, e.g. ".profile.json.tmp-Ab3xQ9".
bool is_atomic_temp_name(const std::string& filename);

// Removes the temp files of writes that never finished (the process was killed or the power
// failed between creating the temp file and renaming it): only regular files with an
// is_atomic_temp_name, last written before `older_than`, in `dir` and in the folders
// directly inside it (outbox, ...). Symlinks and every other file are left alone.
// Returns how many were removed. Never throws.
int remove_stale_temp_files(const std::filesystem::path& dir, std::filesystem::file_time_type older_than);

// The whole file, or nullopt if it does not exist or cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

} // namespace ff::save
