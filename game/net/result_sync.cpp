#include "net/result_sync.h"

#include "net/api.h"
#include "net/rejected_results.h"

#include "save/result_queue.h"

#include <random>

namespace ff::net {

namespace q = ff::save::result_queue;

ResultSync::ResultSync(ResultSyncConfig config) : config_(std::move(config)), token_(config_.token)
{
    if (config_.server) http_ = std::make_unique<HttpClient>(*config_.server, config_.client);
    status_.pending = static_cast<int>(q::list(config_.queue_dir).size());
    thread_ = std::thread([this] { run(); });
}

ResultSync::~ResultSync()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (http_) http_->cancel();
    if (thread_.joinable()) thread_.join();
}

void ResultSync::notify()
{
    {
        std::lock_guard lock(mutex_);
        notified_ = true;
    }
    wake_.notify_all();
}

void ResultSync::set_token(std::string token)
{
    {
        std::lock_guard lock(mutex_);
        token_ = std::move(token);
        token_changed_ = true;
        notified_ = true;
    }
    wake_.notify_all();
}

SyncStatus ResultSync::status() const
{
    std::lock_guard lock(mutex_);
    return status_;
}

void ResultSync::set_status(SyncState s, int pending, std::string message)
{
    bool differs;
    {
        std::lock_guard lock(mutex_);
        differs = status_.state != s || status_.pending != pending || status_.message != message;
        status_.state = s;
        status_.pending = pending;
        status_.message = std::move(message);
    }
    if (differs) changed();
}

void ResultSync::count(bool accepted, int pending)
{
    {
        std::lock_guard lock(mutex_);
        ++(accepted ? status_.sent : status_.rejected);
        status_.pending = pending;
    }
    changed();
}

void ResultSync::changed()
{
    if (config_.on_change) config_.on_change();
}

void ResultSync::wait_for(std::chrono::milliseconds d, bool wake_on_notify)
{
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, d, [&] { return stop_ || token_changed_ || (wake_on_notify && notified_); });
    notified_ = false;
    token_changed_ = false;
}

void ResultSync::run()
{
    std::mt19937 rng{std::random_device{}()};
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int failures = 0;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
        }
        if (send_pass()) {
            failures = 0;
            wait_for(config_.rescan, true);
        } else {
            ++failures;
            // During backoff a new result waits too: hammering a down server helps no one.
            wait_for(backoff_delay(config_.backoff, failures, unit(rng)), false);
        }
    }
}

bool ResultSync::send_pass()
{
    // The token first, then the queue: a switch stamps the queue before it hands over the new
    // token, so an entry read here without a stamp was played in the class of `current`.
    std::string current;
    {
        std::lock_guard lock(mutex_);
        current = token_;
    }
    auto items = q::entries(config_.queue_dir);
    int pending = static_cast<int>(items.size());
    // Entries stamped with the class they were played in (the player switched or left since)
    // go there; the rest go to the current class, or wait until the player joins one.
    int waiting_for_class = 0;
    for (const auto& e : items)
        if (e.class_token.empty() && current.empty()) ++waiting_for_class;
    if (!http_ || (current.empty() && waiting_for_class == pending)) {
        set_status(SyncState::offline, pending, http_ ? "还没有加入班级，成绩先保存在本机。" : "");
        return true;
    }
    std::string rejected_note;
    for (const auto& entry : items) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) return true;
        }
        const ff::ResultRecord& record = entry.record;
        const bool earlier_class = !entry.class_token.empty() && entry.class_token != current;
        const std::string& token = entry.class_token.empty() ? current : entry.class_token;
        if (token.empty()) continue; // played outside any class: waits for the next join
        SubmitReply reply = submit_result(*http_, token, record);
        if (reply.outcome == SubmitOutcome::auth_failed && earlier_class) {
            // The class the player left no longer takes this student (removed, or the class is
            // gone): nothing the player can do, so keep it aside instead of blocking the rest.
            reply.outcome = SubmitOutcome::rejected;
            reply.message = "原来的班级不再接收这条成绩（" + reply.message + "）";
        }
        switch (reply.outcome) {
        case SubmitOutcome::accepted:
            // Removing after the acknowledgement: a crash in between means one resend,
            // which the server answers with 200 and counts once (same id).
            q::remove(config_.queue_dir, record.id);
            --pending;
            count(true, pending);
            break;
        case SubmitOutcome::rejected:
            try {
                move_aside(config_.queue_dir, config_.rejected_dir, record, reply.status, reply.message);
            } catch (const std::exception& e) {
                set_status(SyncState::error, pending, std::string("无法移走被拒收的成绩：") + e.what());
                return false;
            }
            --pending;
            rejected_note = "有成绩被服务器拒收（" + reply.message + "），已另存。";
            count(false, pending);
            break;
        case SubmitOutcome::auth_failed:
            set_status(SyncState::error, pending, "班级身份已失效，请重新加入班级（" + reply.message + "）。");
            return false;
        case SubmitOutcome::retry_later:
            set_status(SyncState::waiting, pending, reply.message);
            return false;
        }
    }
    if (!rejected_note.empty()) set_status(SyncState::error, pending, rejected_note);
    else if (pending > 0 && current.empty()) set_status(SyncState::offline, pending, "还没有加入班级，成绩先保存在本机。");
    else set_status(pending == 0 ? SyncState::synced : SyncState::waiting, pending, "");
    return true;
}

} // namespace ff::net
