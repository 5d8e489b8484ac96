#include "core/clock.h"

#include <ctime>

namespace warta {

const SystemClock& SystemClock::Get() {
  static const SystemClock clock;
  return clock;
}

std::int64_t SystemClock::NowUnix() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::chrono::steady_clock::time_point SystemClock::NowSteady() const {
  return std::chrono::steady_clock::now();
}

std::int64_t UnixNow() { return SystemClock::Get().NowUnix(); }

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace warta
