// Formatting and counting of loader/validator diagnostics.
#include "fraudfree/diagnostics.h"

#include <algorithm>

namespace ff {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
    return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

int count(const std::vector<Diagnostic>& ds, Severity s) {
    return static_cast<int>(std::count_if(ds.begin(), ds.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

} // namespace ff
