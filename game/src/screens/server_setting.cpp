#include "screens/server_setting.h"

namespace ff::game {

ServerFieldCheck check_server_field(const std::string& text) {
    const size_t b = text.find_first_not_of(" \t");
    const size_t e = text.find_last_not_of(" \t");
    const std::string trimmed = b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
    ServerFieldCheck c;
    if (trimmed.empty()) {
        c.ok = true;
        return c;
    }
    const ff::net::ParsedUrl p = ff::net::parse_server_url(trimmed);
    if (!p.url) {
        c.error = p.error + "（例如 http://192.168.1.10:8080）";
        return c;
    }
    c.ok = true;
    c.value = p.url->to_string();
    return c;
}

std::string server_note(const ff::net::ServerChoice& effective, const std::optional<ff::net::ServerUrl>& running) {
    using ff::net::ServerSource;
    const std::string url = effective.url ? effective.url->to_string() : std::string();
    const bool in_use = effective.url && running && *running == *effective.url;
    switch (effective.source) {
    case ServerSource::command_line:
        return "命令行 --server 优先于这里：本次使用 " + url + "。";
    case ServerSource::settings:
        return in_use ? "正在使用这个地址。" : "已保存。重新启动游戏后连接 " + url + "。";
    case ServerSource::campus_file:
        return "这里留空时，使用程序旁 fraudfree.toml 里的 " + url + (in_use ? "。" : "（重新启动游戏后生效）。");
    case ServerSource::none: break;
    }
    return running ? "已清空。重新启动游戏后只在本机练习。" : "没有设置服务器：成绩只保存在本机。";
}

} // namespace ff::game
