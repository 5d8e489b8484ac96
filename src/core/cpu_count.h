// How many CPUs this process may really use, for "one thread per core" defaults.
//
// std::thread::hardware_concurrency() counts the machine's CPUs. A server started with
// `taskset -c 0`, in a container limited with `--cpus=1`, or under systemd's CPUQuota= may
// use fewer; one I/O thread per machine CPU then puts several busy threads on one core, and
// the scheduler's time slices (milliseconds) become the tail latency of every connection the
// waiting thread holds.
#pragma once

#include <optional>
#include <string_view>

namespace warta {

// The CPUs in the calling thread's affinity mask, lowered to the cgroup (v2) CPU quota when
// one is set; at least 1. Read once per call: call it at start-up, not per request.
int UsableCpus();

// A cgroup v2 `cpu.max` file ("QUOTA PERIOD" or "max PERIOD"): the quota in CPUs
// (e.g. "150000 100000" is 1.5); nullopt for no limit or a line it cannot read.
std::optional<double> ParseCpuMax(std::string_view text);

}  // namespace warta
