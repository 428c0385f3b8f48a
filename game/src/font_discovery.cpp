#include "font_discovery.h"

#include <fontconfig/fontconfig.h>

#include <array>
#include <memory>
#include <system_error>

namespace ff::game {
namespace {

struct FcConfigDeleter {
    void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
struct FcPatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

bool is_file(const std::filesystem::path& p) {
    std::error_code ec;
    return !p.empty() && std::filesystem::is_regular_file(p, ec);
}

// Asks fontconfig for the best match of `pattern_text`; only accepts a font whose
// family really is the one asked for (or any zh font for the ":lang=zh-cn" query),
// because fontconfig always returns *some* font, often one without Chinese glyphs.
std::filesystem::path fc_match(FcConfig* config, const char* pattern_text) {
    std::unique_ptr<FcPattern, FcPatternDeleter> pat(FcNameParse(reinterpret_cast<const FcChar8*>(pattern_text)));
    if (!pat) return {};
    FcConfigSubstitute(config, pat.get(), FcMatchPattern);
    FcDefaultSubstitute(pat.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, FcPatternDeleter> match(FcFontMatch(config, pat.get(), &result));
    if (!match || result != FcResultMatch) return {};
    FcChar8* file = nullptr;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || !file) return {};
    // The match must cover Chinese: check one common ideograph (中).
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(match.get(), FC_CHARSET, 0, &charset) != FcResultMatch || !charset ||
        !FcCharSetHasChar(charset, 0x4E2D)) {
        return {};
    }
    return std::filesystem::path(reinterpret_cast<const char*>(file));
}

} // namespace

FontChoice find_cjk_font(const std::string& override_path) {
    FontChoice choice;
    if (!override_path.empty()) {
        if (is_file(override_path)) {
            choice.path = override_path;
            return choice;
        }
        choice.message = "设置中的字体文件不存在，已自动查找系统字体（font not found: " + override_path + "）。";
    }
    if (FcInit()) {
        std::unique_ptr<FcConfig, FcConfigDeleter> config(FcInitLoadConfigAndFonts());
        if (config) {
            for (const char* q : {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC",
                                  "Source Han Sans SC", ":lang=zh-cn"}) {
                auto p = fc_match(config.get(), q);
                if (is_file(p)) {
                    choice.path = p;
                    return choice;
                }
            }
        }
    }
    static const std::array<const char*, 8> known = {
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "C:/Windows/Fonts/msyh.ttc",
        "C:/Windows/Fonts/simhei.ttf",
        "/System/Library/Fonts/PingFang.ttc",
    };
    for (const char* k : known) {
        if (is_file(k)) {
            choice.path = k;
            return choice;
        }
    }
    choice.message =
        "没有找到中文字体。请安装文泉驿微米黑（Debian/Ubuntu：sudo apt install fonts-wqy-microhei）"
        "或 Noto Sans CJK，或在 settings.json 的 font_path 中指定字体文件。\n"
        "No Chinese font found. Install fonts-wqy-microhei or fonts-noto-cjk, "
        "or set font_path in settings.json.";
    return choice;
}

} // namespace ff::game
