#include "screens/chat_screen.h"

#include "screens/call_decline.h"
#include "screens/chat_view.h"
#include "screens/phone_clock.h"
#include "screens/widgets.h"

#include "fraudfree/result.h"
#include "fraudfree/runner.h"
#include "save/settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>

namespace ff::game {
namespace {

struct ChatState {
    const ff::Pack* pack = nullptr;
    const ff::Scenario* scenario = nullptr;
    std::optional<ff::Runner> runner;
    ChatStyle style = ChatStyle::messenger;
    size_t revealed = 0;        // messages of the current node (or ending) on screen
    double node_started = -1;   // ui.now when the current node began
    bool skip = false;          // the student skipped the waiting
    bool ringing = false;       // call not answered yet
    bool declined = false;
    bool live = false;          // a choice was made here (not replayed): record the result
    std::optional<ff::ResultRecord> result;
    std::string save_error;
    Scroll scroll;
    int focus = 0;
    bool keyboard = false;      // show the focus ring once keys are used
    bool ring_sound = false;
    std::vector<int> heights;                 // measured height per conversation item
    std::vector<ChatItem::Kind> height_kinds; // what each measured item was (typing turns into a message)
    int heights_width = -1;
    float heights_scale = 0;
    PhoneClock clock;
    int opened_minutes = 0;     // when the conversation began, for its first time stamp
    std::string clock_shown;    // the status bar's time in this frame
};

// Seconds of "story time" the call has lasted: derived from what was said, not the clock.
int call_seconds(const ChatState& st) {
    double s = 3;
    const auto& tr = st.runner->transcript();
    size_t hidden = st.runner->pending_messages().size() - std::min(st.revealed, st.runner->pending_messages().size());
    for (size_t i = 0; i + hidden < tr.size(); ++i) {
        const auto& e = tr[i];
        s += 2.0 + static_cast<double>(e.text.size()) / 3.0 * 0.22; // ~4.5 Chinese characters a second
    }
    return static_cast<int>(s);
}

std::vector<ChatItem> visible_items(const ChatState& st) {
    std::vector<ChatItem> items;
    const ff::Scenario& sc = *st.scenario;
    bool group = sc.contact.avatar == "group";
    std::string first = st.style == ChatStyle::sms ? "短信 · 今天 " + clock_text(st.opened_minutes)
                        : st.declined                 ? "来电已拒接 " + clock_text(st.opened_minutes)
                        : st.style == ChatStyle::call ? "通话已接通"
                                                      : "今天 " + clock_text(st.opened_minutes);
    items.push_back(ChatItem{ChatItem::Kind::stamp, first, "", nullptr, false});
    if (st.declined) {
        items.push_back(ChatItem{ChatItem::Kind::narration, "（你拒接了这个陌生来电。陌生号码不接、不信、不回拨。）", "", nullptr, false});
        return items;
    }
    const auto& tr = st.runner->transcript();
    size_t pending = st.runner->pending_messages().size();
    size_t hidden = pending - std::min(st.revealed, pending);
    for (size_t i = 0; i + hidden < tr.size(); ++i) {
        const auto& e = tr[i];
        bool me = e.who == ff::TranscriptEntry::Who::me;
        if (is_narration(e.text)) {
            items.push_back(ChatItem{ChatItem::Kind::narration, e.text, "", nullptr, false});
            continue;
        }
        std::string from = !me && e.message ? e.message->from : "";
        if (!me && is_system_sender(from)) {
            items.push_back(ChatItem{ChatItem::Kind::narration, e.text, "", nullptr, false});
            continue;
        }
        if (!me && is_notification_sender(from)) {
            items.push_back(ChatItem{ChatItem::Kind::notice, e.text, from, nullptr, false});
            if (e.message->attachment)
                items.push_back(ChatItem{ChatItem::Kind::attachment, "", from, &*e.message->attachment, false});
            continue;
        }
        if (!e.text.empty())
            items.push_back(ChatItem{me ? ChatItem::Kind::me : ChatItem::Kind::them, e.text, from, nullptr, group || !from.empty()});
        if (!me && e.message && e.message->attachment)
            items.push_back(ChatItem{ChatItem::Kind::attachment, "", from, &*e.message->attachment, false});
    }
    // The typing bubble belongs to whoever speaks next (in a group chat, not always the group).
    if (hidden > 0)
        items.push_back(ChatItem{ChatItem::Kind::typing, "", st.runner->pending_messages()[pending - hidden].from, nullptr, false});
    return items;
}

void finish_if_done(Context& ctx, ChatState& st) {
    if (!st.runner->finished() || st.result) return;
    if (st.revealed < st.runner->pending_messages().size()) return;
    ff::MakeResult r = ff::make_result(*st.pack, st.scenario->id, st.runner->path());
    if (!r.record) {
        st.save_error = r.error;
        return;
    }
    st.result = r.record;
    if (st.live) {
        st.save_error = ctx.record_result(*st.result);
        ctx.sound(st.result->ending_kind == ff::EndingKind::scammed ? Cue::scammed_ending : Cue::safe_ending);
    }
}

void take_choice(Context& ctx, ChatState& st, Ui& ui, int n) {
    if (!st.runner->choose(n)) return;
    st.revealed = 0;
    st.node_started = ui.now;
    st.skip = false;
    st.live = true;
    st.focus = 0;
    st.scroll.to_bottom(); // the student's own reply always shows, like in a messenger
    ctx.sound(Cue::message_out);
    ui.redraw();
}

// The status bar at the top of the phone: time, signal, battery.
void draw_status_bar(Ui& ui, SDL_Rect r, SDL_Color fg, const std::string& time) {
    const Theme& t = ui.theme;
    int size = t.font_small();
    int lh = ui.text.line_height(size, true);
    ui.text.draw_line(time, r.x + t.px(18), r.y + (r.h - lh) / 2, size, fg, true);
    int x = r.x + r.w - t.px(18);
    // Battery.
    int bw = t.px(22), bh = t.px(11);
    SDL_Rect batt{x - bw, r.y + (r.h - bh) / 2, bw, bh};
    ui.paint.fill_round_rect(batt, t.px(3), fg);
    ui.paint.fill_round_rect(SDL_Rect{batt.x + t.px(1.5f), batt.y + t.px(1.5f), batt.w - t.px(3), batt.h - t.px(3)}, t.px(2),
                             with_alpha(fg, 0) );
    x -= bw + t.px(8);
    // Signal bars.
    for (int i = 3; i >= 0; --i) {
        int h = t.px(4) + i * t.px(2.5f);
        ui.paint.fill_rect(SDL_Rect{x - t.px(3), r.y + r.h / 2 + t.px(5.5f) - h, t.px(3), h}, fg);
        x -= t.px(5);
    }
}

std::string new_messages_label(int unseen) {
    return unseen > 1 ? "↓ " + std::to_string(unseen) + " 条新消息" : std::string("↓ 新消息");
}

// Where the "new messages" pill sits: centred just above the bottom of the conversation.
SDL_Rect new_messages_pill_rect(Ui& ui, SDL_Rect view, int unseen) {
    const Theme& t = ui.theme;
    const int size = t.font_small() + t.px(1);
    const int w = ui.text.measure(new_messages_label(unseen), size, true) + t.px(36);
    const int h = ui.text.line_height(size, true) + t.px(16);
    return SDL_Rect{view.x + (view.w - w) / 2, view.y + view.h - h - t.px(12), w, h};
}

void draw_new_messages_pill(Ui& ui, SDL_Rect r, int unseen) {
    const Theme& t = ui.theme;
    ui.hot(r);
    const SDL_Color bg = ui.hover(r) ? mix(t.c.accent, SDL_Color{0, 0, 0, 255}, 0.12f) : t.c.accent;
    // A soft shadow lifts it off the bubbles behind it.
    if (!t.high_contrast)
        ui.paint.fill_round_rect(SDL_Rect{r.x, r.y + t.px(2), r.w, r.h}, r.h / 2, SDL_Color{0, 0, 0, 40});
    if (t.high_contrast) ui.paint.fill_round_rect_bordered(r, r.h / 2, bg, t.c.text, t.px(2));
    else ui.paint.fill_round_rect(r, r.h / 2, bg);
    const int size = t.font_small() + t.px(1);
    const std::string label = new_messages_label(unseen);
    const int w = ui.text.measure(label, size, true);
    ui.text.draw_line(label, r.x + (r.w - w) / 2, r.y + (r.h - ui.text.line_height(size, true)) / 2, size,
                      t.c.accent_text, true);
}

// The incoming-call screen: caller, pulsing rings, answer and decline.
void draw_ringing(Context& ctx, ChatState& st, Ui& ui, SDL_Rect screen) {
    const Theme& t = ui.theme;
    const ff::Contact& c = st.scenario->contact;
    ui.paint.vertical_gradient(screen, t.c.call_bg_top, t.c.call_bg_bottom);
    draw_status_bar(ui, SDL_Rect{screen.x + t.px(4), screen.y - t.px(24), screen.w - t.px(8), t.px(30)}, t.c.call_text, st.clock_shown);
    int cx = screen.x + screen.w / 2;
    int y = screen.y + screen.h / 7;
    int small = t.font_small();
    std::string label = c.platform.empty() ? "来电" : c.platform;
    int lw = ui.text.measure(label, t.font_body());
    ui.text.draw_line(label, cx - lw / 2, y, t.font_body(), with_alpha(t.c.call_text, 190));
    y += t.px(40);
    std::string number = c.number.empty() ? c.name : c.number;
    int size = t.font_large();
    std::string shown = ui.text.elide(number, size, screen.w - t.px(30), true);
    int nw = ui.text.measure(shown, size, true);
    ui.text.draw_line(shown, cx - nw / 2, y, size, t.c.call_text, true);
    y += ui.text.line_height(size, true) + t.px(6);
    if (!c.number.empty() && !c.name.empty()) {
        int w2 = ui.text.measure(c.name, t.font_body());
        ui.text.draw_line(c.name, cx - w2 / 2, y, t.font_body(), with_alpha(t.c.call_text, 200));
    }
    // Pulsing rings around the avatar (animation only while ringing).
    int acy = screen.y + screen.h / 2 - t.px(10);
    int ar = t.px(46);
    if (!ctx.headless) {
        double phase = std::fmod(ui.now, 1.6) / 1.6;
        for (int k = 0; k < 2; ++k) {
            double p = std::fmod(phase + k * 0.5, 1.0);
            int rr = ar + static_cast<int>(p * t.px(40));
            ui.paint.fill_circle(cx, acy, rr, with_alpha(t.c.call_text, static_cast<Uint8>(60 * (1.0 - p))));
        }
        ui.wake_in(1.0 / 20.0); // smooth enough, and cheap on old PCs
    } else {
        ui.paint.fill_circle(cx, acy, ar + t.px(24), with_alpha(t.c.call_text, 28));
        ui.paint.fill_circle(cx, acy, ar + t.px(12), with_alpha(t.c.call_text, 40));
    }
    draw_avatar(ui, cx, acy, ar, c.name, c.avatar + c.name);

    // Answer (right) and decline (left), like a phone.
    auto decline = decline_choice(*st.scenario);
    int br = t.px(34);
    int by = screen.y + screen.h - t.px(110);
    int lx = screen.x + screen.w / 4, rx = screen.x + screen.w * 3 / 4;
    auto round_button = [&](int bx, SDL_Color colr, const char* glyph, const char* text, bool focus) {
        SDL_Rect hit{bx - br, by - br, 2 * br, 2 * br};
        ui.hot(hit);
        if (focus || ui.hover(hit)) ui.paint.fill_circle(bx, by, br + t.px(5), with_alpha(t.c.call_text, 70));
        ui.paint.fill_circle(bx, by, br, colr);
        int gs = t.tpx(22);
        int gw = ui.text.measure(glyph, gs, true);
        ui.text.draw_line(glyph, bx - gw / 2, by - ui.text.line_height(gs, true) / 2, gs, SDL_Color{255, 255, 255, 255}, true);
        int tw = ui.text.measure(text, small);
        ui.text.draw_line(text, bx - tw / 2, by + br + t.px(8), small, t.c.call_text);
        return ui.clicked(hit);
    };
    bool answer = round_button(decline ? rx : cx, t.c.answer, "接", "接听（1）", st.keyboard && st.focus == 0);
    bool hang = decline && round_button(lx, t.c.decline, "拒", "拒接（2）", st.keyboard && st.focus == 1);
    if (ui.key(SDLK_1) || ui.key(SDLK_KP_1)) answer = true;
    if (decline && (ui.key(SDLK_2) || ui.key(SDLK_KP_2))) hang = true;
    if (ui.key(SDLK_LEFT) || ui.key(SDLK_RIGHT) || ui.key(SDLK_TAB)) {
        st.keyboard = true;
        if (decline) st.focus = 1 - st.focus;
    }
    if (ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER)) {
        if (st.focus == 1 && decline) hang = true;
        else answer = true;
    }
    std::string hint = "陌生来电可以直接拒接：不接、不信、不回拨。";
    TextBlock hb = ui.text.layout(hint, small, screen.w - t.px(40), false);
    ui.text.draw_block(hb, screen.x + t.px(20), by - br - t.px(24) - hb.height, screen.w - t.px(40),
                       with_alpha(t.c.call_text, 170), Align::center);
    if (answer || hang) {
        ctx.sound(Cue::ringing_stop);
        st.ring_sound = false;
        st.ringing = false;
        st.node_started = ui.now;
        st.focus = 0;
        if (hang) {
            st.declined = true;
            st.runner->choose(*decline);
            st.revealed = st.runner->pending_messages().size();
            st.live = true;
            finish_if_done(ctx, st);
        }
        ui.redraw();
    }
}

// The reply panel under the conversation; returns its height (measure with draw=false).
int choices_panel(Context& ctx, ChatState& st, Ui& ui, SDL_Rect area, bool all_shown, bool draw) {
    const Theme& t = ui.theme;
    const int pad = t.px(10);
    const int small = t.font_small();
    const int body = t.font_body();
    bool call = st.style == ChatStyle::call;
    SDL_Color muted = call && !t.high_contrast ? SDL_Color{255, 255, 255, 170} : t.c.text_muted;
    int h = pad;
    if ((st.runner->finished() && all_shown) || st.declined) {
        h += t.px(46) + pad;
        if (!st.save_error.empty()) h += ui.text.layout(st.save_error, small, area.w - 2 * pad, false).height + t.px(4);
        if (!draw) return h;
        int y = area.y + pad;
        if (!st.save_error.empty()) y += ui.text.draw_wrapped(st.save_error, area.x + pad, y, area.w - 2 * pad, small, t.c.scammed) + t.px(4);
        bool go = ui.button(SDL_Rect{area.x + pad, y, area.w - 2 * pad, t.px(46)}, "对话结束 · 查看复盘 ›", ButtonKind::primary,
                            st.keyboard);
        if ((go || ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER) || ui.key(SDLK_SPACE)) && st.result) {
            ScreenRequest r{"debrief", st.pack->id, st.scenario->id};
            r.result = st.result;
            ctx.open(r);
        }
        return h;
    }
    if (!all_shown) {
        std::string hint = call ? "对方正在说话…  点击或按空格跳过等待" : "对方正在输入…  点击或按空格跳过等待";
        h += ui.text.line_height(small) + pad;
        if (draw) {
            int w = ui.text.measure(hint, small);
            ui.text.draw_line(hint, area.x + (area.w - w) / 2, area.y + pad, small, muted);
        }
        return h;
    }
    const auto& choices = st.runner->choices();
    std::string title = "选择你的回复（按 1–" + std::to_string(choices.size()) + " 或点击）";
    h += ui.text.line_height(small) + t.px(6);
    int text_w = area.w - 2 * pad - t.px(46);
    std::vector<TextBlock> blocks;
    for (const auto& c : choices) {
        blocks.push_back(ui.text.layout(c.text, body, text_w, false));
        h += blocks.back().height + t.px(18) + t.px(8);
    }
    h += pad - t.px(8);
    if (!draw) return h;

