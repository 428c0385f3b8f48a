// The save store: defaults for a fresh folder, round trips, and damaged files set aside
// with a Chinese notice instead of a crash.
#include "save/atomic_file.h"
#include "save/save_store.h"
#include "test_save_tmpdir.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;
using ff::save::LoadedSave;

namespace {

std::vector<fs::path> files_starting(const fs::path& dir, const std::string& prefix) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path());
    return out;
}

void write_raw(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

} // namespace

SCENARIO("a fresh data folder gives defaults", "[save_store]") {
    ff::test::TempDir tmp;
    GIVEN("a folder that does not exist") {
        const LoadedSave s = ff::save::load_save(tmp.path() / "nothing" / "here");
        THEN("the profile is empty, settings are defaults, and nothing is reported") {
            REQUIRE(s.profile.plays.empty());
            REQUIRE(s.profile.nickname.empty());
            REQUIRE(s.settings == ff::save::Settings{});
            REQUIRE(s.notices.empty());
        }
    }
}

SCENARIO("profile and settings are saved and loaded again", "[save_store]") {
    ff::test::TempDir tmp;
    const fs::path dir = tmp.path() / "data";
    ff::save::Profile p;
    p.nickname = "小红";
    ff::ResultRecord r = ff::test::sample_result(3);
    p.plays.push_back({r, "2026-11-25T12:00:00Z"});
    ff::save::Settings st;
    st.text_scale = 125;
    st.high_contrast = true;
    WHEN("both are saved into a new folder") {
        ff::save::save_profile(dir, p);
        ff::save::save_settings(dir, st);
        const LoadedSave s = ff::save::load_save(dir);
        THEN("they load back unchanged, without notices") {
            REQUIRE(s.notices.empty());
            REQUIRE(ff::save::to_json(s.profile) == ff::save::to_json(p));
            REQUIRE(s.settings == st);
            REQUIRE(fs::exists(dir / "profile.json"));
            REQUIRE(fs::exists(dir / "settings.json"));
        }
    }
}

SCENARIO("a corrupt save is set aside with a notice, never a crash", "[save_store]") {
    ff::test::TempDir tmp;
    const fs::path dir = tmp.path();
    const std::vector<std::pair<const char*, std::string>> damage = {
        {"truncated JSON", "{\"nickname\": \"小"},
        {"empty file", ""},
        {"binary garbage", std::string("\x00\xff\xfe\x01garbage", 11)},
        {"invalid UTF-8 in a string", "{\"nickname\": \"\xc3\x28\"}"},
        {"an array instead of an object", "[1,2,3]"},
    };
    for (const auto& [what, bytes] : damage) {
        GIVEN(std::string("a profile.json with ") + what) {
            write_raw(dir / "profile.json", bytes);
            const LoadedSave s = ff::save::load_save(dir);
            THEN("the profile starts empty and one Chinese notice names the copy") {
                REQUIRE(s.profile.plays.empty());
                REQUIRE(s.notices.size() == 1);
                REQUIRE_THAT(s.notices[0].message, Catch::Contains("存档文件已损坏") &&
                                                       Catch::Contains("profile.json.corrupt-"));
            }
            THEN("the damaged bytes are kept in the copy and profile.json is gone") {
                const auto copies = files_starting(dir, "profile.json.corrupt-");
                REQUIRE(copies.size() == 1);
                REQUIRE(ff::save::read_file(copies[0]) == bytes);
                REQUIRE_FALSE(fs::exists(dir / "profile.json"));
            }
            AND_WHEN("the game saves and loads again") {
                ff::save::Profile p;
                p.nickname = "重新开始";
                ff::save::save_profile(dir, p);
                const LoadedSave again = ff::save::load_save(dir);
                THEN("no notice is shown again") {
                    REQUIRE(again.notices.empty());
                    REQUIRE(again.profile.nickname == "重新开始");
                }
            }
        }
    }
    GIVEN("two damaged saves in a row within the same second") {
        write_raw(dir / "profile.json", "{");
        (void)ff::save::load_save(dir);
        write_raw(dir / "profile.json", "{{");
        (void)ff::save::load_save(dir);
        THEN("both copies are kept") { REQUIRE(files_starting(dir, "profile.json.corrupt-").size() == 2); }
    }
    GIVEN("a corrupt settings.json next to a good profile") {
        ff::save::Profile p;
        p.nickname = "小刚";
        ff::save::save_profile(dir, p);
        write_raw(dir / "settings.json", "text_scale = 150");
        const LoadedSave s = ff::save::load_save(dir);
        THEN("settings are defaults, the profile is kept, and the notice says so") {
            REQUIRE(s.settings == ff::save::Settings{});
            REQUIRE(s.profile.nickname == "小刚");
            REQUIRE(s.notices.size() == 1);
            REQUIRE_THAT(s.notices[0].message, Catch::Contains("设置文件已损坏") && Catch::Contains("默认设置"));
            REQUIRE(files_starting(dir, "settings.json.corrupt-").size() == 1);
        }
    }
}

SCENARIO("a save with some damaged entries keeps the rest and a backup", "[save_store]") {
    ff::test::TempDir tmp;
    const fs::path dir = tmp.path();
    ff::save::Profile p;
    p.nickname = "小李";
    p.plays.push_back({ff::test::sample_result(1), "2026-11-25T12:00:00Z"});
    p.plays.push_back({ff::test::sample_result(2), "2026-11-25T12:01:00Z"});
    nlohmann::json j = ff::save::to_json(p);
    j["plays"][0]["result"]["choices"] = "broken";
    write_raw(dir / "profile.json", j.dump());
    const LoadedSave s = ff::save::load_save(dir);
    THEN("the good play is kept, the notice counts the bad one, and the original is copied") {
        REQUIRE(s.profile.plays.size() == 1);
        REQUIRE(s.profile.plays[0].result.scenario_id == "scenario-2");
        REQUIRE(s.notices.size() == 1);
        REQUIRE_THAT(s.notices[0].message, Catch::Contains("1 条记录已损坏"));
        const auto copies = files_starting(dir, "profile.json.corrupt-");
        REQUIRE(copies.size() == 1);
        REQUIRE(ff::save::read_file(copies[0]) == j.dump());
        REQUIRE(fs::exists(dir / "profile.json"));
    }
}

SCENARIO("the default data folder follows XDG, then HOME", "[save_store]") {
    const char* old_xdg = std::getenv("XDG_DATA_HOME");
    const std::string saved_xdg = old_xdg ? old_xdg : "";
    ::setenv("XDG_DATA_HOME", "/tmp/xdg-test", 1);
    CHECK(ff::save::default_data_dir() == fs::path("/tmp/xdg-test/fraudfree"));
    ::setenv("XDG_DATA_HOME", "", 1);
    if (const char* home = std::getenv("HOME"); home && *home)
        CHECK(ff::save::default_data_dir() == fs::path(home) / ".local/share/fraudfree");
    if (old_xdg) ::setenv("XDG_DATA_HOME", saved_xdg.c_str(), 1);
    else ::unsetenv("XDG_DATA_HOME");
}
