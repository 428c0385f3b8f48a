// The phone's clock: the real local time in the window, a fixed time in headless runs and
// wherever FRAUDFREE_CLOCK says so, so pictures and tests are the same on every run.
#include "screens/phone_clock.h"

#include "test_headless_support.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

using namespace ff::game;

namespace {

// 2026-11-30 08:05:30 UTC.
constexpr std::time_t kMorning = 1796025930;

struct UtcZone {
    std::string old;
    bool had = false;
    UtcZone() {
        if (const char* tz = std::getenv("TZ")) {
            old = tz;
            had = true;
        }
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~UtcZone() {
        if (had) setenv("TZ", old.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
};

} // namespace

SCENARIO("the status bar shows the real local time in the window", "[screens][clock]") {
    UtcZone utc;
    GIVEN("a window run without FRAUDFREE_CLOCK") {
        const PhoneClock c = make_phone_clock(false, nullptr);
        THEN("the clock follows the wall clock") {
            CHECK_FALSE(c.fixed_minutes);
            CHECK(clock_text(clock_minutes(c, kMorning)) == "08:05");
            CHECK(clock_text(clock_minutes(c, kMorning + 3600 * 13 + 60 * 36)) == "21:41");
        }
        THEN("the next redraw is when the minute turns") {
            CHECK(seconds_until_next_minute(c, kMorning) == Approx(30));
            CHECK(seconds_until_next_minute(c, kMorning + 30) == Approx(60));
        }
    }
    GIVEN("a window run with FRAUDFREE_CLOCK=09:30 (window tests that take pictures)") {
        const PhoneClock c = make_phone_clock(false, "09:30");
        THEN("the clock stands still and needs no redraws") {
            CHECK(clock_text(clock_minutes(c, kMorning)) == "09:30");
            CHECK(clock_text(clock_minutes(c, kMorning + 86400 / 3)) == "09:30");
            CHECK(seconds_until_next_minute(c, kMorning) < 0);
        }
    }
    GIVEN("a headless run") {
        THEN("the clock is the fixed evening time of the docs pictures") {
            const PhoneClock c = make_phone_clock(true, nullptr);
            CHECK(clock_text(clock_minutes(c, kMorning)) == "21:41");
            CHECK(seconds_until_next_minute(c, kMorning) < 0);
        }
        THEN("FRAUDFREE_CLOCK still wins") {
            CHECK(clock_text(clock_minutes(make_phone_clock(true, "7:00"), kMorning)) == "07:00");
        }
    }
    GIVEN("a malformed FRAUDFREE_CLOCK") {
        for (const char* bad : {"", "24:00", "12:60", "1230", "12:3", "ab:cd", "12:30:00", ":30", "-1:30"}) {
            INFO(bad);
            CHECK_FALSE(parse_clock(bad));
            CHECK_FALSE(make_phone_clock(false, bad).fixed_minutes);
            CHECK(make_phone_clock(true, bad).fixed_minutes == kHeadlessClockMinutes);
        }
    }
}

TEST_CASE("clock text is zero-padded HH:MM, as Chinese Android status bars show it", "[screens][clock]") {
    CHECK(clock_text(0) == "00:00");
    CHECK(clock_text(2 * 60 + 40) == "02:40");
    CHECK(clock_text(9 * 60 + 5) == "09:05");
    CHECK(clock_text(12 * 60) == "12:00");
    CHECK(clock_text(23 * 60 + 59) == "23:59");
    CHECK(parse_clock("00:00") == 0);
    CHECK(parse_clock("23:59") == 23 * 60 + 59);
}

SCENARIO("headless chat pictures are the same on every run, whatever the time", "[screens][clock]") {
    namespace fs = std::filesystem;
    const std::string pack = std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core";
    auto shot = [&](const std::string& env, const std::string& name) {
        const fs::path png = fs::temp_directory_path() / ("ff-clock-" + std::to_string(::getpid()) + "-" + name + ".png");
        auto out = fftest::run_game_cmd(env + " '" + FRAUDFREE_GAME_BIN + "' --headless --pack '" + pack +
                                        "' --scenario rebate-qq-likes --screen chat --size 1024x768 --screenshot '" +
                                        png.string() + "' >/dev/null");
        REQUIRE(out.status == 0);
        auto img = fftest::read_png(png);
        fs::remove(png);
        REQUIRE(img.ok());
        return img.rgba;
    };
    const auto plain = shot("env -u FRAUDFREE_CLOCK", "plain");
    THEN("a headless run shows the fixed 21:41, as FRAUDFREE_CLOCK=21:41 does") {
        CHECK(plain == shot("FRAUDFREE_CLOCK=21:41", "fixed"));
    }
    THEN("FRAUDFREE_CLOCK changes what the status bar and the first time stamp say") {
        CHECK(plain != shot("FRAUDFREE_CLOCK=07:05", "morning"));
    }
}
