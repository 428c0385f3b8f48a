#include "net/server_url.h"

#include "net/trim.h"

#include <algorithm>
#include <cctype>

namespace ff::net {

namespace {

bool host_char_ok(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

ParsedUrl invalid_url(const std::string& text, const std::string& why)
{
    return {std::nullopt, "服务器地址“" + text + "”无效：" + why};
}

} // namespace

std::string ServerUrl::origin() const
{
    const bool v6 = host.find(':') != std::string::npos;
    return scheme + "://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string ServerUrl::to_string() const { return origin() + base_path; }

ParsedUrl parse_server_url(const std::string& raw)
{
    const std::string text = trim_space(raw);
    if (text.empty()) return invalid_url(raw, "地址是空的");
    if (text.size() > 2000) return invalid_url(text.substr(0, 40) + "…", "地址太长");

    ServerUrl u;
    std::string rest = text;
    const auto sep = rest.find("://");
    if (sep != std::string::npos) {
        std::string scheme = rest.substr(0, sep);
        std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (scheme != "http" && scheme != "https") return invalid_url(text, "只支持 http:// 或 https://");
        u.scheme = scheme;
        rest = rest.substr(sep + 3);
    }
    u.port = u.scheme == "https" ? 443 : 80;
    if (rest.find_first_of("?#@ ") != std::string::npos)
        return invalid_url(text, "地址里不能有 ?、#、@ 或空格");

    const auto slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.pop_back();
    if (path.find("/../") != std::string::npos || path.ends_with("/..") || path.find("//") != std::string::npos)
        return invalid_url(text, "路径部分不正确");
    u.base_path = path;

    std::string port_text;
    if (authority.starts_with("[")) {
        const auto close = authority.find(']');
        if (close == std::string::npos) return invalid_url(text, "IPv6 地址缺少 ]");
        u.host = authority.substr(1, close - 1);
        std::string after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') return invalid_url(text, "端口写法不正确");
            port_text = after.substr(1);
        }
        if (u.host.empty() || u.host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos)
            return invalid_url(text, "IPv6 地址不正确");
    } else {
        const auto colon = authority.find(':');
        u.host = authority.substr(0, colon);
        if (colon != std::string::npos) port_text = authority.substr(colon + 1);
        if (u.host.empty()) return invalid_url(text, "缺少主机名");
        if (!std::all_of(u.host.begin(), u.host.end(), host_char_ok)) return invalid_url(text, "主机名含有不允许的字符");
    }
    if (!port_text.empty() || authority.ends_with(":")) {
        if (port_text.empty() || port_text.size() > 5 ||
            port_text.find_first_not_of("0123456789") != std::string::npos)
            return invalid_url(text, "端口必须是 1–65535 的数字");
        const int port = std::stoi(port_text);
        if (port < 1 || port > 65535) return invalid_url(text, "端口必须是 1–65535 的数字");
        u.port = port;
    }
    return {u, {}};
}

} // namespace ff::net
