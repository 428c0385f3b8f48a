#include "png_file.h"

#include "sdl_handles.h"

#include <png.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace ff::game {
namespace {
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
} // namespace

void write_png(const std::filesystem::path& path, SDL_Surface* surface) {
    SurfacePtr rgba(SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_ABGR8888, 0)); // bytes R,G,B,A
    if (!rgba) throw std::runtime_error("无法转换截图像素格式: " + std::string(SDL_GetError()));
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.string().c_str(), "wb"));
    if (!f) throw std::runtime_error("无法写入截图文件 " + path.string());

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng 初始化失败");
    }
    // libpng reports errors by longjmp; nothing with a destructor is created below this point.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("写入 PNG 失败: " + path.string());
    }
    png_init_io(png, f.get());
    png_set_IHDR(png, info, static_cast<png_uint_32>(rgba->w), static_cast<png_uint_32>(rgba->h), 8,
                 PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    auto* pixels = static_cast<unsigned char*>(rgba->pixels);
    for (int y = 0; y < rgba->h; ++y) png_write_row(png, pixels + static_cast<size_t>(y) * rgba->pitch);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
}

} // namespace ff::game
