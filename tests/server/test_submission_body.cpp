// A result submission's body, read without a JSON tree: its fields, and each way it can be
// wrong answered with the status and words a student's client shows.
#include "http_util.h"
#include "submission_body.h"

#include <catch2/catch.hpp>

#include <string>

using namespace ff::server;

namespace {

const std::string kGood =
    R"({"id":"3f1c2a4e-0000-4000-8000-000000000001","pack_id":"campus-core","pack_hash":"ab12",)"
    R"("scenario_id":"rebate-task","choices":[1,2,1]})";

// The status and message parse_submission refuses `body` with; {0, ""} when it takes it.
std::pair<int, std::string> refusal(const std::string& body, std::size_t limit = 64 * 1024) {
    try {
        parse_submission(body, limit);
        return {0, ""};
    } catch (const HttpError& e) {
        return {e.status, e.what()};
    }
}

} // namespace

SCENARIO("a well-formed submission is read field by field") {
    GIVEN("a body with every field, extra ones and nesting the server ignores") {
        const std::string body =
            R"({"score":100,"id":"a-1","extra":{"id":"not this","choices":[7]},"pack_id":"campus-core",)"
            R"("pack_hash":"ab12","scenario_id":"rebate-task","ending":[["x"]],"choices":[1,2,99]})";
        const SubmissionBody s = parse_submission(body, 64 * 1024);
        THEN("the top-level fields are taken and the rest ignored") {
            CHECK(s.id == "a-1");
            CHECK(s.pack_id == "campus-core");
            CHECK(s.pack_hash == "ab12");
            CHECK(s.scenario_id == "rebate-task");
            CHECK(s.choices == std::vector<int>{1, 2, 99});
        }
    }
    GIVEN("a key given twice") {
        THEN("the last one counts, as in a JSON tree") {
            const SubmissionBody s = parse_submission(
                R"({"id":"a","pack_id":"p","pack_hash":"h","scenario_id":"s","choices":[5],"choices":[1,2],"id":"b"})",
                1024);
            CHECK(s.id == "b");
            CHECK(s.choices == std::vector<int>{1, 2});
        }
    }
    CHECK(refusal(kGood) == std::pair<int, std::string>{0, ""});
}

SCENARIO("a submission that is not well-formed is refused with a reason") {
    using R = std::pair<int, std::string>;
    WHEN("the body is too large, not JSON or not an object") {
        CHECK(refusal(kGood, 100) == R{413, "请求内容太大（最多 0 KB）"});
        CHECK(refusal("") == R{400, "请求内容不是有效的 JSON"});
        CHECK(refusal(R"({"id":"a",)") == R{400, "请求内容不是有效的 JSON"});
        CHECK(refusal(kGood + "x") == R{400, "请求内容不是有效的 JSON"});
        CHECK(refusal("{\"id\":\"\xff\"}") == R{400, "请求内容不是有效的 JSON"});
        CHECK(refusal("[1,2]") == R{400, "请求内容应当是一个 JSON 对象 {...}"});
        CHECK(refusal("\"text\"") == R{400, "请求内容应当是一个 JSON 对象 {...}"});
    }
    WHEN("a text field is missing, null, mistyped, empty or too long") {
        CHECK(refusal(R"({"pack_id":"p","pack_hash":"h","scenario_id":"s","choices":[1]})") == R{400, "缺少字段 id"});
        CHECK(refusal(R"({"id":null,"pack_id":"p","pack_hash":"h","scenario_id":"s","choices":[1]})") ==
              R{400, "缺少字段 id"});
        CHECK(refusal(R"({"id":5,"pack_id":"p","pack_hash":"h","scenario_id":"s","choices":[1]})") ==
              R{400, "字段 id 应当是字符串"});
        CHECK(refusal(R"({"id":"a","pack_id":["p"],"pack_hash":"h","scenario_id":"s","choices":[1]})") ==
              R{400, "字段 pack_id 应当是字符串"});
        CHECK(refusal(R"({"id":"a","pack_id":"p","pack_hash":"","scenario_id":"s","choices":[1]})") ==
              R{400, "字段 pack_hash 不能为空"});
        CHECK(refusal(R"({"id":"a","pack_id":"p","pack_hash":"h","scenario_id":")" + std::string(121, 's') +
                      R"(","choices":[1]})") == R{400, "字段 scenario_id 太长（最多 120 字节）"});
        CHECK(refusal(R"({"id":"x y","pack_id":"p","pack_hash":"h","scenario_id":"s","choices":[1]})") ==
              R{400, "字段 id 只能由字母、数字和 - _ . : 组成（应当是一个 UUID）"});
    }
    WHEN("the choices are missing, not an array of integers, too many or out of range") {
        const std::string head = R"({"id":"a","pack_id":"p","pack_hash":"h","scenario_id":"s")";
        const R not_array{400, "字段 choices 应当是整数数组，例如 [1,2,1]"};
        CHECK(refusal(head + "}") == R{400, "缺少字段 choices"});
        CHECK(refusal(head + R"(,"choices":null})") == not_array);
        CHECK(refusal(head + R"(,"choices":"1,2"})") == not_array);
        CHECK(refusal(head + R"(,"choices":{"0":1}})") == not_array);
        CHECK(refusal(head + R"(,"choices":[1,1.5]})") == not_array);
        CHECK(refusal(head + R"(,"choices":[1,true]})") == not_array);
        CHECK(refusal(head + R"(,"choices":[1,[2]]})") == not_array);
        std::string many = head + R"(,"choices":[1)";
        for (int i = 0; i < 200; ++i) many += ",x";
        CHECK(refusal(many + "]}") == R{400, "请求内容不是有效的 JSON"});
        many = head + R"(,"choices":[1)";
        for (int i = 0; i < 200; ++i) many += ",1.5";
        CHECK(refusal(many + "]}") == R{400, "字段 choices 太长"});
        CHECK(refusal(head + R"(,"choices":[1,0,1.5]})") == R{422, "选项编号 0 不存在（编号从 1 开始）"});
        CHECK(refusal(head + R"(,"choices":[1,1.5,0]})") == not_array);
        CHECK(refusal(head + R"(,"choices":[100]})") == R{422, "选项编号 100 不存在（编号从 1 开始）"});
        CHECK(refusal(head + R"(,"choices":[-3]})") == R{422, "选项编号 -3 不存在（编号从 1 开始）"});
        CHECK(refusal(head + R"(,"choices":[18446744073709551615]})") ==
              R{422, "选项编号 18446744073709551615 不存在（编号从 1 开始）"});
        CHECK(refusal(head + R"(,"choices":[]})") == R{0, ""}); // the replay says it is unfinished
    }
}
