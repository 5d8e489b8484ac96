// Time as a dependency. Everything that decides by time (view flush intervals, trending
// decay, session expiry, rate-limit windows, fetch schedules, scheduled publishing) takes a
// Clock, so its tests move a FakeClock instead of sleeping.
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace warta {

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time: for timestamps that are stored or shown (UTC seconds since 1970).
  virtual std::int64_t NowUnix() const = 0;
  // Monotonic time: for intervals and deadlines, never for stored times.
  virtual std::chrono::steady_clock::time_point NowSteady() const = 0;
};

// The real clocks. SystemClock::Get() is the process-wide instance.
class SystemClock final : public Clock {
 public:
  static const SystemClock& Get();
  std::int64_t NowUnix() const override;
  std::chrono::steady_clock::time_point NowSteady() const override;
};

// The wall-clock time from the real clock, for code that has no Clock to hand (commands that
// run once). Long-lived services take a Clock instead.
std::int64_t UnixNow();

// CPU time this thread has used, in seconds. Work budgets on hostile input (parsing and
// scoring a page) count this rather than wall time, so a busy machine does not cut them
// short; it is no Clock because nothing but real work can advance it.
double ThreadCpuSeconds();

// A clock that moves only when told: Advance() moves both times together.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t unix_seconds = 1'700'000'000) : unix_ms_(unix_seconds * 1000) {}
  std::int64_t NowUnix() const override { return unix_ms_.load() / 1000; }
  std::chrono::steady_clock::time_point NowSteady() const override {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(steady_ms_.load()));
  }
  void Advance(std::chrono::milliseconds by) {
    steady_ms_ += by.count();
    unix_ms_ += by.count();
  }
  // Sets the wall clock only (a clock step, as NTP may make); the monotonic one stays.
  void SetUnix(std::int64_t unix_seconds) { unix_ms_ = unix_seconds * 1000; }

 private:
  std::atomic<std::int64_t> unix_ms_;
  std::atomic<std::int64_t> steady_ms_{0};
};

}  // namespace warta
