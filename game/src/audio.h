// Sound effects through SDL_mixer: the five generated sounds, volume and mute from settings.
// Without an audio device the game runs silently and says so once; it never fails for sound.
#pragma once

#include "screen.h"

#include <SDL_mixer.h>

#include <array>
#include <filesystem>
#include <memory>
#include <string>

namespace ff::game {

enum class Sound { message_in, message_out, ringing, safe_ending, scammed_ending };
inline constexpr int kSoundCount = 5;

// "message_in" etc.: the file stem in assets/sounds (see tools/soundgen).
const char* file_stem(Sound s);

class Audio {
public:
    // Opens the default audio device and loads <sounds_dir>/<stem>.wav. Never throws: a
    // missing device or file leaves that part silent and is described by notice().
    Audio(const std::filesystem::path& sounds_dir, int volume, bool muted);
    ~Audio();
    Audio(const Audio&) = delete;
    Audio& operator=(const Audio&) = delete;

    bool available() const { return open_; }
    // Empty when all is well; otherwise one Chinese sentence for the player (shown once).
    const std::string& notice() const { return notice_; }

    // volume 0..100 (clamped); muted silences without forgetting the volume.
    void set_volume(int volume, bool muted);
    void play(Sound s);   // once, on a free channel
    void loop(Sound s);   // repeats until stop() (the ringtone)
    void stop(Sound s);
    void stop_all();
    // Plays what a screen asked for (Context::sound).
    void cue(Cue c);

private:
    struct ChunkDeleter {
        void operator()(Mix_Chunk* c) const { Mix_FreeChunk(c); }
    };
    bool open_ = false;
    std::string notice_;
    std::array<std::unique_ptr<Mix_Chunk, ChunkDeleter>, kSoundCount> chunks_;
    std::array<int, kSoundCount> channels_{}; // channel last used per sound, -1 if none
};

} // namespace ff::game
