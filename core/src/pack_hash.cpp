// SHA-256 of a pack (canonical file order) and of plain bytes, via OpenSSL EVP.
#include "fraudfree/pack_files.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace ff {
namespace {

struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new()) {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256 is not available (OpenSSL)");
    }
    void update(const void* data, size_t n) {
        if (n > 0 && EVP_DigestUpdate(ctx_.get(), data, n) != 1) throw std::runtime_error("SHA-256 update failed");
    }
    void update(const std::string& s) { update(s.data(), s.size()); }
    std::string hex() {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), md, &len) != 1) throw std::runtime_error("SHA-256 final failed");
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        out.reserve(len * 2);
        for (unsigned int i = 0; i < len; ++i) {
            out += digits[md[i] >> 4];
            out += digits[md[i] & 0xf];
        }
        return out;
    }

private:
    MdCtx ctx_;
};

} // namespace

std::string pack_hash(const PackFiles& files) {
    Sha256 h;
    const char zero = '\0';
    for (const auto& [path, bytes] : files) { // std::map: path order is the canonical order
        h.update(path);
        h.update(&zero, 1);
        h.update(std::to_string(bytes.size()));
        h.update(&zero, 1);
        h.update(bytes);
    }
    return h.hex();
}

std::string sha256_hex(const std::string& bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex();
}

} // namespace ff
