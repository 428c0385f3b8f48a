#include "screens/confirm_dialog.h"

#include <algorithm>

namespace ff::game {
namespace {

struct Geometry {
    SDL_Rect card;
    int title_y;
    int body_y;
    SDL_Rect cancel;
    SDL_Rect ok;
};

Geometry geometry(Ui& ui, const ConfirmDialog& d) {
    const Theme& t = ui.theme;
    const int w = std::min(ui.width - 2 * t.px(24), t.px(460) + t.tpx(80));
    const int pad = t.px(24);
    const int inner = w - 2 * pad;
    const int title_h = ui.text.layout(d.title, t.font_title(), inner, true).height;
    const int body_h = ui.text.layout(d.body, t.font_body(), inner).height;
    const int bh = t.px(44) + t.tpx(4);
    const int h = pad + title_h + t.px(12) + body_h + t.px(24) + bh + pad;
    Geometry g;
    g.card = SDL_Rect{(ui.width - w) / 2, std::max(t.px(16), (ui.height - h) / 2), w, h};
    g.title_y = g.card.y + pad;
    g.body_y = g.title_y + title_h + t.px(12);
    const int by = g.card.y + h - pad - bh;
    const int bw = (inner - t.px(12)) / 2;
    g.cancel = SDL_Rect{g.card.x + pad, by, bw, bh};
    g.ok = SDL_Rect{g.card.x + w - pad - bw, by, bw, bh};
    return g;
}

} // namespace

ConfirmAnswer confirm_dialog_input(Ui& ui, const ConfirmDialog& d) {
    if (ui.key(SDLK_ESCAPE)) return ConfirmAnswer::cancel;
    if (ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER)) return ConfirmAnswer::ok;
    const Geometry g = geometry(ui, d);
    if (ui.clicked(g.cancel)) return ConfirmAnswer::cancel;
    if (ui.clicked(g.ok)) return ConfirmAnswer::ok;
    ui.any_click(); // outside the buttons: nothing below reacts while the question is open
    return ConfirmAnswer::none;
}

void draw_confirm_dialog(Ui& ui, const ConfirmDialog& d) {
    const Theme& t = ui.theme;
    const Geometry g = geometry(ui, d);
    ui.paint.fill_rect(SDL_Rect{0, 0, ui.width, ui.height}, t.high_contrast ? SDL_Color{0, 0, 0, 200} : SDL_Color{0, 0, 0, 110});
    ui.paint.fill_round_rect_bordered(g.card, t.px(14), t.c.panel, t.high_contrast ? t.c.text : t.c.panel_border, t.px(2));
    const int pad = t.px(24);
    const int inner = g.card.w - 2 * pad;
    ui.text.draw_wrapped(d.title, g.card.x + pad, g.title_y, inner, t.font_title(), t.c.text, true);
    ui.text.draw_wrapped(d.body, g.card.x + pad, g.body_y, inner, t.font_body(), t.c.text_muted);
    // Clicks were taken by confirm_dialog_input; these calls draw the buttons and their hover.
    ui.button(g.cancel, d.cancel_label, ButtonKind::ghost);
    ui.button(g.ok, d.ok_label, d.danger ? ButtonKind::danger : ButtonKind::primary, true);
}

} // namespace ff::game
