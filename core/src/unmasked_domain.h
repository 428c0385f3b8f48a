// Finds web addresses written in full in a pack's text: a made-up scam domain may be, or later
// become, someone's real site, so scenarios mask part of its name (gj****-edu.top). Private to core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ff::detail {

struct UnmaskedDomain {
    std::string written; // the host as it stands in the text ("v.dy-zan.cn")
    std::string masked;  // the same host written by the content rule ("v.dy****-zan.cn")
};

// Hosts ending in a common top-level domain (.cn, .com, .top, ...) with no '*' in their name,
// each once. Official addresses (gov.cn, edu.cn) and reserved example names never match.
std::vector<UnmaskedDomain> find_unmasked_domains(std::string_view text);

} // namespace ff::detail
