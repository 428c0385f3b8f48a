// Enumerating every complete path of a scenario, for tests, stats and the content checks.
#include "fraudfree/runner.h"

#include <unordered_map>
#include <unordered_set>

namespace ff {

std::vector<std::vector<int>> all_paths(const Scenario& scenario, size_t limit) {
    std::unordered_map<std::string, size_t> node_index;
    for (size_t i = 0; i < scenario.nodes.size(); ++i) node_index.emplace(scenario.nodes[i].id, i);
    std::unordered_set<std::string> is_ending;
    for (const auto& e : scenario.endings) is_ending.insert(e.id);

    std::vector<std::vector<int>> out;
    auto start = node_index.find(scenario.start);
    if (start == node_index.end()) return out;

    // Explicit stack of (node, next choice); `on_path` guards against cycles in an
    // unvalidated scenario so this always terminates.
    struct Frame {
        size_t node;
        size_t next_choice;
    };
    std::vector<Frame> stack{{start->second, 0}};
    std::vector<char> on_path(scenario.nodes.size(), 0);
    on_path[start->second] = 1;
    std::vector<int> path;
    while (!stack.empty() && out.size() < limit) {
        Frame& f = stack.back();
        const Node& node = scenario.nodes[f.node];
        if (f.next_choice == node.choices.size()) {
            on_path[f.node] = 0;
            stack.pop_back();
            if (!path.empty()) path.pop_back();
            continue;
        }
        const size_t k = f.next_choice++;
        const std::string& next = node.choices[k].next;
        path.push_back(static_cast<int>(k + 1));
        auto it = node_index.find(next);
        if (it == node_index.end() && is_ending.count(next)) { // nodes win, as in Runner
            out.push_back(path);
            path.pop_back();
            continue;
        }
        if (it == node_index.end() || on_path[it->second]) {
            path.pop_back();
            continue;
        }
        on_path[it->second] = 1;
        stack.push_back(Frame{it->second, 0});
    }
    return out;
}

} // namespace ff
