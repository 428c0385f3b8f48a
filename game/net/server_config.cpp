#include "net/server_config.h"

#include <toml++/toml.h>

#include <system_error>

namespace ff::net {

const char* to_string(ServerSource s)
{
    switch (s) {
    case ServerSource::command_line: return "command_line";
    case ServerSource::settings: return "settings";
    case ServerSource::campus_file: return "campus_file";
    case ServerSource::none: break;
    }
    return "none";
}

CampusFile read_campus_file(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return {};
    CampusFile out;
    try {
        toml::table t = toml::parse_file(file.string());
        if (auto v = t["server"].value<std::string>()) {
            out.server = *v;
        } else {
            out.server = std::string{};
            out.note = file.string() + "：没有找到 server = \"http://…\" 这一项。";
        }
    } catch (const toml::parse_error& e) {
        out.server = std::string{};
        out.note = file.string() + ":" + std::to_string(e.source().begin.line) + ":" +
                   std::to_string(e.source().begin.column) + "：格式错误：" + std::string(e.description());
    }
    return out;
}

ServerChoice resolve_server(const std::optional<std::string>& command_line,
                            const std::string& settings_server_url,
                            const std::filesystem::path& exe_dir)
{
    ServerChoice choice;
    auto take = [&](const std::string& text, ServerSource source, const std::string& where) {
        ParsedUrl p = parse_server_url(text);
        if (p.url) {
            choice.url = p.url;
            choice.source = source;
            return true;
        }
        choice.notes.push_back(where + "：" + p.error);
        return false;
    };
    if (command_line && take(*command_line, ServerSource::command_line, "--server")) return choice;
    if (!settings_server_url.empty() && take(settings_server_url, ServerSource::settings, "设置")) return choice;
    if (!exe_dir.empty()) {
        const auto file = exe_dir / kCampusConfigFile;
        CampusFile cf = read_campus_file(file);
        if (!cf.note.empty()) choice.notes.push_back(cf.note);
        if (cf.server && !cf.server->empty() && take(*cf.server, ServerSource::campus_file, file.string()))
            return choice;
    }
    return choice;
}

std::filesystem::path executable_dir()
{
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

} // namespace ff::net
