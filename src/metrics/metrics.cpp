#include "metrics/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace warta::metrics {
namespace {

enum class Type { kCounter, kGauge, kHistogram, kCallback };

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kCounter:
      return "counter";
    case Type::kGauge:
    case Type::kCallback:
      return "gauge";
    case Type::kHistogram:
      return "histogram";
  }
  return "untyped";
}

void AppendEscaped(std::string& out, std::string_view text, bool quote) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quote && c == '"') {
      out += "\\\"";
    } else {
      out.push_back(c);
    }
  }
}

std::string FormatDouble(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

// Appends `name{k="v",...,extra_key="extra_value"} ` (braces only when there are labels).
void AppendSeriesName(std::string& out, std::string_view name, const Labels& labels,
                      std::string_view extra_key = {}, std::string_view extra_value = {}) {
  out += name;
  if (!labels.empty() || !extra_key.empty()) {
    out.push_back('{');
    bool first = true;
    auto add = [&](std::string_view k, std::string_view v) {
      if (!first) out.push_back(',');
      first = false;
      out += k;
      out += "=\"";
      AppendEscaped(out, v, true);
      out.push_back('"');
    };
    for (const auto& [k, v] : labels) add(k, v);
    if (!extra_key.empty()) add(extra_key, extra_value);
    out.push_back('}');
  }
  out.push_back(' ');
}

struct Series {
  Labels labels;
  std::unique_ptr<Counter> counter;
  std::unique_ptr<Gauge> gauge;
  std::unique_ptr<Histogram> histogram;
};

struct Family {
  std::string name;
  std::string help;
  Type type = Type::kCounter;
  std::vector<double> bounds;
  std::vector<std::unique_ptr<Series>> series;
  std::vector<std::shared_ptr<std::function<double()>>> callbacks;
};

}  // namespace

Histogram::Histogram(std::vector<double> upper_bounds) : bounds_(std::move(upper_bounds)) {
  bounds_.erase(std::remove_if(bounds_.begin(), bounds_.end(),
                               [](double b) { return std::isnan(b) || std::isinf(b); }),
                bounds_.end());
  std::sort(bounds_.begin(), bounds_.end());
  bounds_.erase(std::unique(bounds_.begin(), bounds_.end()), bounds_.end());
  buckets_ = std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1);
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::Observe(double value) {
  if (std::isnan(value)) return;
  // Bucket i counts values <= bounds_[i] (Prometheus "le").
  std::size_t i = static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), value) -
                                           bounds_.begin());
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  // Two's complement wrap-around keeps negative observations correct in the sum.
  auto micro = static_cast<std::int64_t>(std::llround(value * 1e6));
  sum_micro_.fetch_add(static_cast<std::uint64_t>(micro), std::memory_order_relaxed);
}

std::uint64_t Histogram::bucket(std::size_t i) const {
  return i <= bounds_.size() ? buckets_[i].load(std::memory_order_relaxed) : 0;
}

std::uint64_t Histogram::count() const {
  std::uint64_t total = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) total += bucket(i);
  return total;
}

double Histogram::sum() const {
  return static_cast<double>(
             static_cast<std::int64_t>(sum_micro_.load(std::memory_order_relaxed))) /
         1e6;
}

struct Registry::Impl {
  mutable std::mutex mu;
  std::map<std::string, Family, std::less<>> families;
  // A name asked for with another type than it was registered with: a programming error.
  // The caller still gets a working series, which is not rendered.
  std::vector<std::unique_ptr<Series>> orphans;

  Series* Find(std::string_view name, std::string_view help, Type type, const Labels& labels,
               const std::vector<double>* bounds) {
    std::lock_guard lock(mu);
    auto it = families.find(name);
    if (it == families.end()) {
      Family family;
      family.name = std::string(name);
      family.help = std::string(help);
      family.type = type;
      if (bounds) family.bounds = *bounds;
      it = families.emplace(family.name, std::move(family)).first;
    }
    Family& family = it->second;
    std::vector<std::unique_ptr<Series>>* list = &family.series;
    if (family.type != type) list = &orphans;
    for (auto& s : *list) {
      if (s->labels == labels) return s.get();
    }
    auto series = std::make_unique<Series>();
    series->labels = labels;
    if (type == Type::kCounter) series->counter = std::make_unique<Counter>();
    if (type == Type::kGauge) series->gauge = std::make_unique<Gauge>();
    if (type == Type::kHistogram) {
      series->histogram =
          std::make_unique<Histogram>(family.type == type ? family.bounds : *bounds);
    }
    list->push_back(std::move(series));
    return list->back().get();
  }
};

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::~Registry() = default;

