// UTF-8 encoding shared by the game's text layout and the loader's fuzz test.
#include "fraudfree/utf8.h"

#include <catch2/catch.hpp>

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
