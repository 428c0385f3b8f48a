// For authors: the lint errors of packs that did not load, with file:line:column, shown in
// the window instead of a crash. F5 (or --watch) reloads once the files are fixed.
#pragma once

#include "screen.h"

namespace ff::game {

Screen make_errors_screen(Context& ctx, const ScreenRequest& req);

} // namespace ff::game
