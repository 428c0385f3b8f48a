#include "test_class_session_harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace ff::e2e {

namespace fs = std::filesystem;

fs::path source_dir() { return FRAUDFREE_SOURCE_DIR; }

TempDir::TempDir(const std::string& tag)
{
    std::random_device rd;
    path = fs::temp_directory_path() / ("ff-e2e-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    if (!std::getenv("FF_E2E_KEEP")) fs::remove_all(path, ec);
}

int free_port()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        throw std::runtime_error("no free port on 127.0.0.1");
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::optional<fs::path> find_program(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::stringstream ss(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(ss, dir, ':')) {
        fs::path p = fs::path(dir) / name;
        if (::access(p.c_str(), X_OK) == 0) return p;
    }
    return std::nullopt;
}

namespace {

std::vector<std::string> merged_env(const Env& extra)
{
    std::vector<std::string> out;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        bool replaced = false;
        for (const auto& [k, v] : extra)
            if (kv.rfind(k + "=", 0) == 0) replaced = true;
        if (!replaced) out.push_back(kv);
    }
    for (const auto& [k, v] : extra) out.push_back(k + "=" + v);
    return out;
}

std::vector<char*> c_strings(std::vector<std::string>& v)
{
    std::vector<char*> out;
    for (auto& s : v) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

pid_t spawn_to(std::vector<std::string> argv, const Env& env, const fs::path& out, const fs::path& err,
               int inherit_fd)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err == out) posix_spawn_file_actions_adddup2(&fa, 1, 2);
    else posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    (void)inherit_fd; // kept open across exec because it was made without O_CLOEXEC
    auto envs = merged_env(env);
    auto cargv = c_strings(argv);
    auto cenv = c_strings(envs);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Own process group, so a Ctrl+C in the terminal does not reach the children first.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, cargv[0], &fa, &attr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    return pid;
}

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int decode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status); }

} // namespace

Process::Process(std::vector<std::string> argv, const Env& env, fs::path log, int inherit_fd) : log_(std::move(log))
{
    pid_ = spawn_to(std::move(argv), env, log_, log_, inherit_fd);
}

Process::~Process()
{
    if (alive()) stop(SIGKILL, 5s);
}

bool Process::alive()
{
    if (status_) return false;
    int st = 0;
    pid_t r = ::waitpid(pid_, &st, WNOHANG);
    if (r == pid_) status_ = st;
    return !status_;
}

int Process::stop(int sig, std::chrono::milliseconds limit)
{
    if (alive()) {
        ::kill(pid_, sig);
        if (!eventually([&] { return !alive(); }, limit, 20ms)) {
            ::kill(pid_, SIGKILL);
            int st = 0;
            ::waitpid(pid_, &st, 0);
            status_ = st;
        }
    }
    return status_ ? decode(*status_) : -1;
}

std::string Process::log_text() const { return slurp(log_); }

RunResult run(const std::vector<std::string>& argv, const Env& env, std::chrono::milliseconds limit)
{
    TempDir tmp("run");
    const fs::path out = tmp.path / "out", err = tmp.path / "err";
    pid_t pid = spawn_to(argv, env, out, err, -1);
    int st = 0;
    bool done = eventually([&] { return ::waitpid(pid, &st, WNOHANG) == pid; }, limit, 10ms);
    RunResult r;
    if (!done) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &st, 0);
    } else {
        r.exit_code = decode(st);
    }
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

ServerRun::ServerRun(fs::path db, int port, fs::path log_dir) : db_(std::move(db)), port_(port), log_dir_(std::move(log_dir)) {}

ServerRun::~ServerRun() { stop(); }

void ServerRun::start()
{
    if (proc_) return;
    proc_ = std::make_unique<Process>(
        std::vector<std::string>{FRAUDFREE_SERVER_BIN, "serve", "--db", db_.string(), "--listen",
                                 "127.0.0.1:" + std::to_string(port_), "--packs", (source_dir() / "content").string()},
        Env{}, log_dir_ / ("server-" + std::to_string(++starts_) + ".log"));
    bool up = eventually(
        [&] {
            if (!proc_->alive()) return true;
            httplib::Client c("127.0.0.1", port_);
            c.set_connection_timeout(0, 200000);
            auto r = c.Get("/healthz");
            return r && r->status == 200;
        },
        15s, 50ms);
    if (!up || !proc_->alive()) {
        std::string log = proc_->log_text();
        proc_.reset();
        throw std::runtime_error("fraudfree-server did not start on port " + std::to_string(port_) + ":\n" + log);
    }
}

void ServerRun::stop()
{
    if (!proc_) return;
    proc_->stop(SIGTERM, 10s);
    proc_.reset();
}

httplib::Client ServerRun::client() const
{
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(10, 0);
    return c;
}

