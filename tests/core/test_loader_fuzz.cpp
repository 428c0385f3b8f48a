// Randomized-mutation fuzzing of the loader: valid packs are damaged in many small ways
// (byte flips, truncation, duplicated/deleted/swapped lines, swapped keys, random Unicode,
// deep nesting) and loaded from memory. Each case must give a pack or diagnostics: never a
// crash, hang, exception or sanitizer report. Fixed seeds, so every run sees the same cases.
// To find a failing case, set FRAUDFREE_FUZZ_VERBOSE=1: the case number is printed before
// each load.
#include "fixtures.h"

#include "fraudfree/result.h"
#include "fraudfree/runner.h"
#include "fraudfree/scoring.h"
#include "fraudfree/utf8.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace ff;
namespace fs = std::filesystem;

namespace {

constexpr int kCases = 10000;
constexpr uint32_t kSeed = 20261130;

// std::mt19937's output is fixed by the standard (distributions are not), so draw from it directly.
class Rng {
public:
    explicit Rng(uint32_t seed) : gen_(seed) {}
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(gen_() % n); }
    bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }
    uint32_t raw() { return gen_(); }

private:
    std::mt19937 gen_;
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t nl = text.find('\n', start);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return out;
}

// A code point from a range chosen to upset parsers and width counting: controls, CJK,
// combining marks, BOM/RTL marks, surrogates (invalid in UTF-8), emoji, beyond Unicode.
std::string random_unicode(Rng& rng) {
    static const uint32_t ranges[][2] = {
        {0x00, 0x1F},       {0x20, 0x7E},     {0x7F, 0x9F},     {0x300, 0x36F},   {0x4E00, 0x9FFF},
        {0x3000, 0x303F},   {0xFF00, 0xFFEF}, {0xD800, 0xDFFF}, {0xFEFF, 0xFEFF}, {0x202A, 0x202E},
        {0x1F300, 0x1FAFF}, {0xFFFE, 0xFFFF}, {0x10FFFF, 0x10FFFF}, {0x110000, 0x1FFFFF},
    };
    const auto& r = ranges[rng.below(std::size(ranges))];
    std::string out;
    const size_t count = 1 + rng.below(4);
    for (size_t i = 0; i < count; ++i) ff::append_utf8_bits(out, r[0] + static_cast<uint32_t>(rng.below(r[1] - r[0] + 1)));
    if (rng.chance(10)) out.push_back(static_cast<char>(0x80 | rng.below(64))); // stray continuation byte
    if (rng.chance(5)) out += "\xC0\xAF";                                        // overlong '/'
    return out;
}

std::string deep_nesting(Rng& rng) {
    const size_t depth = 1 + rng.below(rng.chance(20) ? 3000 : 200);
    const bool closed = rng.chance(70);
    switch (rng.below(4)) {
    case 0: return "deep = " + std::string(depth, '[') + (closed ? std::string(depth, ']') : "");
    case 1: {
        std::string s = "deep = ";
        for (size_t i = 0; i < depth; ++i) s += "{ a = ";
        s += "1";
        if (closed) s += std::string(depth, '}');
        return s;
    }
    case 2: {
        std::string s = "[";
        for (size_t i = 0; i < depth; ++i) s += (i ? "." : "") + std::string("t");
        return s + "]";
    }
    default: return "text = " + std::string(depth, '"');
    }
}

// The key of a "key = value" line, as [begin, end) offsets; empty range if none.
std::pair<size_t, size_t> key_span(const std::string& line) {
    const size_t b = line.find_first_not_of(" \t");
    const size_t eq = line.find('=');
    if (b == std::string::npos || eq == std::string::npos || eq <= b || line[b] == '#' || line[b] == '[') return {0, 0};
    size_t e = eq;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    return {b, e};
}

// The quoted value of a line ("..."), as [begin, end) offsets including the quotes.
std::pair<size_t, size_t> quoted_span(const std::string& line) {
    const size_t a = line.find('"');
    if (a == std::string::npos) return {0, 0};
    const size_t b = line.find('"', a + 1);
    if (b == std::string::npos) return {0, 0};
    return {a, b + 1};
}

std::vector<size_t> lines_where(const std::vector<std::string>& lines, bool (*pred)(const std::string&)) {
    std::vector<size_t> out;
    for (size_t i = 0; i < lines.size(); ++i)
        if (pred(lines[i])) out.push_back(i);
    return out;
}

