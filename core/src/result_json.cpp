// The JSON form of a result record: one format for disk, wire and `play --json`.
#include "fraudfree/result.h"

#include "fraudfree/utf8.h"

#include <limits>
#include <stdexcept>

namespace ff {
namespace {

using nlohmann::json;

const json& field(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) throw std::invalid_argument(std::string("result JSON: missing field '") + key + "'");
    return *it;
}

[[noreturn]] void mistyped(const char* key, const char* expected) {
    throw std::invalid_argument(std::string("result JSON: field '") + key + "' must be " + expected);
}

std::string get_string(const json& j, const char* key) {
    const json& v = field(j, key);
    if (!v.is_string()) mistyped(key, "a string");
    return v.get<std::string>();
}

int64_t get_int(const json& j, const char* key, int64_t min, int64_t max) {
    const json& v = field(j, key);
    if (!v.is_number_integer()) mistyped(key, "an integer");
    // Unsigned values above int64 would wrap; reject them as out of range.
    if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(max)) mistyped(key, "within range");
    const int64_t x = v.get<int64_t>();
    if (x < min || x > max) mistyped(key, "within range");
    return x;
}

bool get_bool(const json& j, const char* key) {
    const json& v = field(j, key);
    if (!v.is_boolean()) mistyped(key, "true or false");
    return v.get<bool>();
}

std::vector<std::string> get_strings(const json& j, const char* key) {
    const json& v = field(j, key);
    if (!v.is_array()) mistyped(key, "an array of strings");
    std::vector<std::string> out;
    for (const json& x : v) {
        if (!x.is_string()) mistyped(key, "an array of strings");
        out.push_back(x.get<std::string>());
    }
    return out;
}

constexpr int64_t kIntMax = 2147483647;

// nlohmann's escaping with ensure_ascii off: UTF-8 passes through, control characters become
// the short escapes or \u00xx (lower-case hex), and invalid UTF-8 is refused as dump() does.
void append_json_string(std::string& out, const std::string& s) {
    if (!utf8_valid(s)) throw std::invalid_argument("result JSON: text is not valid UTF-8");
    out += '"';
    // Runs of characters that need no escape (nearly all of them) are copied in one append:
    // one character at a time was a sixth of a submission's record building.
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
        }
    }
    out.append(s, run, s.size() - run);
    out += '"';
}

// Keys go in name order, as nlohmann's std::map-backed objects print them; each put_ writes
// `"key":value,` and the caller closes the object over the last comma.
void append_key(std::string& out, const char* key) {
    out += '"';
    out += key;
    out += "\":";
}

void put_string(std::string& out, const char* key, const std::string& value) {
    append_key(out, key);
    append_json_string(out, value);
    out += ',';
}

void put_number(std::string& out, const char* key, int64_t value) {
    append_key(out, key);
    out += std::to_string(value);
    out += ',';
}

void put_strings(std::string& out, const char* key, const std::vector<std::string>& values) {
    append_key(out, key);
    out += '[';
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, values[i]);
    }
    out += "],";
}

} // namespace

nlohmann::json to_json(const ResultRecord& r) {
    json j = json::object();
    if (!r.id.empty()) j["id"] = r.id;
    j["pack_id"] = r.pack_id;
    j["pack_version"] = r.pack_version;
    j["pack_hash"] = r.pack_hash;
    j["scenario_id"] = r.scenario_id;
    j["category"] = r.category;
    j["choices"] = r.choices;
    j["ending_id"] = r.ending_id;
    j["ending_kind"] = to_string(r.ending_kind);
    j["score"] = r.score;
    json items = json::array();
    for (const ScoreItem& i : r.score_items)
        items.push_back({{"key", i.key}, {"label", i.label}, {"points", i.points}, {"max", i.max}});
    j["score_items"] = std::move(items);
    j["flags_shown"] = r.flags_shown;
    j["flags_caught"] = r.flags_caught;
    j["money_lost"] = r.money_lost;
    j["reported"] = r.reported;
    return j;
}

std::string to_compact_json(const ResultRecord& r) {
    std::string out;
    out.reserve(768);
    out += '{';
    put_string(out, "category", r.category);
    append_key(out, "choices");
    out += '[';
    for (size_t i = 0; i < r.choices.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(r.choices[i]);
    }
    out += "],";
    put_string(out, "ending_id", r.ending_id);
    put_string(out, "ending_kind", to_string(r.ending_kind));
    put_strings(out, "flags_caught", r.flags_caught);
    put_strings(out, "flags_shown", r.flags_shown);
    if (!r.id.empty()) put_string(out, "id", r.id);
    put_number(out, "money_lost", r.money_lost);
    put_string(out, "pack_hash", r.pack_hash);
    put_string(out, "pack_id", r.pack_id);
    put_number(out, "pack_version", r.pack_version);
    append_key(out, "reported");
    out += r.reported ? "true," : "false,";
    put_string(out, "scenario_id", r.scenario_id);
    put_number(out, "score", r.score);
    append_key(out, "score_items");
    out += '[';
    for (size_t i = 0; i < r.score_items.size(); ++i) {
        const ScoreItem& item = r.score_items[i];
        if (i) out += ',';
        out += '{';
        put_string(out, "key", item.key);
        put_string(out, "label", item.label);
        put_number(out, "max", item.max);
        put_number(out, "points", item.points);
        out.back() = '}'; // the last field's comma
    }
    out += "]}";
    return out;
}

std::string to_json_text(const ResultRecord& r) { return to_json(r).dump(2) + "\n"; }

ResultRecord result_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument("result JSON: must be an object");
    ResultRecord r;
    if (j.contains("id")) r.id = get_string(j, "id");
    r.pack_id = get_string(j, "pack_id");
    r.pack_version = static_cast<int>(get_int(j, "pack_version", 0, kIntMax));
    r.pack_hash = get_string(j, "pack_hash");
    r.scenario_id = get_string(j, "scenario_id");
    r.category = get_string(j, "category");
    const json& choices = field(j, "choices");
    if (!choices.is_array()) mistyped("choices", "an array of integers");
    for (const json& c : choices) {
        if (!c.is_number_integer() || c.get<int64_t>() < 1 || c.get<int64_t>() > kIntMax)
            mistyped("choices", "an array of integers >= 1");
        r.choices.push_back(static_cast<int>(c.get<int64_t>()));
    }
    r.ending_id = get_string(j, "ending_id");
    const auto kind = parse_ending_kind(get_string(j, "ending_kind"));
    if (!kind) mistyped("ending_kind", "\"safe\", \"partial\" or \"scammed\"");
    r.ending_kind = *kind;
    r.score = static_cast<int>(get_int(j, "score", 0, 100));
    const json& items = field(j, "score_items");
    if (!items.is_array()) mistyped("score_items", "an array of objects");
    for (const json& i : items) {
        if (!i.is_object()) mistyped("score_items", "an array of objects");
        r.score_items.push_back(ScoreItem{get_string(i, "key"), get_string(i, "label"),
                                          static_cast<int>(get_int(i, "points", 0, 100)),
                                          static_cast<int>(get_int(i, "max", 0, 100))});
    }
    r.flags_shown = get_strings(j, "flags_shown");
    r.flags_caught = get_strings(j, "flags_caught");
    r.money_lost = get_int(j, "money_lost", 0, std::numeric_limits<int64_t>::max());
    r.reported = get_bool(j, "reported");
    return r;
}

} // namespace ff
