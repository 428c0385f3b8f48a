// A small command-line parser for the subcommands: positional arguments, `--name value`
// (or `--name=value`) options and bare `--flag`s. Anything else is a usage error.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace ff::pack {

// Thrown for a wrong command line; main prints it with the usage text and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // "--server" -> "http://..."
    std::set<std::string> flags;                // "--json"

    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    // The option's value; UsageError naming it when it is missing.
    const std::string& required(const std::string& option) const;
    const std::string* optional(const std::string& option) const;
};

ParsedArgs parse_args(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                      const std::set<std::string>& flag_options);

} // namespace ff::pack
