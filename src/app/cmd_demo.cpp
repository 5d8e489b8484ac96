// `warta demo`: the demo site "Media Jepang" with sample articles written for the project
// (app/demo_content.cpp). Loads once: running it again changes nothing.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/commands.h"
#include "app/demo_content.h"
#include "app/demo_newsroom.h"
#include "app/demo_pictures.h"
#include "app/media_setup.h"
#include "model/article_json.h"
#include "spam/demo_corpus.h"
#include "storage/settings_store.h"
#include "storage/spam_store.h"
#include "web/site.h"

namespace warta::app {
namespace {

constexpr const char* kDemoLoadedKey = "demo.loaded";

// Demo articles go through the same JSON parser and checks as `article add`.
Result<model::NewArticle> ToNewArticle(const DemoArticle& demo) {
  nlohmann::json json = {
      {"title", demo.title}, {"source", demo.source},       {"published", demo.published},
      {"lang", demo.lang},   {"body_text", demo.body_text}, {"tags", demo.tags},
      {"views", demo.views}, {"likes", demo.likes},         {"shares", demo.shares}};
  if (!demo.url.empty()) json["url"] = demo.url;
  return model::ParseArticleJson(json.dump());
}

}  // namespace

int RunDemo(const CommonOptions& options) {
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  storage::Store& store = *opened->store;
  storage::SettingsStore& settings = store.settings();
  auto loaded = settings.Get(kDemoLoadedKey);
  if (!loaded.ok()) return Fail(loaded.error().ToString());
  if (loaded.value().has_value()) {
    std::cout << "demo site is already loaded\n";
    return 0;
  }
  for (const auto& [key, value] :
       {std::pair{web::kSettingSiteName, "Media Jepang"}, std::pair{web::kSettingSiteLocale, "id"},
        std::pair{web::kSettingSiteTimeZone, "Asia/Jakarta"}}) {
    auto set = settings.Set(key, value);
    if (!set.ok()) return Fail(set.error().ToString());
  }
  // Pictures drawn now (app/demo_pictures.h); without libvips the demo has none.
  std::vector<std::int64_t> pictures;
  if (auto library = OpenMediaLibrary(opened->config, store); library.ok()) {
    auto drawn = AddDemoPictures(*library.value());
    if (drawn.ok()) pictures = std::move(drawn).value();
    if (!drawn.ok()) std::cerr << "warta: demo pictures: " << drawn.error().ToString() << "\n";
  }
  int added = 0;
  for (const DemoArticle& demo : DemoArticles()) {
    auto article = ToNewArticle(demo);
    if (!article.ok())
      return Fail("demo article '" + demo.title + "': " + article.error().ToString());
    // Two articles in three get a picture, as on a news site where some stories have none.
    if (!pictures.empty() && added % 3 != 2) {
      article->lead_media_id = pictures[static_cast<std::size_t>(added) % pictures.size()];
    }
    auto id = AddArticle(store, std::move(article).value(), opened->config.site.base_url);
    if (!id.ok()) return Fail("demo article '" + demo.title + "': " + id.error().ToString());
    ++added;
  }
  if (auto newsroom = LoadDemoNewsroom(store, SystemClock::Get()); !newsroom.ok()) {
    return Fail("demo newsroom: " + newsroom.error().ToString());
  }
  // A fresh demo site's spam classifier starts with examples, so it has an opinion at once.
  spam::Classifier classifier(store.spam());
  if (auto taught = spam::TeachDemo(classifier); !taught.ok()) {
    return Fail("demo spam examples: " + taught.error().ToString());
  }
  auto done = settings.Set(kDemoLoadedKey, "1");
  if (!done.ok()) return Fail(done.error().ToString());
  std::cout << "loaded the demo site \"Media Jepang\" with " << added << " articles\n";
  return 0;
}

void RegisterDemo(CommandLine& line) {
  CLI::App* demo = line.cli().add_subcommand("demo", "Load the demo site \"Media Jepang\"");
  line.AddStoreOptions(demo);
  auto articles = std::make_shared<std::int64_t>(0);
  auto seed = std::make_shared<std::uint64_t>(1);
  demo->add_option("--articles", *articles,
                   "Also generate N articles (app/demo_generator.h), e.g. for benchmarks");
  demo->add_option("--seed", *seed, "Seed of the generated articles (same seed, same site)");
  line.OnRun(demo, [&line, articles, seed, demo] {
    if (demo->count("--articles") == 0) return RunDemo(line.options());
    return RunDemoGenerate(line.options(), *articles, *seed);
  });
}

}  // namespace warta::app
