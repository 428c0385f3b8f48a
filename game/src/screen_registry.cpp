#include "screen.h"

#include "screens/chat_screen.h"
#include "screens/class_join_screen.h"
#include "screens/class_progress_screen.h"
#include "screens/debrief_screen.h"
#include "screens/errors_screen.h"
#include "screens/list_screen.h"
#include "screens/awareness_screen.h"
#include "screens/profile_screen.h"
#include "screens/quiz_screen.h"
#include "screens/settings_screen.h"
#include "screens/title_screen.h"

#include <map>

namespace ff::game {
namespace {

// One line per screen. Screens not listed yet fall back to the scenario list.
const std::map<std::string, ScreenFactory>& registry() {
    static const std::map<std::string, ScreenFactory> r = {
        {"list", make_list_screen},
        {"chat", make_chat_screen},
        {"call", make_chat_screen},
        {"debrief", make_debrief_screen},
        {"errors", make_errors_screen},
        {"title", make_title_screen},
        {"profile", make_profile_screen},
        {"awareness", make_awareness_screen},
        {"pretest", make_quiz_screen},
        {"posttest", make_quiz_screen},
        {"quiz", make_quiz_screen}, // --screen quiz shows the pre-test
        {"settings", make_settings_screen},
        {"join", make_class_join_screen},
        {"class", make_class_progress_screen},
    };
    return r;
}

} // namespace

bool has_screen(const std::string& id) { return registry().count(id) > 0; }

Screen make_screen(Context& ctx, const ScreenRequest& req) {
    auto it = registry().find(req.id);
    if (it == registry().end()) it = registry().find("list");
    return it->second(ctx, req);
}

} // namespace ff::game
