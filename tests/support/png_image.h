// Test helper shared by the game's headless tests and the e2e window tests: read a PNG
// (libpng's simplified API) and count its colours. Header-only; link libpng.
#pragma once

#include <png.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <vector>

namespace fftest {

struct Image {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;
    bool ok() const { return w > 0 && h > 0; }
    // The pixel as 0xRRGGBB, the form the colour constants of the tests use.
    uint32_t at(int x, int y) const {
        const size_t i = (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4;
        return static_cast<uint32_t>(rgba[i]) << 16 | static_cast<uint32_t>(rgba[i + 1]) << 8 | rgba[i + 2];
    }
    bool operator==(const Image&) const = default;
};

// An empty Image (ok() false) when the file is missing or not a PNG.
inline Image read_png(const std::filesystem::path& path) {
    Image img;
    png_image pi{};
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&pi, path.string().c_str())) return img;
    pi.format = PNG_FORMAT_RGBA;
    img.rgba.resize(PNG_IMAGE_SIZE(pi));
    if (!png_image_finish_read(&pi, nullptr, img.rgba.data(), 0, nullptr)) {
        png_image_free(&pi);
        return Image{};
    }
    img.w = static_cast<int>(pi.width);
    img.h = static_cast<int>(pi.height);
    return img;
}

// Pixels exactly of colour `rgb` (0xRRGGBB).
inline long count_color(const Image& img, uint32_t rgb) {
    long n = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x) n += img.at(x, y) == rgb;
    return n;
}

// Number of distinct colours (capped), a cheap "is there real content" measure.
inline size_t distinct_colors(const Image& img, size_t cap = 5000) {
    std::set<uint32_t> seen;
    for (int y = 0; y < img.h && seen.size() < cap; ++y)
        for (int x = 0; x < img.w && seen.size() < cap; ++x) seen.insert(img.at(x, y));
    return seen.size();
}

} // namespace fftest
