// Connects the comments service's spam hook (comments/spam_check.h) to the local Bayesian
// classifier (spam/classifier.h), so that moderators' decisions teach it and likely spam
// waits in the moderation queue.
#pragma once

#include <string_view>

#include "comments/spam_check.h"
#include "spam/classifier.h"

namespace warta::app {

class ClassifierSpamCheck final : public comments::SpamCheck {
 public:
  // `classifier` must outlive this object.
  explicit ClassifierSpamCheck(spam::Classifier& classifier) : classifier_(classifier) {}

  // 0.5 ("no opinion") while the classifier is untrained or cannot be read: a store error
  // must neither publish everything as ham nor queue every comment as spam.
  double SpamProbability(std::string_view text) override;
  // Errors are logged, not returned: the moderator's decision itself has been stored.
  void Learn(std::string_view text, bool is_spam) override;

 private:
  spam::Classifier& classifier_;
};

}  // namespace warta::app
