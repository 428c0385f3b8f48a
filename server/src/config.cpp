// Command-line parsing for `fraudfree-server serve` and `fraudfree-server token create`.
#include "config.h"

#include <charconv>
#include <stdexcept>

namespace ff::server {
namespace {

int parse_int(const std::string& opt, const std::string& v, int lo, int hi) {
    int out = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || p != v.data() + v.size() || out < lo || out > hi)
        throw std::invalid_argument(opt + " 需要 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                                    " 之间的整数，而不是 “" + v + "”");
    return out;
}

void parse_listen(const std::string& v, ServeConfig& cfg) {
    auto colon = v.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw std::invalid_argument("--listen 的格式是 地址:端口，例如 127.0.0.1:8080 或 0.0.0.0:8080");
    cfg.host = v.substr(0, colon);
    if (cfg.host.size() > 2 && cfg.host.front() == '[' && cfg.host.back() == ']')
        cfg.host = cfg.host.substr(1, cfg.host.size() - 2);
    cfg.port = parse_int("--listen", v.substr(colon + 1), 0, 65535);
}

} // namespace

std::string usage_text() {
    return "用法：\n"
           "  fraudfree-server serve [--db fraudfree.db] [--listen 127.0.0.1:8080] [--packs content]\n"
           "                         [--threads N] [--synchronous full|normal] [--join-limit 30] [--quiet]\n"
           "  fraudfree-server token create --role admin|counsellor|author --name 名字 [--db fraudfree.db]\n";
}

Command parse_command_line(const std::vector<std::string>& args) {
    Command cmd;
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") return cmd;
    size_t i = 0;
    if (args[0] == "serve") {
        cmd.kind = Command::Kind::serve;
        i = 1;
    } else if (args[0] == "token" && args.size() > 1 && args[1] == "create") {
        cmd.kind = Command::Kind::token_create;
        i = 2;
    } else {
        throw std::invalid_argument("不认识的命令 “" + args[0] + "”");
    }
    auto value = [&](const std::string& opt) -> std::string {
        if (i + 1 >= args.size()) throw std::invalid_argument(opt + " 后面缺少值");
        return args[++i];
    };
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--db") {
            auto v = value(a);
            cmd.serve.db = v;
            cmd.token.db = v;
        } else if (cmd.kind == Command::Kind::serve && a == "--listen") {
            parse_listen(value(a), cmd.serve);
        } else if (cmd.kind == Command::Kind::serve && a == "--packs") {
            cmd.serve.packs_dir = value(a);
        } else if (cmd.kind == Command::Kind::serve && a == "--threads") {
            cmd.serve.threads = parse_int(a, value(a), 1, 1024);
        } else if (cmd.kind == Command::Kind::serve && a == "--join-limit") {
            cmd.serve.join_per_minute = parse_int(a, value(a), 1, 1000000);
        } else if (cmd.kind == Command::Kind::serve && a == "--synchronous") {
            auto v = value(a);
            if (v != "full" && v != "normal") throw std::invalid_argument("--synchronous 只能是 full 或 normal");
            cmd.serve.synchronous_full = v == "full";
        } else if (cmd.kind == Command::Kind::serve && a == "--quiet") {
            cmd.serve.quiet = true;
        } else if (cmd.kind == Command::Kind::token_create && a == "--role") {
            cmd.token.role = value(a);
        } else if (cmd.kind == Command::Kind::token_create && a == "--name") {
            cmd.token.name = value(a);
        } else {
            throw std::invalid_argument("不认识的选项 “" + a + "”");
        }
    }
    if (cmd.kind == Command::Kind::token_create) {
        if (cmd.token.role != "admin" && cmd.token.role != "counsellor" && cmd.token.role != "author")
            throw std::invalid_argument("--role 只能是 admin、counsellor 或 author");
        if (cmd.token.name.empty()) throw std::invalid_argument("请用 --name 写上这个令牌是给谁的");
    }
    return cmd;
}

} // namespace ff::server