void mutate_once(std::string& text, Rng& rng) {
    std::vector<std::string> lines = split_lines(text);
    const auto has_key = [](const std::string& l) { return key_span(l).second > 0; };
    const auto has_quote = [](const std::string& l) { return quoted_span(l).second > 0; };
    switch (rng.below(11)) {
    case 0: // flip bytes
        if (!text.empty())
            for (size_t i = 0, n = 1 + rng.below(8); i < n; ++i) text[rng.below(text.size())] ^= static_cast<char>(1 + rng.below(255));
        return;
    case 1: // truncate
        text.resize(rng.below(text.size() + 1));
        return;
    case 2: { // duplicate a line (a repeated key, table or id)
        const size_t i = rng.below(lines.size());
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size() + 1)), lines[i]);
        break;
    }
    case 3: // delete lines
        for (size_t k = 0, n = 1 + rng.below(3); k < n && !lines.empty(); ++k)
            lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size())));
        break;
    case 4: { // swap two lines
        std::swap(lines[rng.below(lines.size())], lines[rng.below(lines.size())]);
        break;
    }
    case 5: { // swap the keys of two "key = value" lines (type and meaning mix-ups)
        const auto keyed = lines_where(lines, has_key);
        if (keyed.size() < 2) return;
        std::string& a = lines[keyed[rng.below(keyed.size())]];
        std::string& b = lines[keyed[rng.below(keyed.size())]];
        const auto [ab, ae] = key_span(a);
        const auto [bb, be] = key_span(b);
        const std::string ka = a.substr(ab, ae - ab), kb = b.substr(bb, be - bb);
        a.replace(ab, ae - ab, kb);
        b.replace(bb, be - bb, ka);
        break;
    }
    case 6: { // copy one quoted value over another (re-wires next/start/ids, makes cycles)
        const auto quoted = lines_where(lines, has_quote);
        if (quoted.size() < 2) return;
        const std::string& from = lines[quoted[rng.below(quoted.size())]];
        const auto [fb, fe] = quoted_span(from);
        const std::string value = from.substr(fb, fe - fb);
        std::string& to = lines[quoted[rng.below(quoted.size())]];
        const auto [tb, te] = quoted_span(to);
        to.replace(tb, te - tb, value);
        break;
    }
    case 7: // random Unicode somewhere
        text.insert(rng.below(text.size() + 1), random_unicode(rng));
        return;
    case 8: // deep nesting on a line of its own
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size() + 1)), deep_nesting(rng));
        break;
    case 9: { // table header confusion
        static const char* headers[] = {"[[node]]", "[[node.choice]]", "[[node.message]]", "[[ending]]",
                                        "[[ending.message]]", "[contact]", "[[contact]]", "[node]",
                                        "[[node.message.attachment]]", "[node.message.attachment]",
                                        "[[question]]", "[[category]]", "[[red_flag]]", "[[]]", "[", "[[x"};
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size() + 1)),
                     headers[rng.below(std::size(headers))]);
        break;
    }
    default: { // replace a value with one of another type or range
        static const char* values[] = {"0", "-1", "5", "99999999999999999999", "1e308", "nan", "inf", "-0.0",
                                       "true", "\"\"", "[]", "[1, \"a\"]", "{}", "{ a = 1 }", "1979-05-27",
                                       "\"\"\"\n\"\"\"", "'''x'''", "\"\\u0000\"", "\"\\uD800\""};
        const auto keyed = lines_where(lines, has_key);
        if (keyed.empty()) return;
        std::string& l = lines[keyed[rng.below(keyed.size())]];
        l = l.substr(0, l.find('=') + 1) + " " + values[rng.below(std::size(values))];
        break;
    }
    }
    text = join_lines(lines);
}

// The loader's contract, checked on every case; also exercises runner and scoring on
// every pack that still loads.
void check_contract(const LoadResult& r) {
    if (r.pack) {
        REQUIRE_FALSE(has_errors(r.diagnostics));
        for (const Scenario& s : r.pack->scenarios) {
            const auto paths = all_paths(s, 200);
            REQUIRE_FALSE(paths.empty());
            for (size_t i = 0; i < paths.size() && i < 20; ++i) {
                const MakeResult m = make_result(*r.pack, s.id, paths[i]);
                REQUIRE(m.record);
                REQUIRE(m.record->score >= 0);
                REQUIRE(m.record->score <= 100);
                REQUIRE(result_from_json(to_json(*m.record)).score == m.record->score);
            }
        }
    } else {
        REQUIRE(has_errors(r.diagnostics));
    }
    for (const Diagnostic& d : r.diagnostics) {
        REQUIRE_FALSE(d.file.empty());
        REQUIRE_FALSE(d.message.empty());
        REQUIRE(d.line >= 0);
        REQUIRE(d.column >= 0);
        REQUIRE_FALSE(format_diagnostic(d).empty());
    }
}

