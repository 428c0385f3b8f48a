// The result outbox: UUIDs, and enqueue/list/remove that are idempotent and survive bad files.
#include "save/atomic_file.h"
#include "save/result_queue.h"
#include "test_save_tmpdir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;
namespace rq = ff::save::result_queue;

TEST_CASE("make_uuid_v4 gives distinct version-4 UUIDs", "[result_queue]") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = ff::save::make_uuid_v4();
        REQUIRE(ff::save::is_uuid(id));
        REQUIRE(id[14] == '4');
        REQUIRE(std::string("89ab").find(id[19]) != std::string::npos);
        seen.insert(id);
    }
    REQUIRE(seen.size() == 1000);
}

TEST_CASE("is_uuid accepts only the lowercase text form", "[result_queue]") {
    CHECK(ff::save::is_uuid("0b0e1c6a-1f4e-4c3a-9d2e-0123456789ab"));
    CHECK(ff::save::is_uuid("0b0e1c6a-1f4e-1c3a-0d2e-0123456789ab")); // any version
    CHECK_FALSE(ff::save::is_uuid("0B0E1C6A-1F4E-4C3A-9D2E-0123456789AB"));
    CHECK_FALSE(ff::save::is_uuid("0b0e1c6a1f4e4c3a9d2e0123456789ab"));
    CHECK_FALSE(ff::save::is_uuid("../../../etc/passwd-0000-0000-00000000"));
    CHECK_FALSE(ff::save::is_uuid(""));
    CHECK_FALSE(ff::save::is_uuid("0b0e1c6a-1f4e-4c3a-9d2e-0123456789ag"));
}

SCENARIO("the result queue keeps one entry per id until it is removed", "[result_queue]") {
    ff::test::TempDir tmp;
    const fs::path q = rq::dir_in(tmp.path());
    REQUIRE(q == tmp.path() / "outbox");

    GIVEN("a queue folder that does not exist") {
        THEN("it is an empty queue") {
            REQUIRE(rq::list(q).empty());
            REQUIRE_FALSE(rq::remove(q, ff::save::make_uuid_v4()));
        }
    }
    GIVEN("two results, one without an id") {
        ff::ResultRecord a = ff::test::sample_result(1);
        ff::ResultRecord b = ff::test::sample_result(2);
        b.id = "0b0e1c6a-1f4e-4c3a-9d2e-0123456789ab";
        const std::string id_a = rq::enqueue(q, a);
        const std::string id_b = rq::enqueue(q, b);
        THEN("the first gets a fresh UUID and the second keeps its own") {
            REQUIRE(ff::save::is_uuid(id_a));
            REQUIRE(id_b == b.id);
            REQUIRE(fs::exists(q / (id_a + ".json")));
        }
        THEN("both are listed with their ids and content") {
            const auto all = rq::list(q);
            REQUIRE(all.size() == 2);
            std::set<std::string> ids{all[0].id, all[1].id};
            REQUIRE(ids == std::set<std::string>{id_a, id_b});
            for (const auto& r : all) {
                ff::ResultRecord expected = r.id == id_a ? a : b;
                expected.id = r.id;
                REQUIRE(ff::to_json(r) == ff::to_json(expected));
            }
        }
        WHEN("the same id is enqueued again, changed") {
            b.score = 99;
            REQUIRE(rq::enqueue(q, b) == id_b);
            THEN("there is still one entry for it, holding the new content") {
                const auto all = rq::list(q);
                REQUIRE(all.size() == 2);
                int found = 0;
                for (const auto& r : all)
                    if (r.id == id_b) {
                        ++found;
                        REQUIRE(r.score == 99);
                    }
                REQUIRE(found == 1);
            }
        }
        WHEN("one is removed twice") {
            const bool first = rq::remove(q, id_a);
            const bool second = rq::remove(q, id_a);
            THEN("the first removal reports it, the second finds nothing, the other stays") {
                REQUIRE(first);
                REQUIRE_FALSE(second);
                const auto all = rq::list(q);
                REQUIRE(all.size() == 1);
                REQUIRE(all[0].id == id_b);
            }
        }
        WHEN("remove is asked for something that is not a UUID") {
            THEN("it refuses without touching files") {
                REQUIRE_FALSE(rq::remove(q, "../profile"));
                REQUIRE_FALSE(rq::remove(q, id_a + ".json"));
                REQUIRE(rq::list(q).size() == 2);
            }
        }
    }
    GIVEN("a record whose id is not a UUID") {
        ff::ResultRecord r = ff::test::sample_result(1);
        r.id = "../../escape";
        THEN("enqueue throws invalid_argument and writes nothing") {
            REQUIRE_THROWS_AS(rq::enqueue(q, r), std::invalid_argument);
            REQUIRE_FALSE(fs::exists(tmp.path() / "escape.json"));
            REQUIRE(rq::list(q).empty());
        }
    }
}

