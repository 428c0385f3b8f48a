// Test helper: runs the real fraudfree-server binary on 127.0.0.1 (any free port) with a
// fresh database in a temporary folder, and talks to it with httplib::Client.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <sys/types.h>
#include <vector>

namespace ff::test {

// A temporary folder removed at destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Runs the binary with `args`; returns its exit code and standard output (bounded wait).
struct RunResult {
    int exit_code = -1;
    std::string out;
};
RunResult run_server_command(const std::vector<std::string>& args);

// `fraudfree-server token create --role ROLE --name NAME --db DB`; the printed token.
std::string create_token(const std::string& db, const std::string& role, const std::string& name);

class ServerProcess {
public:
    // Starts `serve --db DB --listen 127.0.0.1:0 --packs <source>/content` plus `extra`.
    explicit ServerProcess(const std::string& db, std::vector<std::string> extra = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    httplib::Client client() const;
    // Sends SIGTERM and waits (bounded); returns the exit code (-1: killed or timed out).
    int terminate();
    // The server's log (stderr) so far.
    std::string log() const;

private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::string log_path_;
};

// Small request helpers: JSON body and bearer token.
httplib::Result post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                          const std::string& token = "");
httplib::Result get_with(httplib::Client& c, const std::string& path, const std::string& token = "");
httplib::Result delete_with(httplib::Client& c, const std::string& path, const std::string& token = "");
nlohmann::json body_json(const httplib::Result& r);

} // namespace ff::test
