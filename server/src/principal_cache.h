// Principals by token hash, so an authenticated request usually skips a database read.
// forget_all() takes effect at once: a lookup that raced with it is never cached.
#pragma once

#include "storage.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace ff::server {

class PrincipalCache {
public:
    explicit PrincipalCache(size_t max_entries) : max_entries_(max_entries) {}

    std::optional<Principal> find(const std::string& token_hash) const {
        std::shared_lock lock(mutex_);
        auto it = by_hash_.find(token_hash);
        if (it == by_hash_.end()) return std::nullopt;
        return it->second;
    }

    // Take this before reading the database, and hand it to remember() with what was read.
    uint64_t generation() const {
        std::shared_lock lock(mutex_);
        return generation_;
    }

    // Ignored when forget_all() ran since `generation_before_read`: the read may predate it.
    void remember(const std::string& token_hash, const Principal& who, uint64_t generation_before_read) {
        std::lock_guard lock(mutex_);
        if (generation_before_read != generation_) return;
        if (by_hash_.size() >= max_entries_) by_hash_.clear(); // bounded; refills from the database
        by_hash_.emplace(token_hash, who);
    }

    // Call after a change to principals is committed (e.g. a student removed).
    void forget_all() {
        std::lock_guard lock(mutex_);
        ++generation_;
        by_hash_.clear();
    }

private:
    size_t max_entries_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, Principal> by_hash_;
    uint64_t generation_ = 0;
};

} // namespace ff::server
