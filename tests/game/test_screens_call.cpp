// Declining an incoming call: the game maps the red button to the start node's choice that
// goes straight to a safe ending (content/README.md asks every call scenario for one).
#include "screens/call_decline.h"

#include "fraudfree/loader.h"
#include "fraudfree/result.h"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

SCENARIO("every shipped call scenario can be declined, and declining is scored as a safe ending", "[call]") {
    int calls = 0;
    for (const auto& dir : fs::directory_iterator(std::string(FRAUDFREE_SOURCE_DIR) + "/content")) {
        if (!fs::exists(dir.path() / "pack.toml")) continue;
        auto loaded = ff::load_pack_dir(dir.path());
        REQUIRE(loaded.pack);
        for (const auto& s : loaded.pack->scenarios) {
            if (s.channel != ff::Channel::call) {
                CHECK_FALSE(ff::game::decline_choice(s));
                continue;
            }
            ++calls;
            GIVEN("the call " + s.id) {
                auto n = ff::game::decline_choice(s);
                REQUIRE(n);
                auto r = ff::make_result(*loaded.pack, s.id, {*n});
                REQUIRE(r.record);
                CHECK(r.record->ending_kind == ff::EndingKind::safe);
                CHECK(r.record->money_lost == 0);
            }
        }
    }
    CHECK(calls >= 3);
}

SCENARIO("a call whose first node has no safe way out offers only 'answer'", "[call]") {
    ff::Scenario s;
    s.channel = ff::Channel::call;
    s.start = "ring";
    ff::Node ring;
    ring.id = "ring";
    ring.choices = {ff::Choice{}, ff::Choice{}};
    ring.choices[0].next = "next";
    ring.choices[1].next = "bad";
    s.nodes.push_back(ring);
    ff::Ending bad;
    bad.id = "bad";
    bad.kind = ff::EndingKind::scammed;
    s.endings.push_back(bad);
    CHECK_FALSE(ff::game::decline_choice(s));
    ff::Ending good;
    good.id = "next";
    good.kind = ff::EndingKind::safe;
    s.endings.push_back(good);
    CHECK(ff::game::decline_choice(s) == 1);
}
