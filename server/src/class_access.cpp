// Join codes and class ownership checks.
#include "class_access.h"

#include "http_util.h"
#include "tokens.h"

#include <cctype>
#include <cstring>
#include <optional>

namespace ff::server {

std::string new_join_code() { return random_string(kJoinCodeAlphabet, kJoinCodeLength); }

std::string first_free_join_code(const std::function<bool(const std::string&)>& try_code) {
    for (int attempt = 0; attempt < kJoinCodeAttempts; ++attempt) {
        std::string code = new_join_code();
        if (try_code(code)) return code;
    }
    throw HttpError(503, "暂时生成不了新的加入码，请重试");
}

ClassInfo create_class_with_join_code(App& app, ClassInfo c) {
    std::optional<ClassInfo> made;
    first_free_join_code([&](const std::string& code) {
        c.join_code = code;
        made = app.storage.create_class(c);
        return made.has_value();
    });
    app.leaderboard.invalidate();
    return std::move(*made);
}

std::string rotate_join_code(App& app, int64_t class_id) {
    return first_free_join_code([&](const std::string& code) { return app.storage.set_join_code(class_id, code); });
}

std::string normalize_join_code(const std::string& typed) {
    std::string out;
    for (unsigned char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        c = static_cast<unsigned char>(std::toupper(c));
        if (!std::strchr(kJoinCodeAlphabet, c) || c == 0) return {};
        out.push_back(static_cast<char>(c));
    }
    return out.size() == static_cast<size_t>(kJoinCodeLength) ? out : std::string();
}

ClassInfo require_class_access(App& app, const Principal& who, int64_t class_id) {
    auto cls = app.storage.class_by_id(class_id);
    if (!cls) throw HttpError(404, "没有这个班级");
    if (who.role == Role::admin) return *cls;
    if (who.role == Role::counsellor && cls->owner_id == who.id) return *cls;
    throw HttpError(403, "这不是你的班级");
}

} // namespace ff::server
