#include "screens/title_screen.h"

#include "screens/player_flow.h"
#include "screens/widgets.h"

#include "fraudfree/progress.h"

#include <cmath>
#include <memory>
#include <vector>

namespace ff::game {
namespace {

struct Action {
    std::string label;
    ScreenRequest target; // id "start" = start_playing(), "quit" = close the window
    ButtonKind kind;
};

struct TitleState {
    ff::ProgressSummary overall;
    int focus = 0;
};

// A phone with a chat bubble and a shield: drawn from shapes so it scales crisply.
void draw_emblem(Ui& ui, int cx, int cy, int h) {
    const Theme& t = ui.theme;
    const int w = h * 56 / 100;
    SDL_Rect body{cx - w / 2, cy - h / 2, w, h};
    ui.paint.fill_round_rect(body, h / 9, t.c.phone_frame);
    SDL_Rect screen{body.x + h / 28, body.y + h / 12, w - h / 14, h - h / 6};
    ui.paint.fill_round_rect(screen, h / 20, t.c.chat_bg);
    // Two chat bubbles: one from them, one from me.
    const int bh = h / 9;
    ui.paint.fill_round_rect(SDL_Rect{screen.x + h / 24, screen.y + h / 14, screen.w * 3 / 5, bh}, bh / 3, t.c.bubble_them);
    ui.paint.fill_round_rect(SDL_Rect{screen.x + screen.w * 2 / 5 - h / 24, screen.y + h / 14 + bh + h / 24,
                                      screen.w * 3 / 5, bh},
                             bh / 3, t.c.bubble_me);
    // The shield with a check mark over the lower half.
    const float sx = static_cast<float>(cx), sy = static_cast<float>(cy + h / 6);
    const float r = static_cast<float>(h) * 0.17f;
    const SDL_Color shield = t.c.safe;
    ui.paint.fill_round_rect(SDL_Rect{static_cast<int>(sx - r), static_cast<int>(sy - r), static_cast<int>(2 * r),
                                      static_cast<int>(r * 1.1f)},
                             static_cast<int>(r * 0.25f), shield);
    ui.paint.fill_triangle(SDL_FPoint{sx - r, sy - r * 0.2f}, SDL_FPoint{sx + r, sy - r * 0.2f},
                           SDL_FPoint{sx, sy + r * 1.05f}, shield);
    // The check mark as two thick strokes (pairs of triangles).
    auto stroke = [&](SDL_FPoint a, SDL_FPoint b, float width) {
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float len = std::sqrt(dx * dx + dy * dy);
        const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
        const SDL_Color c{255, 255, 255, 255};
        ui.paint.fill_triangle({a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, c);
        ui.paint.fill_triangle({a.x + nx, a.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}, c);
    };
    const float sw = r * 0.2f;
    const SDL_FPoint p1{sx - r * 0.45f, sy - r * 0.05f}, p2{sx - r * 0.1f, sy + r * 0.3f}, p3{sx + r * 0.5f, sy - r * 0.4f};
    stroke(p1, p2, sw);
    stroke(p2, p3, sw);
    ui.paint.fill_circle(static_cast<int>(p2.x), static_cast<int>(p2.y), static_cast<int>(sw / 2), SDL_Color{255, 255, 255, 255});
}

std::vector<Action> actions(const Context& ctx) {
    const bool played = !ctx.save.profile.plays.empty();
    std::vector<Action> out;
    out.push_back({played ? "继续练习" : "开始练习", ScreenRequest{"start"}, ButtonKind::primary});
    if (has_screen("awareness")) out.push_back({"我的反诈档案", request_with_back("awareness", "title"), ButtonKind::secondary});
    // Joining a class exists only once the network part provides the screen.
    if (has_screen("join")) {
        if (ctx.save.profile.class_name.empty() || !has_screen("class"))
            out.push_back({"加入班级", request_with_back("join", "title"), ButtonKind::secondary});
        else
            out.push_back({"班级进度", request_with_back("class", "title"), ButtonKind::secondary});
    }
    if (has_screen("profile"))
        out.push_back({ctx.save.profile.nickname.empty() ? "设置昵称" : "修改昵称",
                       request_with_back("profile", "title"), ButtonKind::secondary});
    if (has_screen("settings")) out.push_back({"设置", request_with_back("settings", "title"), ButtonKind::secondary});
    if (!ctx.headless) out.push_back({"退出", ScreenRequest{"quit"}, ButtonKind::ghost});
    return out;
}

void run(Context& ctx, const Action& a) {
    if (a.target.id == "start") {
        start_playing(ctx);
    } else if (a.target.id == "quit") {
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
    } else {
        ctx.open(a.target);
    }
}

} // namespace

Screen make_title_screen(Context& ctx, const ScreenRequest&) {
    auto st = std::make_shared<TitleState>();
    st->overall = ff::compute_progress(ff::save::results_of(ctx.save.profile), ctx.library.packs).overall;
    return Screen{"title", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        ui.paint.vertical_gradient(SDL_Rect{0, 0, ui.width, ui.height}, t.c.background,
                                   t.high_contrast ? t.c.background : mix(t.c.background, t.c.accent, 0.10f));
        const std::vector<Action> acts = actions(ctx);
        const int n = static_cast<int>(acts.size());
        if (ui.key(SDLK_DOWN) || ui.key(SDLK_TAB)) st->focus = (st->focus + 1) % n;
        if (ui.key(SDLK_UP)) st->focus = (st->focus + n - 1) % n;
        if (ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER) || ui.key(SDLK_SPACE)) {
            run(ctx, acts[static_cast<size_t>(std::clamp(st->focus, 0, n - 1))]);
            return;
        }

        // Two columns when there is room: emblem on the left, text and buttons on the right.
        const bool wide = ui.width >= t.px(860);
        const int col_w = std::min(t.px(440) + t.tpx(60), ui.width - 2 * t.px(24));
        const int emblem_h = wide ? std::min(ui.height * 45 / 100, t.px(340)) : std::min(ui.height / 5, t.px(150));
        const int gap = t.px(72);
        const int total_w = wide ? emblem_h * 56 / 100 + gap + col_w : col_w;
        const int left = (ui.width - total_w) / 2;
        const int text_x = wide ? left + emblem_h * 56 / 100 + gap : left;

        const int title_size = t.tpx(46);
        const int btn_h = t.px(46) + t.tpx(4);
        const int btn_gap = t.px(12);
        const int column_h = ui.text.line_height(title_size, true) + t.px(8) + ui.text.line_height(t.font_body()) * 2 +
                             t.px(32) + n * (btn_h + btn_gap);
        int y = std::max(t.px(24), (ui.height - column_h - (wide ? 0 : emblem_h + t.px(24))) / 2);
        if (wide) {
            draw_emblem(ui, left + emblem_h * 28 / 100, ui.height / 2, emblem_h);
        } else {
            draw_emblem(ui, ui.width / 2, y + emblem_h / 2, emblem_h);
            y += emblem_h + t.px(24);
        }

        ui.text.draw_line("无诈校园", text_x, y, title_size, t.c.text, true);
        const int tw = ui.text.measure("无诈校园", title_size, true);
        ui.text.draw_line("FraudFree Campus", text_x + tw + t.px(14),
                          y + ui.text.line_height(title_size, true) - ui.text.line_height(t.font_body()) - t.px(6),
                          t.font_body(), t.c.text_muted);
        y += ui.text.line_height(title_size, true) + t.px(8);
        y += ui.text.draw_wrapped("在真实的骗局里练习说“不”：聊天、短信、来电，由你决定怎么回。", text_x, y, col_w,
                                  t.font_body(), t.c.text_muted);

        // Greeting and progress in one line.
        const auto& p = ctx.save.profile;
        std::string hello = p.nickname.empty() ? "你好，新同学" : "你好，" + p.nickname;
        if (!p.class_name.empty()) hello += " · " + p.class_name;
        if (st->overall.scenarios_finished > 0)
            hello += " · 已完成 " + std::to_string(st->overall.scenarios_finished) + "/" +
                     std::to_string(st->overall.scenarios_total) + " 个场景，平均最佳 " +
                     std::to_string(static_cast<int>(std::lround(st->overall.best))) + " 分";
        y += t.px(6);
        y += ui.text.draw_wrapped(hello, text_x, y, col_w, t.font_body(), t.c.text, true) + t.px(20);

        for (int i = 0; i < n; ++i) {
            const Action& a = acts[static_cast<size_t>(i)];
            SDL_Rect r{text_x, y, i == 0 ? col_w : col_w, btn_h};
            if (ui.button(r, a.label, a.kind, i == st->focus)) {
                run(ctx, a);
                return;
            }
            y += btn_h + btn_gap;
        }

        const std::string help = "遇到可疑情况：先停下，不转账，拨打 96110 或联系辅导员、学校保卫处";
        const int hs = t.font_small();
        const int hw = ui.text.measure(help, hs);
        ui.text.draw_line(ui.text.elide(help, hs, ui.width - t.px(32)), std::max(t.px(16), (ui.width - hw) / 2),
                          ui.height - ui.text.line_height(hs) - t.px(14), hs, t.c.text_muted);
    }, {}};
}

} // namespace ff::game
