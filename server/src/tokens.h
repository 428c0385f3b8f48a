// Bearer tokens: 256 random bits from the OS CSPRNG, shown once, stored only as SHA-256 hex.
#pragma once

#include <string>

namespace ff::server {

// 64 lowercase hex characters. Throws std::runtime_error if no randomness is available.
std::string new_token();

// What the database keeps instead of the token.
std::string token_hash(const std::string& token);

// Random characters from `alphabet` (uniform, no modulo bias).
std::string random_string(const std::string& alphabet, size_t length);

} // namespace ff::server
