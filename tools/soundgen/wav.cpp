// RIFF/WAVE writer: one "fmt " chunk (PCM, 16 bit, mono) and one "data" chunk, little-endian.
#include "wav.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>

namespace ff::soundgen {
namespace {

void put_u32(std::string& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

void put_u16(std::string& out, uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
}

} // namespace

void write_wav(const std::filesystem::path& path, const std::vector<float>& samples, int sample_rate) {
    const uint32_t data_bytes = static_cast<uint32_t>(samples.size() * 2);
    std::string out;
    out.reserve(44 + data_bytes);
    out += "RIFF";
    put_u32(out, 36 + data_bytes);
    out += "WAVEfmt ";
    put_u32(out, 16);                                     // fmt chunk size
    put_u16(out, 1);                                      // PCM
    put_u16(out, 1);                                      // mono
    put_u32(out, static_cast<uint32_t>(sample_rate));
    put_u32(out, static_cast<uint32_t>(sample_rate * 2)); // bytes per second
    put_u16(out, 2);                                      // block align
    put_u16(out, 16);                                     // bits per sample
    out += "data";
    put_u32(out, data_bytes);
    for (float s : samples) {
        const float clipped = std::clamp(s, -1.0f, 1.0f);
        put_u16(out, static_cast<uint16_t>(static_cast<int16_t>(std::lround(clipped * 32767.0f))));
    }
    std::ofstream f(path, std::ios::binary);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    f.close();
    if (!f) throw std::runtime_error("cannot write " + path.string());
}

} // namespace ff::soundgen
