// Form controls for the settings, profile and quiz screens: segmented choices, a volume
// slider, a one-line text field with IME composition, and a keyboard focus ring.
#pragma once

#include "ui.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ff::game {

// A row of equal buttons of which one is selected. Returns the index clicked (or -1).
int segmented(Ui& ui, SDL_Rect r, const std::vector<std::string>& labels, int selected);

// A horizontal slider for 0..100. Returns the new value when the track was clicked, else -1.
int slider(Ui& ui, SDL_Rect r, int value, bool enabled);

// A soft highlight behind a focused row.
void focus_ring(Ui& ui, SDL_Rect r);

// A one-line text field. `text` is edited from typed text and Backspace; `composing` holds
// the IME composition (pinyin being typed), drawn underlined after the text and not part of
// `text` until committed. Limits the text to `max_codepoints`. Returns true on Enter.
struct TextField {
    std::string text;
    std::string composing;
    int max_codepoints = 16;
    bool changed = false; // set when `text` changed in the last update
    bool active = true;   // takes typed text and shows the caret (one field of several)
    int font_size = 0;    // pixels; 0 = the large size of the nickname and join-code fields
};
bool text_field(Ui& ui, SDL_Rect r, TextField& field, std::string_view placeholder);

// Removes the last UTF-8 code point.
void pop_codepoint(std::string& s);

} // namespace ff::game
