// Start-up cleanup of the temp files that saves killed mid-write leave behind: only our own
// ".<file>.tmp-XXXXXX" names, only files older than this process, never the real saves.
#include "save/atomic_file.h"
#include "save/clock.h"
#include "save/save_store.h"

#include "test_save_tmpdir.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>

namespace fs = std::filesystem;
using ff::save::is_atomic_temp_name;

namespace {

void write(const fs::path& p, const std::string& bytes, fs::file_time_type when) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    fs::last_write_time(p, when);
}

} // namespace

TEST_CASE("only write_file_atomic's temp names count as ours", "[save][cleanup]") {
    CHECK(is_atomic_temp_name(".profile.json.tmp-Ab3xQ9"));
    CHECK(is_atomic_temp_name(".settings.json.tmp-000000"));
    CHECK(is_atomic_temp_name(".3f1c2d4e-0000-4000-8000-000000000001.json.tmp-zzZZ99"));
    CHECK_FALSE(is_atomic_temp_name("profile.json"));
    CHECK_FALSE(is_atomic_temp_name("profile.json.tmp-Ab3xQ9"));   // no leading dot
    CHECK_FALSE(is_atomic_temp_name(".profile.json.tmp-Ab3xQ"));   // five characters
    CHECK_FALSE(is_atomic_temp_name(".profile.json.tmp-Ab3xQ9x")); // seven
    CHECK_FALSE(is_atomic_temp_name(".profile.json.tmp-Ab3-Q9"));  // not a letter or digit
    CHECK_FALSE(is_atomic_temp_name(".tmp-Ab3xQ9"));               // no file name before it
    CHECK_FALSE(is_atomic_temp_name("profile.json.corrupt-20261125T120000"));
    CHECK_FALSE(is_atomic_temp_name(".tmp-campus-core-0123456789abcdef")); // a pack install folder
}

SCENARIO("loading the save removes stale temp files and nothing else", "[save][cleanup]") {
    ff::test::TempDir tmp;
    const fs::path dir = tmp.path();
    const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(2);
    const auto later = fs::file_time_type::clock::now() + std::chrono::hours(1);

    GIVEN("a data folder after a killed run, with real saves, our temp files and other people's files") {
        ff::save::Profile p;
        p.nickname = "小李";
        ff::save::save_profile(dir, p);
        ff::save::Settings s;
        s.text_scale = 125;
        ff::save::save_settings(dir, s);
        fs::last_write_time(dir / "profile.json", long_ago);
        fs::last_write_time(dir / "settings.json", long_ago);

        const fs::path stale_profile = dir / ".profile.json.tmp-Ab3xQ9";
        const fs::path stale_settings = dir / ".settings.json.tmp-k2LmN0";
        const fs::path stale_outbox = dir / "outbox" / ".3f1c2d4e-0000-4000-8000-000000000001.json.tmp-q1W2e3";
        const fs::path fresh = dir / ".profile.json.tmp-Zz9Yy8";     // a writer that is running now
        const fs::path not_ours = dir / "profile.json.tmp-Ab3xQ9";   // no leading dot
        const fs::path corrupt = dir / "profile.json.corrupt-20261125T120000";
        const fs::path deep = dir / "packs" / "campus-core" / ".pack.toml.tmp-Ab3xQ9"; // two levels down
        const fs::path folder = dir / ".notes.tmp-Ab3xQ9";                            // a folder, not a file
        const fs::path link = dir / ".link.json.tmp-Ab3xQ9";
        const fs::path outside = tmp.path().parent_path() /
                                 ("ff-cleanup-target-" + std::to_string(::getpid()) + ".json");
        write(stale_profile, "{\"nickname\":", long_ago);
        write(stale_settings, "{", long_ago);
        write(stale_outbox, "{", long_ago);
        write(fresh, "{", later);
        write(not_ours, "x", long_ago);
        write(corrupt, "x", long_ago);
        write(deep, "x", long_ago);
        fs::create_directories(folder);
        write(outside, "keep", long_ago);
        fs::create_symlink(outside, link);

        WHEN("the game loads the save") {
            const ff::save::LoadedSave loaded = ff::save::load_save(dir);

            THEN("the saves load as they were, without a notice") {
                CHECK(loaded.profile.nickname == "小李");
                CHECK(loaded.settings.text_scale == 125);
                CHECK(loaded.notices.empty());
            }
            THEN("the temp files of killed writes are gone, in the data folder and the outbox") {
                CHECK_FALSE(fs::exists(stale_profile));
                CHECK_FALSE(fs::exists(stale_settings));
                CHECK_FALSE(fs::exists(stale_outbox));
            }
            THEN("everything else stays: real saves, newer temp files, other names, folders, links and their targets") {
                CHECK(fs::exists(dir / "profile.json"));
                CHECK(fs::exists(dir / "settings.json"));
                CHECK(fs::exists(fresh));
                CHECK(fs::exists(not_ours));
                CHECK(fs::exists(corrupt));
                CHECK(fs::exists(deep));
                CHECK(fs::is_directory(folder));
                CHECK(fs::is_symlink(link));
                CHECK(fs::exists(outside));
            }
        }
        std::error_code ec;
        fs::remove(outside, ec);
    }
}

SCENARIO("a temp file left by a save that was killed is cleaned up by the next start", "[save][cleanup][crash]") {
    ff::test::TempDir tmp;
    const fs::path dir = tmp.path();
    ff::save::Profile p;
    p.nickname = "old";
    ff::save::save_profile(dir, p);

    GIVEN("a writer killed while its temp file is open") {
        // A child that stops itself right after creating its temp file stands for a save
        // killed mid-write; the temp file is then dated back as if written by an earlier run.
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::alarm(30);
            ff::save::Profile big;
            big.nickname = std::string(4 << 20, 'x');
            for (;;) ff::save::save_profile(dir, big);
        }
        fs::path temp;
        for (int i = 0; i < 300000 && temp.empty(); ++i) {
            for (const auto& e : fs::directory_iterator(dir))
                if (is_atomic_temp_name(e.path().filename().string())) temp = e.path();
        }
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        // The kill may land after a rename too; then this round has no temp file to clean.
        std::error_code ec;
        if (!temp.empty() && fs::exists(temp, ec)) {
            fs::last_write_time(temp, ff::save::process_start_file_time() - std::chrono::minutes(5));
            WHEN("the next run loads the save") {
                const ff::save::LoadedSave loaded = ff::save::load_save(dir);
                THEN("the temp file is gone and a complete save is read") {
                    CHECK_FALSE(fs::exists(temp));
                    CHECK(loaded.notices.empty());
                    CHECK((loaded.profile.nickname == "old" || loaded.profile.nickname.size() == (4u << 20)));
                }
            }
        } else {
            WARN("the kill landed outside a write this time");
        }
    }
}

TEST_CASE("the process start time is in the past and recent", "[save][cleanup]") {
    const auto start = ff::save::process_start_file_time();
    const auto now = fs::file_time_type::clock::now();
    CHECK(start < now);
    // The test binary did not start more than a day ago.
    CHECK(now - start < std::chrono::hours(24));
}
