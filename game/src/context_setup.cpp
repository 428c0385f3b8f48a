#include "context_setup.h"

#include "screens/class_net.h"

#include "save/clock.h"
#include "save/result_queue.h"

#include <exception>

namespace ff::game {

std::unique_ptr<Context> make_context(const Options& options, const std::filesystem::path& exe_dir) {
    auto ctx = std::make_unique<Context>();
    ctx->options = options;
    ctx->headless = options.headless;
    if (ctx->options.content_dirs.empty() && ctx->options.pack_dir.empty())
        ctx->options.content_dirs.push_back(default_content_dir(exe_dir));
    ctx->data_dir = options.data_dir.empty() ? ff::save::default_data_dir() : options.data_dir;
    if (options.headless && options.data_dir.empty()) {
        // Headless runs (tests, docs) never touch the player's real save.
        ctx->save = ff::save::LoadedSave{};
    } else {
        ctx->save = ff::save::load_save(ctx->data_dir);
    }
    for (const auto& n : ctx->save.notices) ctx->notices.push_back(n.message);
    // --server is used for this run only (screens/class_net.cpp resolves it); it is not
    // written into settings.json.
    reload_library(*ctx);
    ctx->open = [](const ScreenRequest&) {};
    ctx->sound = [](Cue) {};
    ctx->settings_changed = [] {};
    ctx->is_new = [](const std::string&, const std::string&) { return false; };
    Context* raw = ctx.get();
    ctx->record_result = [raw](const ff::ResultRecord& r) { return record_play(*raw, r); };
    ctx->reload = [raw] { reload_library(*raw); };
    return ctx;
}

std::string record_play(Context& ctx, ff::ResultRecord record) {
    if (ctx.headless && ctx.options.data_dir.empty()) return {};
    try {
        if (record.id.empty()) record.id = ff::save::make_uuid_v4();
        ctx.save.profile.plays.push_back(ff::save::PlayRecord{record, ff::save::now_iso8601_utc()});
        ff::save::save_profile(ctx.data_dir, ctx.save.profile);
        ff::save::result_queue::enqueue(ff::save::result_queue::dir_in(ctx.data_dir), record);
        return {};
    } catch (const std::exception& e) {
        return std::string("进度保存失败：") + e.what();
    }
}

void reload_library(Context& ctx) {
    ctx.library = load_library(find_pack_dirs(ctx.options.content_dirs, ctx.options.pack_dir));
    // Packs downloaded from the class server sit next to the bundled ones (not when an
    // author previews one --pack, and not in headless runs without --data).
    if (ctx.options.pack_dir.empty() && !(ctx.headless && ctx.options.data_dir.empty()))
        add_installed_packs(ctx.library, ctx.data_dir);
}

ScreenRequest initial_request(const Context& ctx) {
    if (!ctx.library.problems.empty() && !ctx.options.pack_dir.empty()) return ScreenRequest{"errors"};
    if (!ctx.options.scenario_id.empty()) {
        if (const ff::Pack* p = ctx.library.pack_of_scenario(ctx.options.scenario_id))
            return ScreenRequest{"chat", p->id, ctx.options.scenario_id};
        return ScreenRequest{"errors"};
    }
    return ScreenRequest{has_screen("title") ? "title" : "list"};
}

} // namespace ff::game
