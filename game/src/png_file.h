// Saving and reading RGBA images as PNG files (libpng), for headless screenshots and tests.
// Core SDL2 cannot write PNG; libpng is already on every machine that has SDL2_ttf's freetype.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ff::game {

// Writes `surface` (any pixel format) as an 8-bit RGBA PNG. Throws std::runtime_error
// with the path and the reason on failure.
void write_png(const std::filesystem::path& path, SDL_Surface* surface);

} // namespace ff::game
