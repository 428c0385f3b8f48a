// The pack catalogue over HTTP: the bundled packs from the start, download by id and by
// hash, and uploads by authors validated by core (422 with file:line:col), versioning
// (409 when not higher, 200 when unchanged), path checks and role checks.
#include "api_fixture.h"

#include "fraudfree/pack_files.h"

using namespace ff::test;

namespace {

nlohmann::json upload_body(const ff::PackFiles& files) {
    nlohmann::json f = nlohmann::json::object();
    for (const auto& [path, bytes] : files) f[path] = bytes;
    return {{"files", f}};
}

ff::PackFiles fixture(const std::string& name) {
    return ff::read_pack_files(std::string(FRAUDFREE_SOURCE_DIR) + "/tests/fixtures/" + name);
}

// The valid fixture with its version set to `version`.
ff::PackFiles valid_with_version(int version) {
    auto files = fixture("valid");
    auto& toml = files.at("pack.toml");
    auto at = toml.find("version = 3");
    REQUIRE(at != std::string::npos);
    toml.replace(at, 11, "version = " + std::to_string(version));
    return files;
}

} // namespace

SCENARIO("the catalogue lists the bundled packs and serves them by id and by hash") {
    Api api;
    auto c = api.client();
    auto list = body_json(get_with(c, "/api/v1/packs"));
    REQUIRE(list.is_array());
    nlohmann::json core_entry;
    for (const auto& p : list)
        if (p["id"] == "campus-core") core_entry = p;
    REQUIRE(core_entry.is_object());
    CHECK(core_entry["hash"] == api.core.hash);
    CHECK(core_entry["title"] == api.core.title);
    CHECK(core_entry["version"] == api.core.version);
    CHECK(core_entry["scenarios"] == api.core.scenarios.size());
    CHECK(core_entry["size"].get<int64_t>() > 0);

    auto latest = body_json(get_with(c, "/api/v1/packs/campus-core"));
    CHECK(latest["hash"] == api.core.hash);
    ff::PackFiles files;
    for (auto it = latest["files"].begin(); it != latest["files"].end(); ++it) files[it.key()] = it.value();
    CHECK(ff::pack_hash(files) == api.core.hash); // what is served hashes to what is listed

    CHECK(body_json(get_with(c, "/api/v1/packs/campus-core/" + api.core.hash))["hash"] == api.core.hash);
    CHECK(status_of(get_with(c, "/api/v1/packs/outreach/" + api.core.hash)) == 404);
    CHECK(status_of(get_with(c, "/api/v1/packs/no-such-pack")) == 404);
    CHECK(status_of(get_with(c, "/api/v1/packs/campus-core/" + std::string(64, 'a'))) == 404);
}

SCENARIO("an author publishes a pack; a higher version replaces it, the old stays downloadable") {
    Api api;
    auto c = api.client();
    auto first = post_json(c, "/api/v1/packs", upload_body(valid_with_version(3)), api.author);
    REQUIRE(first);
    INFO(first->body);
    REQUIRE(first->status == 201);
    auto v3 = body_json(first);
    CHECK(v3["id"] == "test-valid");
    CHECK(v3["version"] == 3);
    CHECK(v3["warnings"].is_array());
    CHECK(v3["hash"] == ff::pack_hash(valid_with_version(3)));

    CHECK(status_of(post_json(c, "/api/v1/packs", upload_body(valid_with_version(3)), api.author)) == 200);
    auto same_version = valid_with_version(3);
    same_version["pack.toml"] += "\n# changed but not bumped\n";
    auto conflict = post_json(c, "/api/v1/packs", upload_body(same_version), api.author);
    CHECK(status_of(conflict) == 409);
    CHECK(body_json(conflict)["error"].get<std::string>().find("version") != std::string::npos);
    CHECK(status_of(post_json(c, "/api/v1/packs", upload_body(valid_with_version(2)), api.admin)) == 409);

    auto v4 = post_json(c, "/api/v1/packs", upload_body(valid_with_version(4)), api.admin);
    REQUIRE(status_of(v4) == 201);
    auto latest = body_json(get_with(c, "/api/v1/packs/test-valid"));
    CHECK(latest["version"] == 4);
    auto old = get_with(c, "/api/v1/packs/test-valid/" + v3["hash"].get<std::string>());
    REQUIRE(status_of(old) == 200);
    CHECK(body_json(old)["version"] == 3);
    int listed = 0;
    for (const auto& p : body_json(get_with(c, "/api/v1/packs")))
        if (p["id"] == "test-valid") {
            ++listed;
            CHECK(p["version"] == 4);
        }
    CHECK(listed == 1);

    WHEN("a class uses the published pack") {
        auto cls = api.create_class(api.counsellor, "新包班", {"test-valid"});
        auto s = api.join(cls["join_code"], "小新");
        auto loaded = ff::load_pack(valid_with_version(3), "");
        REQUIRE(loaded.pack);
        const auto& scenario = loaded.pack->scenarios.at(0);
        THEN("results naming the old version's hash are still re-scored") {
            auto r = post_json(c, "/api/v1/results",
                               {{"id", "old-version-1"},
                                {"pack_id", "test-valid"},
                                {"pack_hash", v3["hash"]},
                                {"scenario_id", scenario.id},
                                {"choices", ff::all_paths(scenario).at(0)}},
                               s.token);
            REQUIRE(status_of(r) == 201);
            CHECK(body_json(r)["pack_version"] == 3);
        }
    }
}

