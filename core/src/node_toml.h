// Reading [[node]] and [[ending]] tables of a scenario file. Private to core.
#pragma once

#include "pack_parts.h"

namespace ff::detail {

void read_node(const toml::table& t, const std::string& file, Diags& diags, ScenarioDraft& d);
void read_ending(const toml::table& t, const std::string& file, Diags& diags, ScenarioDraft& d);

} // namespace ff::detail
