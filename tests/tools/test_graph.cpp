// `fraudfree-pack graph`: exact DOT for a small scenario, Graphviz accepts every shipped
// scenario, and texts with quotes and backslashes stay valid DOT.
#include "support/tool_process.h"

#include "fraudfree/loader.h"

#include <catch2/catch.hpp>

using ff::test::run_program;
using ff::test::run_tool;

SCENARIO("graph prints the expected DOT for a small scenario") {
    const auto r = run_tool({"graph", "valid", "--scenario", "rebate-likes"}, "", ff::test::fixtures_dir());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // The expected file was reviewed by rendering it; it shows every node, ending and reply.
    CHECK(r.out == ff::test::slurp(ff::test::tool_fixtures_dir() + "/expected/valid-rebate-likes.dot"));
    THEN("endings are coloured by kind and money-losing replies are red") {
        CHECK(r.out.find("\"end-safe\" [shape=box, style=\"filled,bold\", fillcolor=\"#c8e6c9\", color=\"#2e7d32\"") !=
              std::string::npos);
        CHECK(r.out.find("\"end-partial\" [shape=box, style=\"filled,bold\", fillcolor=\"#ffe0b2\", color=\"#ef6c00\"") !=
              std::string::npos);
        CHECK(r.out.find("\"end-scammed\" [shape=box, style=\"filled,bold\", fillcolor=\"#ffcdd2\", color=\"#c62828\"") !=
              std::string::npos);
        CHECK(r.out.find("\"task\" -> \"deposit\" [label=\"2. 好的，我转 300。\\n损失 300 元\", color=\"#c62828\"") !=
              std::string::npos);
    }
}

SCENARIO("Graphviz accepts the graph of every shipped scenario") {
    for (const char* dir : {"content/campus-core", "content/outreach"}) {
        const auto loaded = ff::load_pack_dir(ff::test::source_dir() + "/" + dir);
        REQUIRE(loaded.pack);
        for (const ff::Scenario& s : loaded.pack->scenarios) {
            const auto g = run_tool({"graph", dir, "--scenario", s.id}, "", ff::test::source_dir());
            INFO(dir << " " << s.id << "\n" << g.err);
            REQUIRE(g.exit_code == 0);
            const auto svg = run_program("dot", {"-Tsvg"}, g.out);
            INFO(svg.err);
            CHECK(svg.exit_code == 0);
            CHECK(svg.err.empty());
            CHECK(svg.out.find("<svg") != std::string::npos);
            for (const ff::Ending& e : s.endings) {
                std::string title = e.id; // Graphviz writes '-' as &#45; in SVG titles
                for (size_t p = title.find('-'); p != std::string::npos; p = title.find('-', p))
                    title.replace(p, 1, "&#45;");
                CHECK(svg.out.find("<title>" + title + "</title>") != std::string::npos);
            }
        }
    }
}

SCENARIO("quotes, backslashes and line breaks in texts are escaped") {
    const auto g = run_tool({"graph", "tricky_text", "--scenario", "rebate-likes"}, "", ff::test::tool_fixtures_dir());
    REQUIRE(g.exit_code == 0);
    CHECK(g.out.find(R"("hello" [label="hello\n他说：\"日结\\200\" 第二行\n（共 2 条消息）\n⚑ too_good"];)") !=
          std::string::npos);
    CHECK(g.out.find(R"("hello" -> "task" [label="2. 好呀 \"试试\" \\ 看"];)") != std::string::npos);
    const auto svg = run_program("dot", {"-Tsvg"}, g.out);
    CHECK(svg.exit_code == 0);
    CHECK(svg.out.find("试试") != std::string::npos);
}

SCENARIO("graph explains a wrong scenario id and a wrong command line") {
    const auto r = run_tool({"graph", "valid", "--scenario", "rebate"}, "", ff::test::fixtures_dir());
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "剧本包 “test-valid” 里没有 id 为 “rebate” 的剧本。可用的剧本 id：\n  rebate-likes  点赞赚钱，日结200-500\n");
    CHECK(run_tool({"graph", "valid"}, "", ff::test::fixtures_dir()).exit_code == 2);
    CHECK(run_tool({"graph", "valid", "--scenario"}, "", ff::test::fixtures_dir()).exit_code == 2);
    CHECK(run_tool({"graph", "--scenario", "rebate-likes"}, "", ff::test::fixtures_dir()).exit_code == 2);
    CHECK(run_tool({"graph", "dangling_next", "--scenario", "x"}, "", ff::test::fixtures_dir()).exit_code == 1);
}
