// Screens and the context they share. A screen is a value: an id and a frame function that
// reads input and draws in one pass (immediate mode, see ui.h); its state lives in the closure.
//
// How to add a screen (e.g. settings):
//   1. game/src/screens/settings_screen.{h,cpp} with
//        Screen make_settings_screen(Context& ctx, const ScreenRequest& req);
//      Keep state in a struct held by std::shared_ptr and captured by the frame lambda:
//        auto st = std::make_shared<State>();
//        return Screen{"settings", [&ctx, st](Ui& ui) { ... draw, handle ui.clicked()/ui.key() ... }};
//   2. add one line to screen_registry.cpp: {"settings", make_settings_screen}.
//   3. go elsewhere with ctx.open({"list"}) or ctx.open({"chat", pack_id, scenario_id}).
// Rules: draw only from the frame function; call ui.redraw() if state changed while drawing
// and ui.wake_in(s) while something animates (no timers otherwise: idle CPU must stay ~0).
// Game rules (scoring, progress, results) come from core (fraudfree/*.h), never from screens.
#pragma once

#include "library.h"
#include "options.h"
#include "ui.h"

#include "fraudfree/result.h"
#include "save/save_store.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ff::net {
class NetSession;
}

namespace ff::game {


// Where to go: a screen id and what it needs.
struct ScreenRequest {
    ScreenRequest() = default;
    ScreenRequest(std::string screen, std::string pack = {}, std::string scenario = {})
        : id(std::move(screen)), pack_id(std::move(pack)), scenario_id(std::move(scenario)) {}

    std::string id;                       // "title", "list", "chat", "debrief", "settings", ...
    std::string pack_id;                  // chat/debrief: which scenario
    std::string scenario_id;
    std::vector<int> choices;             // chat: replay these first (headless, "play again" = empty)
    std::optional<ff::ResultRecord> result; // debrief: the finished play
    std::string back;                     // id of the screen to return to, when it matters
};

struct Screen {
    std::string id;
    std::function<void(Ui&)> frame;
    std::function<void()> leave; // optional: stop sounds etc. when the screen is replaced
};

// Sound cues the screens ask for; the app maps them to audio (silent when there is none).
enum class Cue { message_in, message_out, ringing_start, ringing_stop, safe_ending, scammed_ending };

struct Context {
    Options options;
    Library library;
    ff::save::LoadedSave save;
    std::filesystem::path data_dir;
    bool headless = false;

    // Switches screens after the current frame.
    std::function<void(const ScreenRequest&)> open;
    // Plays a sound cue (no-op without audio).
    std::function<void(Cue)> sound;
    // Applies settings that changed (theme, text size, volume, fullscreen) and saves them.
    std::function<void()> settings_changed;
    // Records a finished play: appends it to the profile, saves atomically, queues it for
    // the server. Returns an error message for the player, or "" when saved.
    std::function<std::string(const ff::ResultRecord&)> record_result;
    // Reloads the packs from disk (F5); lint errors open the "errors" screen.
    std::function<void()> reload;
    // True for scenarios that arrived since the player last looked (issue 7 fills this in).
    std::function<bool(const std::string& pack_id, const std::string& scenario_id)> is_new;

    // The companion server connection (issue 7, screens/class_net.h); null in headless runs.
    std::shared_ptr<ff::net::NetSession> net;
    // Replaces `net` with a session for the server the settings name now (the settings
    // screen's server field); empty when there is no connection to restart (headless).
    std::function<void()> restart_net;
    // Drawn over every screen after it (the sync status badge); may be empty.
    std::function<void(Ui&)> overlay;

    // One-line messages shown once at the bottom of the window (saves set aside, no sound...).
    std::vector<std::string> notices;
};

using ScreenFactory = std::function<Screen(Context&, const ScreenRequest&)>;

// Builds the screen for a request; unknown ids give the scenario list.
Screen make_screen(Context& ctx, const ScreenRequest& req);
// True when a screen with this id exists (buttons to screens not built yet stay hidden).
bool has_screen(const std::string& id);

} // namespace ff::game
