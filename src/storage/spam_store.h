// What moderators taught the spam classifier (spam/classifier.h): token counts per class and
// the message totals.
//
// Errors: InvalidArgument as each method says (nothing written); Io or Unavailable when the
// database fails.
// Transactions: Train is one transaction; Lookup reads the totals and the counts in one
// snapshot, so they agree.
// Durability: committed before returning, not synced to disk: a power cut may lose the last
// lessons, which only makes the classifier a little less sure.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "model/spam.h"

namespace warta::storage {

class SpamStore {
 public:
  virtual ~SpamStore() = default;
  // Adds (delta +1) or takes back (delta -1) messages of one class, each given as its
  // distinct tokens: the class's message total and every token's count change by delta, all
  // in one transaction. Counts never go below 0; token rows left at 0/0 are removed.
  // InvalidArgument (nothing written) for another delta, an empty or over-long
  // (limits::kSpamMaxTokenBytes) token, or more than limits::kSpamMaxMessagesPerBatch
  // messages or limits::kSpamMaxTokensPerText tokens in one message.
  virtual Result<void> Train(const std::vector<std::vector<std::string>>& messages, bool is_spam,
                             int delta) = 0;
  virtual Result<model::SpamTotals> Totals() = 0;
  // The totals and the counts of those of `tokens` that were ever taught (at most
  // limits::kSpamMaxTokensPerText, else InvalidArgument), in one read.
  virtual Result<model::SpamSnapshot> Lookup(const std::vector<std::string>& tokens) = 0;
};

}  // namespace warta::storage
