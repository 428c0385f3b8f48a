// The time on the phone's status bar and the conversation's first time stamp: the real local
// time, or a fixed time so headless pictures and tests come out the same on every run.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace ff::game {

// The fixed time of headless runs (docs pictures, tests): a late evening, when scams often come.
inline constexpr int kHeadlessClockMinutes = 21 * 60 + 41;

struct PhoneClock {
    std::optional<int> fixed_minutes; // minutes after midnight; empty = the real local time
};

// FRAUDFREE_CLOCK=HH:MM (e.g. "21:41") fixes the clock for any run, e.g. window tests that
// take screenshots; headless runs are fixed at kHeadlessClockMinutes unless it says otherwise.
// A malformed value is ignored.
PhoneClock make_phone_clock(bool headless, const char* env_value);

// "HH:MM" (00:00-23:59) as minutes after midnight, or nullopt.
std::optional<int> parse_clock(const std::string& hh_mm);

// Minutes after midnight shown at wall-clock time `now` (local time zone).
int clock_minutes(const PhoneClock& clock, std::time_t now);

// "09:05", "21:41": zero-padded 24-hour time, as the status bar of Chinese Android phones
// (MIUI, HarmonyOS, ColorOS) shows it in 24-hour mode.
std::string clock_text(int minutes);

// Seconds until the shown time changes (the next full minute), for the redraw timer;
// negative for a fixed clock (it never changes).
double seconds_until_next_minute(const PhoneClock& clock, std::time_t now);

} // namespace ff::game