    int y = area.y + pad;
    ui.text.draw_line(title, area.x + pad + t.px(2), y, small, muted);
    y += ui.text.line_height(small) + t.px(6);
    int n = static_cast<int>(choices.size());
    if (ui.key(SDLK_DOWN) || ui.key(SDLK_TAB)) {
        st.keyboard = true;
        st.focus = (st.focus + 1) % n;
    }
    if (ui.key(SDLK_UP)) {
        st.keyboard = true;
        st.focus = (st.focus + n - 1) % n;
    }
    int chosen = 0;
    for (int i = 0; i < n; ++i) {
        const TextBlock& b = blocks[static_cast<size_t>(i)];
        SDL_Rect r{area.x + pad, y, area.w - 2 * pad, b.height + t.px(18)};
        ui.hot(r);
        bool over = ui.hover(r);
        bool focused = st.keyboard && st.focus == i;
        SDL_Color bg = over || focused ? t.c.choice_hover : t.c.choice_bg;
        SDL_Color border = over || focused ? t.c.accent : t.c.choice_border;
        if (call && !t.high_contrast) {
            bg = over || focused ? SDL_Color{255, 255, 255, 60} : SDL_Color{255, 255, 255, 28};
            border = over || focused ? SDL_Color{255, 255, 255, 220} : SDL_Color{255, 255, 255, 70};
        }
        ui.paint.fill_round_rect_bordered(r, t.px(10), bg, border, focused ? t.px(2.5f) : t.px(1.2f));
        int badge_r = t.px(12);
        int bcx = r.x + t.px(22), bcy = r.y + t.px(9) + b.line_height / 2;
        ui.paint.fill_circle(bcx, bcy, badge_r, t.c.accent);
        std::string num = std::to_string(i + 1);
        int nw = ui.text.measure(num, small, true);
        ui.text.draw_line(num, bcx - nw / 2, bcy - ui.text.line_height(small, true) / 2, small, t.c.accent_text, true);
        ui.text.draw_block(b, r.x + t.px(42), r.y + t.px(9), text_w, call && !t.high_contrast ? SDL_Color{255, 255, 255, 255} : t.c.text);
        if (ui.clicked(r)) chosen = i + 1;
        y += r.h + t.px(8);
    }
    for (int i = 0; i < n && i < 4; ++i)
        if (ui.key(SDLK_1 + i) || ui.key(SDLK_KP_1 + i)) chosen = i + 1;
    if (!chosen && (ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER)) && st.keyboard) chosen = st.focus + 1;
    if (chosen) take_choice(ctx, st, ui, chosen);
    return h;
}

