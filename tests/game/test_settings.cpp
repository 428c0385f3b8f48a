// Settings JSON: defaults, round trip, and bad values that fall back one field at a time.
#include "save/settings.h"

#include <catch2/catch.hpp>

using ff::save::Settings;
using nlohmann::json;

SCENARIO("settings survive a JSON round trip", "[settings]") {
    GIVEN("settings that differ from the defaults in every field") {
        Settings s;
        s.text_scale = 150;
        s.high_contrast = true;
        s.volume = 0;
        s.muted = true;
        s.text_speed = Settings::TextSpeed::slow;
        s.fullscreen = true;
        s.font_path = "/usr/share/fonts/字体.ttc";
        s.server_url = "http://127.0.0.1:8080";
        s.pretest_done = true;
        REQUIRE_FALSE(s == Settings{});
        THEN("reading the JSON back gives the same settings") {
            REQUIRE(ff::save::settings_from_json(ff::save::to_json(s)) == s);
            REQUIRE(ff::save::settings_from_json(json::parse(ff::save::to_json(s).dump())) == s);
        }
    }
    GIVEN("each text speed") {
        for (auto t : {Settings::TextSpeed::instant, Settings::TextSpeed::normal, Settings::TextSpeed::slow}) {
            Settings s;
            s.text_speed = t;
            REQUIRE(ff::save::settings_from_json(ff::save::to_json(s)).text_speed == t);
        }
    }
}

SCENARIO("bad settings values keep their defaults", "[settings]") {
    const Settings defaults;
    GIVEN("an empty object, an array and a string") {
        REQUIRE(ff::save::settings_from_json(json::object()) == defaults);
        REQUIRE(ff::save::settings_from_json(json::array({1, 2})) == defaults);
        REQUIRE(ff::save::settings_from_json(json("text")) == defaults);
    }
    GIVEN("out-of-range and mistyped values next to good ones") {
        const json j = {{"text_scale", 130},    {"volume", 300},        {"high_contrast", "yes"},
                        {"muted", 1},           {"text_speed", "fast"}, {"fullscreen", true},
                        {"font_path", 42},      {"server_url", nullptr}, {"unknown_field", "ignored"}};
        const Settings s = ff::save::settings_from_json(j);
        THEN("only the good value is taken") {
            Settings expected;
            expected.fullscreen = true;
            REQUIRE(s == expected);
        }
    }
    GIVEN("numbers that would wrap or are fractional") {
        REQUIRE(ff::save::settings_from_json({{"volume", 4294967346ULL}}).volume == defaults.volume);
        REQUIRE(ff::save::settings_from_json({{"volume", -1}}).volume == defaults.volume);
        REQUIRE(ff::save::settings_from_json({{"volume", 55.5}}).volume == defaults.volume);
        REQUIRE(ff::save::settings_from_json({{"text_scale", 125}}).text_scale == 125);
        REQUIRE(ff::save::settings_from_json({{"volume", 100}}).volume == 100);
    }
}

TEST_CASE("text speed factors scale message delays", "[settings]") {
    REQUIRE(ff::save::speed_factor(Settings::TextSpeed::instant) == 0.0);
    REQUIRE(ff::save::speed_factor(Settings::TextSpeed::normal) == 1.0);
    REQUIRE(ff::save::speed_factor(Settings::TextSpeed::slow) == Approx(1.6));
    REQUIRE(std::string(ff::save::to_string(Settings::TextSpeed::instant)) == "instant");
}
