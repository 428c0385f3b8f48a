// fraudfree-pack: the authoring tool for scenario packs (lint, stats, graph, play, publish).
// main only dispatches; each subcommand lives in its own file and calls core for the logic.
#include "args.h"
#include "commands.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

const char* const kUsage = R"(usage: fraudfree-pack <command> ...

  lint DIR...                  check packs; errors and warnings as file:line:col
                               检查剧本包，错误和警告指出文件、行、列
  stats DIR [--json]           paths, endings and red flags per scenario; what the pack covers
                               每个剧本的路径、结局和诈骗信号；整个包覆盖了哪些类型和信号
  graph DIR --scenario ID      the scenario as Graphviz DOT (dot -Tsvg -o story.svg)
                               把剧本画成流程图（Graphviz DOT 格式）
  play DIR --scenario ID       play in the terminal: type 1-4 to answer, q to quit
                               在终端里玩一遍：输入 1–4 选择回复，q 退出
       [--choices 1,3,2]       replay these choices (1-based) instead of asking
                               按给定的选项编号走一遍
       [--json]                with --choices: print the result record as JSON
                               和 --choices 一起用：输出结果记录（JSON）
  publish DIR --server URL --token T
                               lint, then upload the pack to the server (token of an author)
                               先检查，再把剧本包上传到服务器（需要作者令牌；
                               也可以用环境变量 FRAUDFREE_TOKEN 代替 --token）
)";

int dispatch(const std::string& command, const ff::pack::Args& rest) {
    using namespace ff::pack;
    if (command == "lint") return lint_command(rest, std::cout, std::cerr);
    if (command == "stats") return stats_command(rest, std::cout, std::cerr);
    if (command == "graph") return graph_command(rest, std::cout, std::cerr);
    if (command == "play") return play_command(rest, std::cin, std::cout, std::cerr);
    if (command == "publish") return publish_command(rest, std::cout, std::cerr);
    throw UsageError("unknown command '" + command + "' (不认识的命令)");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsage;
        return ff::pack::kExitUsage;
    }
    const std::string command = argv[1];
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << kUsage;
        return ff::pack::kExitOk;
    }
    try {
        return dispatch(command, ff::pack::Args(argv + 2, argv + argc));
    } catch (const ff::pack::UsageError& e) {
        std::cerr << "fraudfree-pack: " << e.what() << "\n\n" << kUsage;
        return ff::pack::kExitUsage;
    } catch (const std::exception& e) {
        // Content problems are diagnostics, not exceptions; this is a last resort (disk full, bad_alloc).
        std::cerr << "fraudfree-pack: " << e.what() << '\n';
        return ff::pack::kExitFailed;
    }
}
