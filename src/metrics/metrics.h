// Prometheus metrics: counters, gauges and histograms registered once at start-up and
// updated lock-free on the hot path (relaxed atomics). Render() writes the text exposition
// format (version 0.0.4) for GET /metrics.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace warta::metrics {

class Counter {
 public:
  void Add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void Set(std::int64_t v) { value_.store(v, std::memory_order_relaxed); }
  void Add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

// Cumulative buckets with fixed upper bounds (seconds for latencies).
class Histogram {
 public:
  explicit Histogram(std::vector<double> upper_bounds);
  void Observe(double value);
  const std::vector<double>& bounds() const { return bounds_; }
  std::uint64_t bucket(std::size_t i) const;  // non-cumulative count of bucket i (last: +Inf)
  std::uint64_t count() const;
  double sum() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<std::uint64_t> sum_micro_{0};  // sum in millionths, kept integral for atomics
};

using Labels = std::vector<std::pair<std::string, std::string>>;

class Registry {
 public:
  // Returns the series for (name, labels), creating it on first use. Pointers stay valid
  // for the registry's lifetime; look them up once and keep them (lookup takes a lock).
  Counter* GetCounter(std::string_view name, std::string_view help, const Labels& labels = {});
  Gauge* GetGauge(std::string_view name, std::string_view help, const Labels& labels = {});
  Histogram* GetHistogram(std::string_view name, std::string_view help,
                          const std::vector<double>& bounds, const Labels& labels = {});
  // A gauge computed at render time (e.g. the number of views waiting to be flushed).
  void AddCallbackGauge(std::string_view name, std::string_view help, std::function<double()> read);

  std::string Render() const;

  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Latency buckets in seconds, from 50 µs to 10 s.
std::vector<double> DefaultLatencyBounds();

}  // namespace warta::metrics
