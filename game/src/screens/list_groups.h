// What the scenario list shows and in which order: categories in the packs' order, and
// inside a category the scenarios pack by pack, so two packs never interleave.
#pragma once

#include "library.h"

#include <string>
#include <vector>

namespace ff::game {

struct ListEntry {
    const ff::Pack* pack;
    const ff::Scenario* scenario;
};

struct ListGroup {
    std::string category;          // id
    std::string name;              // display name
    std::vector<ListEntry> entries; // pack by pack, each pack's scenarios in its own order
};

// Every scenario of the library, grouped by category (built-ins first, as the packs list them).
std::vector<ListGroup> group_scenarios(const Library& lib);

// Cards name their pack once more than one pack is loaded: outreach and campus-core have
// scenarios with the same title, and a police officer at a stall must tell them apart.
bool show_pack_tags(const Library& lib);

// The mark before a card's pack label, told apart by shape as well as by colour (high
// contrast draws every mark in one colour; some players see no colour). Given by the pack's
// place in the library, so two packs never share one by chance: the first five packs get
// five different shapes and the first six six different colours.
enum class PackShape { circle, square, triangle, diamond, triangle_down };
struct PackMark {
    PackShape shape;
    int colour; // 0..5, an index into the list screen's pack colours
};
PackMark pack_mark(const Library& lib, const ff::Pack& pack);

// The short name on a card's pack tag: the pack's title, or its id when it has none.
std::string pack_label(const ff::Pack& pack);

} // namespace ff::game
