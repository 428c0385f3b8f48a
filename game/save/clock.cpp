// UTC time stamps via gmtime_r (thread-safe, no locale).
#include "clock.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <ctime>
#include <fstream>
#include <sstream>

#include <unistd.h>

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

namespace {

// Seconds since the epoch at which the process started: boot time (/proc/stat "btime") plus
// the start tick of the process (/proc/self/stat field 22), or nullopt.
std::optional<double> proc_start_seconds() {
    long long btime = -1;
    {
        std::ifstream in("/proc/stat");
        std::string key;
        while (in >> key) {
            if (key == "btime") {
                in >> btime;
                break;
            }
            in.ignore(1 << 20, '\n');
        }
    }
    std::ifstream in("/proc/self/stat");
    std::string line;
    if (btime < 0 || !std::getline(in, line)) return std::nullopt;
    // The command name (field 2) may hold spaces; fields after it follow its ')'.
    const size_t close = line.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream rest(line.substr(close + 1));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int n = 3; n <= 22 && rest >> field; ++n)
        if (n == 22) start_ticks = std::stoull(field);
    const long hz = ::sysconf(_SC_CLK_TCK);
    if (start_ticks == 0 || hz <= 0) return std::nullopt;
    return static_cast<double>(btime) + static_cast<double>(start_ticks) / static_cast<double>(hz);
}

} // namespace

std::filesystem::file_time_type process_start_file_time() {
    using namespace std::chrono;
    system_clock::time_point start = system_clock::now();
    try {
        if (auto s = proc_start_seconds())
            start = system_clock::time_point(duration_cast<system_clock::duration>(duration<double>(*s)));
    } catch (const std::exception&) {
        // An odd /proc: the current time is a safe bound (everything older is from before).
    }
    // btime is whole seconds: one second less so a file written just after the start never counts as older.
    return file_clock::from_sys(std::min(start, system_clock::now()) - seconds(1));
}

std::string compact_utc_stamp(std::chrono::system_clock::time_point t) { return format(t, "%Y%m%dT%H%M%S"); }

} // namespace ff::save
