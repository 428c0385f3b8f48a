// The chat's scrolling rules without a window: new messages follow the bottom only when the
// student is already there; otherwise the place is kept and counted for the "↓ 新消息" pill.
#include "screens/widgets.h"

#include <catch2/catch.hpp>

using ff::game::Scroll;
using ff::game::ScrollInput;

namespace {

constexpr int kView = 400;
constexpr int kStep = 60;

void frame(Scroll& s, int content_h, ScrollInput in = {}) { s.apply(in, kStep, kView, content_h); }

ScrollInput wheel_up(int notches) {
    ScrollInput in;
    in.wheel = notches;
    return in;
}

} // namespace

SCENARIO("a chat follows new messages only while the student is at the bottom", "[screens][scroll]") {
    GIVEN("a chat showing its end") {
        Scroll s;
        s.stick_bottom = true;
        frame(s, 1000);
        REQUIRE(s.offset == 600);

        WHEN("two messages arrive") {
            s.arrived(2);
            frame(s, 1200);
            THEN("the view moves to the new end and nothing is counted as unseen") {
                CHECK(s.offset == 800);
                CHECK(s.unseen == 0);
                CHECK(s.stick_bottom);
            }
        }

        WHEN("the student scrolls up two notches and then a message arrives") {
            frame(s, 1000, wheel_up(2));
            REQUIRE(s.offset == 480);
            REQUIRE_FALSE(s.stick_bottom);
            s.arrived(1);
            frame(s, 1100);
            THEN("the place is kept and the pill counts one new message") {
                CHECK(s.offset == 480);
                CHECK(s.unseen == 1);
            }
            AND_WHEN("two more arrive") {
                s.arrived(2);
                frame(s, 1250);
                THEN("the pill counts three and the view still has not moved") {
                    CHECK(s.offset == 480);
                    CHECK(s.unseen == 3);
                }
            }
            AND_WHEN("the student presses End") {
                ScrollInput end;
                end.end = true;
                frame(s, 1100, end);
                THEN("the view jumps to the end, the pill goes, and the chat follows again") {
                    CHECK(s.offset == 700);
                    CHECK(s.unseen == 0);
                    CHECK(s.stick_bottom);
                    s.arrived(1);
                    frame(s, 1180);
                    CHECK(s.offset == 780);
                    CHECK(s.unseen == 0);
                }
            }
            AND_WHEN("the pill is clicked") {
                s.to_bottom();
                frame(s, 1100);
                THEN("the view jumps to the end and the pill goes") {
                    CHECK(s.offset == 700);
                    CHECK(s.unseen == 0);
                }
            }
            AND_WHEN("the student scrolls back down by wheel past the end") {
                frame(s, 1100, wheel_up(-10));
                THEN("they are at the bottom again and the pill goes") {
                    CHECK(s.offset == 700);
                    CHECK(s.unseen == 0);
                    CHECK(s.stick_bottom);
                }
            }
            AND_WHEN("the student scrolls down but not all the way") {
                frame(s, 1100, wheel_up(-1));
                THEN("the pill stays") {
                    CHECK(s.offset == 540);
                    CHECK(s.unseen == 1);
                    CHECK_FALSE(s.stick_bottom);
                }
            }
        }
    }

    GIVEN("a short chat that fits in its view") {
        Scroll s;
        frame(s, 300);
        WHEN("a message arrives and everything still fits") {
            s.arrived(1);
            frame(s, 380);
            THEN("there is nothing to jump to, so no pill") {
                CHECK(s.offset == 0);
                CHECK(s.unseen == 0);
            }
        }
    }
}

SCENARIO("scrolling by keys is clamped to the content", "[screens][scroll]") {
    Scroll s;
    ScrollInput down;
    down.page_down = true;
    frame(s, 1000, down);
    CHECK(s.offset == 360);
    frame(s, 1000, down);
    CHECK(s.offset == 600);
    CHECK(s.stick_bottom); // reaching the end by keys sticks like scrolling there does
    ScrollInput home;
    home.home = true;
    frame(s, 1000, home);
    CHECK(s.offset == 0);
    CHECK_FALSE(s.stick_bottom);
}
