// The content rule for numbers (content/README.md, “号码怎么写”): keep the parts that make a
// number look real (operator prefix, area code, last four digits) and hide the middle.
#include "unmasked_number.h"

#include <cctype>
#include <optional>
#include <vector>

namespace ff::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_id_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// A run of digits that may be grouped by single spaces or hyphens ("138 0013 8000").
struct Run {
    size_t begin, end;  // byte range in the text
    std::string digits;
    bool plus;          // written after a '+': an international number
    bool hyphen;        // grouped with a hyphen, as landlines are ("010-1234 5678")
};

std::vector<Run> digit_runs(std::string_view s) {
    std::vector<Run> runs;
    size_t i = 0;
    while (i < s.size()) {
        if (!is_digit(s[i])) {
            ++i;
            continue;
        }
        // Digits glued to letters are a code ("YY20240319", "LL2866"), not a number.
        if (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) {
            while (i < s.size() && is_digit(s[i])) ++i;
            continue;
        }
        Run r{i, i, "", i > 0 && s[i - 1] == '+', false};
        size_t j = i;
        while (j < s.size()) {
            if (is_digit(s[j])) {
                r.digits += s[j++];
            } else if ((s[j] == ' ' || s[j] == '-') && j + 1 < s.size() && is_digit(s[j + 1])) {
                r.hyphen = r.hyphen || s[j] == '-';
                ++j;
            } else {
                break;
            }
        }
        r.end = j;
        const bool glued = j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]));
        if (!glued) runs.push_back(std::move(r));
        i = j;
    }
    return runs;
}

std::string head_tail(const std::string& d, size_t head, size_t tail, std::string_view stars = "****") {
    return d.substr(0, head) + std::string(stars) + d.substr(d.size() - tail);
}

// Where the id after a word such as "QQ" starts: past "号", a colon and spaces, or past a few
// Chinese words and a colon ("加我微信细聊哈：wj****26").
size_t skip_to_id(std::string_view s, size_t i) {
    auto skip_marks = [&](size_t k) {
        for (std::string_view skip : {"号", "：", ":", " "})
            while (s.substr(k, skip.size()) == skip) k += skip.size();
        return k;
    };
    i = skip_marks(i);
    if (i < s.size() && is_id_char(s[i])) return i;
    constexpr size_t kWordsBytes = 4 * 3; // four Chinese characters
    for (size_t k = i; k < s.size() && k <= i + kWordsBytes; ++k) {
        if (!(static_cast<unsigned char>(s[k]) & 0x80)) break; // only Chinese text before the colon
        if (s.substr(k, 3) == "：") return skip_marks(k);
    }
    return i;
}

// QQ and WeChat ids are only numbers-or-letters; they are recognised by the word before them.
void accounts_after_word(std::string_view s, std::string_view word, const std::string& kind, bool digits_only,
                         std::vector<UnmaskedNumber>& out) {
    for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
        size_t i = skip_to_id(s, at + word.size());
        size_t j = i;
        while (j < s.size() && is_id_char(s[j])) ++j;
        const std::string id(s.substr(i, j - i));
        bool all_digits = !id.empty();
        for (char c : id) all_digits = all_digits && is_digit(c);
        if (digits_only ? (!all_digits || id.size() < 5 || id.size() > 11)
                        : (id.size() < 6 || id.size() > 20 || !std::isalpha(static_cast<unsigned char>(id[0]))))
            continue;
        // Masked ids ("28****6450", "wx****88") stop before their stars and are too short here.
        out.push_back(UnmaskedNumber{kind, id, head_tail(id, 2, digits_only ? 4 : 2)});
    }
}

// The number a run of digits is, if it is one that could be a person's.
std::optional<UnmaskedNumber> classify(std::string_view s, const Run& r) {
    const std::string written(s.substr(r.begin - (r.plus ? 1 : 0), r.end - r.begin + (r.plus ? 1 : 0)));
    const std::string& d = r.digits;
    if (r.plus) {
        if (d.rfind("86", 0) == 0 && d.size() == 13 && d[2] == '1')
            return UnmaskedNumber{"手机号", written, "+86 " + head_tail(d.substr(2), 3, 4)};
        if (d.size() < 8) return std::nullopt;
        // Country code as written, then the last four digits.
        const size_t code_end = written.find_first_of(" -");
        const std::string code = code_end == std::string::npos ? "" : written.substr(0, code_end);
        return UnmaskedNumber{"境外号码", written, code + " ****" + d.substr(d.size() - 4)};
    }
    if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9')
        return UnmaskedNumber{"手机号", written, head_tail(d, 3, 4)};
    if (d.size() >= 16 && d.size() <= 19)
        return UnmaskedNumber{"银行卡号或身份证号", written, d.substr(0, 4) + " **** **** " + d.substr(d.size() - 4)};
    if (d.rfind("106", 0) == 0 && d.size() >= 8 && d.size() <= 21)
        return UnmaskedNumber{"短信端口号", written, head_tail(d, 4, 4)};
    if (d[0] == '0' && r.hyphen && d.size() >= 10 && d.size() <= 12) {
        const std::string area = written.substr(0, written.find('-'));
        return UnmaskedNumber{"座机号", written, area + "-****" + d.substr(d.size() - 4)};
    }
    return std::nullopt;
}

// Meeting numbers (腾讯会议-style, 9 to 12 digits in groups) after "会议号": a made-up one may
// be a real meeting. Masked ones ("338 *** 904") stop at their stars and are too short.
void meetings_after_word(std::string_view s, std::vector<UnmaskedNumber>& out) {
    constexpr std::string_view word = "会议号";
    for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
        const size_t i = skip_to_id(s, at + word.size());
        for (const Run& r : digit_runs(s.substr(i))) {
            if (r.begin == 0 && r.digits.size() >= 9 && r.digits.size() <= 12)
                out.push_back(UnmaskedNumber{"会议号", std::string(s.substr(i, r.end)),
                                             r.digits.substr(0, 3) + " *** " + r.digits.substr(r.digits.size() - 3)});
            break;
        }
    }
}

} // namespace

std::vector<UnmaskedNumber> find_unmasked_numbers(std::string_view s) {
    std::vector<UnmaskedNumber> out;
    for (const Run& r : digit_runs(s))
        if (auto n = classify(s, r)) out.push_back(std::move(*n));
    accounts_after_word(s, "QQ", "QQ号", true, out);
    for (std::string_view w : {"微信", "VX", "vx"}) accounts_after_word(s, w, "微信号", false, out);
    meetings_after_word(s, out);
    // A debrief quoting the same message twice names each number once.
    std::vector<UnmaskedNumber> unique;
    for (auto& n : out) {
        bool seen = false;
        for (const auto& u : unique) seen = seen || u.written == n.written;
        if (!seen) unique.push_back(std::move(n));
    }
    return unique;
}

} // namespace ff::detail
