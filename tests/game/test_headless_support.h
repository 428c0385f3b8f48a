// Helpers for the headless-mode tests: run the real `fraudfree` binary and read its PNGs.
#pragma once

#include <png.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace fftest {

struct RunOutput {
    int status = -1;
    std::string out; // stdout only; stderr goes to the test log
};

// Runs a shell command and collects its stdout.
inline RunOutput run_game_cmd(const std::string& cmd) {
    RunOutput r;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    if (!p) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p.get())) > 0) r.out.append(buf.data(), n);
    r.status = pclose(p.release());
    return r;
}

// Runs the game binary with `args` (shell syntax).
inline RunOutput run_game(const std::string& args) {
    return run_game_cmd(std::string("'") + FRAUDFREE_GAME_BIN + "' " + args);
}

struct Image {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;
    bool ok() const { return w > 0 && h > 0; }
    std::array<uint8_t, 3> at(int x, int y) const {
        size_t i = (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4;
        return {rgba[i], rgba[i + 1], rgba[i + 2]};
    }
};

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
    for (size_t i = 0; i + 3 < img.rgba.size(); i += 4)
        if (img.rgba[i] == (rgb >> 16 & 0xFF) && img.rgba[i + 1] == (rgb >> 8 & 0xFF) && img.rgba[i + 2] == (rgb & 0xFF)) ++n;
    return n;
}

// Number of distinct colours (capped), a cheap "is there real content" measure.
inline size_t distinct_colors(const Image& img, size_t cap = 5000) {
    std::set<uint32_t> seen;
    for (size_t i = 0; i + 3 < img.rgba.size() && seen.size() < cap; i += 4)
        seen.insert(static_cast<uint32_t>(img.rgba[i]) << 16 | static_cast<uint32_t>(img.rgba[i + 1]) << 8 | img.rgba[i + 2]);
    return seen.size();
}

} // namespace fftest
