// Crash-safe whole-file writes: temp file in the target folder, fsync, rename, fsync folder.
// POSIX calls because std::ofstream cannot fsync; rename() within one folder is atomic.
#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ff::save {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
    throw std::runtime_error("无法保存 " + path.string() + "：" + what + "（" + std::strerror(err) + "）");
}

// Closes the descriptor and removes the temp file unless released; keeps every early
// exit (exceptions included) from leaving a half-written temp behind.
class TempFile {
public:
    TempFile(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!name_.empty()) ::unlink(name_.c_str());
    }
    int fd() const { return fd_; }
    // close() can report a delayed write error, so its result matters.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }
    void release() { name_.clear(); }

private:
    int fd_;
    std::string name_;
};

void write_all(int fd, std::string_view bytes, const fs::path& path) {
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(path, "写入失败", errno);
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
}

int fsync_retry(int fd) {
    int rc;
    do rc = ::fsync(fd);
    while (rc != 0 && errno == EINTR);
    return rc;
}

} // namespace

void write_file_atomic(const fs::path& path, std::string_view bytes) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) fail(path, "无法创建文件夹 " + dir.string(), ec.value());

    // A dot name so folder listings (the result queue) skip unfinished files.
    std::string name = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) fail(path, "无法创建临时文件", errno);
    TempFile temp(fd, name);

    write_all(temp.fd(), bytes, path);
    if (fsync_retry(temp.fd()) != 0) fail(path, "无法写入磁盘", errno);
    if (temp.close() != 0) fail(path, "关闭文件失败", errno);
    if (::rename(name.c_str(), path.c_str()) != 0) fail(path, "无法替换旧文件", errno);
    temp.release();

    // The rename itself is only durable once the folder entry is on disk.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) fail(path, "无法打开文件夹", errno);
    const int rc = fsync_retry(dfd);
    const int err = errno;
    ::close(dfd);
    // Some file systems refuse fsync on folders; the data itself is already safe then.
    if (rc != 0 && err != EINVAL && err != EROFS) fail(path, "无法写入文件夹", err);
}

bool is_atomic_temp_name(const std::string& filename) {
    static constexpr std::string_view kMark = ".tmp-";
    constexpr size_t kRandom = 6; // mkostemp's XXXXXX
    if (filename.size() < 1 + 1 + kMark.size() + kRandom || filename[0] != '.') return false;
    const size_t mark = filename.size() - kRandom - kMark.size();
    if (filename.compare(mark, kMark.size(), kMark) != 0) return false;
    for (size_t i = filename.size() - kRandom; i < filename.size(); ++i) {
        const char c = filename[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
}

namespace {

int remove_stale_in(const fs::path& dir, fs::file_time_type older_than, bool descend) {
    int removed = 0;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) return 0;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& e = *it;
        std::error_code fec;
        const fs::file_status st = e.symlink_status(fec); // never follow a link out of the folder
        if (fec) continue;
        if (fs::is_directory(st)) {
            if (descend) removed += remove_stale_in(e.path(), older_than, false);
            continue;
        }
        if (!fs::is_regular_file(st) || !is_atomic_temp_name(e.path().filename().string())) continue;
        const auto written = fs::last_write_time(e.path(), fec);
        // A temp file written since this process started may belong to a writer still running.
        if (fec || written >= older_than) continue;
        if (fs::remove(e.path(), fec)) ++removed;
    }
    return removed;
}

} // namespace

int remove_stale_temp_files(const fs::path& dir, fs::file_time_type older_than) {
    try {
        return remove_stale_in(dir, older_than, true);
    } catch (const std::exception&) {
        return 0; // a folder that vanished or an allocation failure: nothing else to do
    }
}

std::optional<std::string> read_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(out).str();
}

} // namespace ff::save
