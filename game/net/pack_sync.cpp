#include "net/pack_sync.h"

#include "net/api.h"
#include "net/pack_install.h"

#include <utility>

namespace ff::net {

KnownPack known_pack_of(const ff::Pack& p)
{
    KnownPack k{p.id, p.version, p.hash, {}};
    for (const auto& s : p.scenarios) k.scenario_ids.push_back(s.id);
    return k;
}

UpdateReport update_packs_once(HttpClient& http, const std::filesystem::path& data_dir,
                               std::map<std::string, KnownPack>& known, std::set<std::string>& failed_hashes)
{
    UpdateReport report;
    auto catalogue = list_packs(http);
    if (!catalogue.ok()) {
        report.problems.push_back("读取题包目录失败：" + catalogue.error.message);
        return report;
    }
    report.reached_server = true;
    for (const auto& entry : *catalogue.value) {
        auto have = known.find(entry.id);
        if (have != known.end() && (have->second.hash == entry.hash || have->second.version >= entry.version))
            continue;
        if (failed_hashes.contains(entry.hash)) continue;

        auto dl = download_pack(http, entry.id, entry.hash);
        if (!dl.ok()) {
            // A network problem is retried next round; a bad answer is not retried for this hash.
            if (!dl.error.network_error && dl.error.status < 500) failed_hashes.insert(entry.hash);
            report.problems.push_back("下载题包 " + entry.id + " 失败：" + dl.error.message);
            continue;
        }
        Installed inst = install_pack(data_dir, entry.id, entry.hash, dl.value->files);
        if (!inst.pack) {
            failed_hashes.insert(entry.hash);
            report.problems.push_back("题包 " + entry.id + "：" + inst.error);
            continue;
        }
        KnownPack now = known_pack_of(*inst.pack);
        PackUpdate update;
        update.new_scenarios =
            added_scenarios(have == known.end() ? std::vector<std::string>{} : have->second.scenario_ids,
                            now.scenario_ids);
        update.pack = std::move(*inst.pack);
        known[entry.id] = std::move(now);
        report.installed.push_back(std::move(update));
    }
    return report;
}

PackSync::PackSync(PackSyncConfig config, std::shared_ptr<NewMarks> marks)
    : config_(std::move(config)), marks_(std::move(marks))
{
    for (const auto& k : config_.known) known_[k.id] = k;
    if (config_.server) {
        http_ = std::make_unique<HttpClient>(*config_.server, config_.client);
        thread_ = std::thread([this] { run(); });
    }
}

PackSync::~PackSync()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (http_) http_->cancel();
    if (thread_.joinable()) thread_.join();
}

std::vector<PackUpdate> PackSync::take_updates()
{
    std::lock_guard lock(mutex_);
    return std::exchange(ready_, {});
}

void PackSync::check_now()
{
    {
        std::lock_guard lock(mutex_);
        check_now_ = true;
    }
    wake_.notify_all();
}

void PackSync::check_if_idle_for(std::chrono::milliseconds gap)
{
    {
        std::lock_guard lock(mutex_);
        if (std::chrono::steady_clock::now() - last_check_ < gap) return;
        last_check_ = std::chrono::steady_clock::now();
        check_now_ = true;
    }
    wake_.notify_all();
}

PackSyncStatus PackSync::status() const
{
    std::lock_guard lock(mutex_);
    return status_;
}

void PackSync::run()
{
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            last_check_ = std::chrono::steady_clock::now();
        }
        UpdateReport report = update_packs_once(*http_, config_.data_dir, known_, failed_);
        for (const auto& u : report.installed)
            if (marks_) marks_->add(u.pack.id, u.new_scenarios);
        const auto next = report.reached_server ? config_.interval : config_.retry;
        bool differs;
        {
            std::lock_guard lock(mutex_);
            const PackSyncStatus before = status_;
            if (report.reached_server) status_.checked = true;
            status_.installed += static_cast<int>(report.installed.size());
            status_.message = report.problems.empty() ? std::string{} : report.problems.back();
            differs = before.checked != status_.checked || before.installed != status_.installed ||
                      before.message != status_.message;
            for (auto& u : report.installed) ready_.push_back(std::move(u));
        }
        if (differs && config_.on_change) config_.on_change();
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, next, [&] { return stop_ || check_now_; });
        check_now_ = false;
    }
}

} // namespace ff::net