Counter* Registry::GetCounter(std::string_view name, std::string_view help, const Labels& labels) {
  return impl_->Find(name, help, Type::kCounter, labels, nullptr)->counter.get();
}

Gauge* Registry::GetGauge(std::string_view name, std::string_view help, const Labels& labels) {
  return impl_->Find(name, help, Type::kGauge, labels, nullptr)->gauge.get();
}

Histogram* Registry::GetHistogram(std::string_view name, std::string_view help,
                                  const std::vector<double>& bounds, const Labels& labels) {
  return impl_->Find(name, help, Type::kHistogram, labels, &bounds)->histogram.get();
}

void Registry::AddCallbackGauge(std::string_view name, std::string_view help,
                                std::function<double()> read) {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->families.find(name);
  if (it == impl_->families.end()) {
    Family family;
    family.name = std::string(name);
    family.help = std::string(help);
    family.type = Type::kCallback;
    it = impl_->families.emplace(family.name, std::move(family)).first;
  }
  if (it->second.type != Type::kCallback) return;  // name taken by another type
  // One series per name: a later callback replaces the earlier one.
  it->second.callbacks.assign(1, std::make_shared<std::function<double()>>(std::move(read)));
}

namespace {

struct Snapshot {
  const Family* family;
  std::vector<const Series*> series;
  std::shared_ptr<std::function<double()>> callback;
};

void RenderSeries(std::string& out, const Family& family, const Series& s) {
  switch (family.type) {
    case Type::kCounter:
      AppendSeriesName(out, family.name, s.labels);
      out += fmt::format("{}\n", s.counter->value());
      break;
    case Type::kGauge:
      AppendSeriesName(out, family.name, s.labels);
      out += fmt::format("{}\n", s.gauge->value());
      break;
    case Type::kHistogram: {
      const Histogram& h = *s.histogram;
      std::string bucket_name = family.name + "_bucket";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i <= h.bounds().size(); ++i) {
        cumulative += h.bucket(i);
        std::string le = i < h.bounds().size() ? FormatDouble(h.bounds()[i]) : "+Inf";
        AppendSeriesName(out, bucket_name, s.labels, "le", le);
        out += fmt::format("{}\n", cumulative);
      }
      AppendSeriesName(out, family.name + "_sum", s.labels);
      out += FormatDouble(h.sum()) + "\n";
      AppendSeriesName(out, family.name + "_count", s.labels);
      out += fmt::format("{}\n", cumulative);
      break;
    }
    case Type::kCallback:
      break;
  }
}

}  // namespace

std::string Registry::Render() const {
  // Copy what to render under the lock (series objects are never freed, the lists may
  // grow), then read values and call callbacks without it, so a callback may take locks of
  // its own.
  std::vector<Snapshot> snapshot;
  {
    std::lock_guard lock(impl_->mu);
    snapshot.reserve(impl_->families.size());
    for (const auto& [name, family] : impl_->families) {
      Snapshot snap{&family, {}, nullptr};
      for (const auto& s : family.series) snap.series.push_back(s.get());
      if (!family.callbacks.empty()) snap.callback = family.callbacks.front();
      snapshot.push_back(std::move(snap));
    }
  }
  std::string out;
  for (const Snapshot& snap : snapshot) {
    const Family& family = *snap.family;
    if (snap.series.empty() && !snap.callback) continue;
    out += "# HELP ";
    out += family.name;
    out.push_back(' ');
    AppendEscaped(out, family.help, false);
    out += "\n# TYPE ";
    out += family.name;
    out.push_back(' ');
    out += TypeName(family.type);
    out.push_back('\n');
    if (snap.callback) {
      out += family.name + " " + FormatDouble((*snap.callback)()) + "\n";
    }
    for (const Series* s : snap.series) RenderSeries(out, family, *s);
  }
  return out;
}

std::vector<double> DefaultLatencyBounds() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,    0.1,    0.25,    0.5,    1,     2.5,    5,     10};
}

}  // namespace warta::metrics
