// `warta doctor [--config FILE] [--db D]`: checks an installation and says what to fix
// (app/doctor.h lists the checks). Exit 0 when nothing is a problem (warnings allowed),
// 1 when something is.
#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "app/doctor.h"
#include "i18n/japanese_reading.h"

namespace warta::app {
namespace {

const char* Label(doctor::Status status) {
  switch (status) {
    case doctor::Status::kOk:
      return "ok  ";
    case doctor::Status::kWarn:
      return "WARN";
    case doctor::Status::kFail:
      return "FAIL";
  }
  return "FAIL";
}

void Print(const doctor::Finding& finding) {
  std::cout << Label(finding.status) << "  " << finding.name << ": " << finding.message << "\n";
  if (!finding.fix.empty()) std::cout << "      fix: " << finding.fix << "\n";
}

int RunDoctor(const CommonOptions& options) {
  std::vector<doctor::Finding> findings;
  auto config = LoadConfig(options);
  if (!config.ok()) {
    Print({doctor::Status::kFail, "config", config.error().message,
           "correct the file (every option: docs/configuration.md), then run warta doctor again"});
    std::cout << "warta doctor: 1 problem\n";
    return 1;
  }
  findings.push_back({doctor::Status::kOk, "config",
                      options.config_file.empty()
                          ? "no --config file: defaults and WARTA_* variables"
                          : options.config_file + " is valid",
                      ""});
  const doctor::Invocation invocation{options.config_file};
  doctor::CheckFiles(config.value(), findings);
  doctor::CheckStoreAndSite(config.value(), invocation, findings);
  // Without MeCab's dictionary Japanese titles still get slugs, from ICU (Mandarin readings).
  const i18n::JapaneseReaderStatus& japanese = i18n::JapaneseReader();
  findings.push_back(japanese.available
                         ? doctor::Finding{doctor::Status::kOk, "japanese slugs",
                                           "romaji by " + japanese.detail, ""}
                         : doctor::Finding{doctor::Status::kWarn, "japanese slugs",
                                           "no MeCab dictionary (" + japanese.detail +
                                               "): kanji in titles get Mandarin readings",
                                           "apt-get install mecab-ipadic-utf8"});
  doctor::CheckNetwork(config.value(), findings);

  int problems = 0;
  int warnings = 0;
  for (const doctor::Finding& finding : findings) {
    Print(finding);
    if (finding.status == doctor::Status::kFail) ++problems;
    if (finding.status == doctor::Status::kWarn) ++warnings;
  }
  std::cout << "warta doctor: ";
  if (problems == 0 && warnings == 0) std::cout << "all " << findings.size() << " checks passed";
  if (problems > 0) std::cout << problems << (problems == 1 ? " problem" : " problems");
  if (problems > 0 && warnings > 0) std::cout << ", ";
  if (warnings > 0) std::cout << warnings << (warnings == 1 ? " warning" : " warnings");
  std::cout << std::endl;
  return problems == 0 ? 0 : 1;
}

}  // namespace

void RegisterDoctor(CommandLine& line) {
  CLI::App* doctor = line.cli().add_subcommand(
      "doctor", "Check the configuration, database, folders, libvips and network settings");
  line.AddStoreOptions(doctor);
  line.OnRun(doctor, [&line] { return RunDoctor(line.options()); });
}

}  // namespace warta::app
