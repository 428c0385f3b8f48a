// Small helpers of the pack model: enum <-> text and lookups by id.
#include "fraudfree/model.h"

#include <algorithm>

namespace ff {

const char* to_string(Channel c) {
    switch (c) {
    case Channel::chat: return "chat";
    case Channel::sms: return "sms";
    case Channel::call: return "call";
    }
    return "chat";
}

const char* to_string(EndingKind k) {
    switch (k) {
    case EndingKind::safe: return "safe";
    case EndingKind::partial: return "partial";
    case EndingKind::scammed: return "scammed";
    }
    return "safe";
}

std::optional<Channel> parse_channel(const std::string& s) {
    if (s == "chat") return Channel::chat;
    if (s == "sms") return Channel::sms;
    if (s == "call") return Channel::call;
    return std::nullopt;
}

std::optional<EndingKind> parse_ending_kind(const std::string& s) {
    if (s == "safe") return EndingKind::safe;
    if (s == "partial") return EndingKind::partial;
    if (s == "scammed") return EndingKind::scammed;
    return std::nullopt;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const Node* Scenario::find_node(const std::string& id) const { return find_by_id(nodes, id); }
const Ending* Scenario::find_ending(const std::string& id) const { return find_by_id(endings, id); }
const Scenario* Pack::find_scenario(const std::string& id) const { return find_by_id(scenarios, id); }
const Category* Pack::find_category(const std::string& id) const { return find_by_id(categories, id); }
const RedFlag* Pack::find_red_flag(const std::string& id) const { return find_by_id(red_flags, id); }

} // namespace ff
