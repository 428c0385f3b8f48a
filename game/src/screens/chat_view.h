// Drawing one conversation line in messenger, SMS or call style: bubbles with tails and
// avatars, narration lines, time stamps, attachment cards (link, app, transfer, QR code).
#pragma once

#include "ui.h"

#include "fraudfree/model.h"

#include <string>

namespace ff::game {

enum class ChatStyle { messenger, sms, call };

struct ChatItem {
    enum class Kind { stamp, them, me, narration, notice, attachment, typing } kind = Kind::them;
    std::string text;
    std::string from;                        // sender inside a group chat
    const ff::Attachment* attachment = nullptr;
    bool show_sender = false;                // group chats label each incoming bubble
};

// True for stage directions written in full-width brackets, e.g. "（挂断电话，拨打110核实）".
bool is_narration(const std::string& text);
// Senders that are the app itself ("系统提示", "系统", "系统消息"): shown as a grey centred line.
bool is_system_sender(const std::string& from);
// Senders that are the phone ("手机通知", "短信 95588"): shown as a notification banner.
bool is_notification_sender(const std::string& from);

// Draws (or, with draw=false, only measures) one item in a column of width `w` at (x, y);
// returns its height including the gap below it.
int chat_item(Ui& ui, const ChatItem& item, ChatStyle style, const ff::Contact& contact, int x, int y, int w, bool draw);

} // namespace ff::game
