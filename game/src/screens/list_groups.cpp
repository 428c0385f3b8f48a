#include "screens/list_groups.h"

#include "screens/widgets.h"

#include <iterator>

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

PackMark pack_mark(const Library& lib, const ff::Pack& pack) {
    static constexpr PackShape shapes[] = {PackShape::circle, PackShape::square, PackShape::triangle,
                                           PackShape::diamond, PackShape::triangle_down};
    size_t index = 0;
    while (index < lib.packs.size() && &lib.packs[index] != &pack) ++index;
    return PackMark{shapes[index % std::size(shapes)], static_cast<int>(index % 6)};
}

std::string pack_label(const ff::Pack& pack) { return pack.title.empty() ? pack.id : pack.title; }

} // namespace ff::game
