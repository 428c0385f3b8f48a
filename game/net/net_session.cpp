#include "net/net_session.h"

#include "net/pack_install.h"
#include "net/rejected_results.h"

#include "save/result_queue.h"

namespace ff::net {

NetSession::NetSession(NetSessionConfig config)
    : config_(std::move(config)), marks_(std::make_shared<NewMarks>(config_.data_dir)), token_(config_.student_token)
{
    ResultSyncConfig rc;
    rc.queue_dir = ff::save::result_queue::dir_in(config_.data_dir);
    rc.rejected_dir = rejected_dir_in(config_.data_dir);
    rc.server = config_.server;
    rc.token = config_.student_token;
    rc.client = config_.client;
    rc.backoff = config_.backoff;
    rc.on_change = config_.on_change;
    results_ = std::make_unique<ResultSync>(std::move(rc));

    PackSyncConfig pc;
    pc.data_dir = config_.data_dir;
    pc.server = config_.server;
    pc.client = config_.client;
    pc.interval = config_.pack_interval;
    pc.known = config_.known_packs;
    pc.on_change = config_.on_change;
    packs_ = std::make_unique<PackSync>(std::move(pc), marks_);
}

NetSession::~NetSession() = default;

std::string NetSession::queue_result(ff::ResultRecord record)
{
    std::string id = ff::save::result_queue::enqueue(ff::save::result_queue::dir_in(config_.data_dir), std::move(record));
    results_->notify();
    return id;
}

void NetSession::result_queued() { results_->notify(); }

SyncStatus NetSession::sync_status() const { return results_->status(); }

void NetSession::start_join(const std::string& join_code, const std::string& nickname)
{
    if (!config_.server) return;
    join_.start(*config_.server, config_.client,
                [join_code, nickname](HttpClient& http) { return join_class(http, join_code, nickname); });
}

std::optional<ApiResult<JoinOk>> NetSession::take_join()
{
    auto r = join_.take();
    if (r && r->ok()) {
        try {
            hand_over(r->value->student_token);
        } catch (const std::exception&) {
            // The disk refused the stamp: the join still stands and no result is lost; the
            // unstamped ones then count for the new class.
            token_ = r->value->student_token;
            results_->set_token(r->value->student_token);
        }
    }
    return r;
}

void NetSession::leave_class() { hand_over(""); }

int NetSession::unsent_results() const
{
    int n = 0;
    for (const auto& e : ff::save::result_queue::entries(ff::save::result_queue::dir_in(config_.data_dir)))
        if (e.class_token.empty() || e.class_token == token_) ++n;
    return n;
}

void NetSession::hand_over(std::string next)
{
    if (!token_.empty() && token_ != next)
        ff::save::result_queue::assign_class_token(ff::save::result_queue::dir_in(config_.data_dir), token_);
    token_ = next;
    results_->set_token(std::move(next));
}

void NetSession::start_class_refresh(const std::string& token)
{
    if (!config_.server) return;
    class_.start(*config_.server, config_.client, [token](HttpClient& http) { return my_class(http, token); });
}

std::optional<ApiResult<ClassStatus>> NetSession::take_class() { return class_.take(); }

std::vector<PackUpdate> NetSession::take_pack_updates() { return packs_->take_updates(); }
void NetSession::check_packs_now() { packs_->check_now(); }
void NetSession::browsing_packs() { packs_->check_if_idle_for(std::chrono::seconds(10)); }
PackSyncStatus NetSession::pack_status() const { return packs_->status(); }

void apply_join(ff::save::Profile& profile, const JoinOk& joined)
{
    profile.student_token = joined.student_token;
    profile.class_name = joined.class_name;
}

void apply_leave(ff::save::Profile& profile)
{
    profile.student_token.clear();
    profile.class_name.clear();
}

} // namespace ff::net
