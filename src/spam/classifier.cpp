#include "spam/classifier.h"

#include <algorithm>
#include <utility>

#include "core/limits.h"
#include "spam/tokenizer.h"

namespace warta::spam {

Classifier::Classifier(storage::SpamStore& store, ClassifierOptions options)
    : store_(store), options_(options) {}

Result<double> Classifier::SpamProbability(std::string_view text) {
  WARTA_ASSIGN_OR_RETURN(const Verdict verdict, Check(text));
  return verdict.probability;
}

Result<Verdict> Classifier::Check(std::string_view text) {
  WARTA_ASSIGN_OR_RETURN(const auto snapshot, store_.Lookup(Tokenize(text)));
  Verdict verdict;
  verdict.trained = IsTrained(snapshot.totals, options_.model);
  verdict.probability = spam::SpamProbability(snapshot, options_.model);
  verdict.likely_spam = verdict.trained && verdict.probability >= options_.spam_threshold;
  return verdict;
}

Result<void> Classifier::Learn(std::string_view text, bool is_spam) {
  return store_.Train({Tokenize(text)}, is_spam, +1);
}

Result<void> Classifier::Unlearn(std::string_view text, bool is_spam) {
  return store_.Train({Tokenize(text)}, is_spam, -1);
}

Result<void> Classifier::LearnMany(const std::vector<std::string>& texts, bool is_spam) {
  for (std::size_t begin = 0; begin < texts.size(); begin += limits::kSpamMaxMessagesPerBatch) {
    const std::size_t end = std::min(texts.size(), begin + limits::kSpamMaxMessagesPerBatch);
    std::vector<std::vector<std::string>> batch;
    batch.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) batch.push_back(Tokenize(texts[i]));
    WARTA_RETURN_IF_ERROR(store_.Train(batch, is_spam, +1));
  }
  return Ok();
}

}  // namespace warta::spam
