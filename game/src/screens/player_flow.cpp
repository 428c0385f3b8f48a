#include "screens/player_flow.h"

#include <exception>

namespace ff::game {

ScreenRequest request_with_back(const std::string& id, const std::string& back, const std::string& pack_id) {
    ScreenRequest r(id, pack_id);
    r.back = back;
    return r;
}

std::string persist_profile(Context& ctx) {
    if (ctx.headless && ctx.options.data_dir.empty()) return {};
    try {
        ff::save::save_profile(ctx.data_dir, ctx.save.profile);
        return {};
    } catch (const std::exception& e) {
        std::string msg = std::string("保存失败：") + e.what();
        ctx.notices.push_back(msg);
        return msg;
    }
}

std::string quiz_pack_id(const Context& ctx) {
    for (const auto& q : ctx.save.profile.quiz)
        if (q.phase == "pre")
            if (const ff::Pack* p = ctx.library.find_pack(q.pack_id); p && !p->quiz.empty()) return p->id;
    for (const auto& p : ctx.library.packs)
        if (!p.quiz.empty()) return p.id;
    return {};
}

void start_playing(Context& ctx) {
    if (ctx.save.profile.nickname.empty() && has_screen("profile")) {
        ctx.open(request_with_back("profile", "start"));
        return;
    }
    const std::string pack = quiz_pack_id(ctx);
    if (!ctx.save.settings.pretest_done && !pack.empty() && has_screen("pretest")) {
        ctx.open(request_with_back("pretest", "list", pack));
        return;
    }
    ctx.open(ScreenRequest{"list"});
}

} // namespace ff::game
