// Starting and stopping the server: storage, bundled packs, HTTP, and a signal thread
// that turns SIGTERM/SIGINT into a graceful stop (requests in flight finish first).
#include "serve.h"

#include "app.h"
#include "http_server.h"
#include "pack_cache.h"
#include "rate_limit.h"
#include "storage.h"
#include "tokens.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

namespace ff::server {
namespace {

// "2026-11-30T20:01:02Z message" to stderr in one write, so lines from threads never mix.
void log_line(const std::string& msg) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::string line = std::string(stamp) + " " + msg + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

} // namespace

int run_serve(const ServeConfig& given, std::ostream& out) {
    ServeConfig cfg = given;
    if (cfg.threads <= 0) cfg.threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()) * 2);

    // Block the stop signals before any thread starts, so every thread inherits the mask
    // and only the signal thread below receives them (via sigwait).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN); // a client that hangs up must not kill the server

    try {
        SqliteConfig db_cfg;
        db_cfg.path = cfg.db;
        db_cfg.synchronous_full = cfg.synchronous_full;
        db_cfg.read_connections = cfg.threads + 4; // every worker may read at once: keep them all open
        auto storage = open_sqlite_storage(db_cfg);
        PackCache packs(*storage);
        load_bundled_packs(cfg.packs_dir, *storage, packs, log_line);
        RateLimiter joins(cfg.join_per_minute);
        Leaderboard leaderboard(std::chrono::seconds(5));
        App app{cfg, *storage, packs, joins, leaderboard, log_line};
        HttpServer server(app);
        const int port = server.bind(cfg.host, cfg.port);

        std::atomic<bool> signalled{false};
        std::atomic<bool> listening_done{false};
        std::thread signal_thread([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            signalled = true;
            if (listening_done) return;
            log_line(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ", stopping");
            // httplib ignores a stop that comes before its listen loop has started (a signal
            // right at start-up): repeat it until listen() has returned.
            while (!listening_done) {
                server.stop();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });

        out << "fraudfree-server: listening on http://" << cfg.host << ":" << port << std::endl;
        log_line("database " + cfg.db + (cfg.synchronous_full ? " (synchronous=FULL)" : " (synchronous=NORMAL)") +
                 ", " + std::to_string(cfg.threads) + " workers");
        server.listen();
        listening_done = true;
        if (!signalled) pthread_kill(signal_thread.native_handle(), SIGTERM); // wake the waiting thread
        signal_thread.join();
        log_line("stopped cleanly");
        return 0;
    } catch (const std::exception& e) {
        log_line(std::string("fraudfree-server: ") + e.what());
        return 1;
    }
}

int run_token_create(const TokenCommand& cmd, std::ostream& out) {
    try {
        auto role = parse_role(cmd.role);
        if (!role || *role == Role::student) {
            log_line("fraudfree-server: --role 只能是 admin、counsellor 或 author");
            return 2;
        }
        SqliteConfig db_cfg;
        db_cfg.path = cmd.db;
        auto storage = open_sqlite_storage(db_cfg);
        std::string token = new_token();
        storage->create_principal(*role, cmd.name, token_hash(token), std::nullopt);
        out << token << std::endl;
        std::fprintf(stderr, "已为 %s 创建 %s 令牌。它只显示这一次，请妥善保存。\n", cmd.name.c_str(), cmd.role.c_str());
        return 0;
    } catch (const std::exception& e) {
        log_line(std::string("fraudfree-server: ") + e.what());
        return 1;
    }
}

} // namespace ff::server
