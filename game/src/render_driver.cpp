#include "render_driver.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ff::game {
namespace {

constexpr int kProbeTimeoutMs = 5000;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Runs in the child: the OpenGL renderer string of a hidden window's context, "" if none.
std::string gl_renderer_string() {
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return {};
    SDL_Window* w = SDL_CreateWindow("", 0, 0, 16, 16, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    if (!w) return {};
    SDL_GLContext gl = SDL_GL_CreateContext(w);
    if (!gl) return {};
    using GetString = const unsigned char* (*)(unsigned);
    auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    constexpr unsigned kGlRenderer = 0x1F01;
    const unsigned char* s = get ? get(kGlRenderer) : nullptr;
    return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
}

} // namespace

bool is_software_gl(const std::string& gl_renderer) {
    const std::string r = lower(gl_renderer);
    for (const char* soft : {"llvmpipe", "softpipe", "swrast", "software rasterizer", "gdi generic", "swiftshader"})
        if (r.find(soft) != std::string::npos) return true;
    return false;
}

RenderProbe::RenderProbe() {
    const std::string choice = lower(env("FRAUDFREE_RENDERER"));
    if (choice == "software" || choice == "gpu") {
        path_ = choice == "software" ? RenderPath::software : RenderPath::accelerated;
        reason_ = "FRAUDFREE_RENDERER=" + choice;
        done_ = true;
        return;
    }
    const std::string video = lower(env("SDL_VIDEODRIVER"));
    if (!env("SDL_RENDER_DRIVER").empty() || video == "dummy" || video == "offscreen" ||
        (env("DISPLAY").empty() && env("WAYLAND_DISPLAY").empty())) {
        reason_ = "no check (SDL_RENDER_DRIVER, SDL_VIDEODRIVER or no display)";
        done_ = true;
        return;
    }
    int fds[2];
    if (::pipe(fds) != 0) {
        reason_ = "no check (no pipe)";
        done_ = true;
        return;
    }
    // Nothing buffered may be written twice (by the child too).
    std::fflush(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
        ::close(fds[0]);
        const std::string answer = "gl:" + gl_renderer_string() + "\n";
        ssize_t ignored = ::write(fds[1], answer.data(), answer.size());
        (void)ignored;
        // No SDL_Quit and no atexit handlers: the parent owns everything it shares with us.
        ::_exit(0);
    }
    ::close(fds[1]);
    if (pid_ < 0) {
        ::close(fds[0]);
        reason_ = "no check (fork failed)";
        done_ = true;
        return;
    }
    fd_ = fds[0];
}

RenderProbe::~RenderProbe() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
}

void RenderProbe::finish() {
    done_ = true;
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kProbeTimeoutMs);
    bool complete = false;
    while (!complete) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        std::array<char, 256> buf{};
        const ssize_t n = ::read(fd_, buf.data(), buf.size());
        if (n <= 0) break;
        out.append(buf.data(), static_cast<size_t>(n));
        complete = out.find('\n') != std::string::npos;
    }
    ::close(fd_);
    fd_ = -1;
    if (!complete) ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    if (!complete || out.rfind("gl:", 0) != 0) {
        // The check crashed or hung inside the OpenGL driver: the game must not do the same.
        path_ = RenderPath::software;
        reason_ = "OpenGL check failed";
        return;
    }
    const std::string gl = out.substr(3, out.find('\n') - 3);
    if (gl.empty()) {
        path_ = RenderPath::software;
        reason_ = "no OpenGL";
    } else {
        path_ = is_software_gl(gl) ? RenderPath::software : RenderPath::accelerated;
        reason_ = gl;
    }
}

RenderPath RenderProbe::path() {
    if (!done_) finish();
    return path_;
}

RendererPtr create_renderer(SDL_Window* window, RenderPath path, bool vsync) {
    if (path == RenderPath::software) {
        // Straight onto the window's own (X11 shared-memory) surface: by default SDL would
        // present a software window through an OpenGL texture, loading the very driver we avoid.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        for (int i = 0; i < SDL_GetNumRenderDrivers(); ++i) {
            SDL_RendererInfo info{};
            if (SDL_GetRenderDriverInfo(i, &info) == 0 && std::strcmp(info.name, "software") == 0)
                return RendererPtr(SDL_CreateRenderer(window, i, SDL_RENDERER_SOFTWARE));
        }
        return RendererPtr(SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE));
    }
    Uint32 flags = SDL_RENDERER_ACCELERATED;
    if (vsync) flags |= SDL_RENDERER_PRESENTVSYNC;
    RendererPtr r(SDL_CreateRenderer(window, -1, flags));
    if (!r) r.reset(SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE));
    return r;
}

} // namespace ff::game
