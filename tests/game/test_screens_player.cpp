// Headless screenshots of the player's own screens (title, nickname, awareness profile, quiz,
// settings) with a real save behind them: plays recorded by the game itself, settings from
// settings.json applied (high contrast, 150% text).
#include "test_headless_support.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using fftest::count_color;
using fftest::read_png;
using fftest::run_game;

namespace {

const std::string kPack = std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core";

// Normal palette (game/src/theme.cpp).
constexpr uint32_t kSafe = 0x1E9E4F;
constexpr uint32_t kPartial = 0xE08A00;
// High-contrast palette.
constexpr uint32_t kHcBackground = 0x000000;
constexpr uint32_t kHcAccent = 0xFFD600;

struct TempData {
    fs::path dir;
    explicit TempData(const std::string& name) {
        dir = fs::temp_directory_path() / ("ff-screens-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempData() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// The first path of each scenario that ends with `kind`, found by core.
std::vector<int> path_to(const ff::Pack& pack, const std::string& scenario, ff::EndingKind kind) {
    const ff::Scenario* s = pack.find_scenario(scenario);
    REQUIRE(s);
    for (const auto& path : ff::all_paths(*s)) {
        auto run = ff::replay(*s, path);
        if (run && run->finished() && run->ending()->kind == kind) return path;
    }
    FAIL("no path to that ending in " << scenario);
    return {};
}

fftest::Image shot(const fs::path& data, const std::string& screen, const std::string& size, const fs::path& png) {
    auto out = run_game("--headless --data '" + data.string() + "' --pack '" + kPack + "' --screen " + screen +
                        " --size " + size + " --screenshot '" + png.string() + "' >/dev/null");
    REQUIRE(out.status == 0);
    auto img = read_png(png);
    REQUIRE(img.ok());
    return img;
}

} // namespace

SCENARIO("the awareness profile charts the plays the game saved", "[screens][awareness]") {
    auto loaded = ff::load_pack_dir(kPack);
    REQUIRE(loaded.pack);
    const ff::Pack& pack = *loaded.pack;
    TempData empty("empty"), played("played");

    GIVEN("three finished plays recorded by headless runs: two safe, one partial") {
        const std::vector<std::pair<std::string, ff::EndingKind>> plays = {
            {"rebate-qq-likes", ff::EndingKind::safe},
            {"scholarship-bureau-call", ff::EndingKind::safe},
            {"romance-video-extortion", ff::EndingKind::partial},
        };
        for (const auto& [scenario, kind] : plays) {
            auto out = run_game("--headless --data '" + played.dir.string() + "' --pack '" + kPack + "' --scenario " +
                                scenario + " --choices " + fftest::choice_list(path_to(pack, scenario, kind)) + " >/dev/null");
            REQUIRE(out.status == 0);
        }
        REQUIRE(fs::exists(played.dir / "profile.json"));

        for (const std::string size : {"1024x768", "1920x1080"}) {
            WHEN("the awareness screen is shot at " + size) {
                auto before = shot(empty.dir, "awareness", size, empty.dir / "aw.png");
                auto after = shot(played.dir, "awareness", size, played.dir / "aw.png");
                THEN("the score bars show the safe and the partial colours, which an empty profile lacks") {
                    CHECK(fftest::distinct_colors(after) > 40);
                    CHECK(count_color(after, kSafe) > count_color(before, kSafe) + 400);
                    CHECK(count_color(after, kPartial) > count_color(before, kPartial) + 400);
                    CHECK(count_color(after, fftest::kNormalAccent) > 100); // radar outline of the best scores
                }
            }
        }
    }
}

SCENARIO("settings saved in settings.json shape every player screen", "[screens][settings]") {
    TempData data("hc");
    std::ofstream(data.dir / "settings.json") << R"({"high_contrast": true, "text_scale": 150, "volume": 40})";
    for (const std::string screen : {"title", "profile", "quiz", "settings", "awareness"}) {
        GIVEN("high contrast and 150% text, the " + screen + " screen at 1024x768") {
            auto img = shot(data.dir, screen, "1024x768", data.dir / (screen + ".png"));
            THEN("it is drawn in the high-contrast palette with real content") {
                CHECK(fftest::distinct_colors(img) > 20);
                CHECK(count_color(img, kHcBackground) > 1024 * 768 / 3);
                CHECK(count_color(img, kHcAccent) > 200);
            }
        }
    }
    THEN("looking at the screens does not rewrite the saved settings") {
        std::ifstream in(data.dir / "settings.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(text == R"({"high_contrast": true, "text_scale": 150, "volume": 40})");
    }
}

SCENARIO("the player's screens in the normal palette show their controls", "[screens]") {
    TempData data("normal");
    for (const std::string screen : {"title", "profile", "quiz", "settings"}) {
        GIVEN("the " + screen + " screen at 1366x768") {
            auto img = shot(data.dir, screen, "1366x768", data.dir / (screen + ".png"));
            THEN("it shows the blue primary button and white panels") {
                CHECK(fftest::distinct_colors(img) > 40);
                CHECK(count_color(img, fftest::kNormalAccent) > 2000);
                CHECK(count_color(img, 0xFFFFFF) > 5000);
            }
        }
    }
}
