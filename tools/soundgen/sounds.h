// The game's five sounds, designed here: each is a list of synthesiser notes.
// File names are the contract with game/src/audio (assets/sounds/<name>.wav).
#pragma once

#include <string>
#include <vector>

namespace ff::soundgen {

struct Sound {
    std::string name;          // file stem, e.g. "message_in"
    std::string description;   // one line for --list
    std::vector<float> samples;
};

std::vector<Sound> all_sounds();

} // namespace ff::soundgen
