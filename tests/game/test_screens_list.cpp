// The scenario list with more than one pack: scenarios grouped by category, pack by pack, and
// every card naming its pack (outreach and campus-core both have "点赞赚钱，日结200-500").
#include "screens/list_groups.h"

#include "test_headless_support.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace ff::game;

namespace {

const fs::path kBundledContent = fs::path(FRAUDFREE_SOURCE_DIR) / "content";

// The pack tag's fill: mix(panel, text_muted, 0.10) of the normal palette (game/src/theme.cpp).
constexpr uint32_t kPackTag = 0xF3F4F5;

fftest::Image list_shot(const std::string& source, const std::string& size) {
    const fs::path png = fs::temp_directory_path() / ("ff-list-" + std::to_string(::getpid()) + "-" + size + ".png");
    auto out = fftest::run_game("--headless " + source + " --screen list --size " + size + " --screenshot '" +
                                png.string() + "' >/dev/null");
    REQUIRE(out.status == 0);
    auto img = fftest::read_png(png);
    fs::remove(png);
    REQUIRE(img.ok());
    return img;
}

} // namespace

SCENARIO("scenarios of two packs are grouped pack by pack inside each category", "[screens][list]") {
    GIVEN("the bundled content: campus-core and outreach") {
        const Library lib = load_library(find_pack_dirs({kBundledContent}, {}));
        REQUIRE(lib.problems.empty());
        REQUIRE(lib.packs.size() == 2);
        const auto groups = group_scenarios(lib);

        THEN("every scenario is listed exactly once") {
            size_t total = 0, listed = 0;
            std::set<std::pair<std::string, std::string>> seen;
            for (const auto& p : lib.packs) total += p.scenarios.size();
            for (const auto& g : groups)
                for (const auto& e : g.entries) {
                    ++listed;
                    seen.insert({e.pack->id, e.scenario->id});
                    CHECK(e.scenario->category == g.category);
                }
            CHECK(listed == total);
            CHECK(seen.size() == total);
        }
        THEN("inside a category the packs never interleave") {
            for (const auto& g : groups) {
                INFO(g.name);
                std::vector<std::string> order;
                for (const auto& e : g.entries)
                    if (order.empty() || order.back() != e.pack->id) order.push_back(e.pack->id);
                const std::set<std::string> distinct(order.begin(), order.end());
                CHECK(order.size() == distinct.size());
            }
        }
        THEN("the category with two scenarios named alike holds both packs, and cards name their pack") {
            bool mixed = false;
            for (const auto& g : groups) {
                std::set<std::string> packs;
                for (const auto& e : g.entries) packs.insert(e.pack->id);
                mixed = mixed || packs.size() > 1;
            }
            CHECK(mixed);
            CHECK(show_pack_tags(lib));
            CHECK(pack_label(*lib.find_pack("outreach")) == "反诈宣传摊位·快速体验");
            CHECK(pack_label(*lib.find_pack("campus-core")) == "校园反诈·核心包");
        }
    }
    GIVEN("one pack alone (an author's preview)") {
        const Library lib = load_library(find_pack_dirs({}, kBundledContent / "outreach"));
        THEN("no pack tags: there is nothing to mix up") { CHECK_FALSE(show_pack_tags(lib)); }
    }
}

SCENARIO("every pack's mark differs in shape, not only in colour", "[screens][list]") {
    GIVEN("a library of six packs (high contrast draws every mark in one colour)") {
        Library lib;
        lib.packs.resize(6);
        for (size_t i = 0; i < lib.packs.size(); ++i) lib.packs[i].id = "pack-" + std::to_string(i);
        std::set<PackShape> shapes;
        std::set<int> colours;
        for (const auto& p : lib.packs) {
            const PackMark m = pack_mark(lib, p);
            if (&p - lib.packs.data() < 5) shapes.insert(m.shape);
            colours.insert(m.colour);
        }
        THEN("the first five packs have five shapes and all six have six colours") {
            CHECK(shapes.size() == 5);
            CHECK(colours.size() == 6);
        }
        THEN("the mark follows the pack's place in the library, not its id") {
            CHECK(pack_mark(lib, lib.packs[0]).shape == PackShape::circle);
            CHECK(pack_mark(lib, lib.packs[1]).shape == PackShape::square);
        }
    }
}

SCENARIO("the list screen draws pack tags only when packs could be mixed up", "[screens][list]") {
    for (const std::string size : {"1024x768", "1920x1080"}) {
        INFO(size);
        const long two = fftest::count_color(list_shot("--content '" + kBundledContent.string() + "'", size), kPackTag);
        const long one = fftest::count_color(list_shot("--pack '" + (kBundledContent / "campus-core").string() + "'", size), kPackTag);
        CHECK(two > one + 1000);
    }
}
