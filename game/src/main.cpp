// fraudfree: the FraudFree Campus game. See options.cpp for the command line.
#include "app.h"
#include "options.h"

#include <SDL.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    ff::game::ParsedOptions parsed = ff::game::parse_options(args);
    if (!parsed.options) {
        std::cerr << "fraudfree: " << parsed.error << "\n\n" << ff::game::usage_text();
        return 2;
    }
    if (parsed.options->help) {
        std::cout << ff::game::usage_text();
        return 0;
    }
    std::filesystem::path exe_dir;
    if (char* base = SDL_GetBasePath()) {
        exe_dir = base;
        SDL_free(base);
    }
    if (parsed.options->headless) return ff::game::run_headless(*parsed.options, exe_dir);
    return ff::game::run_window(*parsed.options, exe_dir);
}
