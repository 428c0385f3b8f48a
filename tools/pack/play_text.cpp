// Terminal rendering of a play. Wording matches the game's screens where it can, so an author
// previewing here sees what a student will read.
#include "play_text.h"

#include "fraudfree/scoring.h"
#include "terminal_text.h"

#include <ostream>
#include <sstream>

namespace ff::pack {
namespace {

const char* channel_name(Channel c) {
    switch (c) {
    case Channel::chat: return "聊天";
    case Channel::sms: return "短信";
    case Channel::call: return "来电";
    }
    return "";
}

const char* attachment_name(const std::string& kind) {
    if (kind == "link") return "链接";
    if (kind == "qr") return "二维码";
    if (kind == "transfer") return "转账";
    if (kind == "image") return "图片";
    if (kind == "file") return "文件";
    if (kind == "app") return "应用";
    return "附件";
}

const char* kind_name(EndingKind k) {
    switch (k) {
    case EndingKind::safe: return "安全";
    case EndingKind::partial: return "及时止损";
    case EndingKind::scammed: return "被骗";
    }
    return "";
}

// Multi-line author text, each line indented so it reads as one block under its heading.
void print_block(const std::string& text, const std::string& indent, std::ostream& out) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) out << indent << line << '\n';
}

} // namespace

void print_header(const Scenario& s, std::ostream& out) {
    out << "【" << channel_name(s.channel);
    if (!s.contact.platform.empty() && s.contact.platform != channel_name(s.channel)) out << " · " << s.contact.platform;
    out << "】" << s.contact.name;
    if (!s.contact.number.empty()) out << "  " << s.contact.number;
    out << "\n《" << s.title << "》\n";
    out << "（练习：对方的话里可能藏着诈骗信号。选出你会怎么" << (s.channel == Channel::call ? "回答" : "回复")
        << "，结束后告诉你识破了哪些。）\n\n";
}

void print_messages(const Scenario& s, const std::vector<Message>& messages, std::ostream& out) {
    for (const Message& m : messages) {
        out << (m.from.empty() ? s.contact.name : m.from) << "：";
        print_block(m.text, "", out);
        if (m.attachment) {
            out << "  [" << attachment_name(m.attachment->kind) << "] " << m.attachment->title;
            if (!m.attachment->detail.empty()) out << " · " << m.attachment->detail;
            out << '\n';
        }
    }
}

void print_choices(const Scenario& s, const std::vector<Choice>& choices, std::ostream& out) {
    out << '\n' << (s.channel == Channel::call ? "你会怎么回答？" : "你会怎么回复？") << '\n';
    for (size_t i = 0; i < choices.size(); ++i) out << "  " << i + 1 << ". " << shorten(choices[i].text, 1000) << '\n';
}

void print_my_reply(const std::string& text, std::ostream& out) { out << "我：" << shorten(text, 1000) << "\n\n"; }

void print_debrief(const Pack& pack, const Runner& run, std::ostream& out) {
    const Score score = score_run(run);
    const Ending& e = *run.ending();
    out << "\n════════════════════════════════\n";
    out << "结局：" << e.title << "〔" << kind_name(e.kind) << "〕\n";
    out << "得分：" << score.total << " / 100\n";
    for (const ScoreItem& i : score.items)
        out << "  " << fit(i.label, 30) << ' ' << fit(std::to_string(i.points) + "/" + std::to_string(i.max), 6, true)
            << '\n';

    auto print_flags = [&](bool caught, const char* heading, const char* mark) {
        bool any = false;
        for (const FlagOutcome& f : score.flags) {
            if (f.caught != caught) continue;
            if (!any) out << '\n' << heading << '\n';
            any = true;
            const RedFlag* rf = pack.find_red_flag(f.flag_id);
            out << "  " << mark << ' ' << (rf ? rf->name : f.flag_id) << '\n';
            out << "    “" << shorten(f.quote, 1000) << "”\n";
            if (!caught && rf && !rf->explain.empty()) out << "    为什么危险：" << rf->explain << '\n';
        }
    };
    if (score.flags.empty()) out << "\n这条路上没有出现诈骗信号。\n";
    print_flags(true, "你识破的诈骗信号：", "✓");
    print_flags(false, "你错过的诈骗信号：", "✗");

    out << "\n发生了什么：\n";
    print_block(e.debrief, "  ", out);
    out << "\n现在该怎么做：\n";
    print_block(e.action, "  ", out);
}

} // namespace ff::pack
