// Test helpers: load a fixture pack from tests/fixtures/ and show its diagnostics.
#pragma once

#include "fraudfree/loader.h"

#include <stdexcept>
#include <string>

namespace ff::test {

inline std::string fixtures_dir() { return std::string(FRAUDFREE_SOURCE_DIR) + "/tests/fixtures"; }

// Loads tests/fixtures/<name> with display root "<name>", so diagnostics read
// "<name>/scenarios/x.toml:12:3: ...".
inline LoadResult load_fixture(const std::string& name) {
    return load_pack(read_pack_files(fixtures_dir() + "/" + name), name);
}

inline std::string diagnostics_text(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += format_diagnostic(d) + "\n";
    return out;
}

// The valid fixture's first scenario (a rebate-task chat), loaded once for every test file.
inline const Scenario& rebate_scenario() {
    static const LoadResult r = load_fixture("valid");
    if (!r.pack) throw std::runtime_error("tests/fixtures/valid does not load:\n" + diagnostics_text(r));
    return r.pack->scenarios.at(0);
}

} // namespace ff::test

using ff::test::diagnostics_text;
using ff::test::load_fixture;
using ff::test::rebate_scenario;
