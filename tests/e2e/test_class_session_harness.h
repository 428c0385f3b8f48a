// End-to-end test helpers: child processes with bounded waits, free ports, a fraudfree-server
// on a fixed 127.0.0.1 port (so it can be restarted where the game expects it), Xvfb, xdotool.
#pragma once

#include "net/server_url.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace ff::e2e {

using Env = std::vector<std::pair<std::string, std::string>>;
using namespace std::chrono_literals;

std::filesystem::path source_dir();
// A fresh folder under the system temp folder, removed by the destructor.
struct TempDir {
    explicit TempDir(const std::string& tag);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path path;
};

// A 127.0.0.1 TCP port that was free a moment ago.
int free_port();
// The program's path if it is on PATH.
std::optional<std::filesystem::path> find_program(const std::string& name);

// A child process; stdout and stderr go to `log`. The destructor kills it (SIGKILL) if alive.
class Process {
public:
    Process(std::vector<std::string> argv, const Env& env, std::filesystem::path log, int inherit_fd = -1);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    bool alive();
    // Sends `sig` and waits up to `limit`; SIGKILL after that. The exit code, or -signal.
    int stop(int sig, std::chrono::milliseconds limit = 10s);
    std::string log_text() const;

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::filesystem::path log_;
};

struct RunResult {
    int exit_code = -1; // -1: killed after the time limit
    std::string out;    // stdout
    std::string err;    // stderr
};
// Runs a program to its end (killed after `limit`).
RunResult run(const std::vector<std::string>& argv, const Env& env = {}, std::chrono::milliseconds limit = 60s);

// Waits (bounded) for `done()`; returns whether it held.
template <class F>
bool eventually(F done, std::chrono::milliseconds limit = 20s, std::chrono::milliseconds step = 50ms);

// fraudfree-server serve on 127.0.0.1:port with the given database and bundled packs.
class ServerRun {
public:
    ServerRun(std::filesystem::path db, int port, std::filesystem::path log_dir);
    ~ServerRun();
    void start();              // returns when /healthz answers (throws after ~15 s)
    void stop();               // SIGTERM, bounded
    bool running() const { return proc_ != nullptr; }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    httplib::Client client() const;
    std::string create_token(const std::string& role, const std::string& name) const;
    std::string log_text() const;

private:
    std::filesystem::path db_;
    int port_;
    std::filesystem::path log_dir_;
    int starts_ = 0;
    std::unique_ptr<Process> proc_;
};

// JSON request helpers; they throw std::runtime_error on no answer.
struct Reply {
    int status = 0;
    nlohmann::json body; // null when the body is not JSON
    std::string text;
};
Reply post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body, const std::string& token = {});
Reply get_json(httplib::Client& c, const std::string& path, const std::string& token = {});

// How each class-session test begins: the server running with its files in `dir`, a
// counsellor and an author token, and one class "计科2401" on campus-core.
// Throws std::runtime_error when the server refuses the class.
struct ClassSession {
    explicit ClassSession(const std::filesystem::path& dir);
    ServerRun server;
    std::string counsellor, author, join_code;
    int64_t class_id = 0;
    std::string progress_path() const { return "/api/v1/classes/" + std::to_string(class_id) + "/progress"; }
};

// An X server without a screen (Xvfb) for the game window.
class Xvfb {
public:
    explicit Xvfb(std::filesystem::path log, int width = 1366, int height = 768);
    const std::string& display() const { return display_; }

private:
    std::unique_ptr<Process> proc_;
    std::string display_;
};

// xdotool against one display. Input goes through XTEST to the focused window, as a
// person's would (SDL ignores synthetic XSendEvent input).
class Xdo {
public:
    explicit Xdo(std::string display) : display_(std::move(display)) {}
    // The visible window of `pid` (waits up to `limit`); empty when none appeared.
    std::string window_of(pid_t pid, std::chrono::milliseconds limit = 30s) const;
    void focus(const std::string& window) const;
    void key(const std::string& keys) const;       // e.g. "Return", "1", "ctrl+a"
    void type(const std::string& text) const;
    void click(const std::string& window, int x, int y) const; // window-relative pixels
    // Moves the mouse a little inside the window: input events without any click.
    void wiggle(const std::string& window) const;
    // Saves the whole screen as PNG (ImageMagick `import`), for failure reports.
    void screenshot(const std::filesystem::path& png) const;

private:
    RunResult xdo(const std::vector<std::string>& args) const;
    std::string display_;
};

template <class F>
bool eventually(F done, std::chrono::milliseconds limit, std::chrono::milliseconds step)
{
    const auto end = std::chrono::steady_clock::now() + limit;
    for (;;) {
        if (done()) return true;
        if (std::chrono::steady_clock::now() >= end) return false;
        std::this_thread::sleep_for(step);
    }
}

} // namespace ff::e2e
