// The content rule for web addresses (content/README.md, “号码怎么写”): keep what shows whom the
// site pretends to be (the end of its name, ".top", ".cn") and hide the middle, as with numbers.
// Only hosts that end in a top-level domain from the list below are looked at, so file names
// ("蜜语 v2.3.apk"), amounts ("3150.00") and versions never match.
#include "unmasked_domain.h"

#include <algorithm>
#include <array>
#include <optional>

namespace ff::detail {
namespace {

// Top-level domains a scam link in China is likely to use.
constexpr std::array<std::string_view, 26> kTopLevel = {
    "cn", "com", "net", "org", "top", "vip", "cc", "xyz", "info", "site", "club", "shop", "online",
    "live", "fun", "icu", "ltd", "wang", "work", "tk", "me", "io", "co", "hk", "app", "asia"};
// Second-level names under .cn that are sold like top-level ones ("xx.com.cn").
constexpr std::array<std::string_view, 4> kCnSecond = {"com", "net", "org", "ac"};
// Official sites a debrief should name in full, and names reserved for examples (RFC 2606).
constexpr std::array<std::string_view, 5> kAllowed = {"gov.cn", "edu.cn", "example.com", "example.net",
                                                      "example.org"};

bool is_host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '*' || c == '_';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string> labels_of(const std::string& host) {
    std::vector<std::string> labels;
    size_t from = 0;
    for (size_t dot = host.find('.'); dot != std::string::npos; dot = host.find('.', from)) {
        labels.push_back(host.substr(from, dot - from));
        from = dot + 1;
    }
    labels.push_back(host.substr(from));
    return labels;
}

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool allowed(const std::string& host) {
    return std::any_of(kAllowed.begin(), kAllowed.end(), [&](std::string_view a) {
        return host == a || ends_with(host, "." + std::string(a));
    });
}

// "gjzxj-edu" -> "gj****-edu", "hb-qt" -> "hb****-qt", "sugou" -> "su****".
std::string mask_name(const std::string& name) {
    const size_t dash = name.rfind('-');
    const size_t head = std::min<size_t>(2, dash == std::string::npos || dash == 0 ? name.size() : dash);
    const std::string tail = dash == std::string::npos || dash == 0 ? "" : name.substr(dash);
    return name.substr(0, std::max<size_t>(head, 1)) + "****" + tail;
}

std::optional<UnmaskedDomain> classify(std::string_view written) {
    // A host ends at its last letter or digit: "hb-qt.cn." at the end of a sentence is "hb-qt.cn".
    while (!written.empty() && (written.back() == '.' || written.back() == '-')) written.remove_suffix(1);
    const std::string host = lower(written);
    if (host.find('*') != std::string::npos || host.find('_') != std::string::npos) return std::nullopt;
    std::vector<std::string> labels = labels_of(host);
    if (labels.size() < 2) return std::nullopt;
    for (const auto& l : labels)
        if (l.empty() || l.front() == '-') return std::nullopt;
    if (std::find(kTopLevel.begin(), kTopLevel.end(), labels.back()) == kTopLevel.end()) return std::nullopt;
    if (allowed(host)) return std::nullopt;
    // The name someone registers: the label before the public suffix.
    size_t name = labels.size() - 2;
    if (labels.back() == "cn" && name > 0 &&
        std::find(kCnSecond.begin(), kCnSecond.end(), labels[name]) != kCnSecond.end())
        --name;
    if (std::all_of(labels[name].begin(), labels[name].end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt; // "3.5.cn"-like numbers are not names anyone would write
    std::string masked(written);
    size_t at = 0;
    for (size_t i = 0; i < name; ++i) at += labels[i].size() + 1;
    masked.replace(at, labels[name].size(), mask_name(std::string(written.substr(at, labels[name].size()))));
    return UnmaskedDomain{std::string(written), masked};
}

} // namespace

std::vector<UnmaskedDomain> find_unmasked_domains(std::string_view s) {
    std::vector<UnmaskedDomain> out;
    size_t i = 0;
    while (i < s.size()) {
        if (!is_host_char(s[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && is_host_char(s[j])) ++j;
        if (auto d = classify(s.substr(i, j - i))) {
            bool seen = false;
            for (const auto& u : out) seen = seen || u.written == d->written;
            if (!seen) out.push_back(std::move(*d));
        }
        i = j;
    }
    return out;
}

} // namespace ff::detail
