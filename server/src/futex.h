// Sleeping on and waking an atomic int with plain futex calls: no spinning and no sched_yield
// before sleeping (as std::atomic::wait does); one call wakes every sleeper if asked.
#pragma once

#include <atomic>

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ff::server::futex {

static_assert(sizeof(std::atomic<int>) == sizeof(int) && std::atomic<int>::is_always_lock_free);

// Sleeps unless `word` has changed from `value` (then returns at once); may wake spuriously.
inline void sleep_while(std::atomic<int>& word, int value) {
    syscall(SYS_futex, reinterpret_cast<int*>(&word), FUTEX_WAIT_PRIVATE, value, nullptr, nullptr, 0);
}
inline void wake(std::atomic<int>& word, int how_many) {
    syscall(SYS_futex, reinterpret_cast<int*>(&word), FUTEX_WAKE_PRIVATE, how_many, nullptr, nullptr, 0);
}

} // namespace ff::server::futex
