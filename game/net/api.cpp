#include "net/api.h"

#include "net/trim.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace ff::net {

namespace {

using nlohmann::json;

template <class T>
ApiResult<T> failure(const HttpReply& r)
{
    ApiResult<T> out;
    out.error = {r.network_error, r.status, r.error};
    return out;
}

template <class T>
ApiResult<T> failure(std::string message)
{
    ApiResult<T> out;
    out.error.message = std::move(message);
    return out;
}

template <class T>
ApiResult<T> bad_reply()
{
    return failure<T>("服务器的回应看不懂（版本不匹配？）");
}

std::string str(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

int64_t integer(const json& j, const char* key, int64_t fallback = 0)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return fallback;
    if (it->is_number_float()) return static_cast<int64_t>(it->get<double>() + 0.5);
    return it->get<int64_t>();
}

double number(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

bool boolean(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

// Values in criterion checks may be numbers, booleans or text.
std::string printable(const json& j, const char* key)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_float()) {
        const double v = it->get<double>();
        char buf[32];
        std::snprintf(buf, sizeof buf, v == static_cast<double>(static_cast<int64_t>(v)) ? "%.0f" : "%.1f", v);
        return buf;
    }
    return it->dump();
}

bool is_catalog_id(const std::string& s)
{
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_hex(const std::string& s)
{
    return !s.empty() && s.size() <= 128 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9');
    });
}

