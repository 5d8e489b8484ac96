// Example comments written for warta's demo site, so that a fresh `warta demo` has a
// classifier with an opinion before any moderator has taught it. Short comments in
// Indonesian, English and Japanese of the kinds a news site gets: readers discussing the
// article, and the usual spam (gambling, loans, fake shops, "work from home", links).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "spam/classifier.h"

namespace warta::spam {

struct DemoCorpus {
  std::vector<std::string_view> spam;
  std::vector<std::string_view> ham;
};

const DemoCorpus& Demo();

// Teaches the classifier the demo corpus (two transactions: spam, then ham).
Result<void> TeachDemo(Classifier& classifier);

}  // namespace warta::spam