void draw_side_panel(Context& ctx, ChatState& st, Ui& ui, SDL_Rect r) {
    const Theme& t = ui.theme;
    const ff::Scenario& sc = *st.scenario;
    int pad = t.px(18);
    int x = r.x + pad, w = r.w - 2 * pad, y = r.y + pad;
    if (ui.button(SDL_Rect{x, y, std::min(w, t.px(150)), t.px(38)}, "‹ 退出场景", ButtonKind::ghost) || ui.key(SDLK_ESCAPE)) {
        ctx.sound(Cue::ringing_stop);
        ctx.open(ScreenRequest{"list"});
    }
    y += t.px(58);
    std::string meta = category_name(ctx.library, sc.category) + " · " + channel_label(sc.channel);
    ui.text.draw_line(meta, x, y, t.font_small(), t.c.accent, true);
    y += ui.text.line_height(t.font_small(), true) + t.px(6);
    y += ui.text.draw_wrapped(sc.title, x, y, w, t.font_title(), t.c.text, true) + t.px(10);
    y += ui.text.draw_wrapped(sc.summary, x, y, w, t.font_small(), t.c.text_muted) + t.px(24);
    const char* tips[] = {"像在手机上一样回复：点选项，或按 1–4。", "空格 / 点击聊天区：跳过等待。", "滚轮或 PgUp / PgDn：翻看聊天记录。",
                          "不用着急，这里不计时，想清楚再回。"};
    for (const char* tip : tips) {
        ui.paint.fill_circle(x + t.px(4), y + ui.text.line_height(t.font_small()) / 2, t.px(3), t.c.text_muted);
        y += ui.text.draw_wrapped(tip, x + t.px(14), y, w - t.px(14), t.font_small(), t.c.text_muted) + t.px(6);
    }
}

} // namespace

