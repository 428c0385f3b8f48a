// Sound design: short, soft UI sounds for the chat, a ringtone that loops, and two
// clearly different endings (bright and rising for safe, low and falling for scammed).
#include "sounds.h"

#include "synth.h"

#include <cmath>

namespace ff::soundgen {
namespace {

// Equal-tempered pitch from a MIDI note number (69 = A4 = 440 Hz).
double midi(int note) { return 440.0 * std::pow(2.0, (note - 69) / 12.0); }

// A soft bell: carrier and modulator in 1:2, index falling so the attack sparkles briefly.
Note bell(double start, int note, double length, double amplitude, double decay) {
    Note n;
    n.start = start;
    n.length = length;
    n.freq_start = n.freq_end = midi(note);
    n.amplitude = amplitude;
    n.fm_ratio = 2;
    n.fm_index = 1.6;
    n.fm_index_end = 0.1;
    n.env = {0.004, decay, 0.03};
    return n;
}

// Two quick rising notes, like a drop landing: a new message from the other side.
std::vector<float> message_in() {
    std::vector<float> b = silence(0.3);
    mix(b, bell(0.00, 88, 0.16, 0.5, 0.05)); // E6
    mix(b, bell(0.07, 93, 0.22, 0.5, 0.07)); // A6
    normalize(b, 0.6);
    return b;
}

// A short upward glide, lighter than message_in: your own message leaving.
std::vector<float> message_out() {
    std::vector<float> b = silence(0.15);
    Note n;
    n.length = 0.12;
    n.freq_start = 700;
    n.freq_end = 1500;
    n.amplitude = 0.5;
    n.fm_ratio = 1;
    n.fm_index = 0.4;
    n.env = {0.003, 0.04, 0.03};
    mix(b, n);
    normalize(b, 0.45);
    return b;
}

// "Ring-ring, pause": two bursts of a fast two-tone trill, then silence, 2.4 s so the
// game can loop it while the incoming-call screen waits.
std::vector<float> ringing() {
    std::vector<float> b = silence(2.4);
    for (double burst : {0.0, 0.55}) {
        for (int k = 0; k < 8; ++k) {
            Note n;
            n.start = burst + k * 0.05;
            n.length = 0.05;
            n.freq_start = n.freq_end = midi(k % 2 ? 88 : 84); // E6 / C6
            n.amplitude = 0.45;
            n.fm_ratio = 1;
            n.fm_index = 0.9;
            n.fm_index_end = 0.9;
            n.env = {0.003, 1.0, 0.006};
            mix(b, n);
        }
    }
    normalize(b, 0.55);
    return b;
}

// A rising major arpeggio ending on a held, shimmering top note: you stayed safe.
std::vector<float> safe_ending() {
    std::vector<float> b = silence(1.6);
    const int notes[] = {72, 76, 79, 84}; // C5 E5 G5 C6
    for (int i = 0; i < 4; ++i) mix(b, bell(0.12 * i, notes[i], 1.5 - 0.12 * i, 0.35, i == 3 ? 0.45 : 0.25));
    Note shimmer = bell(0.36, 91, 1.2, 0.12, 0.35); // G6 above the top note
    shimmer.vibrato_hz = 5.5;
    shimmer.vibrato_depth = 0.004;
    mix(b, shimmer);
    normalize(b, 0.65);
    return b;
}

// A slow, low, falling tone with a second voice a little out of tune: something went wrong.
std::vector<float> scammed_ending() {
    std::vector<float> b = silence(1.8);
    for (double detune : {1.0, 1.012}) {
        Note n;
        n.length = 1.7;
        n.freq_start = 247 * detune; // about B3
        n.freq_end = 98 * detune;    // about G2
        n.amplitude = 0.4;
        n.fm_ratio = 0.5;
        n.fm_index = 1.2;
        n.fm_index_end = 0.3;
        n.vibrato_hz = 4.0;
        n.vibrato_depth = 0.01;
        n.env = {0.03, 0.9, 0.25};
        mix(b, n);
    }
    normalize(b, 0.6);
    return b;
}

} // namespace

std::vector<Sound> all_sounds() {
    return {
        {"message_in", "incoming message: two quick rising bell notes", message_in()},
        {"message_out", "sent message: a short upward glide", message_out()},
        {"ringing", "incoming call: two trill bursts and a pause, loopable", ringing()},
        {"safe_ending", "safe ending: rising major arpeggio with a shimmer", safe_ending()},
        {"scammed_ending", "scammed ending: low falling detuned tone", scammed_ending()},
    };
}

} // namespace ff::soundgen
