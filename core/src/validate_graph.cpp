// Graph checks of one scenario: ids, `start` and `next` links, reachability, dead ends,
// cycles and which ending kinds can be reached. All linear in nodes + choices.
#include "pack_parts.h"

#include "text_util.h"

#include <string_view>
#include <unordered_map>

namespace ff::detail {
namespace {

struct Edge {
    int target;
    const Choice* choice;
};

struct Graph {
    size_t node_count = 0;                      // indices [0, node_count) are nodes, the rest endings
    std::unordered_map<std::string_view, int> index; // first occurrence of each id (views into the draft)
    std::vector<std::vector<Edge>> out;         // per node
    bool broken = false;                        // some link is missing or dangling
};

std::string suggestion(const std::string& id, const std::vector<std::string_view>& ids) {
    if (ids.size() > 500) return {}; // a suggestion is a courtesy; keep huge files fast
    const std::string guess = closest(id, ids);
    return guess.empty() ? std::string() : "你是不是想写 “" + guess + "”？";
}

Graph build_index(const ScenarioDraft& d, Diags& diags) {
    const Scenario& s = d.scenario;
    Graph g;
    g.node_count = s.nodes.size();
    g.index.reserve(s.nodes.size() + s.endings.size());
    auto add = [&](const std::string& id, const SourcePos& pos, int idx, const char* what) {
        auto [it, inserted] = g.index.emplace(id, idx);
        if (inserted) return;
        const SourcePos& first = it->second < static_cast<int>(g.node_count)
                                     ? s.nodes[static_cast<size_t>(it->second)].pos
                                     : s.endings[static_cast<size_t>(it->second) - g.node_count].pos;
        diags.error(pos, std::string(what) + " id “" + id + "” 重复了：第 " + std::to_string(first.line) +
                             " 行已经用过这个 id（同一个剧本里，节点和结局的 id 都不能重复）。");
    };
    for (size_t i = 0; i < s.nodes.size(); ++i) add(s.nodes[i].id, s.nodes[i].pos, static_cast<int>(i), "节点");
    for (size_t i = 0; i < s.endings.size(); ++i)
        add(s.endings[i].id, s.endings[i].pos, static_cast<int>(g.node_count + i), "结局");
    return g;
}

void link(const ScenarioDraft& d, Graph& g, Diags& diags) {
    const Scenario& s = d.scenario;
    std::vector<std::string_view> ids;
    ids.reserve(g.index.size());
    for (const auto& n : s.nodes) ids.push_back(n.id);
    for (const auto& e : s.endings) ids.push_back(e.id);
    g.out.resize(g.node_count);
    g.broken = d.incomplete_links;
    for (size_t i = 0; i < s.nodes.size(); ++i) {
        auto own = g.index.find(s.nodes[i].id);
        const bool first = own != g.index.end() && own->second == static_cast<int>(i);
        for (const Choice& c : s.nodes[i].choices) {
            if (c.next.empty()) continue; // missing `next` is already reported
            auto it = g.index.find(c.next);
            if (it == g.index.end()) {
                g.broken = true;
                diags.error(c.next_pos, "“next” 指向的节点 “" + c.next +
                                            "” 不存在（本剧本里没有这个 id 的 node 或 ending）。" + suggestion(c.next, ids));
                continue;
            }
            if (first) g.out[i].push_back(Edge{it->second, &c});
        }
    }
}

int resolve_start(const ScenarioDraft& d, const Graph& g, Diags& diags) {
    if (!d.start) return -1;
    auto it = g.index.find(d.start->id);
    if (it == g.index.end()) {
        std::vector<std::string_view> ids;
        for (const auto& n : d.scenario.nodes) ids.push_back(n.id);
        diags.error(d.start->pos, "“start” 指向的节点 “" + d.start->id + "” 不存在（本剧本里没有这个 id 的 node）。" +
                                      suggestion(d.start->id, ids));
        return -1;
    }
    if (it->second >= static_cast<int>(g.node_count)) {
        diags.error(d.start->pos, "“start” 必须指向一个节点 [[node]]，不能直接指向结局 “" + d.start->id + "”。");
        return -1;
    }
    return it->second;
}

std::vector<char> reachable_from(int start, const Graph& g, size_t total) {
    std::vector<char> seen(total, 0);
    std::vector<int> stack{start};
    seen[static_cast<size_t>(start)] = 1;
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        if (v >= static_cast<int>(g.node_count)) continue;
        for (const Edge& e : g.out[static_cast<size_t>(v)])
            if (!seen[static_cast<size_t>(e.target)]) {
                seen[static_cast<size_t>(e.target)] = 1;
                stack.push_back(e.target);
            }
    }
    return seen;
}

// Iterative DFS (deep graphs must not overflow the stack); an edge back to a node that is
// still on the DFS path closes a cycle.
void report_cycles(int start, const Graph& g, Diags& diags) {
    enum : char { white, grey, black };
    std::vector<char> colour(g.node_count, white);
    std::vector<std::pair<int, size_t>> stack{{start, 0}};
    colour[static_cast<size_t>(start)] = grey;
    while (!stack.empty()) {
        auto& [v, next_edge] = stack.back();
        const auto& edges = g.out[static_cast<size_t>(v)];
        if (next_edge == edges.size()) {
            colour[static_cast<size_t>(v)] = black;
            stack.pop_back();
            continue;
        }
        const Edge& e = edges[next_edge++];
        if (e.target >= static_cast<int>(g.node_count)) continue;
        char& c = colour[static_cast<size_t>(e.target)];
        if (c == grey) {
            diags.error(e.choice->next_pos, "这个选项的 “next” = “" + e.choice->next + "” 又回到了前面走过的节点 “" +
                                                e.choice->next + "”，剧本会绕圈。剧本只能往前走：请指向一个新的节点或结局。");
        } else if (c == white) {
            c = grey;
            stack.emplace_back(e.target, 0);
        }
    }
}

// Nodes that can reach some ending, found backwards from the endings.
std::vector<char> can_finish(const Graph& g, size_t total) {
    std::vector<std::vector<int>> in(g.node_count);
    for (size_t v = 0; v < g.node_count; ++v)
        for (const Edge& e : g.out[v])
            if (e.target < static_cast<int>(g.node_count)) in[static_cast<size_t>(e.target)].push_back(static_cast<int>(v));
    std::vector<char> alive(total, 0);
    std::vector<int> stack;
    for (size_t v = 0; v < g.node_count; ++v)
        for (const Edge& e : g.out[v])
            if (e.target >= static_cast<int>(g.node_count) && !alive[v]) {
                alive[v] = 1;
                stack.push_back(static_cast<int>(v));
            }
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int u : in[static_cast<size_t>(v)])
            if (!alive[static_cast<size_t>(u)]) {
                alive[static_cast<size_t>(u)] = 1;
                stack.push_back(u);
            }
    }
    return alive;
}

