// A pack as a set of files in memory: read from a folder, or received over the network.
// The content hash is SHA-256 over these files in a canonical order.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace ff {

// Relative path with '/' separators ("pack.toml", "scenarios/rebate.toml", "quiz.toml") -> bytes.
// Only pack.toml, quiz.toml and scenarios/*.toml belong to a pack; other files are ignored.
using PackFiles = std::map<std::string, std::string>;

// Reads the pack files of a folder. Throws std::runtime_error with a readable message
// if the folder cannot be read.
PackFiles read_pack_files(const std::filesystem::path& dir);

// True for a relative path that may be part of a pack (no "..", not absolute, allowed name).
bool is_pack_file_path(const std::string& rel);

// Lowercase hex SHA-256 over, for each file in path order: path, '\0', size in decimal, '\0', bytes.
std::string pack_hash(const PackFiles& files);

// Lowercase hex SHA-256 of any bytes (tokens, archives).
std::string sha256_hex(const std::string& bytes);

} // namespace ff
