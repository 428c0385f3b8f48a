// Test fixture for the HTTP API: a fresh database with admin, counsellor and author tokens,
// the real server binary serving the bundled content, and the campus-core pack loaded with
// core so tests know valid paths and the scores core gives them.
#pragma once

#include "server_process.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace ff::test {

struct Student {
    std::string token;
    int64_t id = 0;
};

class Api {
public:
    explicit Api(std::vector<std::string> extra_args = {}) {
        db = dir.path() + "/ff.db";
        admin = create_token(db, "admin", "管理员");
        counsellor = create_token(db, "counsellor", "王老师");
        other_counsellor = create_token(db, "counsellor", "李老师");
        author = create_token(db, "author", "反诈民警");
        server = std::make_unique<ServerProcess>(db, std::move(extra_args));
        auto loaded = load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core");
        REQUIRE(loaded.pack);
        core = std::move(*loaded.pack);
    }

    httplib::Client client() const { return server->client(); }

    nlohmann::json create_class(const std::string& token, const std::string& name,
                                nlohmann::json packs = {"campus-core"}, nlohmann::json criterion = nullptr) {
        auto c = client();
        nlohmann::json body{{"name", name}, {"packs", packs}};
        if (!criterion.is_null()) body["criterion"] = criterion;
        auto r = post_json(c, "/api/v1/classes", body, token);
        REQUIRE(r);
        INFO(r->body);
        REQUIRE(r->status == 201);
        return body_json(r);
    }

    Student join(const std::string& code, const std::string& nickname) {
        auto c = client();
        auto r = post_json(c, "/api/v1/join", {{"join_code", code}, {"nickname", nickname}});
        REQUIRE(r);
        INFO(r->body);
        REQUIRE(r->status == 201);
        auto j = body_json(r);
        return Student{j["student_token"], j["student_id"]};
    }

    // A result body for scenario `index` of campus-core along its `path_index`-th complete path.
    nlohmann::json result_body(const std::string& uuid, size_t scenario_index, size_t path_index = 0) const {
        const Scenario& s = core.scenarios.at(scenario_index);
        auto paths = all_paths(s);
        return {{"id", uuid},
                {"pack_id", core.id},
                {"pack_hash", core.hash},
                {"scenario_id", s.id},
                {"choices", paths.at(path_index % paths.size())}};
    }

    // What core itself scores for that body.
    ResultRecord expected(const nlohmann::json& body) const {
        auto made = make_result(core, body["scenario_id"], body["choices"].get<std::vector<int>>());
        REQUIRE(made.record);
        return *made.record;
    }

    TempDir dir;
    std::string db;
    std::string admin, counsellor, other_counsellor, author;
    std::unique_ptr<ServerProcess> server;
    Pack core;
};

inline int status_of(const httplib::Result& r) { return r ? r->status : -1; }

} // namespace ff::test
