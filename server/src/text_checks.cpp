// Validation of typed display texts.
#include "text_checks.h"

#include "http_util.h"

namespace ff::server {

long utf8_length(const std::string& s) {
    long n = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return -1;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return -1;
        i += len;
        ++n;
    }
    return n;
}

std::string display_text_field(const nlohmann::json& obj, const char* key, long max_chars) {
    std::string s = string_field(obj, key, static_cast<size_t>(max_chars) * 4);
    size_t b = s.find_first_not_of(" \t\r\n");
    size_t e = s.find_last_not_of(" \t\r\n");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    if (s.empty()) throw HttpError(400, std::string("字段 ") + key + " 不能为空");
    long n = utf8_length(s);
    if (n < 0) throw HttpError(400, std::string("字段 ") + key + " 不是有效的 UTF-8 文字");
    if (n > max_chars)
        throw HttpError(400, std::string("字段 ") + key + " 太长（最多 " + std::to_string(max_chars) + " 个字）");
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) throw HttpError(400, std::string("字段 ") + key + " 里不能有控制字符");
    return s;
}

} // namespace ff::server
