// Escaping for text and quoted attributes; the only place the dashboard turns data into HTML.
#include "html_escape.h"

namespace ff::web {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t':
        case '\n': out += ch; break;
        default:
            // Bytes >= 0x80 are UTF-8 continuation/lead bytes and pass through unchanged.
            if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) break;
            out += ch;
        }
    }
    return out;
}

} // namespace ff::web
