// Who may see a class: its owner counsellor and admins. Shared by the API and the dashboard.
#pragma once

#include "app.h"
#include "storage.h"

#include <string>

namespace ff::server {

// The join-code alphabet: no 0/O, 1/I/L look-alikes, so a code read off a projector is typed right.
inline constexpr const char* kJoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr int kJoinCodeLength = 6;

std::string new_join_code();
// Upper-cases and trims what a student typed; empty when it cannot be a join code.
std::string normalize_join_code(const std::string& typed);

// The class `class_id` if `who` owns it or is admin; HttpError 404 (no class) or 403.
ClassInfo require_class_access(App& app, const Principal& who, int64_t class_id);

} // namespace ff::server
