// Replaces cpp-httplib 0.11's wait for the next request on a kept-alive connection.
// Why: 0.11 polls for 10 ms, then sleeps 1 ms and polls again until the keep-alive timeout,
// so every idle connection wakes its worker about 90 times a second, and under load (a busy
// client, 256 connections) the sleeps add up to a millisecond to a request and thousands of
// context switches a second. This waits in one poll() for the whole timeout. The library
// calls keep_alive() through its PLT, so this definition in the executable takes its place;
// a later httplib with another signature simply does not use it.
#include <cerrno>
#include <climits>
#include <ctime>
#include <poll.h>

namespace httplib::detail {

bool keep_alive(int sock, time_t keep_alive_timeout_sec);

bool keep_alive(int sock, time_t keep_alive_timeout_sec) {
    // poll() waits for ever on a negative timeout; a negative keep-alive means none at all.
    const int ms = keep_alive_timeout_sec <= 0                  ? 0
                   : keep_alive_timeout_sec > INT_MAX / 1000 ? INT_MAX
                                                             : static_cast<int>(keep_alive_timeout_sec) * 1000;
    pollfd p{sock, POLLIN, 0};
    for (;;) {
        const int r = ::poll(&p, 1, ms);
        if (r < 0 && errno == EINTR) continue;
        return r > 0;
    }
}

} // namespace httplib::detail
