#include "screens/settings_screen.h"

#include "screens/form_controls.h"
#include "screens/server_setting.h"
#include "screens/widgets.h"

#include "net/net_session.h"

#include <algorithm>
#include <filesystem>
#include <memory>

namespace ff::game {
namespace {

using ff::save::Settings;

enum Row { kTextSize, kContrast, kSound, kVolume, kSpeed, kWindow, kServer, kRowCount };

struct SettingsState {
    int focus = 0;
    bool focus_moved = false;
    Scroll scroll;
    std::string back;
    TextField server;          // the address being typed
    std::string server_error;  // why the typed address was not saved
    std::string resolved_for = "\x01"; // settings.server_url the note below was made for
    std::string server_note;
    bool restart_net = false;  // the saved address changed: reconnect after saving it
};

const char* row_title(int row) {
    switch (row) {
    case kTextSize: return "文字大小";
    case kContrast: return "高对比度";
    case kSound: return "声音";
    case kVolume: return "音量";
    case kSpeed: return "消息速度";
    case kWindow: return "显示方式";
    case kServer: return "服务器地址";
    }
    return "";
}

const char* row_hint(int row) {
    switch (row) {
    case kTextSize: return "聊天、选项和说明文字的大小。";
    case kContrast: return "黑底白字、粗边框，投影仪和弱视也看得清。";
    case kSound: return "新消息、来电铃声和结局的提示音。";
    case kVolume: return "点一下滑条，或用 ← → 调节。";
    case kSpeed: return "对方“正在输入”的等待时间；按空格键随时跳过。";
    case kWindow: return "F11 也可以切换全屏。";
    case kServer: return "班级服务器的地址，老师会告诉你；留空则只在本机练习。";
    }
    return "";
}

std::vector<std::string> row_options(int row) {
    switch (row) {
    case kTextSize: return {"100%", "125%", "150%"};
    case kContrast: return {"关", "开"};
    case kSound: return {"开", "静音"};
    case kSpeed: return {"立即", "正常", "慢"};
    case kWindow: return {"窗口", "全屏"};
    }
    return {};
}

int selected_option(const Settings& s, int row) {
    switch (row) {
    case kTextSize: return s.text_scale == 150 ? 2 : s.text_scale == 125 ? 1 : 0;
    case kContrast: return s.high_contrast ? 1 : 0;
    case kSound: return s.muted ? 1 : 0;
    case kSpeed: return static_cast<int>(s.text_speed);
    case kWindow: return s.fullscreen ? 1 : 0;
    }
    return 0;
}

void apply_option(Settings& s, int row, int option) {
    switch (row) {
    case kTextSize: s.text_scale = option == 2 ? 150 : option == 1 ? 125 : 100; break;
    case kContrast: s.high_contrast = option == 1; break;
    case kSound: s.muted = option == 1; break;
    case kSpeed: s.text_speed = static_cast<Settings::TextSpeed>(std::clamp(option, 0, 2)); break;
    case kWindow: s.fullscreen = option == 1; break;
    }
}

} // namespace

std::vector<SettingsRow> settings_rows(int control_h, int field_h, const std::string& server_note) {
    std::vector<SettingsRow> rows;
    for (int row = 0; row < kRowCount; ++row)
        rows.push_back(SettingsRow{row_title(row), row_hint(row), row == kServer ? field_h : control_h,
                                   row == kServer ? server_note : std::string(), row == kServer});
    return rows;
}

Screen make_settings_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<SettingsState>();
    st->back = req.back.empty() ? "list" : req.back;
    st->server.text = ctx.save.settings.server_url;
    st->server.max_codepoints = 200;
    return Screen{"settings", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        const int top = draw_top_bar(ui, "设置", "返回", &back);
        if (back) {
            ctx.open(ScreenRequest{st->back});
            return;
        }
        Settings s = ctx.save.settings;

        // Keyboard: ↑↓ pick a row, ←→ change it.
        if (ui.key(SDLK_DOWN) || ui.key(SDLK_TAB)) {
            st->focus = (st->focus + 1) % kRowCount;
            st->focus_moved = true;
        }
        if (ui.key(SDLK_UP)) {
            st->focus = (st->focus + kRowCount - 1) % kRowCount;
            st->focus_moved = true;
        }
        const int step = st->focus == kServer ? 0 : ui.key(SDLK_RIGHT) ? 1 : ui.key(SDLK_LEFT) ? -1 : 0;
        if (step != 0) {
            if (st->focus == kVolume) {
                s.volume = std::clamp(s.volume + step * 10, 0, 100);
            } else {
                const int n = static_cast<int>(row_options(st->focus).size());
                apply_option(s, st->focus, std::clamp(selected_option(s, st->focus) + step, 0, n - 1));
            }
        }

        if (st->resolved_for != s.server_url) {
            // Which server the game uses with these settings, and why (read once per change).
            st->resolved_for = s.server_url;
            const auto choice = ff::net::resolve_server(
                ctx.options.server_url.empty() ? std::nullopt : std::optional<std::string>(ctx.options.server_url),
                s.server_url, ff::net::executable_dir());
            st->server_note = server_note(choice, ctx.net ? ctx.net->server() : std::nullopt);
        }
        st->server.font_size = t.font_body();
        st->server.active = st->focus == kServer;
        const int field_h = ui.text.line_height(t.font_body()) + t.px(16);
        const std::vector<SettingsRow> rows = settings_rows(
            t.px(40), field_h, st->server_error.empty() ? st->server_note : st->server_error);
        const std::vector<std::string> footer = {
            // Where things are kept, for the IT person who looks after the lab PCs.
            "存档位置：" + std::filesystem::absolute(ctx.data_dir).lexically_normal().string(),
            "字体：" + ui.text.font_path().string()};
        const TextMetrics metrics{
            [&ui](const std::string& text, int size, int width) { return ui.text.layout(text, size, width).lines; },
            [&ui](int size, bool bold) { return ui.text.line_height(size, bold); }};
        SDL_Rect view{0, top, ui.width, ui.height - top};
        const SettingsPlan plan = plan_settings(t, ui.width, rows, footer, metrics, view.h);
        if (st->focus_moved) {
            // Keep the row chosen with the keyboard on screen when the page scrolls (150% text).
            const SDL_Rect& card = plan.rows[static_cast<size_t>(st->focus)].card;
            const int margin = t.px(10);
            if (card.y + card.h + margin - st->scroll.offset > view.h) st->scroll.offset = card.y + card.h + margin - view.h;
            if (card.y - margin < st->scroll.offset) st->scroll.offset = std::max(0, card.y - margin);
            st->focus_moved = false;
        }
        st->scroll.update(ui, view, plan.content_h);

        ui.paint.push_clip(view);
        const int dy = top - st->scroll.offset;
        for (int row = 0; row < kRowCount; ++row) {
            const RowPlace& place = plan.rows[static_cast<size_t>(row)];
            SDL_Rect card = place.card;
            card.y += dy;
            if (card.y > view.y + view.h || card.y + card.h < view.y) continue;
            if (row == st->focus) focus_ring(ui, card);
            else ui.paint.fill_round_rect_bordered(card, t.px(12), t.c.panel, t.c.panel_border, t.px(1));
            const int text_x = plan.x + t.px(18);
            ui.text.draw_line(row_title(row), text_x, place.title_y + dy, t.font_body(), t.c.text, true);
            int hy = place.hint_y + dy;
            for (const std::string& line : place.hint_lines) {
                ui.text.draw_line(line, text_x, hy, t.font_small(), t.c.text_muted);
                hy += ui.text.line_height(t.font_small());
            }
            int ny = place.note_y + dy;
            const SDL_Color note_color = !st->server_error.empty() ? t.c.scammed : t.c.accent;
            for (const std::string& line : place.note_lines) {
                ui.text.draw_line(line, text_x, ny, t.font_small(), note_color);
                ny += ui.text.line_height(t.font_small());
            }
            SDL_Rect control = place.control;
            control.y += dy;
            const int ch = control.h;
            if (row == kServer) {
                const int bw = ui.text.measure("保存", t.font_body()) + t.px(36);
                SDL_Rect field{control.x, control.y, control.w - bw - t.px(8), control.h};
                if (ui.clicked(field)) {
                    st->focus = kServer;
                    st->server.active = true;
                }
                ui.hot(field);
                const bool enter = text_field(ui, field, st->server, "例如 http://192.168.1.10:8080");
                if (st->server.changed) st->server_error.clear();
                const bool save = ui.button(SDL_Rect{control.x + control.w - bw, control.y, bw, control.h}, "保存",
                                            ButtonKind::secondary) || enter;
                if (save) {
                    st->focus = kServer;
                    const ServerFieldCheck c = check_server_field(st->server.text);
                    if (c.ok) {
                        st->restart_net = c.value != s.server_url;
                        s.server_url = c.value;
                        st->server.text = c.value;
                        st->server_error.clear();
                        st->resolved_for = "\x01"; // say again what happens now
                    } else {
                        st->server_error = c.error;
                    }
                    ui.redraw();
                }
            } else if (row == kVolume) {
                const std::string label = s.muted ? "静音" : std::to_string(s.volume) + "%";
                const int lw = ui.text.measure("100%", t.font_body(), true) + t.px(12);
                SDL_Rect track{control.x, control.y, control.w - lw, control.h};
                const int v = slider(ui, track, s.volume, !s.muted);
                if (v >= 0) {
                    s.volume = v;
                    st->focus = row;
                }
                ui.text.draw_line(label, control.x + control.w - lw + t.px(12),
                                  control.y + (ch - ui.text.line_height(t.font_body(), true)) / 2, t.font_body(),
                                  s.muted ? t.c.text_muted : t.c.text, true);
            } else {
                const int hit = segmented(ui, control, row_options(row), selected_option(s, row));
                if (hit >= 0) {
                    apply_option(s, row, hit);
                    st->focus = row;
                }
            }
        }
        int fy = plan.footer_y + dy;
        for (const auto& para : plan.footer) {
            for (const std::string& line : para) {
                ui.text.draw_line(line, plan.x, fy, t.font_small(), t.c.text_muted);
                fy += plan.footer_line_h;
            }
            fy += plan.footer_gap;
        }
        ui.paint.pop_clip();
        draw_scrollbar(ui, view, plan.content_h, st->scroll.offset);

        if (!(s == ctx.save.settings)) {
            ctx.save.settings = s;
            ctx.settings_changed();
            if (st->restart_net && ctx.restart_net) {
                // Talk to the new server now (--server still wins; resolve_server decides).
                ctx.restart_net();
                st->resolved_for = "\x01";
            }
            st->restart_net = false;
            ui.redraw(); // the theme (text size, contrast) changes with the next frame
        }
    }, {}};
}

} // namespace ff::game
