#include "net/pack_install.h"

#include "fraudfree/loader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <stdexcept>
#include <system_error>

namespace ff::net {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempPrefix = ".tmp-";
constexpr const char* kOldPrefix = ".old-";

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd()
    {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release()
    {
        int f = fd_;
        fd_ = -1;
        return f;
    }

private:
    int fd_;
};

[[noreturn]] void fail_io(const std::string& what, const fs::path& p)
{
    throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

void write_synced(const fs::path& path, const std::string& bytes)
{
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) fail_io("cannot create", path);
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_io("cannot write", path);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) fail_io("cannot fsync", path);
    if (::close(fd.release()) != 0) fail_io("cannot close", path);
}

void sync_dir(const fs::path& dir)
{
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) fail_io("cannot open folder", dir);
    if (::fsync(fd.get()) != 0) fail_io("cannot fsync folder", dir);
}

std::string random_suffix()
{
    std::random_device rd;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
    return buf;
}

void write_tree(const fs::path& root, const ff::PackFiles& files)
{
    fs::create_directory(root);
    std::vector<fs::path> dirs{root};
    for (const auto& [rel, bytes] : files) {
        const fs::path p = root / fs::path(rel);
        if (p.parent_path() != root && !fs::exists(p.parent_path())) {
            fs::create_directories(p.parent_path());
            dirs.push_back(p.parent_path());
        }
        write_synced(p, bytes);
    }
    // Children before the root so the root's entries point at synced folders.
    for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) sync_dir(*it);
}

void remove_quietly(const fs::path& p)
{
    std::error_code ec;
    fs::remove_all(p, ec);
}

} // namespace

fs::path packs_dir_in(const fs::path& data_dir) { return data_dir / "packs"; }

std::vector<fs::path> installed_pack_dirs(const fs::path& data_dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(packs_dir_in(data_dir), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        if (it->is_directory(e2) && fs::exists(it->path() / "pack.toml", e2)) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

Verified verify_pack(const ff::PackFiles& files, const std::string& expected_id,
                     const std::string& expected_hash, const fs::path& display_root)
{
    if (files.empty() || !files.contains("pack.toml")) return {std::nullopt, "下载的题包缺少 pack.toml。"};
    for (const auto& [rel, bytes] : files)
        if (!ff::is_pack_file_path(rel)) return {std::nullopt, "下载的题包含有不允许的文件名：" + rel};
    const std::string actual = ff::pack_hash(files);
    if (actual != expected_hash)
        return {std::nullopt, "下载的题包校验值不符（应为 " + expected_hash.substr(0, 12) + "…，实际为 " +
                                  actual.substr(0, 12) + "…），已丢弃。"};
    ff::LoadResult r = ff::load_pack(files, display_root.string());
    if (!r.pack) {
        std::string first;
        for (const auto& d : r.diagnostics)
            if (d.severity == ff::Severity::error) {
                first = ff::format_diagnostic(d);
                break;
            }
        return {std::nullopt, "下载的题包没有通过检查，已丢弃：" + first};
    }
    if (r.pack->id != expected_id)
        return {std::nullopt, "下载的题包编号是 " + r.pack->id + "，不是 " + expected_id + "，已丢弃。"};
    return {std::move(r.pack), {}};
}

Installed install_pack(const fs::path& data_dir, const std::string& expected_id,
                       const std::string& expected_hash, const ff::PackFiles& files)
{
    const fs::path packs = packs_dir_in(data_dir);
    const fs::path final_dir = packs / expected_id;
    // expected_id comes from the catalogue: it must be one plain folder name.
    if (expected_id.empty() || fs::path(expected_id).filename() != fs::path(expected_id) || expected_id[0] == '.')
        return {std::nullopt, "题包编号不能用作文件夹名：" + expected_id};

    Verified v = verify_pack(files, expected_id, expected_hash, final_dir);
    if (!v.pack) return {std::nullopt, v.error};

    const fs::path tmp = packs / (std::string(kTempPrefix) + expected_id + "-" + random_suffix());
    try {
        fs::create_directories(packs);
        write_tree(tmp, files);
        if (!fs::exists(final_dir)) {
            if (::rename(tmp.c_str(), final_dir.c_str()) != 0) fail_io("cannot rename into", final_dir);
        } else if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, final_dir.c_str(), RENAME_EXCHANGE) == 0) {
            // tmp now names the old pack.
        } else {
            // File systems without RENAME_EXCHANGE: move the old one aside first;
            // recover_interrupted_installs puts it back if we stop in between.
            const fs::path old = packs / (std::string(kOldPrefix) + expected_id + "-" + random_suffix());
            if (::rename(final_dir.c_str(), old.c_str()) != 0) fail_io("cannot move aside", final_dir);
            if (::rename(tmp.c_str(), final_dir.c_str()) != 0) {
                int saved = errno;
                ::rename(old.c_str(), final_dir.c_str());
                errno = saved;
                fail_io("cannot rename into", final_dir);
            }
            sync_dir(packs);
            remove_quietly(old);
        }
        sync_dir(packs);
    } catch (const std::exception& e) {
        remove_quietly(tmp);
        return {std::nullopt, std::string("题包无法写入磁盘：") + e.what()};
    }
    remove_quietly(tmp);
    return {std::move(v.pack), {}};
}

void recover_interrupted_installs(const fs::path& data_dir)
{
    const fs::path packs = packs_dir_in(data_dir);
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(packs, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
    for (const auto& p : entries) {
        const std::string name = p.filename().string();
        if (name.starts_with(kTempPrefix)) {
            remove_quietly(p);
        } else if (name.starts_with(kOldPrefix)) {
            // ".old-<id>-<16 hex>"
            const std::string rest = name.substr(std::strlen(kOldPrefix));
            const auto dash = rest.rfind('-');
            const std::string id = dash == std::string::npos ? std::string{} : rest.substr(0, dash);
            std::error_code e2;
            if (!id.empty() && !fs::exists(packs / id, e2)) fs::rename(p, packs / id, e2);
            else remove_quietly(p);
        }
    }
}

std::vector<ff::Pack> merge_packs(std::vector<ff::Pack> bundled, std::vector<ff::Pack> installed)
{
    std::vector<ff::Pack> out = std::move(bundled);
    for (auto& p : installed) {
        auto it = std::find_if(out.begin(), out.end(), [&](const ff::Pack& q) { return q.id == p.id; });
        if (it == out.end()) out.push_back(std::move(p));
        else if (p.version > it->version) *it = std::move(p);
    }
    return out;
}

} // namespace ff::net