Screen make_chat_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<ChatState>();
    st->pack = ctx.library.find_pack(req.pack_id);
    if (!st->pack) st->pack = ctx.library.pack_of_scenario(req.scenario_id);
    st->scenario = st->pack ? st->pack->find_scenario(req.scenario_id) : nullptr;
    if (!st->scenario) {
        // The scenario vanished (reload, bad id): the list is the honest fallback.
        return Screen{"chat", [&ctx](Ui&) { ctx.open(ScreenRequest{"list"}); }, {}};
    }
    st->runner.emplace(*st->scenario);
    st->clock = make_phone_clock(ctx.headless, std::getenv("FRAUDFREE_CLOCK"));
    st->opened_minutes = clock_minutes(st->clock, std::time(nullptr));
    st->style = st->scenario->channel == ff::Channel::sms    ? ChatStyle::sms
                : st->scenario->channel == ff::Channel::call ? ChatStyle::call
                                                             : ChatStyle::messenger;
    st->scroll.stick_bottom = true;
    for (int c : req.choices) {
        if (!st->runner->choose(c)) break;
    }
    if (!req.choices.empty()) st->revealed = st->runner->pending_messages().size();
    st->ringing = st->style == ChatStyle::call && req.choices.empty() && req.id != "chat-answered";
    if (st->ringing && req.id == "call" && ctx.headless) st->ringing = true;
    finish_if_done(ctx, *st);

    Screen screen;
    screen.id = "chat";
    screen.leave = [&ctx, st] {
        if (st->ring_sound) ctx.sound(Cue::ringing_stop);
    };
    screen.frame = [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        ChatState& s = *st;
        if (s.node_started < 0) s.node_started = ui.now;
        {
            // The phone shows the real time; redraw when the minute turns, not more often.
            const std::time_t now = std::time(nullptr);
            s.clock_shown = clock_text(clock_minutes(s.clock, now));
            const double next = seconds_until_next_minute(s.clock, now);
            if (next > 0) ui.wake_in(next);
        }

        // Pacing: messages appear after their delays, scaled by the text speed setting.
        const auto& pending = s.runner->pending_messages();
        double speed = ff::save::speed_factor(ctx.save.settings.text_speed);
        if (!s.ringing && !s.declined) {
            size_t due = s.skip ? pending.size() : ff::messages_due(pending, ui.now - s.node_started, speed);
            if (due > s.revealed) {
                // A student reading further up keeps their place; a pill offers the jump.
                s.scroll.arrived(static_cast<int>(due - s.revealed));
                s.revealed = due;
                ctx.sound(Cue::message_in);
            }
            if (s.revealed < pending.size()) {
                double at = 0;
                for (size_t i = 0; i <= s.revealed && i < pending.size(); ++i) at += std::max(0.0, pending[i].delay) * speed;
                double left = at - (ui.now - s.node_started);
                ui.wake_in(std::min(left, 1.0 / 3.0)); // typing dots animate meanwhile
            }
            finish_if_done(ctx, s);
        }
        bool all_shown = s.revealed >= pending.size();

        // Phone geometry: centred, as tall as the window allows.
        int margin = t.px(14);
        int ph = ui.height - 2 * margin;
        int pw = std::min(ui.width - 2 * margin, std::max(static_cast<int>(static_cast<float>(t.px(370)) * t.text_scale),
                                                          static_cast<int>(ph * 0.56f)));
        SDL_Rect phone{(ui.width - pw) / 2, margin, pw, ph};
        int side_w = phone.x - t.px(20);
        if (side_w >= t.px(220)) {
            SDL_Rect side{t.px(10), margin, std::min(side_w, t.px(420)), ph};
            side.x = phone.x - t.px(20) - side.w;
            draw_side_panel(ctx, s, ui, side);
        } else if (ui.key(SDLK_ESCAPE)) {
            ctx.sound(Cue::ringing_stop);
            ctx.open(ScreenRequest{"list"});
        }
        int bezel = t.px(9);
        SDL_Rect screen{phone.x + bezel, phone.y + bezel, phone.w - 2 * bezel, phone.h - 2 * bezel};
        int sr = t.px(26);
        // The frame is only the bezel: the screen (opaque theme colours) covers the rest.
        ui.paint.fill_round_rect(phone, t.px(34), t.c.phone_frame, SDL_Rect{screen.x, screen.y + sr, screen.w, screen.h - 2 * sr});

        if (s.ringing) {
            if (!s.ring_sound) {
                ctx.sound(Cue::ringing_start);
                s.ring_sound = true;
            }
            // Rounded top in the gradient's first colour, rounded bottom in its last.
            ui.paint.fill_round_rect(SDL_Rect{screen.x, screen.y, screen.w, 2 * sr}, sr, t.c.call_bg_top);
            ui.paint.fill_round_rect(SDL_Rect{screen.x, screen.y + screen.h - 2 * sr, screen.w, 2 * sr}, sr, t.c.call_bg_bottom);
            draw_ringing(ctx, s, ui, SDL_Rect{screen.x, screen.y + sr, screen.w, screen.h - 2 * sr});
            return;
        }

        const bool call = s.style == ChatStyle::call;
        const bool sms = s.style == ChatStyle::sms;
        SDL_Color bg = call ? t.c.call_bg_bottom : sms ? t.c.panel : t.c.chat_bg;
        SDL_Color bar_bg = call ? t.c.call_bg_top : t.c.header_bg;
        SDL_Color bar_fg = call ? t.c.call_text : t.c.header_text;
        int status_h = t.px(30);
        const ff::Contact& c = s.scenario->contact;
        int header_h = sms || call ? t.px(96) : t.px(52);
        // Below the header the conversation and the reply panel cover the screen down to the
        // panel's rounded corners, so only the top and those corners are painted here.
        ui.paint.fill_round_rect(screen, sr, bar_bg,
                                 SDL_Rect{screen.x, screen.y + status_h + header_h, screen.w, screen.h - status_h - header_h - sr});
        draw_status_bar(ui, SDL_Rect{screen.x + t.px(4), screen.y + t.px(2), screen.w - t.px(8), status_h}, bar_fg, s.clock_shown);

        // Contact header.
        SDL_Rect header{screen.x, screen.y + status_h, screen.w, header_h};
        {
            SDL_Rect back{header.x + t.px(4), header.y, t.px(40), t.px(44)};
            ui.hot(back);
            int bs = t.tpx(26);
            ui.text.draw_line("‹", back.x + t.px(8), back.y + (back.h - ui.text.line_height(bs)) / 2, bs,
                              call ? bar_fg : t.c.accent);
            if (ui.clicked(back)) {
                ctx.open(ScreenRequest{"list"});
            }
            int cx = header.x + header.w / 2;
            if (sms || call) {
                int ar = t.px(22);
                draw_avatar(ui, cx, header.y + ar + t.px(2), ar, c.name, c.avatar + c.name);
                std::string line1 = sms ? (c.number.empty() ? c.name : c.number) : (c.number.empty() ? c.name : c.number);
                std::string line2;
                if (call) {
                    int secs = call_seconds(s);
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%02d:%02d", secs / 60, secs % 60);
                    line2 = s.declined                            ? std::string("已拒接")
                            : s.runner->finished() && all_shown ? std::string("通话结束 ") + buf
                                                                : std::string("通话中 ") + buf;
                } else {
                    line2 = c.platform.empty() ? "短信" : c.platform;
                    if (!c.name.empty() && !c.number.empty() && c.name != c.number) line2 = c.name + " · " + line2;
                }
                int size = t.font_body();
                std::string l1 = ui.text.elide(line1, size, header.w - t.px(100), true);
                int w1 = ui.text.measure(l1, size, true);
                int y1 = header.y + 2 * ar + t.px(6);
                ui.text.draw_line(l1, cx - w1 / 2, y1, size, bar_fg, true);
                std::string l2 = ui.text.elide(line2, t.font_small(), header.w - t.px(60));
                int w2 = ui.text.measure(l2, t.font_small());
                ui.text.draw_line(l2, cx - w2 / 2, y1 + ui.text.line_height(size, true), t.font_small(),
                                  call ? with_alpha(bar_fg, 190) : t.c.text_muted);
            } else {
                int size = t.tpx(16.5f);
                std::string title = all_shown || s.runner->finished() ? c.name : "对方正在输入…";
                std::string shown = ui.text.elide(title, size, header.w - t.px(110), true);
                int w1 = ui.text.measure(shown, size, true);
                ui.text.draw_line(shown, cx - w1 / 2, header.y + (header_h - ui.text.line_height(size, true)) / 2, size,
                                  bar_fg, true);
                // "..." menu on the right, like a messenger.
                for (int i = 0; i < 3; ++i)
                    ui.paint.fill_circle(header.x + header.w - t.px(34) + i * t.px(8), header.y + header_h / 2, t.px(2), bar_fg);
            }
            if (!call) ui.paint.fill_rect(SDL_Rect{header.x, header.y + header_h - 1, header.w, 1}, t.c.panel_border);
        }

        // Reply panel at the bottom, messages in between.
        int body_top = header.y + header_h;
        int bottom = screen.y + screen.h;
        SDL_Rect measure_area{screen.x, 0, screen.w, 0};
        int panel_h = choices_panel(ctx, s, ui, measure_area, all_shown, false) + sr / 2;
        panel_h = std::min(panel_h, (bottom - body_top) * 7 / 10);
        SDL_Rect view{screen.x, body_top, screen.w, bottom - panel_h - body_top};
        ui.paint.fill_rect(view, bg);

        std::vector<ChatItem> items = visible_items(s);
        int content_h = t.px(8);
        // Item heights only change with the width or the text size, and the conversation only
        // grows at its end, so a 500-message chat measures just its newest lines per frame.
        if (s.heights_width != view.w || s.heights_scale != t.scale * t.text_scale) {
            s.heights.clear();
            s.height_kinds.clear();
            s.heights_width = view.w;
            s.heights_scale = t.scale * t.text_scale;
        }
        for (size_t i = 0; i < items.size(); ++i) {
            if (i < s.heights.size() && s.height_kinds[i] == items[i].kind) continue;
            s.heights.resize(i);
            s.height_kinds.resize(i);
            for (size_t j = i; j < items.size(); ++j) {
                s.heights.push_back(chat_item(ui, items[j], s.style, c, view.x, 0, view.w, false));
                s.height_kinds.push_back(items[j].kind);
            }
            break;
        }
        s.heights.resize(items.size());
        s.height_kinds.resize(items.size());
        const std::vector<int>& heights = s.heights;
        for (int h : heights) content_h += h;
        const SDL_Rect pill = new_messages_pill_rect(ui, view, s.scroll.unseen);
        if (s.scroll.unseen > 0 && ui.clicked(pill)) s.scroll.to_bottom();
        s.scroll.update(ui, view, content_h);
        if (all_shown == false || s.runner->finished()) {
            // Space or a click on the conversation skips the waiting.
            if (!all_shown && (ui.key(SDLK_SPACE) || ui.clicked(view))) {
                s.skip = true;
                ui.redraw();
            }
        }
        ui.hot(view);
        ui.paint.push_clip(view);
        int y = view.y + t.px(8) - s.scroll.offset;
        for (size_t i = 0; i < items.size(); ++i) {
            if (y + heights[i] >= view.y && y <= view.y + view.h) chat_item(ui, items[i], s.style, c, view.x, y, view.w, true);
            y += heights[i];
        }
        ui.paint.pop_clip();
        draw_scrollbar(ui, view, content_h, s.scroll.offset);
        if (s.scroll.unseen > 0) draw_new_messages_pill(ui, new_messages_pill_rect(ui, view, s.scroll.unseen), s.scroll.unseen);

        SDL_Rect panel{screen.x, bottom - panel_h, screen.w, panel_h};
        SDL_Color panel_bg = call ? t.c.call_bg_bottom : t.c.header_bg;
        ui.paint.fill_round_rect(panel, sr, panel_bg);
        ui.paint.fill_rect(SDL_Rect{panel.x, panel.y, panel.w, std::min(sr, panel.h)}, panel_bg);
        if (!call) ui.paint.fill_rect(SDL_Rect{panel.x, panel.y, panel.w, 1}, t.c.panel_border);
        ui.paint.push_clip(panel);
        choices_panel(ctx, s, ui, panel, all_shown, true);
        ui.paint.pop_clip();
    };
    return screen;
}

} // namespace ff::game
