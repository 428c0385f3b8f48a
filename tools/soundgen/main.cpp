// fraudfree-soundgen: writes the game's original sounds as WAV files.
// Usage: fraudfree-soundgen [OUT_DIR]   (default: assets/sounds) ; --list to describe them.
#include "sounds.h"
#include "synth.h"
#include "wav.h"

#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    const std::string arg = argc > 1 ? argv[1] : "assets/sounds";
    if (arg == "--help" || arg == "-h") {
        std::cout << "usage: fraudfree-soundgen [OUT_DIR]   writes <name>.wav for every sound (default assets/sounds)\n"
                     "       fraudfree-soundgen --list      describes the sounds\n";
        return 0;
    }
    try {
        const auto sounds = ff::soundgen::all_sounds();
        if (arg == "--list") {
            for (const auto& s : sounds) std::cout << s.name << ".wav  " << s.description << "\n";
            return 0;
        }
        const std::filesystem::path dir = arg;
        std::filesystem::create_directories(dir);
        for (const auto& s : sounds) {
            const auto path = dir / (s.name + ".wav");
            ff::soundgen::write_wav(path, s.samples, ff::soundgen::kSampleRate);
            std::cout << path.string() << "  " << static_cast<double>(s.samples.size()) / ff::soundgen::kSampleRate
                      << " s\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "fraudfree-soundgen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
