// Student routes: join a class with its code, submit results (re-scored by core, stored
// once per client uuid, acknowledged only when durable), read own results and own standing.
#include "class_access.h"
#include "class_progress.h"
#include "connection_stream.h"
#include "http_util.h"
#include "leaderboard.h"
#include "result_record.h"
#include "routes.h"
#include "submission_body.h"
#include "text_checks.h"
#include "tokens.h"

#include "fraudfree/result.h"

namespace ff::server {
namespace {

// The answer to a submission once the store has it: the record (201 new, 200 known) or why not.
// `made_json` is the record of this request's replay: what a new result is stored as. A known
// uuid is answered with the record of what was stored first.
void answer_submission(App& app, httplib::Response& res, SubmitOutcome* out, std::exception_ptr error,
                       std::string made_json) {
    if (error) return send_exception(app, res, error);
    switch (out->status) {
    case SubmitStatus::created:
    case SubmitStatus::duplicate:
        res.status = out->status == SubmitStatus::created ? 201 : 200;
        // A new result and a plain resend are answered with the record just made (moved:
        // set_content would copy it); only a uuid that came back with another play needs the
        // stored one replayed (this runs on the committer thread: keep it rare).
        res.body = out->same_as_sent ? std::move(made_json)
                                     : to_compact_json(stored_record(app.packs, out->stored, app.log));
        res.set_header("Content-Type", "application/json; charset=utf-8");
        return;
    case SubmitStatus::conflict: return send_error(res, 409, "这个结果 id 已被别人用过，请换一个 UUID");
    }
}

} // namespace

void add_student_routes(httplib::Server& http, App& app) {
    // Submissions first: httplib matches a method's routes in the order they were added.
    http.Post("/api/v1/results", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                  Principal who = require_role(app, req, {Role::student});
                  SubmissionBody body = parse_submission(req.body, app.config.json_limit);

                  // A resent uuid is replayed again (cheap) and then found by the store, which
                  // answers with what it stored first: one lookup fewer on the common path.
                  auto pack = app.packs.by_hash(body.pack_hash);
                  if (!pack || pack->id != body.pack_id)
                      throw HttpError(404, "服务器上没有这个题包版本（" + body.pack_id + " " + body.pack_hash.substr(0, 12) + "）");
                  const Scenario* scenario = pack->find_scenario(body.scenario_id);
                  if (!scenario) throw HttpError(404, "题包 " + body.pack_id + " 里没有剧本 " + body.scenario_id);
                  MakeResult made = make_result(*pack, body.scenario_id, body.choices);
                  if (!made.record) throw HttpError(422, "这条选择路径不可能出现：" + made.error);
                  made.record->id = std::move(body.id);

                  std::string made_json = to_compact_json(*made.record);
                  StoredResult r = to_stored(std::move(*made.record), who.id, who.class_id.value_or(0));

                  // The answer goes out once the result is durable. Through our connection loop the
                  // worker does not wait for that: the committer sends it, and the worker is free to
                  // read its connection's next request (one sleep and wake-up fewer per result).
                  auto later = ConnectionStream::current() ? ConnectionStream::current()->defer(req) : nullptr;
                  if (!later) {
                      SubmitOutcome out = app.storage.submit_result(std::move(r));
                      answer_submission(app, res, &out, nullptr, std::move(made_json));
                      return;
                  }
                  try {
                      app.storage.submit_result_async(std::move(r), [&app, later, made_json = std::move(made_json)](
                                                                        SubmitOutcome* out, std::exception_ptr error) mutable {
                          try {
                              httplib::Response answer;
                              answer_submission(app, answer, out, error, std::move(made_json));
                              later->send(std::move(answer));
                          } catch (...) {
                              later->abandon(); // the worker must not wait for ever
                          }
                      });
                  } catch (...) {
                      ConnectionStream::current()->cancel_defer(); // not taken: answer here after all
                      throw;
                  }
              }));

    http.Post("/api/v1/join", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                  // Counted before anything else, so guessing codes is slow whatever is sent.
                  if (!app.joins.allow(req.remote_addr))
                      throw HttpError(429, "加入尝试太频繁，请一分钟后再试");
                  auto body = parse_json_body(req, app.config.json_limit);
                  std::string typed = string_field(body, "join_code", 32);
                  std::string nickname = display_text_field(body, "nickname", 32);
                  std::string code = normalize_join_code(typed);
                  auto cls = code.empty() ? std::nullopt : app.storage.class_by_join_code(code);
                  if (!cls) throw HttpError(404, "加入码不对：请核对老师给的 6 位加入码");
                  std::string token = new_token();
                  int64_t id = app.storage.create_principal(Role::student, nickname, token_hash(token), cls->id);
                  send_json(res, 201, {{"student_token", token},
                                       {"student_id", id},
                                       {"nickname", nickname},
                                       {"class", {{"id", cls->id}, {"name", cls->name}}}});
              }));

    http.Get("/api/v1/me/results", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 Principal who = require_role(app, req, {Role::student});
                 std::string out = "[";
                 bool first = true;
                 for (const auto& r : app.storage.results_of_student(who.id)) {
                     if (!first) out += ",";
                     out += to_compact_json(stored_record(app.packs, r, app.log));
                     first = false;
                 }
                 out += "]";
                 res.status = 200;
                 res.set_content(out, "application/json; charset=utf-8");
             }));

    http.Get("/api/v1/me/class", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 Principal who = require_role(app, req, {Role::student});
                 auto cls = app.storage.class_by_id(who.class_id.value_or(0));
                 if (!cls) throw HttpError(404, "你的班级已不存在");
                 auto progress = load_class_progress(app.storage, app.packs, *cls);
                 auto board = app.leaderboard.get(app.storage, app.packs);
                 int rank = 0;
                 for (const auto& e : board)
                     if (e.class_id == cls->id) rank = e.rank;
                 nlohmann::json me = {{"finished", 0}, {"total", 0}, {"mean_best", 0}, {"missing", nlohmann::json::array()}};
                 for (const auto& s : progress.students)
                     if (s.id == who.id)
                         me = {{"finished", s.finished},
                               {"total", s.total},
                               {"mean_best", round1(s.mean_best)},
                               {"missing", s.missing_titles},
                               {"scammed_categories", s.scammed_categories}};
                 // Class-level figures and counts only: never another student's name or score.
                 send_json(res, 200,
                           {{"class",
                             {{"id", cls->id},
                              {"name", cls->name},
                              {"students", cls->students},
                              {"mean_best", round1(progress.mean_best)}}},
                            {"criterion", criterion_json(progress.criterion)},
                            {"rank", rank},
                            {"classes_ranked", board.size()},
                            {"me", me}});
             }));
}

} // namespace ff::server
