#include "screens/class_progress_screen.h"

#include "screens/confirm_dialog.h"
#include "screens/player_flow.h"
#include "screens/widgets.h"

#include "net/net_session.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

namespace ff::game {
namespace {

constexpr double kRefreshSeconds = 10.0; // the class moves while students play

struct ClassProgressState {
    std::string back;
    std::optional<ff::net::ClassStatus> status;
    std::string error;
    bool loading = false;
    double next_refresh = 0;
    int seen_sent = -1;
    Scroll scroll;
    enum class Ask { none, switch_class, leave } ask = Ask::none;
    ConfirmDialog dialog;
    std::string leave_error;
};

// What happens to the results, said before the student switches or leaves (game/net keeps
// unsent results bound to the class they were played in: NetSession::hand_over).
ConfirmDialog switch_dialog(const std::string& class_name, int unsent) {
    ConfirmDialog d;
    d.title = "换到另一个班级？";
    d.body = "已经同步的成绩留在「" + class_name + "」，辅导员仍能看到。";
    if (unsent > 0)
        d.body += "还有 " + std::to_string(unsent) + " 条成绩没同步，它们仍会发给「" + class_name + "」。";
    d.body += "输入新的加入码并加入成功后，之后的练习才算新班级；本机的练习记录和反诈档案都会保留。";
    d.ok_label = "去输入加入码";
    return d;
}

ConfirmDialog leave_dialog(const std::string& class_name, int unsent) {
    ConfirmDialog d;
    d.title = "退出「" + class_name + "」？";
    d.body = "已经同步的成绩留在班级里，辅导员仍能看到。";
    if (unsent > 0) d.body += "还有 " + std::to_string(unsent) + " 条成绩没同步，它们仍会发给这个班级。";
    d.body += "退出后的练习只保存在本机，以后加入班级时再一起同步。";
    d.ok_label = "退出班级";
    d.danger = true;
    return d;
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

const char* check_name(const std::string& id) {
    if (id == "finished") return "完成全部场景的同学比例";
    if (id == "mean_best") return "全班最佳成绩平均分";
    if (id == "no_scammed") return "没有人最近一次“被骗”";
    return "条件";
}

void progress_bar(Ui& ui, SDL_Rect r, int pct, SDL_Color fill) {
    const Theme& t = ui.theme;
    ui.paint.fill_round_rect(r, r.h / 2, t.c.panel_border);
    const int w = r.w * std::clamp(pct, 0, 100) / 100;
    if (w > 0) ui.paint.fill_round_rect(SDL_Rect{r.x, r.y, std::max(w, r.h), r.h}, r.h / 2, fill);
}

// Draws the whole status into a column; returns the height used.
int draw_status(Ui& ui, const ff::net::ClassStatus& s, int x, int y, int w) {
    const Theme& t = ui.theme;
    const int y0 = y;
    const int lh = ui.text.line_height(t.font_body());
    const std::string head =
        s.goal_met ? "已达成“无诈班级”！" : "距离“无诈班级”：" + std::to_string(s.progress_pct) + "%";
    y += ui.text.draw_wrapped(head, x, y, w, t.font_large(), s.goal_met ? t.c.safe : t.c.text, true) + t.px(10);
    progress_bar(ui, SDL_Rect{x, y, w, t.px(18)}, s.goal_met ? 100 : s.progress_pct, s.goal_met ? t.c.safe : t.c.accent);
    y += t.px(18) + t.px(14);

    std::string facts = std::to_string(s.class_students) + " 名同学 · 全班平均最佳 " + one_decimal(s.class_mean_best) + " 分";
    if (s.rank) facts += " · 排行榜第 " + std::to_string(*s.rank) + " 名（共 " + std::to_string(s.classes_ranked) + " 个班）";
    y += ui.text.draw_wrapped(facts, x, y, w, t.font_body(), t.c.text_muted) + t.px(18);

    for (const auto& c : s.checks) {
        SDL_Rect card{x, y, w, 0};
        std::string line = std::string(c.met ? "【达成】" : "【未达成】") + check_name(c.id);
        if (!c.value.empty() && c.id != "no_scammed") line += "：" + c.value + (c.target.empty() ? "" : " / 目标 " + c.target);
        TextBlock a = ui.text.layout(line, t.font_body(), w - 2 * t.px(14), true);
        TextBlock b = ui.text.layout(c.met ? "已满足" : c.missing, t.font_small(), w - 2 * t.px(14));
        card.h = a.height + b.height + t.px(8) + 2 * t.px(12);
        ui.paint.fill_round_rect_bordered(card, t.px(10), t.c.panel, c.met ? t.c.safe : t.c.panel_border, t.px(2));
        ui.text.draw_block(a, x + t.px(14), y + t.px(12), a.width, c.met ? t.c.safe : t.c.text);
        ui.text.draw_block(b, x + t.px(14), y + t.px(12) + a.height + t.px(8), b.width, t.c.text_muted);
        y += card.h + t.px(10);
    }
    y += t.px(10);

    y += ui.text.draw_wrapped("我的进度", x, y, w, t.font_title(), t.c.text, true) + t.px(6);
    y += ui.text.draw_wrapped("已完成 " + std::to_string(s.my_finished) + " / " + std::to_string(s.my_total) +
                                  " 个场景 · 我的平均最佳 " + one_decimal(s.my_mean_best) + " 分",
                              x, y, w, t.font_body(), t.c.text) + t.px(6);
    if (!s.my_missing.empty()) {
        std::string missing = "还没练的：";
        const size_t shown = std::min<size_t>(s.my_missing.size(), 8);
        for (size_t i = 0; i < shown; ++i) missing += (i ? "、" : "") + ("「" + s.my_missing[i] + "」");
        if (s.my_missing.size() > shown) missing += " 等 " + std::to_string(s.my_missing.size()) + " 个";
        y += ui.text.draw_wrapped(missing, x, y, w, t.font_small(), t.c.text_muted) + lh / 2;
    }
    return y - y0;
}

} // namespace

Screen make_class_progress_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<ClassProgressState>();
    st->back = req.back.empty() ? "title" : req.back;
    return Screen{"class", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        // A question on top takes the input first, so nothing below reacts to its clicks.
        if (st->ask != ClassProgressState::Ask::none) {
            const ConfirmAnswer a = confirm_dialog_input(ui, st->dialog);
            if (a == ConfirmAnswer::cancel) st->ask = ClassProgressState::Ask::none;
            if (a == ConfirmAnswer::ok && st->ask == ClassProgressState::Ask::switch_class) {
                st->ask = ClassProgressState::Ask::none;
                ctx.open(request_with_back("join", "class"));
                return;
            }
            if (a == ConfirmAnswer::ok && st->ask == ClassProgressState::Ask::leave) {
                st->ask = ClassProgressState::Ask::none;
                try {
                    ctx.net->leave_class();
                    ff::net::apply_leave(ctx.save.profile);
                    persist_profile(ctx);
                    ctx.notices.push_back("已退出班级。之后的练习先保存在本机。");
                    ctx.open(ScreenRequest{"title"});
                    return;
                } catch (const std::exception& e) {
                    st->leave_error = std::string("退出班级失败：") + e.what();
                }
            }
            if (a != ConfirmAnswer::none) ui.redraw();
        }
        bool back = false;
        const std::string& name = ctx.save.profile.class_name;
        const int top = draw_top_bar(ui, name.empty() ? "班级进度" : "班级进度 · " + name, "返回", &back);
        if (back) {
            ctx.open(ScreenRequest{st->back});
            return;
        }
        const int col_w = std::min(ui.width - 2 * t.px(24), t.px(760));
        const int x = (ui.width - col_w) / 2;
        SDL_Rect view{0, top, ui.width, ui.height - top};

        const std::string& token = ctx.save.profile.student_token;
        if (!ctx.net || !ctx.net->has_server() || token.empty()) {
            ui.text.draw_wrapped(token.empty() ? "还没有加入班级。回到首页点“加入班级”，输入老师给的加入码。"
                                               : "这台电脑没有设置班级服务器，暂时看不到班级进度。",
                                 x, top + t.px(40), col_w, t.font_body(), t.c.text_muted, false, Align::center);
            return;
        }

        // Refresh at start, every few seconds, and as soon as one of our results arrived.
        const int sent = ctx.net->sync_status().sent;
        if (st->loading) {
            if (auto r = ctx.net->take_class()) {
                st->loading = false;
                if (r->ok()) {
                    st->status = *r->value;
                    st->error.clear();
                } else {
                    st->error = r->error.message;
                }
                ui.redraw();
            } else {
                ui.wake_in(0.1);
            }
        } else if (ui.now >= st->next_refresh || sent != st->seen_sent) {
            st->seen_sent = sent;
            st->next_refresh = ui.now + kRefreshSeconds;
            ctx.net->start_class_refresh(token);
            st->loading = true;
            ui.wake_in(0.1);
        }
        if (!st->loading) ui.wake_in(std::max(0.1, st->next_refresh - ui.now));

        int y = top + t.px(24) - st->scroll.offset;
        ui.paint.push_clip(view);
        int content = t.px(24);
        if (!st->error.empty()) {
            content += ui.text.draw_wrapped("读取班级进度失败：" + st->error, x, y, col_w, t.font_body(), t.c.scammed) +
                       t.px(12);
            y = top + content - st->scroll.offset;
        }
        if (st->status) {
            content += draw_status(ui, *st->status, x, y, col_w);
        } else if (st->error.empty()) {
            content += ui.text.draw_wrapped("正在读取班级进度……", x, y, col_w, t.font_body(), t.c.text_muted, false,
                                            Align::center) + t.px(24);
        }
        {
            // Switching or leaving: always reachable, even when the class cannot be read.
            y = top + content - st->scroll.offset;
            content += t.px(8);
            y += t.px(8);
            if (!st->leave_error.empty()) {
                const int h = ui.text.draw_wrapped(st->leave_error, x, y, col_w, t.font_small(), t.c.scammed) + t.px(8);
                y += h;
                content += h;
            }
            const int bh = t.px(44) + t.tpx(4);
            const int bw = (col_w - t.px(12)) / 2;
            const bool ask_open = st->ask != ClassProgressState::Ask::none;
            if (ui.button(SDL_Rect{x, y, bw, bh}, "换个班级", ButtonKind::secondary) && !ask_open) {
                st->dialog = switch_dialog(name, ctx.net->unsent_results());
                st->ask = ClassProgressState::Ask::switch_class;
            }
            if (ui.button(SDL_Rect{x + col_w - bw, y, bw, bh}, "退出班级", ButtonKind::ghost) && !ask_open) {
                st->dialog = leave_dialog(name, ctx.net->unsent_results());
                st->ask = ClassProgressState::Ask::leave;
            }
            content += bh;
        }
        ui.paint.pop_clip();
        content += t.px(48);
        st->scroll.update(ui, view, content);
        draw_scrollbar(ui, view, content, st->scroll.offset);
        if (ui.key(SDLK_r)) st->next_refresh = 0;
        if (st->ask != ClassProgressState::Ask::none) draw_confirm_dialog(ui, st->dialog);
    }, {}};
}

} // namespace ff::game
