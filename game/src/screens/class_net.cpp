#include "screens/class_net.h"

#include "net/net_session.h"
#include "net/pack_install.h"
#include "net/server_config.h"

#include <algorithm>

namespace ff::game {
namespace {

// The badge: a coloured dot and a short label in the bottom-left corner, only when a
// server is configured (offline single players never see it).
void draw_sync_badge(Ui& ui, const ff::net::NetSession& net) {
    const ff::net::SyncStatus s = net.sync_status();
    const Theme& t = ui.theme;
    SDL_Color dot = t.c.text_muted;
    switch (s.state) {
    case ff::net::SyncState::synced: dot = t.c.safe; break;
    case ff::net::SyncState::waiting: dot = t.c.partial; break;
    case ff::net::SyncState::error: dot = t.c.scammed; break;
    case ff::net::SyncState::offline: break;
    }
    const std::string label = ff::net::short_label(s);
    const int size = t.font_small();
    const int pad = t.px(8);
    const int h = ui.text.line_height(size) + t.px(6);
    const int w = h + ui.text.measure(label, size) + pad;
    SDL_Rect r{t.px(8), ui.height - h - t.px(8), w, h};
    ui.paint.fill_round_rect(r, h / 2, with_alpha(t.c.panel, 230));
    if (t.high_contrast) ui.paint.fill_round_rect_bordered(r, h / 2, t.c.panel, t.c.panel_border, t.px(2));
    ui.paint.fill_circle(r.x + h / 2, r.y + h / 2, h / 4, dot);
    ui.text.draw_line(label, r.x + h, r.y + (h - ui.text.line_height(size)) / 2, size, t.c.text);
}

} // namespace

void add_installed_packs(Library& library, const std::filesystem::path& data_dir) {
    ff::net::recover_interrupted_installs(data_dir);
    const auto dirs = ff::net::installed_pack_dirs(data_dir);
    if (dirs.empty()) return;
    Library installed = load_library(dirs);
    library.packs = ff::net::merge_packs(std::move(library.packs), std::move(installed.packs));
    for (auto& p : installed.problems) library.problems.push_back(std::move(p));
    library.pack_dirs.insert(library.pack_dirs.end(), dirs.begin(), dirs.end());
    library.signature += installed.signature; // a sum over files, so it adds up across folders
}

namespace {

// A session for the server that --server, the settings or fraudfree.toml name (in that order).
std::shared_ptr<ff::net::NetSession> start_session(Context& ctx, const std::filesystem::path& exe_dir,
                                                   std::function<void()> wake) {
    ff::net::ServerChoice choice = ff::net::resolve_server(
        ctx.options.server_url.empty() ? std::nullopt : std::optional<std::string>(ctx.options.server_url),
        ctx.save.settings.server_url, exe_dir);
    for (auto& n : choice.notes) ctx.notices.push_back("服务器地址：" + n);

    ff::net::NetSessionConfig cfg;
    cfg.data_dir = ctx.data_dir;
    cfg.server = choice.url;
    cfg.student_token = ctx.save.profile.student_token;
    // Only a session on the bundled content follows the catalogue; an author previewing
    // one --pack folder must not get it replaced from the server.
    if (ctx.options.pack_dir.empty())
        for (const auto& p : ctx.library.packs) cfg.known_packs.push_back(ff::net::known_pack_of(p));
    else
        cfg.server.reset();
    cfg.on_change = std::move(wake);
    return std::make_shared<ff::net::NetSession>(std::move(cfg));
}

} // namespace

void attach_net(Context& ctx, const std::filesystem::path& exe_dir, std::function<void()> wake) {
    ctx.net = start_session(ctx, exe_dir, wake);

    // The hooks look the session up when called, so a restarted session takes over at once.
    auto record = ctx.record_result;
    ctx.record_result = [record, &ctx](const ff::ResultRecord& r) {
        std::string err = record(r); // saves the profile and queues the result on disk
        if (ctx.net) {
            ctx.net->result_queued();
            ctx.net->new_marks().mark_seen(r.pack_id, r.scenario_id);
        }
        return err;
    };
    ctx.is_new = [&ctx](const std::string& pack_id, const std::string& scenario_id) {
        return ctx.net && ctx.net->new_marks().is_new(pack_id, scenario_id);
    };
    ctx.overlay = [&ctx](Ui& ui) {
        if (ctx.net && ctx.net->has_server()) draw_sync_badge(ui, *ctx.net);
    };
    ctx.restart_net = [&ctx, exe_dir, wake] {
        // The old session's threads stop first, so one outbox never has two senders.
        ctx.net.reset();
        ctx.net = start_session(ctx, exe_dir, wake);
    };
}

bool take_downloaded_packs(Context& ctx, const std::string& screen_id) {
    if (!ctx.net) return false;
    if (screen_id == "list") ctx.net->browsing_packs();
    if (screen_id != "title" && screen_id != "list" && screen_id != "class" && screen_id != "join") return false;
    auto updates = ctx.net->take_pack_updates();
    if (updates.empty()) return false;
    std::vector<ff::Pack> fresh;
    for (auto& u : updates) fresh.push_back(std::move(u.pack));
    ctx.library.packs = ff::net::merge_packs(std::move(ctx.library.packs), std::move(fresh));
    ctx.notices.push_back("收到新的剧本包，带“新”标记的场景可以练习了。");
    return true;
}

} // namespace ff::game
