// A tiny additive/FM synthesiser: notes with envelopes mixed into a sample buffer.
// Deterministic (no noise, no randomness), so the generated sounds are reproducible.
#pragma once

#include <vector>

namespace ff::soundgen {

inline constexpr int kSampleRate = 44100;

// Attack to full level, then exponential decay with time constant `decay` seconds;
// the last `release` seconds fade linearly to zero so a note never ends with a click.
struct Envelope {
    double attack = 0.005;
    double decay = 0.2;
    double release = 0.02;
};

// One voice: a carrier gliding from freq_start to freq_end (exponentially), frequency-
// modulated by a sine at `fm_ratio` × carrier with an index that falls from fm_index to
// fm_index_end over the note (bright attack, mellow tail), plus optional vibrato.
struct Note {
    double start = 0;       // seconds
    double length = 0.2;    // seconds
    double freq_start = 440;
    double freq_end = 440;
    double amplitude = 0.5;
    double fm_ratio = 1;
    double fm_index = 0;
    double fm_index_end = 0;
    double vibrato_hz = 0;
    double vibrato_depth = 0; // fraction of the frequency, e.g. 0.01
    Envelope env;
};

// A buffer of `seconds` of silence.
std::vector<float> silence(double seconds);
// Adds the note into the buffer (grown if the note runs past its end).
void mix(std::vector<float>& buffer, const Note& note);
// Scales so the loudest sample is `peak` (a silent buffer stays silent).
void normalize(std::vector<float>& buffer, double peak);

} // namespace ff::soundgen
