// `warta db copy --from sqlite:PATH --to postgresql://...`: moves a whole site to PostgreSQL
// (storage/db_copy.h): resumable (run it again after an interruption), a progress bar on a
// terminal and a line per table otherwise, a JSON summary on stdout at the end.
#include "app/cmd_db.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/commands.h"
#include "storage/db_copy.h"

namespace warta::app {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void OnInterrupt(int /*signal*/) { g_cancel.store(true); }

void ShowBar(const storage::CopyProgress& p) {
  constexpr int kWidth = 30;
  const double share = p.total > 0 ? static_cast<double>(p.done) / static_cast<double>(p.total) : 1;
  const int filled = static_cast<int>(share * kWidth);
  std::fprintf(stderr, "\r[%s%s] %3d%% %-22.22s %lld/%lld ", std::string(filled, '#').c_str(),
               std::string(kWidth - filled, ' ').c_str(), static_cast<int>(share * 100),
               p.table.c_str(), static_cast<long long>(p.table_done),
               static_cast<long long>(p.table_total));
}

int RunDbCopy(const std::string& from, const std::string& to, int batch) {
  // Interrupted copies stop after the batch in flight, committed: the next run resumes there.
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  const bool tty = isatty(STDERR_FILENO) != 0;
  std::string last_table;
  storage::CopyOptions options;
  options.batch_rows = batch;
  options.cancel = &g_cancel;
  options.on_progress = [&](const storage::CopyProgress& p) {
    if (tty) return ShowBar(p);
    // Plain lines for logs: one when a table is done.
    if (p.table_done == p.table_total || p.table != last_table) {
      if (p.table_done == p.table_total) {
        std::cerr << "db copy: " << p.table << ": " << p.table_done << " rows (" << p.done << "/"
                  << p.total << ")" << std::endl;
      }
      last_table = p.table;
    }
  };
  auto summary = storage::CopyDatabase(from, to, options);
  if (tty) std::cerr << std::endl;
  if (!summary.ok()) return Fail(summary.error().message);
  nlohmann::json out = {{"tables", summary->tables},
                        {"rows", summary->rows},
                        {"resumed", summary->resumed},
                        {"articles_indexed", summary->articles_indexed}};
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace

void RegisterDb(CommandLine& line) {
  CLI::App* db = line.cli().add_subcommand("db", "Move a site between databases");
  db->require_subcommand(1);
  CLI::App* copy = db->add_subcommand(
      "copy", "Copy every table from a SQLite file to an empty PostgreSQL database (resumable)");
  std::string* from = &line.NewValue();
  std::string* to = &line.NewValue();
  auto batch = std::make_shared<int>(2000);
  copy->add_option("--from", *from, "sqlite:PATH")->required();
  copy->add_option("--to", *to, "postgresql://USER@HOST/DB (empty, or a copy to resume)")
      ->required();
  copy->add_option("--batch", *batch, "Rows per transaction")->check(CLI::Range(1, 100000));
  line.OnRun(copy, [from, to, batch] { return RunDbCopy(*from, *to, *batch); });
}

}  // namespace warta::app
