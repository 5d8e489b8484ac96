// A CPU-time budget for the scorer (internal to the module). Readability's measures are
// per-element walks over subtrees, so the work grows with elements x depth: fine on real
// pages (milliseconds), seconds on a hostile page built to be deep and wide at once. The
// passes check the budget in their loops and give up when it is spent.
#pragma once

namespace warta::ingest::extractor {

class WorkBudget {
 public:
  explicit WorkBudget(double cpu_seconds);

  // True once this thread has used the budget's CPU time since construction. Cheap: the
  // clock is read every few calls; once spent it stays spent.
  bool Exhausted();
  bool spent() const { return spent_; }

 private:
  double deadline_;
  unsigned calls_ = 0;
  bool spent_ = false;
};

}  // namespace warta::ingest::extractor