std::string ServerRun::create_token(const std::string& role, const std::string& name) const
{
    auto r = run({FRAUDFREE_SERVER_BIN, "token", "create", "--role", role, "--name", name, "--db", db_.string()});
    if (r.exit_code != 0) throw std::runtime_error("token create failed: " + r.err);
    std::string t = r.out;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    return t;
}

std::string ServerRun::log_text() const
{
    std::string out;
    for (int i = 1; i <= starts_; ++i) out += slurp(log_dir_ / ("server-" + std::to_string(i) + ".log"));
    return out;
}

namespace {

Reply to_reply(const httplib::Result& r, const std::string& what)
{
    if (!r) throw std::runtime_error(what + ": no answer (" + httplib::to_string(r.error()) + ")");
    Reply out;
    out.status = r->status;
    out.text = r->body;
    try {
        out.body = nlohmann::json::parse(r->body);
    } catch (const std::exception&) {
    }
    return out;
}

httplib::Headers auth(const std::string& token)
{
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return h;
}

} // namespace

Reply post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body, const std::string& token)
{
    return to_reply(c.Post(path.c_str(), auth(token), body.dump(), "application/json"), "POST " + path);
}

Reply get_json(httplib::Client& c, const std::string& path, const std::string& token)
{
    return to_reply(c.Get(path.c_str(), auth(token)), "GET " + path);
}

Xvfb::Xvfb(fs::path log, int width, int height)
{
    auto xvfb = find_program("Xvfb");
    if (!xvfb) throw std::runtime_error("Xvfb is not installed (scripts/setup --test installs it)");
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    // -displayfd: Xvfb picks a free display number and writes it to the pipe once ready.
    proc_ = std::make_unique<Process>(std::vector<std::string>{xvfb->string(), "-displayfd", std::to_string(fds[1]),
                                                               "-screen", "0",
                                                               std::to_string(width) + "x" + std::to_string(height) + "x24",
                                                               "-nolisten", "tcp", "-noreset"},
                                      Env{}, std::move(log), fds[1]);
    ::close(fds[1]);
    std::string number;
    pollfd p{fds[0], POLLIN, 0};
    const auto end = std::chrono::steady_clock::now() + 15s;
    while (std::chrono::steady_clock::now() < end) {
        if (::poll(&p, 1, 200) > 0) {
            char buf[32];
            ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n <= 0) break;
            number.append(buf, static_cast<size_t>(n));
            if (number.find('\n') != std::string::npos) break;
        }
    }
    ::close(fds[0]);
    while (!number.empty() && std::isspace(static_cast<unsigned char>(number.back()))) number.pop_back();
    if (number.empty()) throw std::runtime_error("Xvfb did not start:\n" + proc_->log_text());
    display_ = ":" + number;
}

RunResult Xdo::xdo(const std::vector<std::string>& args) const
{
    std::vector<std::string> argv{"xdotool"};
    if (auto p = find_program("xdotool")) argv[0] = p->string();
    else throw std::runtime_error("xdotool is not installed (scripts/setup --test installs it)");
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, {{"DISPLAY", display_}}, 20s);
}

std::string Xdo::window_of(pid_t pid, std::chrono::milliseconds limit) const
{
    std::string found;
    eventually(
        [&] {
            auto r = xdo({"search", "--onlyvisible", "--pid", std::to_string(pid)});
            std::stringstream ss(r.out);
            std::string id;
            if (std::getline(ss, id) && !id.empty()) found = id;
            return !found.empty();
        },
        limit, 200ms);
    return found;
}

void Xdo::focus(const std::string& window) const { xdo({"windowfocus", "--sync", window}); }

void Xdo::key(const std::string& keys) const { xdo({"key", "--delay", "60", keys}); }

void Xdo::type(const std::string& text) const { xdo({"type", "--delay", "60", text}); }

void Xdo::click(const std::string& window, int x, int y) const
{
    xdo({"mousemove", "--window", window, "--sync", std::to_string(x), std::to_string(y)});
    xdo({"click", "1"});
}

void Xdo::wiggle(const std::string& window) const
{
    xdo({"mousemove", "--window", window, "5", "5"});
    xdo({"mousemove", "--window", window, "9", "7"});
}

void Xdo::screenshot(const fs::path& png) const
{
    if (auto import = find_program("import"))
        run({import->string(), "-window", "root", png.string()}, {{"DISPLAY", display_}}, 20s);
}

ClassSession::ClassSession(const fs::path& dir) : server(dir / "fraudfree.db", free_port(), dir)
{
    server.start();
    counsellor = server.create_token("counsellor", "王老师");
    author = server.create_token("author", "反诈中心");
    auto http = server.client();
    const Reply cls = post_json(http, "/api/v1/classes", {{"name", "计科2401"}, {"packs", {"campus-core"}}}, counsellor);
    if (cls.status != 201)
        throw std::runtime_error("the server refused the class: HTTP " + std::to_string(cls.status) + " " + cls.text);
    join_code = cls.body.at("join_code").get<std::string>();
    class_id = cls.body.at("id").get<int64_t>();
}

} // namespace ff::e2e
