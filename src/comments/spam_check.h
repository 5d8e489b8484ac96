// The comments service's hook for a spam classifier (the Bayesian one lives in src/spam/).
// The service asks it about every new or edited comment and teaches it from moderators'
// decisions; with no classifier attached (a null pointer) nothing is classified.
//
// Thread safety: implementations must allow concurrent calls from request threads.
#pragma once

#include <string_view>

namespace warta::comments {

class SpamCheck {
 public:
  virtual ~SpamCheck() = default;
  // 0.0 (surely ham) .. 1.0 (surely spam) for a comment's text (its Markdown source).
  virtual double SpamProbability(std::string_view text) = 0;
  // A moderator's verdict: approve teaches ham (false), reject-as-spam teaches spam (true).
  virtual void Learn(std::string_view text, bool is_spam) = 0;
};

}  // namespace warta::comments
