// UTC time stamps via gmtime_r (thread-safe, no locale).
#include "clock.h"

#include <cstdio>
#include <ctime>

namespace ff::save {
namespace {

std::tm utc_parts(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm parts{};
    gmtime_r(&secs, &parts);
    return parts;
}

std::string format(std::chrono::system_clock::time_point t, const char* fmt) {
    const std::tm parts = utc_parts(t);
    char buf[32];
    const size_t n = std::strftime(buf, sizeof buf, fmt, &parts);
    return std::string(buf, n);
}

} // namespace

std::string iso8601_utc(std::chrono::system_clock::time_point t) { return format(t, "%Y-%m-%dT%H:%M:%SZ"); }

std::string now_iso8601_utc() { return iso8601_utc(std::chrono::system_clock::now()); }

std::string compact_utc_stamp(std::chrono::system_clock::time_point t) { return format(t, "%Y%m%dT%H%M%S"); }

} // namespace ff::save
