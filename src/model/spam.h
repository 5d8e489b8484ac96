// What moderators taught the spam classifier (spam/classifier.h), as counts of messages
// and of the tokens in them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace warta::model {

// How many messages the classifier was taught of each class.
struct SpamTotals {
  std::int64_t spam_messages = 0;
  std::int64_t ham_messages = 0;
};

// In how many taught spam and ham messages one token occurred.
struct SpamTokenCounts {
  std::int64_t spam = 0;
  std::int64_t ham = 0;
};

// The totals and the counts of some tokens, read together so they agree.
struct SpamSnapshot {
  SpamTotals totals;
  std::vector<std::pair<std::string, SpamTokenCounts>> tokens;  // only tokens ever taught
};

}  // namespace warta::model
