// SDL_mixer set-up and playback. Every failure degrades to silence with a notice.
#include "audio.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>

namespace ff::game {

const char* file_stem(Sound s) {
    switch (s) {
    case Sound::message_in: return "message_in";
    case Sound::message_out: return "message_out";
    case Sound::ringing: return "ringing";
    case Sound::safe_ending: return "safe_ending";
    case Sound::scammed_ending: return "scammed_ending";
    }
    return "message_in";
}

Audio::Audio(const std::filesystem::path& sounds_dir, int volume, bool muted) {
    channels_.fill(-1);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        notice_ = std::string("没有找到声音设备，游戏将静音运行。（") + SDL_GetError() + "）";
    } else if (Mix_OpenAudio(44100, MIX_DEFAULT_FORMAT, 2, 1024) != 0) {
        notice_ = std::string("没有找到声音设备，游戏将静音运行。（") + Mix_GetError() + "）";
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    } else {
        open_ = true;
        Mix_AllocateChannels(8);
        std::string missing;
        for (int i = 0; i < kSoundCount; ++i) {
            const auto path = sounds_dir / (std::string(file_stem(static_cast<Sound>(i))) + ".wav");
            chunks_[i].reset(Mix_LoadWAV(path.string().c_str()));
            if (!chunks_[i]) missing += (missing.empty() ? "" : "、") + path.filename().string();
        }
        if (!missing.empty()) notice_ = "缺少声音文件 " + missing + "，这些声音将不会播放。";
        set_volume(volume, muted);
    }
    // Said once, here: the caller shows notice() once in the window as well.
    if (!notice_.empty()) std::fprintf(stderr, "fraudfree: %s\n", notice_.c_str());
}

Audio::~Audio() {
    if (!open_) return;
    Mix_HaltChannel(-1);
    for (auto& c : chunks_) c.reset(); // chunks must go before the device closes
    Mix_CloseAudio();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void Audio::set_volume(int volume, bool muted) {
    if (!open_) return;
    const int v = muted ? 0 : std::clamp(volume, 0, 100) * MIX_MAX_VOLUME / 100;
    Mix_Volume(-1, v);
}

void Audio::play(Sound s) {
    const int i = static_cast<int>(s);
    if (!open_ || !chunks_[i]) return;
    channels_[i] = Mix_PlayChannel(-1, chunks_[i].get(), 0);
}

void Audio::loop(Sound s) {
    const int i = static_cast<int>(s);
    if (!open_ || !chunks_[i]) return;
    stop(s);
    channels_[i] = Mix_PlayChannel(-1, chunks_[i].get(), -1);
}

void Audio::stop(Sound s) {
    const int i = static_cast<int>(s);
    if (!open_ || channels_[i] < 0) return;
    // Only halt the channel if it still plays this sound (it may have been reused).
    if (Mix_GetChunk(channels_[i]) == chunks_[i].get()) Mix_HaltChannel(channels_[i]);
    channels_[i] = -1;
}

void Audio::cue(Cue c) {
    switch (c) {
    case Cue::message_in: play(Sound::message_in); break;
    case Cue::message_out: play(Sound::message_out); break;
    case Cue::ringing_start: loop(Sound::ringing); break;
    case Cue::ringing_stop: stop(Sound::ringing); break;
    case Cue::safe_ending: play(Sound::safe_ending); break;
    case Cue::scammed_ending: play(Sound::scammed_ending); break;
    }
}

void Audio::stop_all() {
    if (!open_) return;
    Mix_HaltChannel(-1);
    channels_.fill(-1);
}

} // namespace ff::game
