#include "app/comment_spam_check.h"

#include <spdlog/spdlog.h>

namespace warta::app {

double ClassifierSpamCheck::SpamProbability(std::string_view text) {
  auto probability = classifier_.SpamProbability(text);
  if (!probability.ok()) {
    spdlog::warn("spam: cannot classify a comment: {}", probability.error().ToString());
    return 0.5;
  }
  return *probability;
}

void ClassifierSpamCheck::Learn(std::string_view text, bool is_spam) {
  auto learned = classifier_.Learn(text, is_spam);
  if (!learned.ok()) {
    spdlog::warn("spam: cannot learn from a moderator's decision: {}", learned.error().ToString());
  }
}

}  // namespace warta::app
