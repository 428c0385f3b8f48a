// Token generation with OpenSSL's RAND_bytes (seeded from the OS) and hashing with OpenSSL's
// SHA-256 (every authenticated request hashes its token; OpenSSL uses the CPU's SHA instructions).
#include "tokens.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace ff::server {
namespace {

void random_bytes(unsigned char* out, size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("无法获得安全的随机数");
}

std::string lower_hex(const unsigned char* bytes, size_t n) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (size_t i = 0; i < n; ++i) {
        out.push_back(hex[bytes[i] >> 4]);
        out.push_back(hex[bytes[i] & 15]);
    }
    return out;
}

} // namespace

std::string new_token() {
    unsigned char bytes[32];
    random_bytes(bytes, sizeof bytes);
    return lower_hex(bytes, sizeof bytes);
}

std::string token_hash(const std::string& token) {
    // Fetched once: OpenSSL 3's SHA256() looks the algorithm up in its provider table (under a
    // process-wide lock) on every call, which cost four times the hashing itself.
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                         &EVP_MD_free);
    if (!sha256) throw std::runtime_error("OpenSSL 没有 SHA-256");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(token.data(), token.size(), digest, &size, sha256.get(), nullptr) != 1)
        throw std::runtime_error("无法计算令牌的 SHA-256");
    return lower_hex(digest, size);
}

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
