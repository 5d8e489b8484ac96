// `warta demo --articles N`: the demo site plus N generated articles (app/demo_generator.h),
// written through the bulk path (storage/bulk_load.h) so a million take minutes. Runs once per
// database: the setting demo.generated remembers the count.
#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include "app/commands.h"
#include "app/demo_generator.h"
#include "app/demo_queue.h"
#include "core/clock.h"
#include "storage/bulk_load.h"
#include "storage/media_store.h"
#include "storage/settings_store.h"

namespace warta::app {
namespace {

constexpr const char* kGeneratedKey = "demo.generated";
constexpr std::int64_t kMaxArticles = 10'000'000;
constexpr std::int64_t kProgressEvery = 100'000;
constexpr int kMaxPictures = 100;
// How far the producer may run ahead of the writer (a prepared article holds ~30 KB).
constexpr std::size_t kQueuedArticles = 64;

// The pictures the demo drew (none without libvips): generated articles reuse them.
Result<std::vector<std::int64_t>> PictureIds(storage::Store& store) {
  auto media = store.media().ListNewest(kMaxPictures, 0);
  if (!media.ok()) return media.error();
  std::vector<std::int64_t> ids;
  for (const auto& m : media.value()) ids.push_back(m.id);
  return ids;
}

Result<storage::BulkLoadReport> Generate(const std::string& url, GeneratorSettings settings) {
  auto loader = storage::OpenBulkLoader(url);
  if (!loader.ok()) return loader.error();
  storage::BulkLoader& bulk = *loader.value();
  auto sections = bulk.EnsureSections(GeneratedSections());
  if (!sections.ok()) return sections.error();
  auto authors = bulk.EnsureAuthors(GeneratedAuthors());
  if (!authors.ok()) return authors.error();
  WARTA_RETURN_IF_ERROR(bulk.EnsureSources(GeneratedSources()));
  auto preparer = bulk.NewPreparer();
  if (!preparer.ok()) return preparer.error();
  settings.section_ids = std::move(sections).value();
  settings.author_ids = std::move(authors).value();
  const std::int64_t count = settings.articles;
  // Two cores: this thread writes; the producer generates the next articles and analyzes their
  // text for the search index. Except when the writer is waiting for work right now: then the
  // producer hands the next article over unprepared and the writer analyzes it itself (Add does
  // whatever the preparer did not). Deciding by the queue's length instead would act a whole
  // queue too late and leave one core idle in turns.
  BoundedQueue<storage::BulkArticle> queue(kQueuedArticles);
  std::thread producer([&queue, &preparer, count, settings = std::move(settings)]() mutable {
    SiteGenerator generator(std::move(settings));
    for (std::int64_t i = 0; i < count; ++i) {
      storage::BulkArticle article = generator.Next();
      if (queue.Size() > 0) (*preparer)->Prepare(article);
      if (!queue.Push(std::move(article))) return;
    }
    queue.Close();
  });
  Result<storage::BulkLoadReport> report = Error::Internal("demo: nothing generated");
  std::int64_t added = 0;
  for (;;) {
    std::optional<storage::BulkArticle> article = queue.Pop();
    if (!article.has_value()) {
      report = bulk.Finish();
      break;
    }
    auto id = bulk.Add(*article);
    if (!id.ok()) {
      report = id.error();
      break;
    }
    if (++added % kProgressEvery == 0) std::cerr << "warta: generated " << added << " articles\n";
  }
  queue.Stop();  // after an error: the producer stops at its next article
  producer.join();
  return report;
}

}  // namespace

int RunDemoGenerate(const CommonOptions& options, std::int64_t articles, std::uint64_t seed) {
  if (articles < 1 || articles > kMaxArticles) {
    return Fail("demo: --articles must be between 1 and " + std::to_string(kMaxArticles));
  }
  const auto start = std::chrono::steady_clock::now();
  std::string url;
  std::vector<std::int64_t> pictures;
  {
    // Refused before anything is written, so a PostgreSQL database is left as it was.
    auto config = LoadConfig(options);
    if (!config.ok()) return Fail(config.error().ToString());
    url = config->db.url;
    if (url.rfind("sqlite:", 0) != 0) {
      return Fail(
          "demo: --articles writes to SQLite only (--db sqlite:PATH); to fill "
          "PostgreSQL, generate into a SQLite file and copy it over");
    }
    auto opened = OpenConfiguredStore(options);
    if (!opened.ok()) return Fail(opened.error().ToString());
    auto generated = opened->store->settings().Get(kGeneratedKey);
    if (!generated.ok()) return Fail(generated.error().ToString());
    if (generated.value().has_value()) {
      std::cout << "a generated site is already loaded (" << *generated.value() << " articles)\n";
      return 0;
    }
  }
  // The demo site first (settings, pictures, newsroom, sample articles): loaded once.
  if (int demo = RunDemo(options); demo != 0) return demo;
  {
    auto opened = OpenConfiguredStore(options);
    if (!opened.ok()) return Fail(opened.error().ToString());
    auto ids = PictureIds(*opened->store);
    if (!ids.ok()) return Fail(ids.error().ToString());
    pictures = std::move(ids).value();
  }
  GeneratorSettings settings;
  settings.articles = articles;
  settings.seed = seed;
  settings.now = UnixNow();
  settings.picture_ids = std::move(pictures);
  auto report = Generate(url, std::move(settings));
  if (!report.ok()) return Fail("demo: generating: " + report.error().ToString());
  {
    auto opened = OpenConfiguredStore(options);
    if (!opened.ok()) return Fail(opened.error().ToString());
    auto set = opened->store->settings().Set(kGeneratedKey, std::to_string(articles));
    if (!set.ok()) return Fail(set.error().ToString());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "generated " << report->articles << " articles (" << report->tags << " tags, "
            << report->likes << " likes, " << report->comments << " comments; "
            << report->prepared_values << " search values analyzed ahead) in "
            << static_cast<std::int64_t>(seconds * 10) / 10.0 << " s\n";
  return 0;
}

}  // namespace warta::app
