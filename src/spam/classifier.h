// A local spam classifier for reader comments, taught by moderators' decisions ("spam" /
// "not spam"), with no third-party service. Texts are tokenized (spam/tokenizer.h), the
// token counts live in storage::SpamStore, and the verdict is a naive Bayes probability
// (spam/naive_bayes.h). docs/decisions/0007-spam.md says why and what is stored.
//
// Thread safety: every method may be called from any thread concurrently. The classifier
// keeps no state of its own; each call reads or writes the store (one read transaction per
// classification, one write transaction per Learn), so several processes or nodes sharing a
// database always agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "spam/naive_bayes.h"
#include "storage/spam_store.h"

namespace warta::spam {

struct ClassifierOptions {
  ModelOptions model;
  // At or above this probability a comment is likely spam and goes to the moderation queue
  // instead of being published. High, because holding back a real reader's comment costs
  // more than a moderator removing a spam that slipped through.
  double spam_threshold = 0.9;
};

struct Verdict {
  double probability = 0.5;  // 0.5 while untrained
  bool trained = false;      // enough of both classes taught to have an opinion
  bool likely_spam = false;  // trained and probability >= spam_threshold
};

class Classifier {
 public:
  // `store` must outlive the classifier.
  explicit Classifier(storage::SpamStore& store, ClassifierOptions options = {});

  // The probability in [0, 1] that `text` is spam; 0.5 until at least
  // options.model.min_messages_per_class spam and ham messages were taught.
  Result<double> SpamProbability(std::string_view text);
  // The probability with what it means for moderation.
  Result<Verdict> Check(std::string_view text);

  // Teaches one moderator decision, in one transaction.
  Result<void> Learn(std::string_view text, bool is_spam);
  // Takes back an earlier Learn of the same text and class (a moderator changed their mind).
  Result<void> Unlearn(std::string_view text, bool is_spam);
  // Teaches many messages of one class, one transaction per limits::kSpamMaxMessagesPerBatch.
  Result<void> LearnMany(const std::vector<std::string>& texts, bool is_spam);

  const ClassifierOptions& options() const { return options_; }

 private:
  storage::SpamStore& store_;
  const ClassifierOptions options_;
};

}  // namespace warta::spam
