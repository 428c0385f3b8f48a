// The pack model: what a content pack holds once loaded and validated.
// Plain value types; the loader fills them, everything else only reads them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ff {

// Where a value came from, so later checks (and tools) can point back at the TOML.
struct SourcePos {
    std::string file; // display path
    int line = 0;
    int column = 0;
};

enum class Channel { chat, sms, call };
enum class EndingKind { safe, partial, scammed };

const char* to_string(Channel c);     // "chat" | "sms" | "call"
const char* to_string(EndingKind k);  // "safe" | "partial" | "scammed"
std::optional<Channel> parse_channel(const std::string& s);
std::optional<EndingKind> parse_ending_kind(const std::string& s);

struct Category {
    std::string id;          // e.g. "rebate"
    std::string name;        // e.g. "刷单返利"
    std::string description; // one or two sentences for the scenario list
    SourcePos pos;
};

struct RedFlag {
    std::string id;          // e.g. "pay_first"
    std::string name;        // e.g. "先交钱"
    std::string explain;     // why it is a red flag, shown in the debrief
    SourcePos pos;
};

// Something shown with a message instead of a real image: a link card, a QR code,
// a transfer receipt, a file, a screenshot. The game draws it; `title` says what it is.
struct Attachment {
    std::string kind;  // "link" | "qr" | "transfer" | "image" | "file" | "app"
    std::string title; // e.g. "速赚APP下载", "¥ 12.00 已收款"
    std::string detail;// optional second line, e.g. a URL or "转账给你"
};

struct Message {
    std::string text;
    std::string from;            // optional sender name inside a group chat; empty = the contact
    double delay = 1.0;          // seconds of "typing" before it appears (scaled by text speed)
    std::vector<std::string> flags; // red flag ids this message shows
    std::optional<Attachment> attachment;
    SourcePos pos;
};

struct Choice {
    std::string text;            // what the student sends
    std::string next;            // id of a node or an ending
    std::vector<std::string> catches; // red flag ids this reply correctly reacts to
    int64_t loses = 0;           // yuan lost by taking this choice
    bool reports = false;        // this choice reports (96110 / police / campus security / bank)
    SourcePos pos;
    SourcePos next_pos;          // position of the `next` value, for dangling-next errors
};

struct Node {
    std::string id;
    std::vector<Message> messages; // incoming run, shown in order
    std::vector<Choice> choices;   // 2–4
    SourcePos pos;
};

struct Ending {
    std::string id;
    EndingKind kind = EndingKind::safe;
    std::string title;             // e.g. "及时止损"
    std::vector<Message> messages; // optional last incoming messages (e.g. "你已被对方删除")
    std::string debrief;           // what happened and why, quoting the flags
    std::string action;            // what to do now: 96110, freeze via bank, keep evidence...
    SourcePos pos;
};

struct Contact {
    std::string name;     // shown in the header
    std::string avatar;   // built-in avatar key: "girl","boy","woman","man","service","official","police","teacher","group","bank","unknown"
    std::string number;   // caller number / SMS sender; may be empty for chat
    std::string platform; // e.g. "QQ群", "微信", "短信", "来电"
};

struct Scenario {
    std::string id;
    std::string title;
    std::string summary;  // one line for the scenario list
    std::string category; // category id
    int difficulty = 1;   // 1..3
    Channel channel = Channel::chat;
    Contact contact;
    std::string start;    // node id
    std::vector<Node> nodes;
    std::vector<Ending> endings;
    std::string file;     // display path of the scenario file
    SourcePos pos;

    const Node* find_node(const std::string& id) const;
    const Ending* find_ending(const std::string& id) const;
};

struct QuizItem {
    std::string id;
    std::string category;
    std::string question;
    std::vector<std::string> options; // 2–4
    int answer = 1;                   // 1-based index into options
    std::string explain;
    SourcePos pos;
};

struct Pack {
    std::string id;
    std::string title;
    int version = 1;           // integer; a higher version replaces a lower one
    std::string language;      // "zh-CN"
    std::vector<std::string> authors;
    std::string description;
    std::vector<Category> categories; // built-ins first, then the pack's own
    std::vector<RedFlag> red_flags;   // built-ins first, then the pack's own
    std::vector<Scenario> scenarios;  // sorted by file name
    std::vector<QuizItem> quiz;
    std::string hash;          // SHA-256 hex of the pack's files (see pack_files.h)
    std::string root;          // display path of the pack folder

    const Scenario* find_scenario(const std::string& id) const;
    const Category* find_category(const std::string& id) const;
    const RedFlag* find_red_flag(const std::string& id) const;
};

} // namespace ff
