// Pieces several screens draw the same way: the top bar, avatars, ending colours and names,
// vertical scrolling by wheel and PgUp/PgDn.
#pragma once

#include "screen.h"
#include "ui.h"

#include "fraudfree/model.h"

#include <string>
#include <string_view>

namespace ff::game {

// A bar across the top with a title and an optional back button on the left.
// Returns the bar height; sets *back when the back button (or Escape) was used.
int draw_top_bar(Ui& ui, std::string_view title, std::string_view back_label, bool* back);

// A round avatar with the first character of `name` on a colour picked from `key`.
void draw_avatar(Ui& ui, int cx, int cy, int radius, const std::string& name, const std::string& key);

SDL_Color ending_color(const Theme& t, ff::EndingKind k);
const char* ending_label(ff::EndingKind k); // 安全 / 部分损失 / 被骗
const char* channel_label(ff::Channel c);   // 聊天 / 短信 / 来电

// The display name of a category over all loaded packs (the id if none names it).
std::string category_name(const Library& lib, const std::string& id);

// What moved a scroll view since the last frame (gathered from Ui by Scroll::update).
struct ScrollInput {
    int wheel = 0; // +1 per notch towards the top of the content
    bool page_up = false, page_down = false, home = false, end = false;
};

// Vertical scrolling of content taller than its view.
struct Scroll {
    int offset = 0;       // pixels scrolled down from the top
    bool stick_bottom = false; // keep showing the end as content grows (chats)
    int unseen = 0;       // items that arrived below the view while scrolled up (chats)
    // Applies wheel (when the mouse is over `view`) and PgUp/PgDn/Home/End; clamps.
    void update(Ui& ui, SDL_Rect view, int content_h, bool keys = true);
    // The same without a window: `step` is the pixels per wheel notch.
    void apply(const ScrollInput& in, int step, int view_h, int content_h);
    void clamp(int content_h, int view_h);
    // `n` items were added at the end: followed when at the bottom, else counted in
    // `unseen` so the reader keeps their place (a messenger's "new messages" pill).
    void arrived(int n);
    // Back to the end and follow it again (the pill was clicked, or the student replied).
    void to_bottom();
};

// A thin scrollbar on the right edge of `view` when content is taller than it.
void draw_scrollbar(Ui& ui, SDL_Rect view, int content_h, int offset);

} // namespace ff::game
