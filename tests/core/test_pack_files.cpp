// Pack files: which paths belong to a pack, reading a folder, and the content hash.
#include "fixtures.h"

#include "fraudfree/pack_files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

using namespace ff;

TEST_CASE("which relative paths may belong to a pack", "[pack_files]") {
    CHECK(is_pack_file_path("pack.toml"));
    CHECK(is_pack_file_path("quiz.toml"));
    CHECK(is_pack_file_path("scenarios/rebate.toml"));
    CHECK(is_pack_file_path("scenarios/刷单返利.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios/.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios/.hidden.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios/a.txt"));
    CHECK_FALSE(is_pack_file_path("scenarios/../pack.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios/sub/a.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios\\a.toml"));
    CHECK_FALSE(is_pack_file_path("/etc/passwd"));
    CHECK_FALSE(is_pack_file_path("../pack.toml"));
    CHECK_FALSE(is_pack_file_path("README.md"));
    CHECK_FALSE(is_pack_file_path("scenarios/a\n.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios/c:a.toml"));
    CHECK_FALSE(is_pack_file_path("scenarios/" + std::string(200, 'a') + ".toml"));
    CHECK_FALSE(is_pack_file_path(""));
}

TEST_CASE("SHA-256 of bytes", "[pack_files][hash]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

SCENARIO("the pack hash is stable and sensitive", "[pack_files][hash]") {
    const PackFiles files{{"pack.toml", "id = \"a\"\n"}, {"scenarios/x.toml", "id = \"x\"\n"}};
    const std::string h = pack_hash(files);
    THEN("it follows the documented canonical form") {
        const std::string canonical = std::string("pack.toml") + '\0' + "9" + '\0' + "id = \"a\"\n" +
                                      "scenarios/x.toml" + '\0' + "9" + '\0' + "id = \"x\"\n";
        CHECK(h == sha256_hex(canonical));
        CHECK(h.size() == 64);
    }
    THEN("the same files always give the same hash, whatever the insertion order") {
        PackFiles other;
        other["scenarios/x.toml"] = "id = \"x\"\n";
        other["pack.toml"] = "id = \"a\"\n";
        CHECK(pack_hash(other) == h);
        CHECK(pack_hash(files) == h);
    }
    THEN("any change of content, name or file set changes it") {
        PackFiles changed = files;
        changed["pack.toml"] = "id = \"b\"\n";
        CHECK(pack_hash(changed) != h);
        PackFiles renamed{{"pack.toml", "id = \"a\"\n"}, {"scenarios/y.toml", "id = \"x\"\n"}};
        CHECK(pack_hash(renamed) != h);
        PackFiles added = files;
        added["quiz.toml"] = "";
        CHECK(pack_hash(added) != h);
        // Moving bytes across the file boundary must not collide (sizes are hashed).
        PackFiles moved{{"pack.toml", "id = \"a\"\nid"}, {"scenarios/x.toml", " = \"x\"\n"}};
        CHECK(pack_hash(moved) != h);
    }
    THEN("the loaded pack carries the hash of its files") {
        const PackFiles fx = read_pack_files(test::fixtures_dir() + "/valid");
        const LoadResult r = load_pack(fx, "valid");
        REQUIRE(r.pack);
        CHECK(r.pack->hash == pack_hash(fx));
    }
}

SCENARIO("reading a pack folder", "[pack_files]") {
    namespace fs = std::filesystem;
    // Per process, so two test runs on one machine never delete each other's files.
    const fs::path dir = fs::temp_directory_path() / ("fraudfree_test_read_pack-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "scenarios" / "nested");
    auto write = [&](const fs::path& p, const std::string& text) { std::ofstream(dir / p, std::ios::binary) << text; };
    write("pack.toml", "P");
    write("quiz.toml", "Q");
    write("README.md", "ignored");
    write("scenarios/a.toml", "A");
    write("scenarios/b.txt", "ignored");
    write("scenarios/.hidden.toml", "ignored");
    write("scenarios/nested/c.toml", "ignored");
    WHEN("it is read") {
        const PackFiles files = read_pack_files(dir);
        THEN("only the pack's files are there, byte for byte") {
            const PackFiles expected{{"pack.toml", "P"}, {"quiz.toml", "Q"}, {"scenarios/a.toml", "A"}};
            CHECK(files == expected);
        }
    }
    WHEN("the folder does not exist") {
        THEN("a readable error is thrown by read_pack_files, and load_pack_dir reports it") {
            CHECK_THROWS_AS(read_pack_files(dir / "missing"), std::runtime_error);
            const LoadResult r = load_pack_dir(dir / "missing");
            CHECK_FALSE(r.pack);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].severity == Severity::error);
            CHECK(r.diagnostics[0].message.find("不存在") != std::string::npos);
        }
    }
    WHEN("a plain file is given instead of a pack folder (a glob that caught a README)") {
        const fs::path readme = dir / "README.md";
        std::ofstream(readme) << "# 说明\n";
        THEN("the error says it is a file, not a pack") {
            const LoadResult r = load_pack_dir(readme);
            CHECK_FALSE(r.pack);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].message.find("是一个文件，不是剧本包") != std::string::npos);
        }
    }
    fs::remove_all(dir);
}
