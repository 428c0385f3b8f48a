// The body of POST /api/v1/results read in one pass, without building a JSON tree (the route
// that carries the load), with the same checks and messages as the other routes' fields.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ff::server {

struct SubmissionBody {
    std::string id; // the client's uuid
    std::string pack_id;
    std::string pack_hash;
    std::string scenario_id;
    std::vector<int> choices;
    // Anything else ("score", "ending", …) is ignored: the server replays the choices.
};

// Throws HttpError: 413 over `limit` bytes, 400 for malformed JSON or a missing, mistyped,
// empty or too long field, 422 for a choice number outside 1..99.
SubmissionBody parse_submission(const std::string& body, std::size_t limit);

} // namespace ff::server
