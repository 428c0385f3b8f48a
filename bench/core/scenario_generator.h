// Generates a valid pack of many scenarios in memory, shaped like real content:
// Chinese messages with red flags, 2–4 choices per node, all three ending kinds.
#pragma once

#include "fraudfree/pack_files.h"

namespace ff::bench {

// `scenarios` files of about `nodes` nodes each (at least 3), deterministic for the same sizes.
PackFiles generate_pack(int scenarios, int nodes);

} // namespace ff::bench
