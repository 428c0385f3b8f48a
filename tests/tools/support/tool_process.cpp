// fork/exec of fraudfree-pack with stdin/stdout/stderr redirected through temporary files,
// so large outputs can never dead-lock on a full pipe.
#include "support/tool_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ff::test {
namespace {

struct TempFile {
    std::string path;
    int fd = -1;
    explicit TempFile(const std::string& content) {
        std::string tmpl = "/tmp/ff-pack-test-XXXXXX";
        fd = mkstemp(tmpl.data());
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        path = tmpl;
        size_t done = 0;
        while (done < content.size()) {
            ssize_t n = write(fd, content.data() + done, content.size() - done);
            if (n <= 0) throw std::runtime_error("write to temp file failed");
            done += static_cast<size_t>(n);
        }
        lseek(fd, 0, SEEK_SET);
    }
    ~TempFile() {
        if (fd >= 0) close(fd);
        if (!path.empty()) unlink(path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
};

} // namespace

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

ToolRun run_tool(const std::vector<std::string>& args, const std::string& input, const std::string& cwd) {
    return run_program(FRAUDFREE_PACK_BIN, args, input, cwd);
}

ToolRun run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input,
                    const std::string& cwd) {
    TempFile in(input), out(""), err("");
    std::vector<std::string> argv_store{program};
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_store) argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
        unsetenv("FRAUDFREE_TOKEN"); // publish tests decide the token themselves
        dup2(in.fd, 0);
        dup2(out.fd, 1);
        dup2(err.fd, 2);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    ToolRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out.path);
    r.err = slurp(err.path);
    return r;
}

} // namespace ff::test
