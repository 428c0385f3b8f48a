// Finds phone, QQ, WeChat, card and meeting numbers written in full in a pack's text, which may
// belong to real people; scenarios write them masked (150****4406) as news reports do. Private to core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ff::detail {

struct UnmaskedNumber {
    std::string kind;    // "手机号", "QQ号", ... for the message
    std::string written; // as it stands in the text
    std::string masked;  // the same number written by the content rule
};

// The unmasked numbers in `text`, each once, in the order: digit runs, QQ, WeChat, meetings. Short
// service numbers (96110, 110, 12321, 955xx) and masked numbers never match.
std::vector<UnmaskedNumber> find_unmasked_numbers(std::string_view text);

} // namespace ff::detail
