// The SQLite storage through its interface: principals, classes, join codes, group-committed
// results (each uuid once, even when sent concurrently), packs and their versions.
#include "sample_result.h"
#include "server_process.h"
#include "storage.h"
#include "tokens.h"

#include <catch2/catch.hpp>

#include <set>
#include <thread>

using namespace ff::server;

using ff::test::sample_result;

SCENARIO("principals are found by the hash of their token only") {
    ff::test::TempDir dir;
    auto db = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
    std::string token = new_token();
    REQUIRE(token.size() == 64);
    int64_t id = db->create_principal(Role::counsellor, "王老师'; DROP TABLE classes;--", token_hash(token), std::nullopt);
    auto who = db->principal_by_token_hash(token_hash(token));
    REQUIRE(who);
    CHECK(who->id == id);
    CHECK(who->role == Role::counsellor);
    CHECK(who->name == "王老师'; DROP TABLE classes;--");
    CHECK_FALSE(db->principal_by_token_hash(token));           // the raw token is not a key
    CHECK_FALSE(db->principal_by_token_hash(token_hash("x")));
}

SCENARIO("classes keep their settings and join codes stay unique") {
    ff::test::TempDir dir;
    auto db = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
    int64_t owner = db->create_principal(Role::counsellor, "t", token_hash("a"), std::nullopt);
    ClassInfo c;
    c.owner_id = owner;
    c.name = "软件 2301";
    c.join_code = "ABC234";
    c.packs = {"campus-core", "outreach"};
    c.criterion.min_mean_best = 70;
    auto made = db->create_class(c);
    REQUIRE(made);
    CHECK(made->packs == c.packs);
    CHECK(made->criterion.min_mean_best == 70);
    CHECK(db->class_by_join_code("ABC234")->id == made->id);
    CHECK_FALSE(db->create_class(c)); // same join code
    c.join_code = "XYZ789";
    auto second = db->create_class(c);
    REQUIRE(second);
    CHECK_FALSE(db->set_join_code(second->id, "ABC234"));
    CHECK(db->set_join_code(second->id, "NEW234"));
    CHECK_FALSE(db->class_by_join_code("XYZ789"));
    CHECK(db->classes(owner).size() == 2);
    CHECK(db->classes(owner + 100).empty());
}

SCENARIO("results are group-committed and each uuid is stored once") {
    ff::test::TempDir dir;
    auto db = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
    int64_t owner = db->create_principal(Role::counsellor, "t", token_hash("a"), std::nullopt);
    ClassInfo c;
    c.owner_id = owner;
    c.name = "c";
    c.join_code = "ABC234";
    int64_t cls = db->create_class(c)->id;
    int64_t s1 = db->create_principal(Role::student, "a", token_hash("s1"), cls);
    int64_t s2 = db->create_principal(Role::student, "b", token_hash("s2"), cls);

    WHEN("eight threads send 50 results each, every one twice") {
        std::vector<std::thread> threads;
        std::vector<int> created(8, 0);
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 50; ++i)
                    for (int again = 0; again < 2; ++again) {
                        auto out = db->submit_result(sample_result("u-" + std::to_string(t) + "-" + std::to_string(i), s1, cls, i));
                        if (out.status == SubmitStatus::created) ++created[static_cast<size_t>(t)];
                    }
            });
        for (auto& th : threads) th.join();
        THEN("each is stored once") {
            for (int n : created) CHECK(n == 50);
            CHECK(db->results_of_student(s1).size() == 400);
        }
        AND_THEN("another student reusing a uuid gets a conflict, not the record") {
            auto out = db->submit_result(sample_result("u-0-0", s2, cls, 100));
            CHECK(out.status == SubmitStatus::conflict);
            CHECK(out.stored.student_id == s1);
        }
    }

    WHEN("a student plays one scenario three times") {
        db->submit_result(sample_result("p1", s2, cls, 40));
        auto r = sample_result("p2", s2, cls, 90);
        db->submit_result(r);
        r = sample_result("p3", s2, cls, 10);
        r.ending_kind = "scammed";
        db->submit_result(r);
        THEN("the standing has the best score and the latest ending") {
            auto st = db->standings(cls);
            REQUIRE(st.size() == 1);
            CHECK(st[0].best_score == 90);
            CHECK(st[0].latest_score == 10);
            CHECK(st[0].latest_ending_kind == "scammed");
            CHECK(st[0].plays == 3);
        }
        AND_WHEN("the student, whose token was just used, is removed") {
            REQUIRE(db->principal_by_token_hash(token_hash("s2"))); // now in the principal cache
            CHECK(db->remove_student(cls, s2));
            CHECK_FALSE(db->remove_student(cls, s2));
            THEN("their token stops working and their results no longer count") {
                CHECK_FALSE(db->principal_by_token_hash(token_hash("s2")));
                CHECK(db->standings(cls).empty());
                CHECK(db->students(cls).size() == 1);
            }
        }
    }
}

SCENARIO("a reopened database keeps everything and its schema version") {
    ff::test::TempDir dir;
    const std::string path = dir.path() + "/t.db";
    {
        auto db = open_sqlite_storage(SqliteConfig{path});
        db->create_principal(Role::admin, "root", token_hash("t"), std::nullopt);
    }
    auto db = open_sqlite_storage(SqliteConfig{path});
    CHECK(db->principal_by_token_hash(token_hash("t")));
}

SCENARIO("packs: higher versions replace lower ones in the catalogue, old ones stay by hash") {
    ff::test::TempDir dir;
    auto db = open_sqlite_storage(SqliteConfig{dir.path() + "/t.db"});
    StoredPack p;
    p.summary = PackSummary{"demo", "演示", 1, std::string(64, '1'), 10, 2, 0};
    p.files_json = R"({"pack.toml":"v1"})";
    CHECK(db->put_pack(p, false).status == PutPackStatus::created);
    CHECK(db->put_pack(p, false).status == PutPackStatus::unchanged);
    StoredPack same_version = p;
    same_version.summary.hash = std::string(64, '2');
    CHECK(db->put_pack(same_version, false).status == PutPackStatus::not_higher);
    StoredPack v2 = p;
    v2.summary.version = 2;
    v2.summary.hash = std::string(64, '3');
    CHECK(db->put_pack(v2, false).status == PutPackStatus::created);
    auto cat = db->latest_packs();
    REQUIRE(cat.size() == 1);
    CHECK(cat[0].version == 2);
    CHECK(db->pack_by_hash(std::string(64, '1'))->files_json == p.files_json);
    CHECK(db->latest_pack("demo")->summary.hash == std::string(64, '3'));
}

SCENARIO("random strings use only the given alphabet") {
    const std::string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto s = random_string(alphabet, 6);
        REQUIRE(s.size() == 6);
        for (char ch : s) CHECK(alphabet.find(ch) != std::string::npos);
        seen.insert(s);
    }
    CHECK(seen.size() > 190);
    CHECK(new_token() != new_token());
}
