// Notices ("no sound device", a save set aside) get their own strip at the bottom of the
// window: the screen is laid out above it, so a notice never covers a reply button, and
// "知道了" gives the room back.
#include "test_screen_host_support.h"

#include <catch2/catch.hpp>

using namespace ff::game;

namespace {

// The notice box: 0x33363D at alpha 240 over the normal background 0xE9ECF1
// (game/src/screen_host.cpp, game/src/theme.cpp), give or take the blender's rounding.
constexpr uint32_t kNoticeFill = 0x3E4148;
// The normal palette's phone bezel; a row with 200 such pixels is its top or bottom edge
// (the sides are a few pixels each).
constexpr uint32_t kPhoneFrame = 0x23262C;

bool near(uint32_t a, uint32_t b) {
    for (int shift : {0, 8, 16}) {
        const int d = static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF);
        if (d < -3 || d > 3) return false;
    }
    return true;
}

// The first and last rows holding at least `min_count` pixels of about `colour` (-1 when none).
std::pair<int, int> rows_with(const fftest::InProcessScreens& s, uint32_t colour, int min_count) {
    int first = -1, last = -1;
    for (int y = 0; y < s.height(); ++y) {
        int n = 0;
        for (int x = 0; x < s.width(); ++x) n += near(s.pixel(x, y), colour);
        if (n >= min_count) {
            if (first < 0) first = y;
            last = y;
        }
    }
    return {first, last};
}

} // namespace

SCENARIO("a notice sits below the screen and covers none of it", "[screens][notice]") {
    fftest::InProcessScreens screens(std::filesystem::path(FRAUDFREE_SOURCE_DIR) / "content" / "outreach", 1024, 768);
    if (!screens.ready()) {
        WARN("no SDL_ttf or no CJK font on this machine");
        return;
    }
    // rebate-likes after its first reply: three replies down to the bottom of the phone.
    ScreenRequest req("chat", "outreach", "rebate-likes");
    req.choices = {1};
    screens.host->open(req);
    for (int i = 0; i < 3; ++i) screens.frame(0.1);
    const auto [phone_top, phone_bottom] = rows_with(screens, kPhoneFrame, 200);
    REQUIRE(phone_top >= 0);
    REQUIRE(rows_with(screens, kNoticeFill, 100).first < 0);

    GIVEN("the game says the sound device is missing") {
        screens.ctx->notices.push_back("没有找到声音设备，游戏将静音运行。");
        screens.frame(0.1);
        const auto [notice_top, notice_bottom] = rows_with(screens, kNoticeFill, 100);
        const auto [phone_top_now, phone_bottom_now] = rows_with(screens, kPhoneFrame, 200);
        THEN("the phone's bottom edge, below the replies, is in sight above the notice") {
            REQUIRE(notice_top >= 0);
            CHECK(phone_bottom_now < notice_top);
            CHECK(notice_bottom < screens.height());
            CHECK(phone_bottom_now > phone_top_now + screens.height() / 2);
            CHECK(phone_bottom_now < phone_bottom); // the screen made room
        }
        WHEN("the student clicks 知道了 (the right end of the notice)") {
            int x = screens.width() - 1;
            const int y = (notice_top + notice_bottom) / 2;
            while (x > 0 && !near(screens.pixel(x, y), kNoticeFill)) --x;
            REQUIRE(x > 0);
            screens.frame(0.1, fftest::click_at(x - 50, y));
            screens.frame(0.1);
            THEN("the notice is gone and the phone has its full height again") {
                CHECK(screens.ctx->notices.empty());
                CHECK(rows_with(screens, kNoticeFill, 100).first < 0);
                CHECK(rows_with(screens, kPhoneFrame, 200).second == phone_bottom);
            }
        }
    }
}
