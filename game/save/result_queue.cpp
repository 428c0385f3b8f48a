// The result outbox: one atomically written <uuid>.json per finished play.
#include "result_queue.h"

#include "atomic_file.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <system_error>

namespace ff::save {
namespace fs = std::filesystem;

std::string make_uuid_v4() {
    // random_device reads the kernel's random source, so ids from two PCs never collide in practice.
    std::random_device rd;
    std::array<unsigned char, 16> b{};
    for (size_t i = 0; i < b.size(); i += 4) {
        const unsigned v = rd();
        for (size_t k = 0; k < 4; ++k) b[i + k] = static_cast<unsigned char>(v >> (8 * k));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    std::string out;
    out.reserve(36);
    static constexpr char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 0x0F];
    }
    return out;
}

bool is_uuid(const std::string& s) {
    if (s.size() != 36) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

namespace result_queue {
namespace {

constexpr const char* kExt = ".json";

// The id a queue file stands for, or empty for anything else (temp files, .bad files).
std::string id_of(const fs::path& file) {
    if (file.extension() != kExt) return {};
    const std::string stem = file.stem().string();
    return is_uuid(stem) ? stem : std::string();
}

constexpr const char* kTokenKey = "class_token";

struct Listed {
    fs::file_time_type time;
    std::string id;
    Entry entry;
};

void write_entry(const fs::path& queue_dir, const ff::ResultRecord& record, const std::string& class_token) {
    nlohmann::json j = ff::to_json(record);
    if (!class_token.empty()) j[kTokenKey] = class_token;
    write_file_atomic(queue_dir / (record.id + kExt), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void mark_bad(const fs::path& file) {
    std::error_code ec;
    fs::rename(file, fs::path(file.string() + ".bad"), ec);
}

} // namespace

fs::path dir_in(const fs::path& data_dir) { return data_dir / "outbox"; }

std::string enqueue(const fs::path& queue_dir, ff::ResultRecord record, const std::string& class_token) {
    if (record.id.empty()) record.id = make_uuid_v4();
    if (!is_uuid(record.id)) throw std::invalid_argument("result id is not a UUID: " + record.id);
    write_entry(queue_dir, record, class_token);
    return record.id;
}

std::vector<Entry> entries(const fs::path& queue_dir) {
    std::vector<Listed> entries;
    try {
        std::error_code ec;
        fs::directory_iterator it(queue_dir, ec);
        if (ec) return {};
        for (const fs::directory_entry& e : it) {
            std::error_code fec;
            if (!e.is_regular_file(fec)) continue;
            const std::string id = id_of(e.path());
            if (id.empty()) continue;
            const auto bytes = read_file(e.path());
            if (!bytes) continue; // removed meanwhile, or unreadable for now: try next time
            try {
                const nlohmann::json j = nlohmann::json::parse(*bytes);
                ff::ResultRecord r = ff::result_from_json(j);
                // The file name is the id the server deduplicates on, so they must agree.
                if (r.id != id) throw std::invalid_argument("id does not match file name");
                std::string token;
                if (auto it = j.find(kTokenKey); it != j.end() && it->is_string()) token = it->get<std::string>();
                const auto t = e.last_write_time(fec);
                entries.push_back({fec ? fs::file_time_type::min() : t, id, Entry{std::move(r), std::move(token)}});
            } catch (const std::exception&) {
                mark_bad(e.path());
            }
        }
    } catch (const std::exception&) {
        // A folder that vanished mid-listing: return what was read.
    }
    std::sort(entries.begin(), entries.end(), [](const Listed& a, const Listed& b) {
        return a.time != b.time ? a.time < b.time : a.id < b.id;
    });
    std::vector<Entry> out;
    out.reserve(entries.size());
    for (Listed& e : entries) out.push_back(std::move(e.entry));
    return out;
}

std::vector<ff::ResultRecord> list(const fs::path& queue_dir) {
    std::vector<ff::ResultRecord> out;
    for (Entry& e : entries(queue_dir)) out.push_back(std::move(e.record));
    return out;
}

int assign_class_token(const fs::path& queue_dir, const std::string& class_token) {
    if (class_token.empty()) return 0;
    int stamped = 0;
    for (const Entry& e : entries(queue_dir)) {
        if (!e.class_token.empty()) continue;
        // Rewriting keeps the file time order only roughly; the server does not care about order.
        // If the sender removed the entry meanwhile, this brings it back once: the resend is
        // answered 200 and counted once (same id).
        write_entry(queue_dir, e.record, class_token);
        ++stamped;
    }
    return stamped;
}

bool remove(const fs::path& queue_dir, const std::string& id) {
    if (!is_uuid(id)) return false;
    std::error_code ec;
    return fs::remove(queue_dir / (id + kExt), ec);
}

} // namespace result_queue
} // namespace ff::save
