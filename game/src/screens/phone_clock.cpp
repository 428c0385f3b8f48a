#include "screens/phone_clock.h"

#include <cstdio>

namespace ff::game {

std::optional<int> parse_clock(const std::string& s) {
    // H:MM or HH:MM, digits only.
    const size_t colon = s.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
    int h = 0, m = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i == colon) continue;
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        int& part = i < colon ? h : m;
        part = part * 10 + (s[i] - '0');
    }
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

PhoneClock make_phone_clock(bool headless, const char* env_value) {
    PhoneClock c;
    if (env_value)
        if (auto fixed = parse_clock(env_value)) c.fixed_minutes = fixed;
    if (!c.fixed_minutes && headless) c.fixed_minutes = kHeadlessClockMinutes;
    return c;
}

int clock_minutes(const PhoneClock& clock, std::time_t now) {
    if (clock.fixed_minutes) return *clock.fixed_minutes;
    std::tm local{};
    if (!localtime_r(&now, &local)) return kHeadlessClockMinutes;
    return local.tm_hour * 60 + local.tm_min;
}

std::string clock_text(int minutes) {
    const int h = (minutes / 60) % 24, m = minutes % 60;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    return buf;
}

double seconds_until_next_minute(const PhoneClock& clock, std::time_t now) {
    if (clock.fixed_minutes) return -1;
    std::tm local{};
    if (!localtime_r(&now, &local)) return 60;
    return 60.0 - static_cast<double>(local.tm_sec % 60);
}

} // namespace ff::game
