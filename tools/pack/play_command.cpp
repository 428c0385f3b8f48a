// `fraudfree-pack play DIR --scenario ID [--choices 1,3,2] [--json]`: interactive play in a
// terminal, or a replay of given choices (as text, or as the result JSON the game prints).
#include "args.h"
#include "commands.h"
#include "pack_loading.h"
#include "play_text.h"

#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <istream>
#include <optional>
#include <ostream>

namespace ff::pack {
namespace {

std::string trim(const std::string& s) {
    const char* ws = " \t\r\n";
    const size_t b = s.find_first_not_of(ws);
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

// "2" or the full-width "２" a Chinese input method types; nullopt for anything else.
std::optional<int> parse_choice_number(const std::string& raw) {
    std::string s = trim(raw);
    std::string ascii;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= '0' && c <= '9') {
            ascii += static_cast<char>(c);
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
            ascii += static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90));
            i += 2;
        } else {
            return std::nullopt;
        }
    }
    if (ascii.empty() || ascii.size() > 3) return std::nullopt;
    return std::stoi(ascii);
}

int play_interactive(const Pack& pack, const Scenario& s, std::istream& in, std::ostream& out) {
    Runner run(s);
    print_header(s, out);
    print_messages(s, run.pending_messages(), out);
    while (!run.finished()) {
        const auto& choices = run.choices();
        print_choices(s, choices, out);
        for (;;) {
            out << "请输入 1–" << choices.size() << "（q 退出）：" << std::flush;
            std::string line;
            if (!std::getline(in, line)) {
                out << "\n（输入已结束，还没走到结局，这次不计分。）\n";
                return kExitFailed;
            }
            const std::string t = trim(line);
            if (t == "q" || t == "Q" || t == "quit" || t == "退出") {
                out << "（已退出，这次不计分。）\n";
                return kExitOk;
            }
            const auto n = parse_choice_number(t);
            if (n && *n >= 1 && static_cast<size_t>(*n) <= choices.size()) {
                const std::string reply = choices[static_cast<size_t>(*n) - 1].text;
                run.choose(*n);
                out << '\n';
                print_my_reply(reply, out);
                print_messages(s, run.pending_messages(), out);
                break;
            }
            out << "没有这个选项：请输入 1 到 " << choices.size() << " 之间的数字。\n";
        }
    }
    print_debrief(pack, run, out);
    return kExitOk;
}

// Prints the same conversation an interactive play of these choices would, without prompts.
int play_choices_text(const Pack& pack, const Scenario& s, const std::vector<int>& choices, std::ostream& out,
                      std::ostream& err) {
    Runner run(s);
    print_header(s, out);
    print_messages(s, run.pending_messages(), out);
    for (size_t i = 0; i < choices.size(); ++i) {
        if (run.finished()) {
            err << "第 " << i + 1 << " 步：剧本已经结束，不能再选择。\n";
            return kExitFailed;
        }
        const auto& offered = run.choices();
        print_choices(s, offered, out);
        if (!run.choose(choices[i])) {
            err << "第 " << i + 1 << " 步没有选项 " << choices[i] << "（这一步只有 " << offered.size() << " 个选项）。\n";
            return kExitFailed;
        }
        out << "\n选择 " << choices[i] << "\n";
        print_my_reply(offered[static_cast<size_t>(choices[i]) - 1].text, out);
        print_messages(s, run.pending_messages(), out);
    }
    if (!run.finished()) {
        err << "走了 " << choices.size() << " 步还没有到结局，请在 --choices 里接着写下去。\n";
        return kExitFailed;
    }
    print_debrief(pack, run, out);
    return kExitOk;
}

} // namespace

int play_command(const Args& args, std::istream& in, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args(args, {"--scenario", "--choices"}, {"--json"});
    if (a.positional.size() != 1) throw UsageError("play needs exactly one pack folder (请写出一个剧本包文件夹)");
    const std::string& id = a.required("--scenario");
    std::optional<std::vector<int>> choices;
    if (const std::string* c = a.optional("--choices")) {
        choices = parse_choice_list(*c);
        if (!choices) throw UsageError("--choices must look like 1,3,2 (--choices 要写成 1,3,2 这样的选项编号)");
    }
    if (a.has("--json") && !choices) throw UsageError("--json needs --choices (--json 要和 --choices 一起用)");

    const auto pack = load_valid_pack(a.positional[0], err);
    if (!pack) return kExitFailed;
    const Scenario* s = find_scenario_or_explain(*pack, id, err);
    if (!s) return kExitFailed;

    if (!choices) return play_interactive(*pack, *s, in, out);
    if (!a.has("--json")) return play_choices_text(*pack, *s, *choices, out, err);

    const MakeResult r = make_result(*pack, id, *choices);
    if (!r.record) {
        err << "剧本 “" << id << "” 走不通这条路径：" << r.error << "。\n";
        return kExitFailed;
    }
    // The same function prints the game's headless result, so the bytes are identical.
    out << to_json_text(*r.record);
    return kExitOk;
}

} // namespace ff::pack