SCENARIO("damaged queue entries are set aside, other files ignored", "[result_queue]") {
    ff::test::TempDir tmp;
    const fs::path q = rq::dir_in(tmp.path());
    const std::string good = rq::enqueue(q, ff::test::sample_result(1));
    const std::string broken = "11111111-2222-4333-8444-555555555555";
    const std::string mismatched = "66666666-2222-4333-8444-555555555555";
    std::ofstream(q / (broken + ".json")) << "{\"pack_id\": ";
    ff::ResultRecord other = ff::test::sample_result(2);
    other.id = "77777777-2222-4333-8444-555555555555";
    std::ofstream(q / (mismatched + ".json")) << ff::to_json(other).dump();
    std::ofstream(q / "notes.txt") << "not a result";
    std::ofstream(q / ".x.json.tmp-abcdef") << "half";

    WHEN("the queue is listed") {
        const auto all = rq::list(q);
        THEN("only the good entry comes back") {
            REQUIRE(all.size() == 1);
            REQUIRE(all[0].id == good);
        }
        THEN("the broken ones are renamed to .bad and not retried") {
            REQUIRE(fs::exists(q / (broken + ".json.bad")));
            REQUIRE(fs::exists(q / (mismatched + ".json.bad")));
            REQUIRE_FALSE(fs::exists(q / (broken + ".json")));
            REQUIRE(fs::exists(q / "notes.txt"));
            REQUIRE(rq::list(q).size() == 1);
        }
    }
}

TEST_CASE("the queue lists oldest entries first", "[result_queue]") {
    ff::test::TempDir tmp;
    const fs::path q = rq::dir_in(tmp.path());
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(rq::enqueue(q, ff::test::sample_result(i)));
    // Set explicit times so the order does not depend on the file system's clock resolution.
    const auto base = fs::file_time_type::clock::now();
    for (int i = 0; i < 5; ++i) fs::last_write_time(q / (ids[i] + ".json"), base - std::chrono::hours(5 - i));
    const auto all = rq::list(q);
    REQUIRE(all.size() == 5);
    for (int i = 0; i < 5; ++i) REQUIRE(all[i].id == ids[i]);
}

SCENARIO("queued results remember the class they were played in once the player moves on", "[queue][class-switch]") {
    ff::test::TempDir tmp;
    const auto dir = tmp.path() / "outbox";
    GIVEN("one result queued for a class and two without one") {
        const std::string a = rq::enqueue(dir, ff::test::sample_result(1), "tok-a");
        const std::string b = rq::enqueue(dir, ff::test::sample_result(2));
        const std::string c = rq::enqueue(dir, ff::test::sample_result(3));
        WHEN("the player leaves the class of tok-b") {
            CHECK(rq::assign_class_token(dir, "tok-b") == 2);
            THEN("only the unstamped results get tok-b; the records themselves are unchanged") {
                std::map<std::string, std::string> token_of;
                for (const auto& e : rq::entries(dir)) token_of[e.record.id] = e.class_token;
                CHECK(token_of == std::map<std::string, std::string>{{a, "tok-a"}, {b, "tok-b"}, {c, "tok-b"}});
                CHECK(rq::list(dir).size() == 3);
                CHECK(rq::assign_class_token(dir, "tok-c") == 0);
                CHECK(rq::assign_class_token(dir, "") == 0);
            }
        }
    }
    GIVEN("a queue file written before results carried a class") {
        ff::ResultRecord r = ff::test::sample_result(4);
        r.id = ff::save::make_uuid_v4();
        std::filesystem::create_directories(dir);
        std::ofstream(dir / (r.id + ".json")) << ff::to_json(r).dump();
        THEN("it is read with no class (sent with the current one)") {
            const auto all = rq::entries(dir);
            REQUIRE(all.size() == 1);
            CHECK(all[0].class_token.empty());
            CHECK(all[0].record.id == r.id);
        }
    }
}
