#include "ingest/extractor/budget.h"

#include "core/clock.h"

namespace warta::ingest::extractor {
namespace {

// Reading the thread CPU clock is a system call; one loop step costs far more than 1/16 of it.
constexpr unsigned kCheckEvery = 16;

}  // namespace

WorkBudget::WorkBudget(double cpu_seconds) : deadline_(ThreadCpuSeconds() + cpu_seconds) {}

bool WorkBudget::Exhausted() {
  if (!spent_ && ++calls_ % kCheckEvery == 0) spent_ = ThreadCpuSeconds() > deadline_;
  return spent_;
}

}  // namespace warta::ingest::extractor
