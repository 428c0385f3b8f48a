// Headless mode of the real `fraudfree` binary: result JSON identical to core's, screenshots
// of every screen at two sizes with real content and the expected layout colours.
#include "test_headless_support.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using fftest::count_color;
using fftest::read_png;
using fftest::run_game;

namespace {

const std::string kContent = std::string(FRAUDFREE_SOURCE_DIR) + "/content";

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / ("ff-headless-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

ff::Pack load(const std::string& pack) {
    auto loaded = ff::load_pack_dir(kContent + "/" + pack);
    REQUIRE(loaded.pack);
    return *loaded.pack;
}

// The first path of a scenario that ends with `kind`, found by core (so content edits that
// reorder choices do not break the tests).
std::vector<int> path_to(const std::string& pack, const std::string& scenario, ff::EndingKind kind) {
    ff::Pack p = load(pack);
    const ff::Scenario* s = p.find_scenario(scenario);
    REQUIRE(s);
    for (const auto& path : ff::all_paths(*s)) {
        auto run = ff::replay(*s, path);
        if (run && run->finished() && run->ending()->kind == kind) return path;
    }
    FAIL("no path to that ending");
    return {};
}

std::string expected_json(const std::string& pack, const std::string& scenario, const std::vector<int>& choices) {
    ff::Pack p = load(pack);
    auto r = ff::make_result(p, scenario, choices);
    REQUIRE(r.record);
    return ff::to_json(*r.record).dump(2) + "\n";
}

} // namespace

SCENARIO("headless play prints the same result JSON as core", "[headless]") {
    struct Case {
        std::string pack, scenario, choices;
        std::vector<int> list;
    };
    std::vector<Case> cases;
    for (auto [pack, scenario] : {std::pair{"outreach", "refund-call"}, std::pair{"campus-core", "rebate-qq-likes"}})
        for (auto kind : {ff::EndingKind::safe, ff::EndingKind::partial, ff::EndingKind::scammed}) {
            auto path = path_to(pack, scenario, kind);
            cases.push_back(Case{pack, scenario, fftest::choice_list(path), path});
        }
    for (const Case& c : cases) {
        GIVEN(c.scenario + " with choices " + c.choices) {
            auto out = run_game("--headless --pack '" + kContent + "/" + c.pack + "' --scenario " + c.scenario +
                                " --choices " + c.choices);
            THEN("stdout is byte-identical to to_json(make_result(...))") {
                CHECK(out.status == 0);
                CHECK(out.out == expected_json(c.pack, c.scenario, c.list));
            }
        }
    }
}

SCENARIO("headless mode rejects impossible input without crashing", "[headless]") {
    CHECK(run_game("--headless --pack '" + kContent + "/outreach' --scenario no-such-scenario --choices 1 2>/dev/null").status != 0);
    CHECK(run_game("--headless --pack '" + kContent + "/outreach' --scenario refund-call --choices 9,9,9,9 2>/dev/null").status != 0);
    CHECK(run_game("--headless --bogus-option 2>/dev/null").status != 0);
}

SCENARIO("headless screenshots of every screen have content and the layout colours", "[headless][screens]") {
    fs::path dir = temp_dir();
    struct Shot {
        std::string name;
        std::string args;
        std::vector<uint32_t> colors; // exact theme colours the screen must show
    };
    const std::string pack = "--pack '" + kContent + "/outreach' ";
    const std::vector<Shot> shots = {
        {"list", "--screen list", {0xFFFFFF, 0x1F6FEB}},
        // Messenger: grey chat background, white bubbles, blue choice numbers, the phone frame.
        {"chat", pack + "--scenario rebate-likes --choices 1 --screen chat", {0xEDEDED, 0xFFFFFF, 0x1F6FEB, 0x23262C}},
        // Incoming call: green answer and red decline buttons on the phone.
        {"call", pack + "--scenario refund-call --screen call", {0x34C759, 0xFF3B30, 0x23262C}},
        // SMS thread: grey incoming bubbles on white.
        {"sms", pack + "--scenario scholarship-sms --choices 1 --screen chat", {0xE5E5EA, 0xFFFFFF}},
        // Debrief of a partial loss: the orange ending banner and the blue action box border.
        {"debrief", pack + "--scenario refund-call --choices " + fftest::choice_list(path_to("outreach", "refund-call", ff::EndingKind::partial)),
         {0xE08A00, 0x1F6FEB}},
        {"errors", "--pack '" + std::string(FRAUDFREE_SOURCE_DIR) + "/tests/fixtures/dangling_next' --screen errors", {0xFFF0EE}},
        {"title", "--screen title", {}},
        {"profile", "--screen profile", {}},
        {"awareness", "--screen awareness", {}},
        {"quiz", "--screen quiz", {}},
        {"settings", "--screen settings", {}},
    };
    for (const auto& shot : shots) {
        for (const std::string size : {"1024x768", "1920x1080"}) {
            GIVEN("the " + shot.name + " screen at " + size) {
                fs::path png = dir / (shot.name + "-" + size + ".png");
                auto out = run_game("--headless " + shot.args + " --size " + size + " --screenshot '" + png.string() + "' >/dev/null");
                REQUIRE(out.status == 0);
                auto img = read_png(png);
                REQUIRE(img.ok());
                THEN("it has the asked size, real content and its colours") {
                    CHECK(std::to_string(img.w) + "x" + std::to_string(img.h) == size);
                    // Anti-aliased text gives many shades; a blank or one-colour frame has few.
                    CHECK(fftest::distinct_colors(img) > 40);
                    for (uint32_t c : shot.colors) {
                        INFO("colour " << std::hex << c);
                        CHECK(count_color(img, c) > 200);
                    }
                }
            }
        }
    }
    fs::remove_all(dir);
}
