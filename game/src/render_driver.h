// Which SDL renderer draws the game: the GPU through OpenGL on real graphics hardware, SDL's own
// software renderer when OpenGL is itself only a CPU rasteriser (Mesa llvmpipe on a PC without GPU drivers).
#pragma once

#include "sdl_handles.h"

#include <SDL.h>

#include <string>

namespace ff::game {

enum class RenderPath {
    accelerated, // SDL's default choice (OpenGL, GLES); software only if that fails
    software,    // SDL's software renderer straight onto the window (no OpenGL loaded at all)
};

// Asks, in a short-lived child process, which OpenGL implementation this display would give us.
// A child, because merely loading a software OpenGL (llvmpipe pulls in LLVM) costs ~60 MB of
// memory that would never be returned, and because a broken driver then cannot take the game down.
// Start it before SDL_Init (the child opens its own display connection) and before any thread;
// it runs while the game loads its packs and fonts.
//
// Overrides: FRAUDFREE_RENDERER=software|gpu|auto, and SDL_RENDER_DRIVER (SDL's own switch)
// skips the check and lets SDL choose as told.
class RenderProbe {
public:
    RenderProbe();
    ~RenderProbe();
    RenderProbe(const RenderProbe&) = delete;
    RenderProbe& operator=(const RenderProbe&) = delete;

    // Waits for the child (at most a few seconds) and decides.
    RenderPath path();
    // The OpenGL renderer string the child saw ("llvmpipe (LLVM 15.0.6, 256 bits)"), or why
    // there was no check ("FRAUDFREE_RENDERER=software").
    const std::string& reason() const { return reason_; }

private:
    void finish();

    int pid_ = -1;
    int fd_ = -1;
    bool done_ = false;
    RenderPath path_ = RenderPath::accelerated;
    std::string reason_;
};

// True for OpenGL renderer strings of CPU rasterisers (llvmpipe, softpipe, swrast, ...).
bool is_software_gl(const std::string& gl_renderer);

// Creates the renderer for `window` on `path`. `vsync` only applies to the accelerated path
// (the software renderer presents when asked). Returns null with SDL_GetError() set on failure.
RendererPtr create_renderer(SDL_Window* window, RenderPath path, bool vsync);

} // namespace ff::game
