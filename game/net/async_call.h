// One server call run on its own thread so a screen can start it and poll for the answer
// each frame; destroying it cancels the request and joins, so it never outlives its owner.
#pragma once

#include "net/http_client.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace ff::net {

template <class T>
class AsyncCall {
public:
    AsyncCall() = default;
    ~AsyncCall() { finish(); }
    AsyncCall(const AsyncCall&) = delete;
    AsyncCall& operator=(const AsyncCall&) = delete;

    // Starts `call(http)` on a fresh client; an earlier call still running is cancelled.
    void start(const ServerUrl& url, const ClientOptions& options, std::function<T(HttpClient&)> call)
    {
        finish();
        http_ = std::make_shared<HttpClient>(url, options);
        state_ = std::make_shared<State>();
        state_->running = true;
        thread_ = std::thread([http = http_, state = state_, call = std::move(call)] {
            T value = call(*http);
            std::lock_guard lock(state->mutex);
            state->value = std::move(value);
            state->running = false;
        });
    }

    bool running() const
    {
        if (!state_) return false;
        std::lock_guard lock(state_->mutex);
        return state_->running;
    }

    // The answer once, when it has arrived; nullopt while running or when none was started.
    std::optional<T> take()
    {
        if (!state_) return std::nullopt;
        std::optional<T> out;
        {
            std::lock_guard lock(state_->mutex);
            if (state_->running || !state_->value) return std::nullopt;
            out = std::move(state_->value);
            state_->value.reset();
        }
        if (thread_.joinable()) thread_.join();
        return out;
    }

private:
    struct State {
        std::mutex mutex;
        bool running = false;
        std::optional<T> value;
    };

    void finish()
    {
        if (http_) http_->cancel();
        if (thread_.joinable()) thread_.join();
        http_.reset();
        state_.reset();
    }

    std::shared_ptr<HttpClient> http_;
    std::shared_ptr<State> state_;
    std::thread thread_;
};

} // namespace ff::net