// Valid packs to start from: the fixture pack, and the smallest scenario of each shipped
// pack (real content is longer and uses more of the format). campus-core's quiz is left
// out: it is large, and outreach's quiz has the same format.
std::vector<PackFiles> seed_packs() {
    std::vector<PackFiles> out{read_pack_files(test::fixtures_dir() + "/valid")};
    const fs::path content = fs::path(FRAUDFREE_SOURCE_DIR) / "content";
    for (const char* pack : {"campus-core", "outreach"}) {
        if (!fs::exists(content / pack / "pack.toml")) continue;
        const PackFiles all = read_pack_files(content / pack);
        PackFiles one;
        std::string smallest;
        for (const auto& [rel, bytes] : all) {
            if (rel.rfind("scenarios/", 0) == 0) {
                if (smallest.empty() || bytes.size() < smallest.size()) smallest = bytes;
            } else if (rel != "quiz.toml" || std::string(pack) != "campus-core") {
                one[rel] = bytes;
            }
        }
        if (smallest.empty()) continue;
        one["scenarios/smallest.toml"] = smallest;
        out.push_back(std::move(one));
    }
    return out;
}

// Runs cases [first, first + count). Split into parts so that CTest can run them in
// parallel: the sanitizer build is about ten times slower than a release build.
void fuzz_cases(int first, int count) {
    const std::vector<PackFiles> seeds = seed_packs();
    for (const PackFiles& s : seeds) {
        const LoadResult r = load_pack(s, "seed");
        INFO(diagnostics_text(r));
        REQUIRE(r.pack); // mutations must start from valid packs to reach the validator
    }
    const bool verbose = std::getenv("FRAUDFREE_FUZZ_VERBOSE") != nullptr;

    int loaded = 0, rejected = 0;
    for (int i = first; i < first + count; ++i) {
        Rng rng(kSeed + static_cast<uint32_t>(i));
        // Half the cases start from the small fixture pack: cheap, and it holds every feature.
        const PackFiles& seed = seeds[rng.chance(50) ? 0 : rng.below(seeds.size())];
        PackFiles files = seed;
        // Mostly the scenario file, where most of the format lives.
        std::vector<std::string> names;
        for (const auto& [rel, bytes] : files) names.push_back(rel);
        std::string target = names[rng.below(names.size())];
        if (rng.chance(70))
            for (const auto& n : names)
                if (n.rfind("scenarios/", 0) == 0) target = n;
        const size_t ops = 1 + rng.below(3);
        for (size_t k = 0; k < ops; ++k) mutate_once(files[target], rng);

        if (verbose) std::cerr << "fuzz case " << i << " (" << target << ")\n";
        INFO("fuzz case " << i << " mutated " << target);
        const LoadResult r = load_pack(files, "fuzz");
        check_contract(r);
        (r.pack ? loaded : rejected)++;
    }
    // Both outcomes must occur, or the mutations are too weak (or too strong) to test much.
    CHECK(loaded > count / 100);
    CHECK(rejected > count / 2);
    std::cout << "fuzz cases " << first << ".." << first + count - 1 << ": " << loaded << " loaded, " << rejected
              << " rejected\n";
}

} // namespace

// 4 x 2,500 = 10,000 mutated packs.
static_assert(kCases % 4 == 0);
TEST_CASE("mutated packs give a pack or diagnostics, never a crash (part 1/4)", "[loader][fuzz]") {
    fuzz_cases(0, kCases / 4);
}
TEST_CASE("mutated packs give a pack or diagnostics, never a crash (part 2/4)", "[loader][fuzz]") {
    fuzz_cases(kCases / 4, kCases / 4);
}
TEST_CASE("mutated packs give a pack or diagnostics, never a crash (part 3/4)", "[loader][fuzz]") {
    fuzz_cases(kCases / 2, kCases / 4);
}
TEST_CASE("mutated packs give a pack or diagnostics, never a crash (part 4/4)", "[loader][fuzz]") {
    fuzz_cases(3 * kCases / 4, kCases / 4);
}
