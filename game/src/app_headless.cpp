#include "app.h"

#include "context_setup.h"
#include "font_discovery.h"
#include "png_file.h"
#include "screen_host.h"
#include "sdl_handles.h"

#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <SDL_ttf.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

namespace ff::game {
namespace {

int fail(int code, const std::string& msg) {
    std::cerr << "fraudfree: " << msg << '\n';
    return code;
}

} // namespace

int run_headless(const Options& options, const std::filesystem::path& exe_dir) {
    // No display, no sound: the dummy drivers make SDL work on a bare CI machine.
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    auto ctx = make_context(options, exe_dir);
    // Everything appears at once; delays are for people, not for screenshots.
    ctx->save.settings.text_speed = ff::save::Settings::TextSpeed::instant;

    ScreenRequest req = initial_request(*ctx);
    const ff::Pack* pack = nullptr;
    const ff::Scenario* scenario = nullptr;
    if (!options.scenario_id.empty()) {
        pack = ctx->library.pack_of_scenario(options.scenario_id);
        if (!pack) {
            for (const auto& p : ctx->library.problems)
                for (const auto& d : p.diagnostics) std::cerr << ff::format_diagnostic(d) << '\n';
            if (options.screen != "errors") return fail(1, "没有找到场景 (scenario not found): " + options.scenario_id);
        } else {
            scenario = pack->find_scenario(options.scenario_id);
        }
    }

    bool finished = false;
    if (scenario) {
        auto run = ff::replay(*scenario, options.choices);
        if (!run) return fail(1, "选项序号超出范围 (a choice number is out of range): 路径无法走通");
        finished = run->finished();
        if (finished) {
            ff::MakeResult r = ff::make_result(*pack, scenario->id, options.choices);
            if (!r.record) return fail(1, r.error);
            // Same bytes as `fraudfree-pack play --json`: both print core's to_json_text.
            std::cout << ff::to_json_text(*r.record);
            std::cout.flush();
            req.result = *r.record;
            std::string err = ctx->record_result(*r.record);
            if (!err.empty()) std::cerr << "fraudfree: " << err << '\n';
        }
        req.pack_id = pack->id;
        req.scenario_id = scenario->id;
        req.choices = options.choices;
        req.id = finished ? "debrief" : (scenario->channel == ff::Channel::call && options.choices.empty() ? "call" : "chat");
    }
    if (!options.screen.empty()) req.id = options.screen;
    if (options.screenshot.empty()) return 0;

    SdlSession sdl(SDL_INIT_VIDEO);
    if (!sdl.ok) return fail(2, std::string("SDL 初始化失败: ") + SDL_GetError());
    FontChoice font = find_cjk_font(ctx->save.settings.font_path);
    if (font.path.empty()) return fail(2, font.message);
    SurfacePtr target(SDL_CreateRGBSurfaceWithFormat(0, options.width, options.height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!target) return fail(2, std::string("无法创建画布: ") + SDL_GetError());
    RendererPtr renderer(SDL_CreateSoftwareRenderer(target.get()));
    if (!renderer) return fail(2, std::string("无法创建软件渲染器: ") + SDL_GetError());
    try {
        ScreenHost host(*ctx, renderer.get(), font.path);
        host.open(req);
        // A few frames let screens settle (layout that needs a measured first pass,
        // screens that forward to another); stop as soon as nothing asks for more.
        for (int i = 0; i < 12; ++i) {
            Input input;
            FrameOutcome f = host.frame(input, options.width, options.height, 1.0f, 1000.0 + i);
            if (!f.redraw) break;
        }
        SDL_RenderPresent(renderer.get());
        write_png(options.screenshot, target.get());
        if (host.screen().leave) host.screen().leave();
    } catch (const std::exception& e) {
        return fail(2, e.what());
    }
    return 0;
}

} // namespace ff::game
