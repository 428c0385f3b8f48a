#include "app.h"

#include "audio.h"
#include "context_setup.h"
#include "font_discovery.h"
#include "render_driver.h"
#include "screens/class_net.h"
#include "screen_host.h"
#include "sdl_handles.h"

#include <SDL_ttf.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

namespace ff::game {
namespace {

void show_fatal(const std::string& msg) {
    std::fprintf(stderr, "fraudfree: %s\n", msg.c_str());
    SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "无诈校园 FraudFree Campus", msg.c_str(), nullptr);
}

} // namespace

int run_window(const Options& options, const std::filesystem::path& exe_dir) {
    // Before SDL_Init and any thread: the check forks (render_driver.h).
    RenderProbe render_probe;
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    SdlSession sdl(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    if (!sdl.ok) {
        show_fatal(std::string("无法启动图形界面 (SDL): ") + SDL_GetError());
        return 1;
    }
    auto ctx = make_context(options, exe_dir);
    FontChoice font = find_cjk_font(ctx->save.settings.font_path);
    if (font.path.empty()) {
        show_fatal(font.message);
        return 1;
    }
    if (!font.message.empty()) ctx->notices.push_back(font.message);
    // Declared before the window and the screens so it outlives every screen that cues sounds.
    Audio audio(default_sounds_dir(exe_dir), ctx->save.settings.volume, ctx->save.settings.muted);
    if (!audio.notice().empty()) ctx->notices.push_back(audio.notice());
    ctx->sound = [&audio](Cue c) { audio.cue(c); };

    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (ctx->save.settings.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    WindowPtr window(SDL_CreateWindow("无诈校园 · FraudFree Campus", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                      options.width, options.height, flags));
    if (!window) {
        show_fatal(std::string("无法打开窗口: ") + SDL_GetError());
        return 1;
    }
    SDL_SetWindowMinimumSize(window.get(), 800, 600);
    RendererPtr renderer = create_renderer(window.get(), render_probe.path(), true);
    if (!renderer) {
        show_fatal(std::string("无法创建渲染器: ") + SDL_GetError());
        return 1;
    }

    std::unique_ptr<ScreenHost> host;
    try {
        host = std::make_unique<ScreenHost>(*ctx, renderer.get(), font.path);
    } catch (const std::exception& e) {
        show_fatal(e.what());
        return 1;
    }
    ctx->settings_changed = [&] {
        SDL_SetWindowFullscreen(window.get(), ctx->save.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        audio.set_volume(ctx->save.settings.volume, ctx->save.settings.muted);
        try {
            ff::save::save_settings(ctx->data_dir, ctx->save.settings);
        } catch (const std::exception& e) {
            ctx->notices.push_back(std::string("设置保存失败：") + e.what());
        }
    };
    // Screens hold pointers into the packs, so a reload happens between frames and replaces
    // the screen at once.
    bool reload_pending = false;
    ctx->reload = [&] { reload_pending = true; };
    auto do_reload = [&] {
        reload_pending = false;
        reload_library(*ctx);
        // Authors stay on the scenario they are editing (restarted) once it loads again.
        ScreenRequest r = initial_request(*ctx);
        if (r.id == "list" && host->screen().id != "errors" && host->screen().id != "chat" &&
            host->screen().id != "debrief")
            r.id = host->screen().id;
        host->open(r);
    };
    // The class server (issue 7): its threads wake this loop with a user event.
    attach_net(*ctx, exe_dir, [] {
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        SDL_PushEvent(&wake);
    });
    host->open(initial_request(*ctx));
    SDL_StartTextInput();

    const Uint64 start = SDL_GetPerformanceCounter();
    auto now = [&] {
        return static_cast<double>(SDL_GetPerformanceCounter() - start) / static_cast<double>(SDL_GetPerformanceFrequency());
    };
    double next_watch = now() + 1.0;

    // For bench/game: say on stdout when the first frame is on screen (the bench times it).
    bool report_first_frame = std::getenv("FRAUDFREE_REPORT_FIRST_FRAME") != nullptr;
    Input input;
    bool running = true, dirty = true;
    double wake_at = -1;
    int last_mx = -1, last_my = -1;
    while (running) {
        int ww = 0, wh = 0, ow = 0, oh = 0;
        SDL_GetWindowSize(window.get(), &ww, &wh);
        SDL_GetRendererOutputSize(renderer.get(), &ow, &oh);
        float dpi = ww > 0 ? static_cast<float>(ow) / static_cast<float>(ww) : 1.0f;

        if (reload_pending) {
            do_reload();
            dirty = true;
        }
        if (wake_at >= 0 && now() >= wake_at) dirty = true;
        // Packs downloaded from the class server (swapped in only where it is safe).
        if (take_downloaded_packs(*ctx, host->screen().id)) {
            host->open(ScreenRequest{host->screen().id});
            dirty = true;
        }
        if (dirty) {
            FrameOutcome f = host->frame(input, ow, oh, dpi, now());
            SDL_RenderPresent(renderer.get());
            if (report_first_frame) {
                report_first_frame = false;
                std::printf("fraudfree: first frame\n");
                std::fflush(stdout);
            }
            // Keys no widget took are offered again when the frame asked for a redraw: a
            // quick "space, 1" then still reaches the choices that the space revealed.
            std::vector<SDL_Keycode> keys_left;
            if (f.redraw) keys_left = std::move(input.keys);
            input = Input{};
            input.keys = std::move(keys_left);
            input.mouse_x = last_mx;
            input.mouse_y = last_my;
            dirty = f.redraw;
            wake_at = f.wake_after >= 0 ? now() + f.wake_after : -1;
            if (dirty) continue;
        }

        int timeout = -1;
        if (wake_at >= 0) timeout = static_cast<int>(std::max(0.0, (wake_at - now()) * 1000.0)) + 1;
        if (options.watch) {
            int wt = static_cast<int>(std::max(0.0, (next_watch - now()) * 1000.0)) + 1;
            timeout = timeout < 0 ? wt : std::min(timeout, wt);
        }
        SDL_Event e;
        bool got = timeout < 0 ? SDL_WaitEvent(&e) == 1 : SDL_WaitEventTimeout(&e, timeout) == 1;
        while (got) {
            switch (e.type) {
            case SDL_QUIT: running = false; break;
            case SDL_WINDOWEVENT:
                if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED ||
                    e.window.event == SDL_WINDOWEVENT_RESTORED || e.window.event == SDL_WINDOWEVENT_SHOWN)
                    dirty = true;
                if (e.window.event == SDL_WINDOWEVENT_LEAVE) {
                    last_mx = last_my = -1;
                    input.mouse_x = input.mouse_y = -1;
                    dirty = true;
                }
                break;
            case SDL_MOUSEMOTION: {
                int mx = static_cast<int>(static_cast<float>(e.motion.x) * dpi);
                int my = static_cast<int>(static_cast<float>(e.motion.y) * dpi);
                if (host->hover_changes(last_mx, last_my, mx, my)) dirty = true;
                last_mx = input.mouse_x = mx;
                last_my = input.mouse_y = my;
                break;
            }
            case SDL_MOUSEBUTTONUP:
                if (e.button.button == SDL_BUTTON_LEFT) {
                    input.click = true;
                    input.click_x = static_cast<int>(static_cast<float>(e.button.x) * dpi);
                    input.click_y = static_cast<int>(static_cast<float>(e.button.y) * dpi);
                    dirty = true;
                }
                break;
            case SDL_MOUSEWHEEL:
                input.wheel += e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
                dirty = true;
                break;
            case SDL_KEYDOWN:
                if (e.key.keysym.sym == SDLK_F5) {
                    ctx->reload();
                } else if (e.key.keysym.sym == SDLK_F11) {
                    ctx->save.settings.fullscreen = !ctx->save.settings.fullscreen;
                    ctx->settings_changed();
                } else {
                    input.keys.push_back(e.key.keysym.sym);
                }
                dirty = true;
                break;
            case SDL_TEXTINPUT:
                input.text += e.text.text;
                input.editing = std::string();
                dirty = true;
                break;
            case SDL_TEXTEDITING:
                input.editing = std::string(e.edit.text);
                dirty = true;
                break;
            case SDL_USEREVENT: dirty = true; break; // the class server's status or packs changed
            default: break;
            }
            got = running && SDL_PollEvent(&e) == 1;
        }
        if (options.watch && now() >= next_watch) {
            next_watch = now() + 1.0;
            if (newest_mtime(ctx->library.pack_dirs) != ctx->library.signature) {
                do_reload();
                dirty = true;
            }
        }
    }
    if (host->screen().leave) host->screen().leave();
    return 0;
}

} // namespace ff::game
