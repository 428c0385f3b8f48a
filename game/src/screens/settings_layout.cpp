#include "screens/settings_layout.h"

#include <algorithm>

namespace ff::game {

SettingsPlan plan_settings(const Theme& t, int width, const std::vector<SettingsRow>& rows,
                           const std::vector<std::string>& footer, const TextMetrics& m) {
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
    const int pad_v = t.px(8) + t.tpx(2);
    const int min_h = t.px(64);

    int y = t.px(20);
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
        y += h + t.px(8);
    }
    y += t.px(10);
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

} // namespace ff::game
