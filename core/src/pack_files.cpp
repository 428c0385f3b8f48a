// Reading a pack folder into memory, and deciding which relative paths may belong to a pack.
#include "fraudfree/pack_files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace ff {
namespace {

constexpr size_t kMaxNameBytes = 120;

// Scenario file names come from authors (maybe Chinese) and from the network, so allow
// any UTF-8 except what could escape the folder or trouble a file system.
bool is_safe_file_name(const std::string& name) {
    if (name.empty() || name.size() > kMaxNameBytes || name[0] == '.') return false;
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7f) return false;
        switch (c) {
        case '/': case '\\': case ':': case '*': case '?': case '"': case '<': case '>': case '|':
            return false;
        default: break;
        }
    }
    return name.size() > 5 && name.compare(name.size() - 5, 5, ".toml") == 0;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("无法读取文件 “" + p.string() + "”");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw std::runtime_error("读取文件 “" + p.string() + "” 时出错");
    return std::move(ss).str();
}

} // namespace

bool is_pack_file_path(const std::string& rel) {
    if (rel == "pack.toml" || rel == "quiz.toml") return true;
    static constexpr std::string_view prefix = "scenarios/";
    if (rel.size() <= prefix.size() || rel.compare(0, prefix.size(), prefix) != 0) return false;
    return is_safe_file_name(rel.substr(prefix.size()));
}

PackFiles read_pack_files(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        // Authors often lint with a glob (content/*) that also catches a README: say what it is.
        if (fs::is_regular_file(dir, ec))
            throw std::runtime_error("“" + dir.string() + "” 是一个文件，不是剧本包：剧本包是一个含 pack.toml 的文件夹");
        if (!fs::exists(dir, ec) && !ec)
            throw std::runtime_error("“" + dir.string() + "” 不存在：请给出剧本包文件夹（里面有 pack.toml）");
        throw std::runtime_error("“" + dir.string() + "” 不是一个可以读取的文件夹");
    }
    PackFiles files;
    for (const char* name : {"pack.toml", "quiz.toml"}) {
        fs::path p = dir / name;
        if (fs::is_regular_file(p, ec)) files[name] = read_file(p);
    }
    fs::path scen = dir / "scenarios";
    if (fs::is_directory(scen, ec)) {
        fs::directory_iterator it(scen, ec), end;
        if (ec) throw std::runtime_error("无法读取文件夹 “" + scen.string() + "”：" + ec.message());
        for (; it != end; it.increment(ec)) {
            if (ec) throw std::runtime_error("无法读取文件夹 “" + scen.string() + "”：" + ec.message());
            if (!it->is_regular_file(ec)) continue;
            std::string rel = "scenarios/" + it->path().filename().string();
            if (is_pack_file_path(rel)) files[rel] = read_file(it->path());
        }
    }
    return files;
}

} // namespace ff
