// The command line of `fraudfree`: content folders, a pack to preview, headless mode for tests
// and docs, the data folder and the server. Parsing errors are values, shown with the usage.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ff::game {

struct Options {
    std::vector<std::filesystem::path> content_dirs; // folders holding pack folders (--content)
    std::filesystem::path pack_dir;                  // --pack: one pack folder (authors)
    std::string scenario_id;                         // --scenario: open straight into it
    bool watch = false;                              // --watch: reload the pack when its files change
    bool headless = false;
    std::vector<int> choices;                        // --choices 1,2,1 (1-based)
    bool choices_given = false;
    std::filesystem::path screenshot;                // --screenshot out.png
    int width = 1366;                                // --size WxH
    int height = 768;
    std::string screen;                              // --screen chat|debrief|...; empty = natural last screen
    std::filesystem::path data_dir;                  // --data; empty = default
    std::string server_url;                          // --server
    bool help = false;
};

struct ParsedOptions {
    std::optional<Options> options;
    std::string error; // plain words when options is empty
};

ParsedOptions parse_options(const std::vector<std::string>& args); // args without argv[0]
std::string usage_text();

// Screens --screen accepts.
const std::vector<std::string>& known_screen_names();

} // namespace ff::game
