// Owning handles for SDL objects (std::unique_ptr with the matching SDL free function) and
// for SDL itself (SdlSession): nothing leaks or stays initialised on early returns.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace ff::game {

struct SdlDeleter {
    void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
    void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
    void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
    void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
    void operator()(TTF_Font* p) const { TTF_CloseFont(p); }
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using FontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;

// SDL and SDL_ttf started for the lifetime of this object (`flags` as SDL_Init takes them).
struct SdlSession {
    bool ok = false;
    explicit SdlSession(Uint32 flags) { ok = SDL_Init(flags) == 0 && TTF_Init() == 0; }
    ~SdlSession() {
        if (TTF_WasInit()) TTF_Quit();
        SDL_Quit();
    }
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
};

} // namespace ff::game
