// A modal question over the current screen ("换到另一个班级？"): a title, a paragraph and two
// buttons. Immediate mode in two calls, so the screen below never sees the dialog's clicks.
#pragma once

#include "ui.h"

#include <string>

namespace ff::game {

struct ConfirmDialog {
    std::string title;
    std::string body;
    std::string cancel_label = "取消";
    std::string ok_label = "确定";
    bool danger = false; // the OK button in red (leaving a class)
};

enum class ConfirmAnswer { none, cancel, ok };

// At the start of the frame: the dialog's buttons, Enter (OK) and Escape (cancel); every
// other click is swallowed so the screen below does not react to it.
ConfirmAnswer confirm_dialog_input(Ui& ui, const ConfirmDialog& d);

// At the end of the frame: dims the screen and draws the dialog over it.
void draw_confirm_dialog(Ui& ui, const ConfirmDialog& d);

} // namespace ff::game
