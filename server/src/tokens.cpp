// Token generation with OpenSSL's RAND_bytes (seeded from the OS) and hashing with core's SHA-256.
#include "tokens.h"

#include "fraudfree/pack_files.h"

#include <openssl/rand.h>

#include <stdexcept>

namespace ff::server {
namespace {

void random_bytes(unsigned char* out, size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("无法获得安全的随机数");
}

} // namespace

std::string new_token() {
    unsigned char bytes[32];
    random_bytes(bytes, sizeof bytes);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char b : bytes) {
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 15]);
    }
    return out;
}

std::string token_hash(const std::string& token) { return ff::sha256_hex(token); }

std::string random_string(const std::string& alphabet, size_t length) {
    if (alphabet.empty() || alphabet.size() > 256) throw std::invalid_argument("alphabet size");
    // Reject bytes past the largest multiple of the alphabet size so every character is equally likely.
    const unsigned limit = 256 - 256 % static_cast<unsigned>(alphabet.size());
    std::string out;
    unsigned char buf[64];
    while (out.size() < length) {
        random_bytes(buf, sizeof buf);
        for (unsigned char b : buf) {
            if (b >= limit) continue;
            out.push_back(alphabet[b % alphabet.size()]);
            if (out.size() == length) break;
        }
    }
    return out;
}

} // namespace ff::server
