// Who may see a class: its owner counsellor and admins. Shared by the API and the dashboard.
#pragma once

#include "app.h"
#include "storage.h"

#include <functional>
#include <string>

namespace ff::server {

// The join-code alphabet: no 0/O, 1/I/L look-alikes, so a code read off a projector is typed right.
inline constexpr const char* kJoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr int kJoinCodeLength = 6;

std::string new_join_code();

// How many fresh codes to draw before giving up: with 31^6 codes a clash is rare, twenty in a
// row means the table is nearly full.
inline constexpr int kJoinCodeAttempts = 20;
// Draws new join codes and hands each to `try_code` until it returns true (the code was free
// and is now stored); returns that code. HttpError 503 after kJoinCodeAttempts refusals.
std::string first_free_join_code(const std::function<bool(const std::string&)>& try_code);
// Stores a new class with a free join code and refreshes the leaderboard; returns it as stored.
ClassInfo create_class_with_join_code(App& app, ClassInfo c);
// Gives the class a new free join code and returns it.
std::string rotate_join_code(App& app, int64_t class_id);
// Upper-cases and trims what a student typed; empty when it cannot be a join code.
std::string normalize_join_code(const std::string& typed);

// The class `class_id` if `who` owns it or is admin; HttpError 404 (no class) or 403.
ClassInfo require_class_access(App& app, const Principal& who, int64_t class_id);

} // namespace ff::server
