#include "core/cpu_count.h"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <string>
#include <thread>

namespace warta {
namespace {

std::optional<long long> ParseCount(std::string_view text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

int AffinityCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int count = CPU_COUNT(&set);
    if (count > 0) return count;
  }
  // More CPUs than a cpu_set_t holds (over 1,024), or no answer: the machine's count.
  return static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
}

// The process's cgroup v2 directory from /proc/self/cgroup ("0::/path"); empty outside one.
std::string CgroupDirectory() {
  std::ifstream file("/proc/self/cgroup");
  std::string line;
  while (std::getline(file, line)) {
    if (line.rfind("0::", 0) == 0) return "/sys/fs/cgroup" + line.substr(3);
  }
  return {};
}

std::optional<double> CgroupQuota() {
  const std::string directory = CgroupDirectory();
  if (directory.empty()) return std::nullopt;
  std::ifstream file(directory + "/cpu.max");
  std::string line;
  if (!std::getline(file, line)) return std::nullopt;
  return ParseCpuMax(line);
}

}  // namespace

std::optional<double> ParseCpuMax(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  auto quota = ParseCount(text.substr(0, space));  // "max" (no limit) fails here too
  auto period = ParseCount(text.substr(space + 1));
  if (!quota || !period) return std::nullopt;
  return static_cast<double>(*quota) / static_cast<double>(*period);
}

int UsableCpus() {
  int cpus = AffinityCpus();
  if (auto quota = CgroupQuota()) {
    // 1.5 CPUs of quota keep two threads busy part of the time: round up.
    cpus = std::min(cpus, std::max(1, static_cast<int>(std::ceil(*quota))));
  }
  return cpus;
}

}  // namespace warta
