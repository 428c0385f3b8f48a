// fork/exec of the server binary for the tests; bounded waits everywhere so a hung server
// fails a test instead of hanging CTest.
#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ff::test {
namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
    std::vector<char*> v;
    for (auto& a : args) v.push_back(a.data());
    v.push_back(nullptr);
    return v;
}

// Waits up to `seconds` for the child; returns its exit code, or -1 after SIGKILL.
int wait_bounded(pid_t pid, double seconds) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

// Spawns the binary with stdout into a pipe and stderr into `err_path`.
pid_t spawn(std::vector<std::string> args, int& out_fd, const std::string& err_path) {
    args.insert(args.begin(), FRAUDFREE_SERVER_BIN);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (err >= 0) dup2(err, STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        auto argv = argv_of(args);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    out_fd = fds[0];
    return pid;
}

// Reads from `fd` until `stop` appears, EOF or the deadline.
std::string read_until(int fd, const std::string& stop, double seconds) {
    std::string out;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (out.find(stop) == std::string::npos) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        char buf[512];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

} // namespace

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ffserver-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

RunResult run_server_command(const std::vector<std::string>& args) {
    int fd = -1;
    pid_t pid = spawn(args, fd, "/dev/null");
    RunResult r;
    r.out = read_until(fd, "\x01never", 20);
    close(fd);
    r.exit_code = wait_bounded(pid, 20);
    return r;
}

std::string create_token(const std::string& db, const std::string& role, const std::string& name) {
    auto r = run_server_command({"token", "create", "--role", role, "--name", name, "--db", db});
    if (r.exit_code != 0) throw std::runtime_error("token create failed");
    while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
    return r.out;
}

ServerProcess::ServerProcess(const std::string& db, std::vector<std::string> extra) {
    log_path_ = db + ".log";
    std::vector<std::string> args{"serve", "--db", db, "--listen", "127.0.0.1:0", "--packs",
                                  std::string(FRAUDFREE_SOURCE_DIR) + "/content"};
    args.insert(args.end(), extra.begin(), extra.end());
    int fd = -1;
    pid_ = spawn(args, fd, log_path_);
    std::string out = read_until(fd, "\n", 30);
    close(fd);
    auto at = out.rfind(':');
    if (out.find("listening on") == std::string::npos || at == std::string::npos) {
        wait_bounded(pid_, 1);
        pid_ = -1;
        throw std::runtime_error("server did not start: " + out + "\n" + log());
    }
    port_ = std::atoi(out.c_str() + at + 1);
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) terminate();
}

httplib::Client ServerProcess::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5);
    c.set_read_timeout(20);
    c.set_write_timeout(20);
    return c;
}

int ServerProcess::terminate() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int code = wait_bounded(pid_, 20);
    pid_ = -1;
    return code;
}

std::string ServerProcess::log() const {
    std::ifstream in(log_path_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

namespace {
httplib::Headers auth(const std::string& token) {
    if (token.empty()) return {};
    return {{"Authorization", "Bearer " + token}};
}
} // namespace

httplib::Result post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                          const std::string& token) {
    return c.Post(path.c_str(), auth(token), body.dump(), "application/json");
}

httplib::Result get_with(httplib::Client& c, const std::string& path, const std::string& token) {
    return c.Get(path.c_str(), auth(token));
}

httplib::Result delete_with(httplib::Client& c, const std::string& path, const std::string& token) {
    return c.Delete(path.c_str(), auth(token));
}

nlohmann::json body_json(const httplib::Result& r) {
    if (!r) return nullptr;
    return nlohmann::json::parse(r->body, nullptr, false);
}

} // namespace ff::test
