// Bearer tokens: fresh ones are 64 hex characters and distinct; what is stored is their SHA-256.
#include "tokens.h"

#include "fraudfree/pack_files.h"

#include <catch2/catch.hpp>

#include <set>

using namespace ff::server;

SCENARIO("tokens and their stored hashes") {
    GIVEN("a hundred new tokens") {
        std::set<std::string> seen;
        for (int i = 0; i < 100; ++i) seen.insert(new_token());
        THEN("each is 64 lower-case hex characters and none repeats") {
            CHECK(seen.size() == 100);
            for (const auto& t : seen) {
                CHECK(t.size() == 64);
                CHECK(t.find_first_not_of("0123456789abcdef") == std::string::npos);
            }
        }
    }
    WHEN("a token is hashed") {
        THEN("it is the standard SHA-256 in lower-case hex") {
            CHECK(token_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            CHECK(token_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }
        AND_THEN("it matches core's SHA-256, which hashed the tokens of databases made before") {
            for (int i = 0; i < 20; ++i) {
                const std::string t = new_token();
                CHECK(token_hash(t) == ff::sha256_hex(t));
            }
        }
    }
}
