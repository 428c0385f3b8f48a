// Wall-clock time stamps for save files: ISO-8601 UTC for records, a compact form for names.
// Kept apart so the rest of game/save stays free of clock calls and testable.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace ff::save {

// "2026-11-25T12:00:00Z"
std::string iso8601_utc(std::chrono::system_clock::time_point t);
std::string now_iso8601_utc();

// "20261125T120000", safe in file names.
std::string compact_utc_stamp(std::chrono::system_clock::time_point t);

// When this process started, as a file time (for "written before we started" checks), from
// /proc; the current time where /proc cannot tell.
std::filesystem::file_time_type process_start_file_time();

} // namespace ff::save
