// UTF-8 encoding shared by the game's text layout and the loader's fuzz test, and its validity check.
#include "fraudfree/utf8.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

std::string encoded(char32_t cp, bool checked) {
    std::string s;
    if (checked)
        ff::append_utf8(s, cp);
    else
        ff::append_utf8_bits(s, cp);
    return s;
}

} // namespace

SCENARIO("code points are encoded as UTF-8") {
    WHEN("they are characters") {
        THEN("each length of sequence has the standard bytes, checked or not") {
            for (bool checked : {true, false}) {
                CHECK(encoded(U'A', checked) == "A");
                CHECK(encoded(0x00, checked) == std::string(1, '\0'));
                CHECK(encoded(U'é', checked) == "\xC3\xA9");
                CHECK(encoded(U'中', checked) == "\xE4\xB8\xAD");
                CHECK(encoded(U'“', checked) == "“");
                CHECK(encoded(0xFFFD, checked) == "\xEF\xBF\xBD");
                CHECK(encoded(0x1F600, checked) == "\xF0\x9F\x98\x80");
                CHECK(encoded(0x10FFFF, checked) == "\xF4\x8F\xBF\xBF");
            }
        }
    }
    WHEN("they are not characters") {
        THEN("the checked form writes U+FFFD") {
            CHECK(encoded(0xD800, true) == "\xEF\xBF\xBD");
            CHECK(encoded(0xDFFF, true) == "\xEF\xBF\xBD");
            CHECK(encoded(0x110000, true) == "\xEF\xBF\xBD");
        }
        AND_THEN("the raw form writes the invalid sequence of the bit layout") {
            CHECK(encoded(0xD800, false) == "\xED\xA0\x80");
            CHECK(encoded(0x110000, false) == "\xF4\x90\x80\x80");
            CHECK(encoded(0x1FFFFF, false) == "\xF7\xBF\xBF\xBF");
        }
    }
}

SCENARIO("UTF-8 validity agrees with the JSON library's") {
    // nlohmann's dump() refuses exactly the ill-formed strings; to_compact_json relies on
    // utf8_valid giving the same answer, so compare them on every string of up to two bytes
    // and on a sweep of three- and four-byte ones.
    auto json_accepts = [](const std::string& s) {
        try {
            (void)nlohmann::json(s).dump();
            return true;
        } catch (const nlohmann::json::type_error&) {
            return false;
        }
    };
    GIVEN("every string of one or two bytes") {
        int disagreements = 0;
        for (int a = 0; a < 256; ++a) {
            std::string one(1, static_cast<char>(a));
            if (ff::utf8_valid(one) != json_accepts(one)) ++disagreements;
            for (int b = 0; b < 256; ++b) {
                std::string two = one + static_cast<char>(b);
                if (ff::utf8_valid(two) != json_accepts(two)) ++disagreements;
            }
        }
        CHECK(disagreements == 0);
    }
    GIVEN("three- and four-byte strings around every boundary") {
        const int interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                   0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
        int disagreements = 0;
        for (int a : interesting)
            for (int b : interesting)
                for (int c : interesting) {
                    std::string three{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
                    if (ff::utf8_valid(three) != json_accepts(three)) ++disagreements;
                    for (int d : interesting) {
                        std::string four = three + static_cast<char>(d);
                        if (ff::utf8_valid(four) != json_accepts(four)) ++disagreements;
                    }
                }
        CHECK(disagreements == 0);
    }
    THEN("text the game shows is valid and a cut character is not") {
        CHECK(ff::utf8_valid("无诈校园 96110 😀"));
        CHECK(ff::utf8_valid(""));
        const std::string cut = std::string("中").substr(0, 2);
        CHECK_FALSE(ff::utf8_valid(cut));
        CHECK_FALSE(ff::utf8_valid("\xED\xA0\x80")); // a surrogate
        CHECK_FALSE(ff::utf8_valid("\xC0\xAF"));     // overlong '/'
    }
}
