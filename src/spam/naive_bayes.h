// The arithmetic of the spam classifier, without I/O: a naive Bayes over the tokens present
// in a text (docs/decisions/0007-spam.md).
//
// For each taught token t of the text, with s(t), h(t) the numbers of taught spam and ham
// messages containing it and S, H the numbers of taught spam and ham messages:
//   P(t|spam) = (s(t) + 1) / (S + 2),  P(t|ham) = (h(t) + 1) / (H + 2)   (Laplace smoothing)
// The evidence is the sum of log(P(t|spam) / P(t|ham)) over the `max_features` tokens with the
// largest |log ratio| (the most telling ones, as in Graham's "A Plan for Spam"), with equal
// priors, and the probability is its logistic. Summing logs cannot underflow however many
// tokens there are; tokens never taught are left out, since they carry no evidence.
#pragma once

#include "model/spam.h"

namespace warta::spam {

struct ModelOptions {
  // Below this many taught messages of either class the model has no opinion (0.5).
  int min_messages_per_class = 5;
  // How many of a text's most telling tokens count; bounds what padding a spam with
  // innocent words can do.
  int max_features = 40;
};

// Whether the snapshot's totals are enough for an opinion.
bool IsTrained(const model::SpamTotals& totals, const ModelOptions& options);

// The probability that the text whose taught tokens are in `snapshot` is spam, in [0, 1];
// exactly 0.5 when not trained or when no token of the text was ever taught.
double SpamProbability(const model::SpamSnapshot& snapshot, const ModelOptions& options);

}  // namespace warta::spam
