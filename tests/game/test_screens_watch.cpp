// --watch compares the pack folders with the signature taken before they were read, so an
// author's save that lands while the game is still starting is not taken as the baseline.
#include "library.h"
#include "test_save_tmpdir.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace ff::game;

SCENARIO("a pack library remembers what its folders looked like before it read them", "[watch]") {
    ff::test::TempDir dir;
    const fs::path pack = dir.path() / "outreach";
    fs::copy(fs::path(FRAUDFREE_SOURCE_DIR) / "content" / "outreach", pack, fs::copy_options::recursive);
    const Library lib = load_library({pack});
    REQUIRE(lib.problems.empty());

    THEN("unchanged folders match the library's signature") { CHECK(newest_mtime(lib.pack_dirs) == lib.signature); }
    WHEN("the author saves a scenario after the library loaded") {
        const fs::path file = pack / "scenarios" / "refund-call.toml";
        std::ofstream(file, std::ios::app) << "\n# edited\n";
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2));
        THEN("the folders no longer match it, so --watch reloads") {
            CHECK(newest_mtime(lib.pack_dirs) != lib.signature);
        }
    }
    WHEN("a file is added") {
        std::ofstream(pack / "scenarios" / "new.toml") << "";
        THEN("the folders no longer match it") { CHECK(newest_mtime(lib.pack_dirs) != lib.signature); }
    }
}