std::optional<json> parse(const std::string& body)
{
    try {
        return json::parse(body);
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

} // namespace

ApiResult<JoinOk> join_class(HttpClient& http, const std::string& join_code, const std::string& nickname)
{
    std::string code = trim_space(join_code);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const std::string nick = trim_space(nickname);
    if (code.empty()) return failure<JoinOk>("请输入老师给的班级邀请码。");
    if (nick.empty()) return failure<JoinOk>("请先填写昵称。");

    HttpReply r = http.post_json("/api/v1/join", json{{"join_code", code}, {"nickname", nick}});
    if (!r.ok()) {
        if (r.status == 404) r.error = "邀请码不对，请核对后再试。（" + r.error + "）";
        if (r.status == 429) r.error = "尝试太频繁，请稍等一分钟再试。";
        return failure<JoinOk>(r);
    }
    auto j = parse(r.body);
    if (!j || !j->is_object()) return bad_reply<JoinOk>();
    JoinOk ok;
    ok.student_token = str(*j, "student_token");
    ok.student_id = integer(*j, "student_id");
    if (auto c = j->find("class"); c != j->end() && c->is_object()) {
        ok.class_id = integer(*c, "id");
        ok.class_name = str(*c, "name");
    }
    if (ok.student_token.empty()) return bad_reply<JoinOk>();
    return {ok, {}};
}

const char* to_string(SubmitOutcome o)
{
    switch (o) {
    case SubmitOutcome::accepted: return "accepted";
    case SubmitOutcome::rejected: return "rejected";
    case SubmitOutcome::auth_failed: return "auth_failed";
    case SubmitOutcome::retry_later: break;
    }
    return "retry_later";
}

json submit_body(const ff::ResultRecord& r)
{
    return json{{"id", r.id}, {"pack_id", r.pack_id}, {"pack_hash", r.pack_hash},
                {"scenario_id", r.scenario_id}, {"choices", r.choices}};
}

SubmitOutcome classify_submit_status(int status)
{
    if (status == 200 || status == 201) return SubmitOutcome::accepted;
    if (status == 401 || status == 403) return SubmitOutcome::auth_failed;
    if (status == 408 || status == 429) return SubmitOutcome::retry_later;
    if (status >= 400 && status < 500) return SubmitOutcome::rejected;
    // 5xx, other 2xx/3xx the contract does not name: the record may not be durable, so
    // keep it; the server's idempotency on id makes the retry harmless.
    return SubmitOutcome::retry_later;
}

SubmitReply submit_result(HttpClient& http, const std::string& token, const ff::ResultRecord& r)
{
    HttpReply reply = http.post_json("/api/v1/results", submit_body(r), token);
    SubmitReply out;
    out.status = reply.status;
    out.message = reply.error;
    out.outcome = reply.network_error ? SubmitOutcome::retry_later : classify_submit_status(reply.status);
    if (out.outcome == SubmitOutcome::accepted) {
        if (auto j = parse(reply.body); j && j->is_object()) {
            try {
                out.server_record = ff::result_from_json(*j);
            } catch (const std::exception&) {
                // The server stored it (2xx); an unreadable echo must not cause a resend.
            }
        }
    }
    return out;
}

ClassStatus class_status_from_json(const json& j)
{
    if (!j.is_object()) throw std::invalid_argument("class status is not a JSON object");
    ClassStatus s;
    if (auto c = j.find("class"); c != j.end() && c->is_object()) {
        s.class_id = integer(*c, "id");
        s.class_name = str(*c, "name");
        s.class_students = static_cast<int>(integer(*c, "students"));
        s.class_mean_best = number(*c, "mean_best");
    }
    if (auto c = j.find("criterion"); c != j.end() && c->is_object()) {
        s.goal_met = boolean(*c, "met");
        s.progress_pct = static_cast<int>(std::clamp<int64_t>(integer(*c, "progress_pct"), 0, 100));
        if (auto checks = c->find("checks"); checks != c->end() && checks->is_array()) {
            for (const auto& k : *checks) {
                if (!k.is_object()) continue;
                s.checks.push_back({str(k, "id"), boolean(k, "met"), printable(k, "value"),
                                    printable(k, "target"), str(k, "missing")});
            }
        }
    }
    if (auto r = j.find("rank"); r != j.end() && r->is_number_integer() && r->get<int64_t>() > 0)
        s.rank = static_cast<int>(r->get<int64_t>());
    s.classes_ranked = static_cast<int>(integer(j, "classes_ranked"));
    if (auto me = j.find("me"); me != j.end() && me->is_object()) {
        s.my_finished = static_cast<int>(integer(*me, "finished"));
        s.my_total = static_cast<int>(integer(*me, "total"));
        s.my_mean_best = number(*me, "mean_best");
        if (auto m = me->find("missing"); m != me->end() && m->is_array())
            for (const auto& t : *m)
                if (t.is_string()) s.my_missing.push_back(t.get<std::string>());
        if (auto m = me->find("scammed_categories"); m != me->end() && m->is_array())
            for (const auto& t : *m)
                if (t.is_string()) s.my_scammed_categories.push_back(t.get<std::string>());
    }
    return s;
}

ApiResult<ClassStatus> my_class(HttpClient& http, const std::string& token)
{
    if (token.empty()) return failure<ClassStatus>("还没有加入班级。");
    HttpReply r = http.get("/api/v1/me/class", token);
    if (!r.ok()) {
        if (r.status == 401 || r.status == 403) r.error = "班级身份已失效，请重新加入班级。";
        return failure<ClassStatus>(r);
    }
    auto j = parse(r.body);
    if (!j || !j->is_object()) return bad_reply<ClassStatus>();
    return {class_status_from_json(*j), {}};
}

ApiResult<std::vector<CatalogEntry>> list_packs(HttpClient& http)
{
    HttpReply r = http.get("/api/v1/packs");
    if (!r.ok()) return failure<std::vector<CatalogEntry>>(r);
    auto j = parse(r.body);
    if (!j || !j->is_array()) return bad_reply<std::vector<CatalogEntry>>();
    std::vector<CatalogEntry> out;
    for (const auto& e : *j) {
        if (!e.is_object()) continue;
        CatalogEntry c{str(e, "id"), str(e, "title"), static_cast<int>(integer(e, "version")),
                       str(e, "hash"), integer(e, "size"), static_cast<int>(integer(e, "scenarios"))};
        // Entries that could not name a folder or a URL are skipped, not trusted.
        if (is_catalog_id(c.id) && is_hex(c.hash)) out.push_back(std::move(c));
    }
    return {out, {}};
}

ApiResult<DownloadedPack> download_pack(HttpClient& http, const std::string& id, const std::string& hash)
{
    if (!is_catalog_id(id) || !is_hex(hash)) return failure<DownloadedPack>("包的编号或校验值格式不对。");
    HttpReply r = http.get("/api/v1/packs/" + id + "/" + hash);
    if (!r.ok()) return failure<DownloadedPack>(r);
    auto j = parse(r.body);
    if (!j || !j->is_object()) return failure<DownloadedPack>("下载的题包不是有效的 JSON。");
    DownloadedPack p;
    p.id = str(*j, "id");
    p.version = static_cast<int>(integer(*j, "version"));
    p.hash = str(*j, "hash");
    auto files = j->find("files");
    if (files == j->end() || !files->is_object()) return failure<DownloadedPack>("下载的题包缺少文件列表。");
    for (const auto& [path, text] : files->items()) {
        if (!text.is_string()) return failure<DownloadedPack>("下载的题包里 " + path + " 不是文本。");
        p.files[path] = text.get<std::string>();
    }
    return {std::move(p), {}};
}

} // namespace ff::net
