#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/commands.h"
#include "core/limits.h"
#include "model/article_json.h"
#include "storage/article_store.h"

namespace warta::app {

int RunArticleAdd(const CommonOptions& options, const std::string& json_file) {
  auto config = LoadConfig(options);
  if (!config.ok()) return Fail(config.error().ToString());
  auto json = ReadInputFile(json_file, limits::kMaxArticleJsonBytes, "article add");
  if (!json.ok()) return Fail(json.error().ToString());
  auto article = model::ParseArticleJson(json.value());
  if (!article.ok()) return Fail(json_file + ": " + article.error().ToString());
  auto store = OpenMigratedStore(config.value());
  if (!store.ok()) return Fail(store.error().ToString());
  auto id = AddArticle(*store.value(), std::move(article).value(), config->site.base_url);
  if (!id.ok()) return Fail(json_file + ": " + id.error().ToString());
  auto stored = store.value()->articles().FindById(id.value());
  if (!stored.ok()) return Fail(stored.error().ToString());
  nlohmann::json out = {{"id", id.value()}, {"path", model::ArticlePath(id.value(), stored->slug)}};
  std::cout << out.dump() << "\n";
  return 0;
}

// `article status` (app/cmd_article_status.cpp).
void RegisterArticleStatus(CommandLine& line, CLI::App* article);

void RegisterArticle(CommandLine& line) {
  CLI::App* article = line.cli().add_subcommand("article", "Manage articles");
  article->require_subcommand(1);
  CLI::App* add = article->add_subcommand("add", "Add one article from a JSON file");
  line.AddStoreOptions(add);
  std::string* json_file = &line.NewValue();
  add->add_option("--json", *json_file, "Article JSON file ('-' for stdin)")->required();
  line.OnRun(add, [&line, json_file] { return RunArticleAdd(line.options(), *json_file); });
  RegisterArticleStatus(line, article);  // app/cmd_article_status.cpp
}

}  // namespace warta::app
