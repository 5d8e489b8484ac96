#include "spam/naive_bayes.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace warta::spam {
namespace {

// Beyond this the logistic is 1 or 0 in double precision anyway; clamping keeps exp() finite.
constexpr double kMaxEvidence = 700.0;

double LogRatio(const model::SpamTokenCounts& counts, const model::SpamTotals& totals) {
  const double p_spam =
      (static_cast<double>(counts.spam) + 1.0) / (static_cast<double>(totals.spam_messages) + 2.0);
  const double p_ham =
      (static_cast<double>(counts.ham) + 1.0) / (static_cast<double>(totals.ham_messages) + 2.0);
  return std::log(p_spam) - std::log(p_ham);
}

}  // namespace

bool IsTrained(const model::SpamTotals& totals, const ModelOptions& options) {
  return totals.spam_messages >= options.min_messages_per_class &&
         totals.ham_messages >= options.min_messages_per_class;
}

double SpamProbability(const model::SpamSnapshot& snapshot, const ModelOptions& options) {
  if (!IsTrained(snapshot.totals, options)) return 0.5;
  std::vector<double> ratios;
  ratios.reserve(snapshot.tokens.size());
  for (const auto& [token, counts] : snapshot.tokens) {
    // Counts above the totals cannot come from Train; clamp rather than let a hand-edited
    // table produce probabilities above 1.
    model::SpamTokenCounts clamped{std::min(counts.spam, snapshot.totals.spam_messages),
                                   std::min(counts.ham, snapshot.totals.ham_messages)};
    ratios.push_back(LogRatio(clamped, snapshot.totals));
  }
  const std::size_t keep =
      std::min(ratios.size(), static_cast<std::size_t>(std::max(options.max_features, 0)));
  std::partial_sort(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(keep),
                    ratios.end(), [](double a, double b) { return std::fabs(a) > std::fabs(b); });
  double evidence = 0.0;
  for (std::size_t i = 0; i < keep; ++i) evidence += ratios[i];
  evidence = std::clamp(evidence, -kMaxEvidence, kMaxEvidence);
  return 1.0 / (1.0 + std::exp(-evidence));
}

}  // namespace warta::spam
