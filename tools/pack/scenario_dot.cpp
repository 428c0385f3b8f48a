// scenario_dot: one DOT node per scenario node and ending, one edge per choice.
#include "scenario_dot.h"

#include "terminal_text.h"

#include <sstream>

namespace ff::pack {
namespace {

constexpr int kLabelColumns = 28; // wide enough to recognise a message, narrow enough for a big graph

struct KindStyle {
    const char* fill;
    const char* border;
    const char* name;
};

KindStyle style_of(EndingKind k) {
    switch (k) {
    case EndingKind::safe: return {"#c8e6c9", "#2e7d32", "安全"};
    case EndingKind::partial: return {"#ffe0b2", "#ef6c00", "止损"};
    case EndingKind::scammed: return {"#ffcdd2", "#c62828", "被骗"};
    }
    return {"#ffffff", "#000000", ""};
}

std::string flags_line(const std::vector<Message>& messages) {
    std::string out;
    for (const Message& m : messages)
        for (const std::string& f : m.flags) out += (out.empty() ? "⚑ " : " ") + f;
    return out;
}

} // namespace

std::string dot_quote(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string scenario_dot(const Pack& pack, const Scenario& s) {
    std::ostringstream o;
    const std::string font = "WenQuanYi Micro Hei";
    o << "digraph " << dot_quote(s.id) << " {\n";
    o << "  graph [rankdir=TB, labelloc=t, fontname=" << dot_quote(font)
      << ", label=" << dot_quote(s.title + "（" + pack.id + " / " + s.id + "，" + to_string(s.channel) + "）") << "];\n";
    o << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=" << dot_quote(font)
      << ", fontsize=11];\n";
    o << "  edge [fontname=" << dot_quote(font) << ", fontsize=10];\n";
    o << "  \"__start\" [shape=circle, style=filled, fillcolor=\"#000000\", label=\"\", width=0.2];\n";
    o << "  \"__start\" -> " << dot_quote(s.start) << ";\n";

    for (const Node& n : s.nodes) {
        std::string label = n.id + "\n" + shorten(n.messages.empty() ? "" : n.messages.front().text, kLabelColumns);
        if (n.messages.size() > 1) label += "\n（共 " + std::to_string(n.messages.size()) + " 条消息）";
        if (const std::string f = flags_line(n.messages); !f.empty()) label += "\n" + f;
        o << "  " << dot_quote(n.id) << " [label=" << dot_quote(label) << "];\n";
    }
    for (const Ending& e : s.endings) {
        const KindStyle st = style_of(e.kind);
        const std::string label = e.id + "\n" + st.name + "：" + shorten(e.title, kLabelColumns);
        o << "  " << dot_quote(e.id) << " [shape=box, style=\"filled,bold\", fillcolor=\"" << st.fill << "\", color=\""
          << st.border << "\", label=" << dot_quote(label) << "];\n";
    }
    for (const Node& n : s.nodes) {
        for (size_t i = 0; i < n.choices.size(); ++i) {
            const Choice& c = n.choices[i];
            std::string label = std::to_string(i + 1) + ". " + shorten(c.text, kLabelColumns);
            if (c.loses > 0) label += "\n损失 " + std::to_string(c.loses) + " 元";
            if (c.reports) label += "\n举报/报警";
            if (!c.catches.empty()) {
                std::string caught;
                for (const std::string& f : c.catches) caught += (caught.empty() ? "✓ " : " ") + f;
                label += "\n" + caught;
            }
            o << "  " << dot_quote(n.id) << " -> " << dot_quote(c.next) << " [label=" << dot_quote(label);
            if (c.loses > 0) o << ", color=\"#c62828\", fontcolor=\"#c62828\"";
            o << "];\n";
        }
    }
    o << "}\n";
    return o.str();
}

} // namespace ff::pack
