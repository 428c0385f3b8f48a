// Diagnostics: the errors and warnings the loader and validator report about a pack.
// Each points at a file, line and column so an author can jump straight to the mistake.
#pragma once

#include <string>
#include <vector>

namespace ff {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;    // path as shown to the author, e.g. "content/campus-core/scenarios/rebate.toml"
    int line = 0;        // 1-based; 0 when unknown (whole file)
    int column = 0;      // 1-based; 0 when unknown
    std::string message; // plain words, Chinese or English, no jargon
};

// "file:line:col: error: message" (line/col omitted when 0).
std::string format_diagnostic(const Diagnostic& d);

bool has_errors(const std::vector<Diagnostic>& ds);
int count(const std::vector<Diagnostic>& ds, Severity s);

} // namespace ff
