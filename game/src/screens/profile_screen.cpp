#include "screens/profile_screen.h"

#include "screens/form_controls.h"
#include "screens/player_flow.h"
#include "screens/widgets.h"

#include "text/utf8.h"

#include <memory>

namespace ff::game {
namespace {

constexpr int kMaxNickname = 16;

struct ProfileState {
    TextField field;
    std::string back; // "start" continues into the game after saving
    std::string error;
};

// Trims spaces at both ends; a name of only spaces is no name.
std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return {};
    const size_t b = s.find_last_not_of(" \t");
    return s.substr(a, b - a + 1);
}

} // namespace

Screen make_profile_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<ProfileState>();
    st->field.text = ctx.save.profile.nickname;
    st->field.max_codepoints = kMaxNickname;
    st->back = req.back.empty() ? "title" : req.back;
    auto leave_to = [&ctx, st] {
        if (st->back == "start") start_playing(ctx);
        else ctx.open(ScreenRequest{st->back});
    };
    return Screen{"profile", [&ctx, st, leave_to](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        const int top = draw_top_bar(ui, "我的昵称", st->back == "start" ? "" : "返回", &back);
        if (back) {
            ctx.open(ScreenRequest{st->back});
            return;
        }
        const int col_w = std::min(ui.width - 2 * t.px(24), t.px(620));
        const int x = (ui.width - col_w) / 2;
        int y = top + std::max(t.px(32), (ui.height - top) / 7);

        draw_avatar(ui, ui.width / 2, y + t.px(44), t.px(44), st->field.text.empty() ? "?" : st->field.text, "player");
        y += t.px(88) + t.px(24);
        y += ui.text.draw_wrapped("给自己起个昵称", x, y, col_w, t.font_title(), t.c.text, true, Align::center) + t.px(8);
        y += ui.text.draw_wrapped("昵称只保存在这台电脑上，用来称呼你；加入班级后辅导员也会看到它。可以输入中文。", x, y,
                                  col_w, t.font_small(), t.c.text_muted, false, Align::center) +
             t.px(20);

        const int field_h = t.px(56) + t.tpx(8);
        const bool enter = text_field(ui, SDL_Rect{x, y, col_w, field_h}, st->field, "例如：小明");
        if (st->field.changed) st->error.clear();
        y += field_h + t.px(8);
        const std::string count = std::to_string(ff::text::count_codepoints(st->field.text)) + "/" +
                                  std::to_string(kMaxNickname);
        const int cw = ui.text.measure(count, t.font_small());
        ui.text.draw_line(count, x + col_w - cw, y, t.font_small(), t.c.text_muted);
        if (!st->error.empty()) ui.text.draw_line(st->error, x, y, t.font_small(), t.c.scammed);
        y += ui.text.line_height(t.font_small()) + t.px(20);

        if (!ctx.save.profile.class_name.empty()) {
            y += ui.text.draw_wrapped("班级：" + ctx.save.profile.class_name, x, y, col_w, t.font_body(), t.c.text, false,
                                      Align::center) +
                 t.px(16);
        }

        const int bh = t.px(48);
        const bool save = ui.button(SDL_Rect{x, y, col_w, bh}, st->back == "start" ? "保存并开始" : "保存",
                                    ButtonKind::primary) ||
                          enter;
        if (save) {
            const std::string name = trimmed(st->field.text);
            if (name.empty()) {
                st->error = "昵称不能为空";
                ui.redraw();
                return;
            }
            ctx.save.profile.nickname = name;
            if (persist_profile(ctx).empty()) {
                leave_to();
                return;
            }
            st->error = "保存失败，请看窗口下方的提示";
        }
    }, {}};
}

} // namespace ff::game
