// A fresh temporary folder per test, removed afterwards, plus a sample result record,
// shared by the save tests (atomic file, save store, profile, result queue).
#pragma once

#include "fraudfree/result.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ff::test {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "ff-save-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A plausible finished play; `n` varies the scenario, the choices and the score.
inline ff::ResultRecord sample_result(int n = 1) {
    ff::ResultRecord r;
    r.pack_id = "campus-core";
    r.pack_version = 1;
    r.pack_hash = std::string(64, 'a');
    r.scenario_id = "scenario-" + std::to_string(n);
    r.category = "rebate";
    r.choices = {1, 1 + n % 3, 2};
    r.ending_id = n % 2 ? "safe_end" : "scammed_end";
    r.ending_kind = n % 2 ? ff::EndingKind::safe : ff::EndingKind::scammed;
    r.score = n % 101;
    r.score_items = {{"ending", "结局：安全", n % 2 ? 50 : 0, 50}, {"flags", "识破诈骗信号 1/2", 15, 30}};
    r.flags_shown = {"pay_first", "too_good"};
    r.flags_caught = {"pay_first"};
    r.money_lost = n % 2 ? 0 : 200 * n;
    r.reported = n % 2 == 1;
    return r;
}

} // namespace ff::test
