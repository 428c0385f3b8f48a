#include "screens/errors_screen.h"

#include "screens/widgets.h"

#include <memory>

namespace ff::game {

Screen make_errors_screen(Context& ctx, const ScreenRequest&) {
    auto scroll = std::make_shared<Scroll>();
    return Screen{"errors", [&ctx, scroll](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        int top = draw_top_bar(ui, "场景包检查结果", ctx.library.packs.empty() ? "" : "场景列表", &back);
        if (back) {
            ctx.open(ScreenRequest{"list"});
            return;
        }
        int margin = std::max(t.px(24), (ui.width - t.px(1100)) / 2);
        int w = ui.width - 2 * margin;
        SDL_Rect view{0, top, ui.width, ui.height - top};

        // Build the text once per frame; it is short (a pack's diagnostics).
        struct Line {
            std::string text;
            SDL_Color color;
            bool bold;
        };
        std::vector<Line> lines;
        if (!ctx.options.scenario_id.empty() && !ctx.library.pack_of_scenario(ctx.options.scenario_id) &&
            ctx.library.problems.empty()) {
            lines.push_back({"没有找到场景 “" + ctx.options.scenario_id + "”。请检查 --scenario 的 id 是否和场景文件里的 id 一致。",
                             t.c.scammed, true});
        }
        for (const auto& p : ctx.library.problems) {
            int errors = ff::count(p.diagnostics, ff::Severity::error);
            int warnings = ff::count(p.diagnostics, ff::Severity::warning);
            lines.push_back({p.dir.string() + "：" + std::to_string(errors) + " 个错误，" + std::to_string(warnings) +
                                 " 个警告，这个场景包没有加载。",
                             t.c.text, true});
            for (const auto& d : p.diagnostics)
                lines.push_back({ff::format_diagnostic(d), d.severity == ff::Severity::error ? t.c.scammed : t.c.partial, false});
        }
        lines.push_back({"改好文件后按 F5 重新加载（用 --watch 启动时保存即自动加载）。", t.c.text_muted, false});

        int pad = t.px(20);
        int content_h = pad;
        std::vector<TextBlock> blocks;
        for (const auto& l : lines) {
            blocks.push_back(ui.text.layout(l.text, l.bold ? t.font_body() : t.font_small() + t.px(1), w - 2 * pad, l.bold));
            content_h += blocks.back().height + t.px(10);
        }
        content_h += pad * 2;
        scroll->update(ui, view, content_h);
        ui.paint.push_clip(view);
        SDL_Rect card{margin, top + pad - scroll->offset, w, content_h - 2 * pad};
        ui.paint.fill_round_rect_bordered(card, t.px(12), t.c.error_bg, t.c.scammed, t.px(1.5f));
        int y = card.y + pad;
        for (size_t i = 0; i < lines.size(); ++i) {
            ui.text.draw_block(blocks[i], margin + pad, y, w - 2 * pad, lines[i].color);
            y += blocks[i].height + t.px(10);
        }
        ui.paint.pop_clip();
        draw_scrollbar(ui, view, content_h, scroll->offset);
        SDL_Rect reload{ui.width - margin - t.px(140), top + t.px(28) + content_h - 2 * pad - scroll->offset, t.px(140), t.px(40)};
        if (reload.y + reload.h < ui.height && ui.button(reload, "重新加载 F5")) ctx.reload();
    }, {}};
}

} // namespace ff::game