const char* kind_words(EndingKind k) {
    switch (k) {
    case EndingKind::safe: return "“safe”（识破骗局、没有损失）";
    case EndingKind::partial: return "“partial”（上当后及时止损）";
    case EndingKind::scammed: return "“scammed”（被骗）";
    }
    return "";
}

} // namespace

void validate_scenario_graph(const ScenarioDraft& d, Diags& diags) {
    const Scenario& s = d.scenario;
    Graph g = build_index(d, diags);
    link(d, g, diags);
    const int start = resolve_start(d, g, diags);
    if (start < 0) return;
    const size_t total = g.node_count + s.endings.size();
    const auto seen = reachable_from(start, g, total);
    report_cycles(start, g, diags);
    // With a missing or dangling link, "cannot be reached" and "no ending of kind X" would
    // only echo that one mistake many times; they are checked again once links are whole.
    if (g.broken) return;
    for (const auto& [id, idx] : g.index) {
        if (seen[static_cast<size_t>(idx)]) continue;
        const bool is_node = idx < static_cast<int>(g.node_count);
        const SourcePos& pos = is_node ? s.nodes[static_cast<size_t>(idx)].pos
                                       : s.endings[static_cast<size_t>(idx) - g.node_count].pos;
        diags.error(pos, std::string(is_node ? "节点" : "结局") + " “" + std::string(id) + "” 从开头（start = “" + s.start +
                             "”）走不到：没有哪个能走到的选项用 “next” 指向它。");
    }
    const auto alive = can_finish(g, total);
    for (size_t v = 0; v < g.node_count; ++v) {
        if (!seen[v] || alive[v]) continue;
        diags.error(s.nodes[v].pos, "从节点 “" + s.nodes[v].id +
                                          "” 出发，不管怎么选都到不了任何结局（选项只在几个节点之间绕圈）。"
                                          "每条路最后都要通向一个 [[ending]]。");
    }
    bool kind_seen[3] = {false, false, false};
    for (size_t i = 0; i < s.endings.size(); ++i)
        if (seen[g.node_count + i]) kind_seen[static_cast<int>(s.endings[i].kind)] = true;
    for (EndingKind k : {EndingKind::safe, EndingKind::partial, EndingKind::scammed})
        if (!kind_seen[static_cast<int>(k)])
            diags.warning(d.id_pos, std::string("这个剧本走不到任何 ") + kind_words(k) +
                                        " 结局。每个剧本最好三种结局都有：safe、partial、scammed。");
}

} // namespace ff::detail
