// The two commands of fraudfree-server: `serve` (runs until SIGTERM/SIGINT) and
// `token create` (prints a new token once). Return the process exit code.
#pragma once

#include "config.h"

#include <ostream>

namespace ff::server {

int run_serve(const ServeConfig& cfg, std::ostream& out);
int run_token_create(const TokenCommand& cmd, std::ostream& out);

} // namespace ff::server
