#include "screens/settings_layout.h"

#include <algorithm>

namespace ff::game {

namespace {

// The vertical room around and between rows. Tight is the fallback for a page that would
// otherwise scroll by a few lines (150% text on a 1024x768 lab PC).
struct Spacing {
    int pad_v, min_h, row_gap, top, footer_top;
};

Spacing roomy(const Theme& t) { return Spacing{t.px(8) + t.tpx(2), t.px(64), t.px(8), t.px(20), t.px(10)}; }
Spacing tight(const Theme& t) { return Spacing{t.px(6) + t.tpx(1), t.px(52), t.px(6), t.px(14), t.px(8)}; }

SettingsPlan plan_with(const Theme& t, int width, const std::vector<SettingsRow>& rows,
                       const std::vector<std::string>& footer, const TextMetrics& m, const Spacing& sp) {
    SettingsPlan p;
    p.col_w = std::min(width - 2 * t.px(24), t.px(860));
    p.x = (width - p.col_w) / 2;
    const int pad = t.px(18);
    const int gap = t.px(16); // between the text and the control
    const int avail = p.col_w - 2 * pad - gap;
    // Controls take what a three-way choice needs at this text size; the hints get the rest.
    int control_w = std::min(t.px(180) + t.tpx(100), avail / 2);
    p.label_w = avail - control_w;
    p.stacked = control_w < t.px(100) + t.tpx(90) || p.label_w < t.tpx(140);
    if (p.stacked) p.label_w = p.col_w - 2 * pad;
    const int title_lh = m.line_height(t.font_body(), true);
    const int hint_lh = m.line_height(t.font_small(), false);
    const int pad_v = sp.pad_v;
    const int min_h = sp.min_h;

    int y = sp.top;
    for (const SettingsRow& row : rows) {
        RowPlace r;
        const bool under = p.stacked || row.wide;
        const int text_w = row.wide && !p.stacked ? p.col_w - 2 * pad : p.label_w;
        r.hint_lines = m.wrap(row.hint, t.font_small(), text_w);
        if (!row.note.empty()) r.note_lines = m.wrap(row.note, t.font_small(), text_w);
        const int note_h = r.note_lines.empty() ? 0 : t.px(4) + static_cast<int>(r.note_lines.size()) * hint_lh;
        const int text_h = title_lh + t.px(4) + static_cast<int>(r.hint_lines.size()) * hint_lh + note_h;
        int h;
        if (under) {
            h = pad_v + text_h + t.px(10) + row.control_h + pad_v;
            r.title_y = y + pad_v;
            r.control = SDL_Rect{p.x + pad, y + pad_v + text_h + t.px(10), p.col_w - 2 * pad, row.control_h};
        } else {
            h = std::max(min_h, std::max(text_h, row.control_h) + 2 * pad_v);
            r.title_y = y + (h - text_h) / 2;
            r.control = SDL_Rect{p.x + pad + p.label_w + gap, y + (h - row.control_h) / 2, control_w, row.control_h};
        }
        r.hint_y = r.title_y + title_lh + t.px(4);
        r.note_y = r.hint_y + static_cast<int>(r.hint_lines.size()) * hint_lh + t.px(4);
        r.card = SDL_Rect{p.x, y, p.col_w, h};
        p.rows.push_back(std::move(r));
        y += h + sp.row_gap;
    }
    y += sp.footer_top;
    p.footer_y = y;
    p.footer_line_h = m.line_height(t.font_small(), false);
    p.footer_gap = t.px(6);
    for (const std::string& para : footer) {
        p.footer.push_back(m.wrap(para, t.font_small(), p.col_w));
        y += static_cast<int>(p.footer.back().size()) * p.footer_line_h + p.footer_gap;
    }
    p.content_h = y + t.px(16);
    return p;
}

} // namespace

SettingsPlan plan_settings(const Theme& t, int width, const std::vector<SettingsRow>& rows,
                           const std::vector<std::string>& footer, const TextMetrics& m, int view_h) {
    SettingsPlan p = plan_with(t, width, rows, footer, m, roomy(t));
    if (view_h > 0 && p.content_h > view_h) {
        SettingsPlan tighter = plan_with(t, width, rows, footer, m, tight(t));
        // Only when that makes the whole page fit: a page that scrolls anyway keeps its air.
        if (tighter.content_h <= view_h) p = std::move(tighter);
    }
    return p;
}

} // namespace ff::game
