// Phase-accumulating oscillators so glides and vibrato stay continuous.
#include "synth.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ff::soundgen {
namespace {

double envelope_at(const Envelope& e, double t, double length) {
    double level = t < e.attack ? t / e.attack : std::exp(-(t - e.attack) / e.decay);
    const double left = length - t;
    if (left < e.release) level *= std::max(0.0, left / e.release);
    return level;
}

} // namespace

std::vector<float> silence(double seconds) { return std::vector<float>(static_cast<size_t>(seconds * kSampleRate), 0.0f); }

void mix(std::vector<float>& buffer, const Note& n) {
    const auto first = static_cast<size_t>(n.start * kSampleRate);
    const auto count = static_cast<size_t>(n.length * kSampleRate);
    if (buffer.size() < first + count) buffer.resize(first + count, 0.0f);
    const double two_pi = 2 * std::numbers::pi;
    double carrier_phase = 0;
    double mod_phase = 0;
    for (size_t i = 0; i < count; ++i) {
        const double t = static_cast<double>(i) / kSampleRate;
        const double progress = t / n.length;
        double freq = n.freq_start * std::pow(n.freq_end / n.freq_start, progress);
        if (n.vibrato_hz > 0) freq *= 1 + n.vibrato_depth * std::sin(two_pi * n.vibrato_hz * t);
        const double index = n.fm_index + (n.fm_index_end - n.fm_index) * progress;
        const double sample = std::sin(carrier_phase + index * std::sin(mod_phase));
        buffer[first + i] += static_cast<float>(n.amplitude * envelope_at(n.env, t, n.length) * sample);
        carrier_phase = std::fmod(carrier_phase + two_pi * freq / kSampleRate, two_pi);
        mod_phase = std::fmod(mod_phase + two_pi * freq * n.fm_ratio / kSampleRate, two_pi);
    }
}

void normalize(std::vector<float>& buffer, double peak) {
    float loudest = 0;
    for (float s : buffer) loudest = std::max(loudest, std::abs(s));
    if (loudest <= 0) return;
    const float k = static_cast<float>(peak / loudest);
    for (float& s : buffer) s *= k;
}

} // namespace ff::soundgen
