// Greedy line filling over unbreakable segments, with a per-character fallback for
// segments wider than a line. Widths are measured per piece and cached, never per prefix.
#include "text/line_break.h"

namespace ff::text {
namespace {

enum class Kind { space, cjk, word };

// The smallest unit placed on a line: one CJK character, a Latin word or a run of spaces.
struct Piece {
    std::string text;
    Kind kind = Kind::word;
    char32_t first = 0;
    char32_t last = 0;
    int width = 0;
};

using Pieces = std::vector<Piece>;

bool is_newline(char32_t cp) { return cp == U'\n' || cp == 0x2028 || cp == 0x2029; }
bool is_dropped_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }
bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

class Measurer {
public:
    Measurer(const MeasureFn& fn, WidthCache& cache) : fn_(fn), cache_(cache) {}
    int operator()(const std::string& s) {
        auto it = cache_.widths.find(s);
        if (it != cache_.widths.end()) return it->second;
        const int w = fn_(s);
        cache_.widths.emplace(s, w);
        return w;
    }
private:
    const MeasureFn& fn_;
    WidthCache& cache_;
};

// Splits one paragraph (no newlines) into pieces; marks attach to the piece before them.
Pieces make_pieces(const std::u32string& para) {
    Pieces out;
    bool after_joiner = false;
    for (char32_t cp : para) {
        if (cp == U'\t') cp = U' ';
        const bool attached = is_attached_mark(cp) || after_joiner;
        after_joiner = cp == 0x200D;
        if (attached && !out.empty() && out.back().kind != Kind::space) {
            append_utf8(out.back().text, cp);
            continue;
        }
        const Kind kind = cp == U' ' ? Kind::space : is_cjk(cp) ? Kind::cjk : Kind::word;
        const bool extend = !out.empty() && out.back().kind == kind && kind != Kind::cjk;
        if (!extend) out.push_back(Piece{{}, kind, cp, cp, 0});
        append_utf8(out.back().text, cp);
        out.back().last = cp;
    }
    return out;
}

// Whether a line may break between pieces i-1 and i.
bool may_break_before(const Pieces& p, size_t i) {
    const Piece& a = p[i - 1];
    const Piece& b = p[i];
    if (b.kind == Kind::space) return false; // spaces stay at the end of the line and are dropped
    if (is_line_start_forbidden(b.first)) return false;
    if (a.kind == Kind::space) {
        // Find the text before the spaces: leading spaces of a paragraph are indentation.
        size_t j = i - 1;
        while (j > 0 && p[j].kind == Kind::space) --j;
        if (p[j].kind == Kind::space) return false;
        return !is_line_end_forbidden(p[j].last);
    }
    if (is_line_end_forbidden(a.last)) return false;
    if (a.kind != Kind::cjk && b.kind != Kind::cjk) return false;
    // Keep a number with its unit ("500元", "3天").
    if (a.kind == Kind::word && is_ascii_digit(a.last) && is_ideograph(b.first)) return false;
    return true;
}

// Splits pieces into single characters (with their marks) for cutting an overlong run.
Pieces explode(const Piece& piece) {
    if (piece.kind != Kind::word) return {piece};
    std::u32string cps;
    for (size_t pos = 0; pos < piece.text.size();) cps += decode_next(piece.text, pos);
    Pieces out;
    bool after_joiner = false;
    for (char32_t cp : cps) {
        const bool attached = (is_attached_mark(cp) || after_joiner) && !out.empty();
        after_joiner = cp == 0x200D;
        if (!attached) out.push_back(Piece{{}, Kind::word, cp, cp, 0});
        append_utf8(out.back().text, cp);
        if (!attached) out.back().last = cp;
    }
    return out;
}

class LineBuilder {
public:
    LineBuilder(int max_width, Measurer& measure, std::vector<std::string>& out)
        : max_(max_width), measure_(measure), out_(out) {}

    void add_segment(const Piece* begin, const Piece* end) {
        int content = 0; // width without trailing spaces, which are dropped at a break
        int full = 0;
        for (const Piece* p = begin; p != end; ++p) {
            full += p->width;
            if (p->kind != Kind::space) content = full;
        }
        if (width_ + content <= max_) return append(begin, end);
        if (text_pieces_ > 0) {
            finish_line();
            if (content <= max_) return append(begin, end);
        }
        add_by_character(begin, end);
    }

    void finish_line() {
        while (!line_.empty() && line_.back().kind == Kind::space) line_.pop_back();
        std::string text;
        for (const Piece& p : line_) text += p.text;
        out_.push_back(std::move(text));
        line_.clear();
        width_ = 0;
        text_pieces_ = 0;
        hung_ = false;
    }

private:
    void push(Piece p) {
        width_ += p.width;
        if (p.kind != Kind::space) ++text_pieces_;
        line_.push_back(std::move(p));
    }

    void append(const Piece* begin, const Piece* end) {
        for (const Piece* p = begin; p != end; ++p) push(*p);
    }

    // The run is wider than a whole line: place it character by character.
    void add_by_character(const Piece* begin, const Piece* end) {
        for (const Piece* p = begin; p != end; ++p) {
            for (Piece c : explode(*p)) {
                if (c.kind == Kind::word) c.width = measure_(c.text);
                place_character(std::move(c));
            }
        }
    }

    void place_character(Piece c) {
        if (c.kind == Kind::space || text_pieces_ == 0 || width_ + c.width <= max_) return push(std::move(c));
        if (is_line_start_forbidden(c.first) && !hung_) {
            hung_ = true; // hanging punctuation: the lesser evil than starting a line with it
            return push(std::move(c));
        }
        std::vector<Piece> carried;
        if (text_pieces_ > 1 && is_line_end_forbidden(line_.back().last)) {
            carried.push_back(std::move(line_.back()));
            line_.pop_back();
        }
        finish_line();
        for (Piece& k : carried) push(std::move(k));
        push(std::move(c));
    }

    int max_;
    Measurer& measure_;
    std::vector<std::string>& out_;
    std::vector<Piece> line_;
    int width_ = 0;       // including trailing spaces
    int text_pieces_ = 0; // pieces on the line that are not spaces
    bool hung_ = false;
};

void break_paragraph(const std::u32string& para, int max_width, Measurer& measure,
                     std::vector<std::string>& out) {
    Pieces pieces = make_pieces(para);
    for (Piece& p : pieces) p.width = measure(p.text);
    LineBuilder builder(max_width, measure, out);
    size_t seg_begin = 0;
    for (size_t i = 1; i <= pieces.size(); ++i) {
        if (i == pieces.size() || may_break_before(pieces, i)) {
            builder.add_segment(pieces.data() + seg_begin, pieces.data() + i);
            seg_begin = i;
        }
    }
    builder.finish_line();
}

} // namespace

std::vector<std::string> break_lines(std::string_view utf8, int max_width, const MeasureFn& measure,
                                     WidthCache& cache) {
    std::vector<std::string> lines;
    Measurer measurer(measure, cache);
    std::u32string para;
    bool pending = false; // text (or an empty line) since the last newline
    for (size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = decode_next(utf8, pos);
        if (is_newline(cp)) {
            break_paragraph(para, max_width, measurer, lines);
            para.clear();
            pending = false;
            continue;
        }
        if (cp != U'\t' && is_dropped_control(cp)) continue;
        para += cp;
        pending = true;
    }
    if (pending) break_paragraph(para, max_width, measurer, lines);
    return lines;
}

std::vector<std::string> break_lines(std::string_view utf8, int max_width, const MeasureFn& measure) {
    WidthCache cache;
    return break_lines(utf8, max_width, measure, cache);
}

} // namespace ff::text
