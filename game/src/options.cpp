#include "options.h"

#include "fraudfree/result.h"

#include <algorithm>
#include <charconv>

namespace ff::game {

const std::vector<std::string>& known_screen_names() {
    static const std::vector<std::string> names = {"title", "profile", "list",  "chat",     "call",
                                                   "debrief", "awareness", "quiz", "settings", "errors"};
    return names;
}

std::string usage_text() {
    return "用法 / usage:\n"
           "  fraudfree [--content DIR]... [--data DIR] [--server URL]\n"
           "  fraudfree --pack DIR [--scenario ID] [--watch]        作者预览：直接打开一个场景包，F5 重新加载\n"
           "  fraudfree --headless --pack DIR --scenario ID --choices 1,2,1\n"
           "            [--screenshot out.png] [--size 1366x768] [--screen NAME]\n"
           "  NAME: title profile list chat call debrief awareness quiz settings errors\n"
           "\n"
           "环境变量 / environment:\n"
           "  FRAUDFREE_CLOCK=HH:MM        手机状态栏固定显示这个时间（截图、测试用；无窗口模式默认 21:41）\n"
           "  FRAUDFREE_RENDERER=software|gpu|auto\n"
           "                               绘制方式：软件绘制或显卡（默认 auto：检测到软件 OpenGL 时用软件绘制）\n"
           "  SDL_RENDER_DRIVER            SDL 自己的绘制驱动选择，设置后不再自动检测\n"
           "  FRAUDFREE_REPORT_FIRST_FRAME 第一帧画好时在标准输出报告（bench_game 用）\n"
           "  XDG_DATA_HOME, HOME          存档位置：$XDG_DATA_HOME/fraudfree，否则 ~/.local/share/fraudfree（--data 优先）\n";
}

namespace {
bool parse_size(const std::string& s, int& w, int& h) {
    auto x = s.find('x');
    if (x == std::string::npos) return false;
    auto a = std::from_chars(s.data(), s.data() + x, w);
    auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    return a.ec == std::errc{} && a.ptr == s.data() + x && b.ec == std::errc{} && b.ptr == s.data() + s.size() &&
           w >= 320 && h >= 240 && w <= 8192 && h <= 8192;
}
} // namespace

ParsedOptions parse_options(const std::vector<std::string>& args) {
    Options o;
    ParsedOptions out;
    auto fail = [&](std::string msg) {
        out.error = std::move(msg);
        return out;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& v) {
            if (i + 1 >= args.size()) return false;
            v = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--watch") o.watch = true;
        else if (a == "--headless") o.headless = true;
        else if (a == "--content") {
            if (!value(v)) return fail("--content 需要一个文件夹 (needs a folder)");
            o.content_dirs.emplace_back(v);
        } else if (a == "--pack") {
            if (!value(v)) return fail("--pack 需要一个场景包文件夹 (needs a pack folder)");
            o.pack_dir = v;
        } else if (a == "--scenario") {
            if (!value(o.scenario_id)) return fail("--scenario 需要场景 id (needs a scenario id)");
        } else if (a == "--choices") {
            if (!value(v)) return fail("--choices 需要选项序号，如 1,2,1 (needs e.g. 1,2,1)");
            if (v.empty()) {
                o.choices.clear();
            } else {
                auto c = ff::parse_choice_list(v);
                if (!c) return fail("--choices 格式不对：" + v + "（应为 1,2,1 这样的序号）");
                o.choices = *c;
            }
            o.choices_given = true;
        } else if (a == "--screenshot") {
            if (!value(v)) return fail("--screenshot 需要文件名 (needs a file name)");
            o.screenshot = v;
        } else if (a == "--size") {
            if (!value(v) || !parse_size(v, o.width, o.height)) return fail("--size 应为 宽x高，如 1366x768");
        } else if (a == "--screen") {
            if (!value(o.screen)) return fail("--screen 需要界面名 (needs a screen name)");
            const auto& names = known_screen_names();
            if (std::find(names.begin(), names.end(), o.screen) == names.end())
                return fail("未知界面 (unknown screen): " + o.screen);
        } else if (a == "--data") {
            if (!value(v)) return fail("--data 需要文件夹 (needs a folder)");
            o.data_dir = v;
        } else if (a == "--server") {
            if (!value(o.server_url)) return fail("--server 需要地址 (needs a URL)");
        } else {
            return fail("未知参数 (unknown option): " + a);
        }
    }
    if (!o.scenario_id.empty() && o.pack_dir.empty() && o.content_dirs.empty() && !o.headless)
        return fail("--scenario 需要和 --pack 一起使用 (use --scenario with --pack)");
    if (o.headless && o.scenario_id.empty() && o.choices_given)
        return fail("--choices 需要 --scenario (use --choices with --scenario)");
    out.options = std::move(o);
    return out;
}

} // namespace ff::game
