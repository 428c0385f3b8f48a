// Loading a pack: parse its TOML (toml++), build the model, validate it.
// A pack comes back only when there are no errors; diagnostics carry file:line:col.
#pragma once

#include "fraudfree/diagnostics.h"
#include "fraudfree/model.h"
#include "fraudfree/pack_files.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace ff {

struct LoadResult {
    std::optional<Pack> pack;             // set iff no diagnostic is an error
    std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
};

// `display_root` prefixes file names in diagnostics (e.g. "content/campus-core").
// Never throws on bad content; never aborts.
LoadResult load_pack(const PackFiles& files, const std::string& display_root);

// Convenience: read_pack_files(dir) + load_pack(files, dir.string()).
// A folder that cannot be read gives one error diagnostic, not an exception.
LoadResult load_pack_dir(const std::filesystem::path& dir);

// Messages longer than this many characters (UTF-8 code points) get a warning.
inline constexpr int kLongMessageChars = 140;

} // namespace ff
