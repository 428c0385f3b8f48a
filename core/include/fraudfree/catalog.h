// Built-in fraud categories and red flags that every pack can use without declaring them.
// Their texts come from the police advice in the seeds (三不一多, 6个一律, 10个凡是).
#pragma once

#include "fraudfree/model.h"

#include <vector>

namespace ff {

const std::vector<Category>& builtin_categories();
const std::vector<RedFlag>& builtin_red_flags();

} // namespace ff
