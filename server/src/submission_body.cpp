// A result submission's body through nlohmann's SAX interface: the fields are taken as the
// parser meets them (a JSON tree cost a submission a dozen allocations), and checked after the
// whole body has parsed, in the order and with the words the tree-based checks used.
#include "submission_body.h"

#include "http_util.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <optional>
#include <string_view>

namespace ff::server {
namespace {

constexpr std::size_t kMaxChoices = 200;

struct TextField {
    enum Kind { absent, text, other } kind = absent; // JSON null counts as absent
    std::string value;
};

struct ChoicesField {
    enum Kind { absent, array, other } kind = absent;
    std::size_t count = 0;
    std::vector<int> values;
    // The first element that is no choice, in order: not an integer (400) or out of range (422).
    enum Bad { none, not_integer, out_of_range } first_bad = none;
    std::string bad_value; // as the client wrote it, for out_of_range
};

using json = nlohmann::json;

class SubmissionSax final : public nlohmann::json_sax<json> {
public:
    static constexpr std::array<std::string_view, 4> kTextKeys = {"id", "pack_id", "pack_hash", "scenario_id"};
    static constexpr int kChoices = 4, kIgnored = -1;

    std::array<TextField, 4> text;
    ChoicesField choices;
    bool is_object = false; // the top-level value is an object

    bool null() override { return scalar(TextField::absent, nullptr); }
    bool boolean(bool) override { return scalar(TextField::other, nullptr); }
    bool number_integer(number_integer_t v) override { return number(v, std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override {
        return number(v > 99 ? 100 : static_cast<int64_t>(v), std::to_string(v));
    }
    bool number_float(number_float_t, const string_t&) override { return scalar(TextField::other, nullptr); }
    bool string(string_t& s) override { return scalar(TextField::text, &s); }
    bool binary(binary_t&) override { return scalar(TextField::other, nullptr); }

    bool start_object(std::size_t) override {
        if (depth_ == 0) is_object = true;
        else container();
        ++depth_;
        return true;
    }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override {
        if (depth_ == 1 && target_ == kChoices) {
            reset_choices(ChoicesField::array);
            in_choices_ = true;
        } else if (depth_ > 0) {
            container();
        }
        ++depth_;
        return true;
    }
    bool end_array() override { return leave(); }
    bool key(string_t& k) override {
        if (depth_ != 1) return true;
        target_ = kIgnored;
        for (int i = 0; i < static_cast<int>(kTextKeys.size()); ++i)
            if (k == kTextKeys[static_cast<std::size_t>(i)]) target_ = i;
        if (k == "choices") target_ = kChoices;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    // A value that is not an array or object, at whatever depth the parser is.
    bool scalar(TextField::Kind kind, string_t* s) {
        if (in_choices_ && depth_ == 2) return element(std::nullopt, "");
        if (depth_ != 1 || target_ == kIgnored) return true;
        if (target_ == kChoices) {
            reset_choices(ChoicesField::other);
        } else {
            TextField& f = text[static_cast<std::size_t>(target_)];
            f.kind = kind;
            f.value = s ? std::move(*s) : std::string();
        }
        return true;
    }
    bool number(int64_t v, std::string shown) { return in_choices_ && depth_ == 2 ? element(v, shown) : scalar(TextField::other, nullptr); }
    // An element of the choices array: `v` when it is an integer.
    bool element(std::optional<int64_t> v, const std::string& shown) {
        ++choices.count;
        if (choices.first_bad != ChoicesField::none) return true; // the first bad one decides
        if (!v) {
            choices.first_bad = ChoicesField::not_integer;
        } else if (*v < 1 || *v > 99) {
            choices.first_bad = ChoicesField::out_of_range;
            choices.bad_value = shown;
        } else {
            choices.values.push_back(static_cast<int>(*v));
        }
        return true;
    }
    // An array or object nested in the top-level one.
    void container() {
        if (in_choices_ && depth_ == 2) element(std::nullopt, "");
        else if (depth_ == 1 && target_ == kChoices) reset_choices(ChoicesField::other);
        else if (depth_ == 1 && target_ != kIgnored) text[static_cast<std::size_t>(target_)] = TextField{TextField::other, {}};
    }
    void reset_choices(ChoicesField::Kind kind) {
        choices = ChoicesField();
        choices.kind = kind;
    }
    bool leave() {
        --depth_;
        if (depth_ == 1) in_choices_ = false;
        return true;
    }

    int depth_ = 0;           // 1: inside the top-level object
    int target_ = kIgnored;   // the field the next value at depth 1 belongs to
    bool in_choices_ = false; // depth 2 is the choices array
};

std::string take_text(TextField& f, std::string_view key, std::size_t max_bytes) {
    const std::string name(key);
    if (f.kind == TextField::absent) throw HttpError(400, "缺少字段 " + name);
    if (f.kind == TextField::other) throw HttpError(400, "字段 " + name + " 应当是字符串");
    if (f.value.size() > max_bytes)
        throw HttpError(400, "字段 " + name + " 太长（最多 " + std::to_string(max_bytes) + " 字节）");
    if (f.value.empty()) throw HttpError(400, "字段 " + name + " 不能为空");
    return std::move(f.value);
}

} // namespace

SubmissionBody parse_submission(const std::string& body, std::size_t limit) {
    if (body.size() > limit) throw HttpError(413, "请求内容太大（最多 " + std::to_string(limit / 1024) + " KB）");
    SubmissionSax sax;
    if (!json::sax_parse(body, &sax)) throw HttpError(400, "请求内容不是有效的 JSON");
    if (!sax.is_object) throw HttpError(400, "请求内容应当是一个 JSON 对象 {...}");

    SubmissionBody out;
    out.id = take_text(sax.text[0], "id", 80);
    // Client ids are UUIDs in practice; accept any short id of safe characters.
    for (char c : out.id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':'))
            throw HttpError(400, "字段 id 只能由字母、数字和 - _ . : 组成（应当是一个 UUID）");
    out.pack_id = take_text(sax.text[1], "pack_id", 80);
    out.pack_hash = take_text(sax.text[2], "pack_hash", 128);
    out.scenario_id = take_text(sax.text[3], "scenario_id", 120);

    ChoicesField& c = sax.choices;
    if (c.kind == ChoicesField::absent) throw HttpError(400, "缺少字段 choices");
    const std::string not_array = "字段 choices 应当是整数数组，例如 [1,2,1]";
    if (c.kind == ChoicesField::other) throw HttpError(400, not_array);
    if (c.count > kMaxChoices) throw HttpError(400, "字段 choices 太长");
    if (c.first_bad == ChoicesField::not_integer) throw HttpError(400, not_array);
    if (c.first_bad == ChoicesField::out_of_range)
        throw HttpError(422, "选项编号 " + c.bad_value + " 不存在（编号从 1 开始）");
    out.choices = std::move(c.values);
    return out;
}

} // namespace ff::server
