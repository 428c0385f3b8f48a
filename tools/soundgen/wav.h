// Writing 16-bit mono PCM WAV files, the format SDL_mixer loads everywhere.
// Samples are floats in [-1, 1]; values outside are clipped.
#pragma once

#include <filesystem>
#include <vector>

namespace ff::soundgen {

// Throws std::runtime_error naming the path when the file cannot be written.
void write_wav(const std::filesystem::path& path, const std::vector<float>& samples, int sample_rate);

} // namespace ff::soundgen
