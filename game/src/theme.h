// Colours and sizes of the whole game in one place: normal and high-contrast palettes,
// scaled by the text size setting (100/125/150%), the window size and HiDPI.
#pragma once

#include <SDL.h>

namespace ff::game {

struct Palette {
    SDL_Color background;    // behind everything
    SDL_Color panel;         // cards, side panels
    SDL_Color panel_border;
    SDL_Color text;
    SDL_Color text_muted;    // timestamps, hints
    SDL_Color accent;        // buttons, links, focus ring
    SDL_Color accent_text;   // text on accent
    SDL_Color phone_frame;   // the phone body
    SDL_Color chat_bg;       // messenger background
    SDL_Color header_bg;     // messenger title bar
    SDL_Color header_text;
    SDL_Color bubble_them;   // incoming bubble
    SDL_Color bubble_them_text;
    SDL_Color bubble_me;     // outgoing bubble (messenger green)
    SDL_Color bubble_me_text;
    SDL_Color sms_me;        // outgoing SMS (iMessage-like green)
    SDL_Color sms_them;      // incoming SMS (grey)
    SDL_Color choice_bg;
    SDL_Color choice_hover;
    SDL_Color choice_border;
    SDL_Color call_bg_top;   // incoming-call screen gradient
    SDL_Color call_bg_bottom;
    SDL_Color call_text;
    SDL_Color answer;        // green answer button
    SDL_Color decline;       // red decline button
    SDL_Color safe;          // ending kinds
    SDL_Color partial;
    SDL_Color scammed;
    SDL_Color flag_caught;
    SDL_Color flag_missed;
    SDL_Color attachment_bg;
    SDL_Color error_bg;      // lint errors panel
};

Palette normal_palette();
Palette high_contrast_palette();

struct Theme {
    Palette c;
    float scale = 1.0f;      // device pixels per layout unit (HiDPI and window size)
    float text_scale = 1.0f; // the text size setting: 1.0, 1.25, 1.5
    bool high_contrast = false;

    // A layout length in device pixels (at least 1 for positive input).
    int px(float units) const;
    // A text-related length (font sizes, line gaps): also grows with the text size setting.
    int tpx(float units) const;
    // Font pixel sizes for the few text styles the game uses.
    int font_body() const { return tpx(16); }
    int font_small() const { return tpx(12.5f); }
    int font_title() const { return tpx(20); }
    int font_large() const { return tpx(30); }
};

// `dpi_scale` = output pixels / window points; `window_h_points` = window height in points;
// `text_scale_percent` = 100 | 125 | 150.
Theme make_theme(bool high_contrast, int text_scale_percent, float dpi_scale, int window_h_points);

// Colour helpers.
SDL_Color mix(SDL_Color a, SDL_Color b, float t);
SDL_Color with_alpha(SDL_Color c, Uint8 a);

} // namespace ff::game
