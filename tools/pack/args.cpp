// Command-line parsing shared by the subcommands.
#include "args.h"

namespace ff::pack {

const std::string& ParsedArgs::required(const std::string& option) const {
    auto it = options.find(option);
    if (it == options.end()) throw UsageError("missing " + option + " (缺少 " + option + ")");
    return it->second;
}

const std::string* ParsedArgs::optional(const std::string& option) const {
    auto it = options.find(option);
    return it == options.end() ? nullptr : &it->second;
}

ParsedArgs parse_args(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                      const std::set<std::string>& flag_options) {
    ParsedArgs out;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() < 2 || a.rfind("--", 0) != 0) {
            if (a.size() > 1 && a[0] == '-') throw UsageError("unknown option " + a + " (不认识的选项)");
            out.positional.push_back(a);
            continue;
        }
        std::string name = a;
        std::string value;
        bool has_value = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            has_value = true;
        }
        if (value_options.count(name)) {
            if (!has_value) {
                if (i + 1 >= args.size()) throw UsageError(name + " needs a value (" + name + " 后面要写一个值)");
                value = args[++i];
            }
            out.options[name] = value;
        } else if (flag_options.count(name) && !has_value) {
            out.flags.insert(name);
        } else {
            throw UsageError("unknown option " + a + " (不认识的选项)");
        }
    }
    return out;
}

} // namespace ff::pack