SCENARIO("an invalid pack is refused with the core validator's file:line:col") {
    Api api;
    auto c = api.client();
    auto r = post_json(c, "/api/v1/packs", upload_body(fixture("unknown_key")), api.author);
    REQUIRE(status_of(r) == 422);
    auto j = body_json(r);
    REQUIRE(j["diagnostics"].is_array());
    bool found = false;
    for (const auto& d : j["diagnostics"])
        if (d["file"] == "scenarios/main.toml" && d["line"] == 35 && d["column"] == 3 && d["severity"] == "error") {
            found = true;
            CHECK(d["message"].get<std::string>().find("dealy") != std::string::npos);
        }
    CHECK(found);

    auto syntax = body_json(post_json(c, "/api/v1/packs", upload_body(fixture("syntax_error")), api.author));
    REQUIRE(syntax["diagnostics"].size() >= 1);
    CHECK(syntax["diagnostics"][0]["file"] == "scenarios/broken.toml");
    CHECK(syntax["diagnostics"][0]["line"] == 2);
    CHECK(syntax["diagnostics"][0]["column"] == 14);

    for (const auto& p : body_json(get_with(c, "/api/v1/packs"))) CHECK(p["id"] != "test-unknown-key");
}

SCENARIO("uploads with paths outside a pack, wrong shapes or wrong roles are refused") {
    Api api;
    auto c = api.client();
    for (const std::string bad : {"../etc/passwd", "/etc/passwd", "scenarios/../../x.toml", "notes.txt",
                                  "scenarios/sub/x.toml", "..\\x.toml"}) {
        auto body = upload_body(valid_with_version(5));
        body["files"][bad] = "id = 1";
        auto r = post_json(c, "/api/v1/packs", body, api.author);
        INFO(bad << " -> " << (r ? r->body : ""));
        CHECK(status_of(r) == 422);
        CHECK(body_json(r)["diagnostics"][0]["file"] == bad);
    }
    CHECK(status_of(post_json(c, "/api/v1/packs", {{"files", "pack.toml"}}, api.author)) == 400);
    CHECK(status_of(post_json(c, "/api/v1/packs", {{"files", {{"pack.toml", 3}}}}, api.author)) == 400);
    CHECK(status_of(post_json(c, "/api/v1/packs", nlohmann::json::object(), api.author)) == 400);

    auto cls = api.create_class(api.counsellor, "c");
    auto s = api.join(cls["join_code"], "s");
    auto body = upload_body(valid_with_version(6));
    CHECK(status_of(post_json(c, "/api/v1/packs", body, api.counsellor)) == 403);
    CHECK(status_of(post_json(c, "/api/v1/packs", body, s.token)) == 403);
    CHECK(status_of(post_json(c, "/api/v1/packs", body)) == 401);
}
