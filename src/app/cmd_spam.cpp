// `warta spam train --spam FILE --ham FILE` teaches the spam classifier from files of example
// comments (spam/message_file.h: one per line, or blocks between blank lines);
// `warta spam check` prints the spam probability of the text on stdin.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/commands.h"
#include "spam/classifier.h"
#include "spam/message_file.h"
#include "storage/spam_store.h"

namespace warta::app {
namespace {

// A training file is many comments; this is far more than a moderator ever collects by hand.
constexpr std::size_t kMaxTrainingFileBytes = std::size_t{64} * 1024 * 1024;
// What `check` reads of stdin; the tokenizer reads less (limits::kSpamMaxInputBytes).
constexpr std::size_t kMaxCheckBytes = std::size_t{1024} * 1024;

Result<std::vector<std::string>> ReadMessages(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(ErrorCode::kIo, "spam train: cannot read '" + path + "'");
  auto text = ReadAtMost(file, kMaxTrainingFileBytes, "spam", "'" + path + "'");
  if (!text.ok()) return text.error();
  return spam::SplitMessages(*text);
}

int RunTrain(const CommonOptions& options, const std::string& spam_file,
             const std::string& ham_file) {
  if (spam_file.empty() && ham_file.empty()) {
    return Fail("spam train: give --spam FILE and/or --ham FILE");
  }
  std::vector<std::string> spam;
  std::vector<std::string> ham;
  for (auto [path, out] : {std::pair{&spam_file, &spam}, std::pair{&ham_file, &ham}}) {
    if (path->empty()) continue;
    auto messages = ReadMessages(*path);
    if (!messages.ok()) return Fail(messages.error().message);
    *out = std::move(messages).value();
  }
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  storage::Store& store = *opened->store;
  spam::Classifier classifier(store.spam());
  if (auto learned = classifier.LearnMany(spam, true); !learned.ok()) {
    return Fail("spam train: " + learned.error().message);
  }
  if (auto learned = classifier.LearnMany(ham, false); !learned.ok()) {
    return Fail("spam train: " + learned.error().message);
  }
  auto totals = store.spam().Totals();
  if (!totals.ok()) return Fail(totals.error().ToString());
  nlohmann::json out = {
      {"learned", {{"spam", spam.size()}, {"ham", ham.size()}}},
      {"totals", {{"spam", totals->spam_messages}, {"ham", totals->ham_messages}}}};
  std::cout << out.dump() << std::endl;
  return 0;
}

int RunCheck(const CommonOptions& options) {
  auto text = ReadAtMost(std::cin, kMaxCheckBytes, "spam", "stdin");
  if (!text.ok()) return Fail(text.error().message);
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  spam::Classifier classifier(opened->store->spam());
  auto verdict = classifier.Check(*text);
  if (!verdict.ok()) return Fail("spam check: " + verdict.error().message);
  if (!verdict->trained) {
    std::cerr << "warta: spam check: not trained yet (needs "
              << classifier.options().model.min_messages_per_class
              << " spam and ham messages each); 0.5 means unknown\n";
  }
  char line[32];
  std::snprintf(line, sizeof line, "%.4f", verdict->probability);
  std::cout << line << std::endl;
  return 0;
}

}  // namespace

void RegisterSpam(CommandLine& line) {
  CLI::App* spam = line.cli().add_subcommand("spam", "Teach and query the spam classifier");
  spam->require_subcommand(1);
  CLI::App* train = spam->add_subcommand(
      "train", "Teach example comments: one per line, or blocks separated by blank lines");
  line.AddStoreOptions(train);
  std::string* spam_file = &line.NewValue();
  std::string* ham_file = &line.NewValue();
  train->add_option("--spam", *spam_file, "File of spam comments");
  train->add_option("--ham", *ham_file, "File of comments that are not spam");
  line.OnRun(train, [&line, spam_file, ham_file] {
    return RunTrain(line.options(), *spam_file, *ham_file);
  });
  CLI::App* check =
      spam->add_subcommand("check", "Print the spam probability (0..1) of the text on stdin");
  line.AddStoreOptions(check);
  line.OnRun(check, [&line] { return RunCheck(line.options()); });
}

}  // namespace warta::app
