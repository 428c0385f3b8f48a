#include "screens/class_join_screen.h"

#include "screens/form_controls.h"
#include "screens/player_flow.h"
#include "screens/widgets.h"

#include "net/net_session.h"

#include <memory>

namespace ff::game {
namespace {

struct JoinState {
    TextField code;
    std::string back;
    std::string message;   // error or progress text
    bool waiting = false;
};

} // namespace

Screen make_class_join_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<JoinState>();
    st->code.max_codepoints = 8;
    st->back = req.back.empty() ? "title" : req.back;
    // A nickname comes first: the counsellor sees it in the class list.
    if (ctx.save.profile.nickname.empty() && !ctx.headless) {
        ctx.open(request_with_back("profile", "join"));
    }
    return Screen{"join", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        const int top = draw_top_bar(ui, "加入班级", "返回", &back);
        if (back) {
            ctx.open(ScreenRequest{st->back});
            return;
        }
        const int col_w = std::min(ui.width - 2 * t.px(24), t.px(620));
        const int x = (ui.width - col_w) / 2;
        int y = top + std::max(t.px(32), (ui.height - top) / 8);
        const auto& profile = ctx.save.profile;

        if (!ctx.net || !ctx.net->has_server()) {
            y += ui.text.draw_wrapped("这台电脑没有设置班级服务器", x, y, col_w, t.font_title(), t.c.text, true,
                                      Align::center) + t.px(12);
            ui.text.draw_wrapped("在“设置 → 服务器地址”里填上老师给的地址（例如 http://192.168.1.10:8080）；"
                                 "或请老师用 scripts/class-session 启动课堂，或在程序旁放一个 fraudfree.toml，"
                                 "写上 server = \"http://服务器地址:8080\"。不加入班级也可以照常练习，成绩保存在本机。",
                                 x, y, col_w, t.font_body(), t.c.text_muted, false, Align::center);
            return;
        }

        y += ui.text.draw_wrapped("输入老师给的加入码", x, y, col_w, t.font_title(), t.c.text, true, Align::center) +
             t.px(8);
        std::string hint = "加入后，你的练习成绩会同步给辅导员，全班一起冲刺“无诈班级”。其他同学看不到你的分数。";
        if (!profile.class_name.empty()) hint = "你现在在「" + profile.class_name + "」。输入新的加入码可以换到别的班级。";
        y += ui.text.draw_wrapped(hint, x, y, col_w, t.font_small(), t.c.text_muted, false, Align::center) + t.px(20);

        const int field_h = t.px(56) + t.tpx(8);
        const bool enter = text_field(ui, SDL_Rect{x, y, col_w, field_h}, st->code, "例如：K7P3QX");
        if (st->code.changed && !st->waiting) st->message.clear();
        y += field_h + t.px(12);

        if (st->waiting) {
            if (auto r = ctx.net->take_join()) {
                st->waiting = false;
                if (r->ok()) {
                    ff::net::apply_join(ctx.save.profile, *r->value);
                    persist_profile(ctx);
                    ctx.open(request_with_back("class", "title"));
                    return;
                }
                st->message = r->error.message;
                ui.redraw();
            } else {
                ui.wake_in(0.1); // poll the answer without blocking the window
            }
        }
        if (!st->message.empty() || st->waiting) {
            const std::string text = st->waiting ? "正在加入……" : st->message;
            y += ui.text.draw_wrapped(text, x, y, col_w, t.font_body(), st->waiting ? t.c.text_muted : t.c.scammed,
                                      false, Align::center) + t.px(12);
        }

        const int bh = t.px(48);
        const bool go = ui.button(SDL_Rect{x, y, col_w, bh}, st->waiting ? "请稍候" : "加入", ButtonKind::primary) || enter;
        if (go && !st->waiting) {
            ctx.net->start_join(st->code.text, profile.nickname);
            st->waiting = true;
            st->message.clear();
            ui.redraw();
        }
        y += bh + t.px(12);
        if (!profile.class_name.empty() &&
            ui.button(SDL_Rect{x, y, col_w, bh}, "查看班级进度", ButtonKind::secondary)) {
            ctx.open(request_with_back("class", "join"));
        }
    }, {}};
}

} // namespace ff::game
