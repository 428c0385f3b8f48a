#include "screens/list_groups.h"

#include "screens/widgets.h"

namespace ff::game {

std::vector<ListGroup> group_scenarios(const Library& lib) {
    std::vector<ListGroup> groups;
    auto group_for = [&](const std::string& cat) -> ListGroup& {
        for (auto& g : groups)
            if (g.category == cat) return g;
        groups.push_back(ListGroup{cat, category_name(lib, cat), {}});
        return groups.back();
    };
    // Packs in the outer loop: a category's entries come pack by pack.
    for (const auto& p : lib.packs)
        for (const auto& c : p.categories)
            for (const auto& s : p.scenarios)
                if (s.category == c.id) group_for(c.id).entries.push_back(ListEntry{&p, &s});
    return groups;
}

bool show_pack_tags(const Library& lib) { return lib.packs.size() > 1; }

std::string pack_label(const ff::Pack& pack) { return pack.title.empty() ? pack.id : pack.title; }

} // namespace ff::game
