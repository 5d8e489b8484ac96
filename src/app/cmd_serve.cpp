// `warta serve`: opens and migrates the store, builds the site, serves until SIGTERM or
// SIGINT, then drains in-flight requests, flushes buffered views and exits 0.
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <mutex>

#include "app/cli.h"
#include "app/cluster.h"
#include "app/commands.h"
#include "app/comment_services.h"
#include "app/comment_spam_check.h"
#include "app/ingest_setup.h"
#include "app/media_setup.h"
#include "app/reader_services.h"
#include "app/serve_edge.h"
#include "auth/csrf.h"
#include "core/limits.h"
#include "engagement/service.h"
#include "engagement/view_counter.h"
#include "engagement/visitor.h"
#include "http/server/server.h"
#include "ingest/fetcher/address_policy.h"
#include "ingest/scheduler/scheduler.h"
#include "metrics/metrics.h"
#include "model/trending.h"
#include "newsroom/publisher.h"
#include "newsroom/service.h"
#include "storage/editorial_store.h"
#include "storage/settings_store.h"
#include "storage/spam_store.h"
#include "storage/tag_store.h"
#include "web/cache/popular.h"
#include "web/handlers.h"
#include "web/media_routes.h"
#include "web/view_models/article_newsroom.h"
#include "web/view_models/comment_view.h"
#include "web/web_app.h"

namespace warta::app {
namespace {

// Blocks the shutdown signals in this thread and every thread it starts later, so they
// can be taken synchronously with sigwait in main instead of in an async handler.
sigset_t BlockShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

Result<http::ServerOptions> ServerOptionsFrom(const config::Config& config) {
  auto listen = config::ParseListen(config.server.listen);
  if (!listen.ok()) return listen.error();
  http::ServerOptions options;
  options.host = listen->first;
  options.port = listen->second;
  options.threads = config.server.threads;
  options.max_header_bytes = static_cast<std::size_t>(config.server.max_header_bytes);
  options.max_body_bytes = static_cast<std::size_t>(config.server.max_body_bytes);
  options.read_timeout = std::chrono::seconds(config.server.read_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(config.server.idle_timeout_seconds);
  options.drain_timeout = std::chrono::seconds(config.server.drain_timeout_seconds);
  options.trusted_proxies = config.server.trusted_proxies;
  options.access_log = config.server.access_log;
  ApplyEdgeSettings(config, options);
  // Uploads: the picture plus room for the form around it (boundaries, part headers, alt).
  http::UploadRoute upload;
  upload.path = std::string(web::kMediaUploadPath);
  upload.max_body_bytes =
      static_cast<std::size_t>(config.media.max_upload_bytes) + std::size_t{64} * 1024;
  upload.too_large_message = "media: the file is larger than the limit of " +
                             media::SizeText(config.media.max_upload_bytes);
  // The admin's forms that carry a picture (web/admin/media_library.cpp, article_save.cpp).
  for (const char* path : {"/admin/media", "/admin/articles"}) {
    http::UploadRoute form = upload;
    form.path = path;
    options.upload_routes.push_back(std::move(form));
  }
  options.upload_routes.push_back(std::move(upload));
  // Every route that hashes a password runs on the login lane (issue 16, finding 1).
  http::LaneOptions login;
  login.paths = {"/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/password", "/reset/"};
  login.threads = config.accounts.hash_threads;
  login.queue = config.accounts.hash_queue;
  login.busy_message = "too many logins at once; try again in a few seconds";
  login.refused_metric = "warta_http_lane_refused_total";
  // Likes and shares block until their group's commit is synced (group_commit.h): on the I/O
  // threads one like would be in flight at a time and every like would pay its own sync.
  http::LaneOptions writes;
  writes.paths = {"/api/v1/articles/*/like", "/api/v1/articles/*/share"};
  writes.threads = config.server.write_threads;
  writes.queue = config.server.write_queue;
  writes.busy_message = "too many likes at once; try again in a few seconds";
  writes.refused_metric = "warta_http_write_lane_refused_total";
  options.lanes = {std::move(login), std::move(writes)};
  return options;
}

void RegisterViewMetrics(metrics::Registry& registry, engagement::ViewCounter& views,
                         web::ArticleCache& cache) {
  registry.AddCallbackGauge("warta_views_buffered", "Views counted but not yet flushed",
                            [&views] { return static_cast<double>(views.pending()); });
  registry.AddCallbackGauge("warta_views_counted_total", "Views counted since start",
                            [&views] { return static_cast<double>(views.counted_total()); });
  registry.AddCallbackGauge("warta_views_flushed_total", "Views written to the store since start",
                            [&views] { return static_cast<double>(views.flushed_total()); });
  registry.AddCallbackGauge("warta_views_tracked", "Visitor/article pairs in the dedup window",
                            [&views] { return static_cast<double>(views.tracked()); });
  registry.AddCallbackGauge("warta_article_cache_entries", "Rendered articles in memory",
                            [&cache] { return static_cast<double>(cache.size()); });
}

// http://HOST:PORT of the bound address; wildcard addresses become loopback, the one
// address certain to reach this server from this machine.
std::string ListenBaseUrl(const std::string& host, unsigned port) {
  std::string shown = host;
  if (host.empty() || host == "0.0.0.0") shown = "127.0.0.1";
  if (host == "::") shown = "::1";
  if (shown.find(':') != std::string::npos) shown = "[" + shown + "]";
  return "http://" + shown + ":" + std::to_string(port);
}

// The trending weights and half-life from the config (trending.*).
model::TrendingPolicy TrendingPolicyFrom(const config::Config& config) {
  const config::TrendingConfig& t = config.trending;
  model::TrendingPolicy policy;
  policy.half_life_seconds = t.half_life_seconds;
  policy.view_weight = t.weight_views;
  policy.like_weight = t.weight_likes;
  policy.comment_weight = t.weight_comments;
  policy.share_weight = t.weight_shares;
  return policy;
}

// The per-node popular lists (trending.*).
web::PopularOptions PopularOptionsFrom(const config::Config& config) {
  const config::TrendingConfig& t = config.trending;
  web::PopularOptions options;
  options.list_size = t.list_size;
  options.max_age_days = t.max_age_days;
  options.refresh = std::chrono::seconds(t.refresh_seconds);
  return options;
}

// Related articles for a page being rendered; a failed lookup renders the page without them.
std::vector<storage::RelatedArticle> RelatedOf(storage::Store& db, std::int64_t article_id) {
  constexpr int kRelated = 5;
  constexpr std::int64_t kWindowSeconds = std::int64_t{30} * 86400;
  auto related = db.tags().Related(article_id, kRelated, kWindowSeconds);
  if (related.ok()) return std::move(related).value();
  spdlog::warn("related: article {}: {}", article_id, related.error().ToString());
  return {};
}

// Context::reload_site: the site's settings as the database has them now, swapped in whole;
// every cache that rendered with the old Site renders again. Serialized: two admins saving
// at once get one swap each, in order.
Result<void> ReloadSite(const config::Config& config, storage::Store& db,
                        const std::string& base_url, web::SharedSite& site,
                        web::ArticleCache& articles, web::RenderedPages& front_pages,
                        web::DocumentCache& documents, web::PopularLists& popular,
                        const Clock& clock) {
  static std::mutex reloading;
  std::lock_guard lock(reloading);
  auto settings = web::ResolveSiteSettings(config, db.settings());
  if (!settings.ok()) return settings.error();
  WARTA_RETURN_IF_ERROR(web::ResolveLookPictures(settings->look, db.media()));
  settings->base_url = base_url;  // what serve resolved at start (it may be the bound port)
  // The section bar is serve's, shared by every Site; the new one keeps it.
  settings->section_bar = site.Load()->settings().section_bar;
  auto created = web::Site::Create(std::move(settings).value());
  if (!created.ok()) return created.error();
  site.Store(std::move(created).value());
  articles.Clear();
  front_pages.Clear();
  documents.Clear();
  WARTA_RETURN_IF_ERROR(popular.Refresh(clock.NowUnix()));
  spdlog::info("settings: the site's settings were reloaded (\"{}\")",
               site.Load()->settings().name);
  return Ok();
}

}  // namespace

int RunServe(const CommonOptions& options) {
  sigset_t shutdown_signals = BlockShutdownSignals();
  auto config = LoadConfig(options);
  if (!config.ok()) return Fail(config.error().ToString());
  spdlog::set_level(spdlog::level::from_str(config->log.level));
  auto server_options = ServerOptionsFrom(config.value());
  if (!server_options.ok()) return Fail(server_options.error().ToString());
  auto store = OpenMigratedStore(config.value());
  if (!store.ok()) return Fail(store.error().ToString());
  storage::Store& db = *store.value();
  // Several nodes on one PostgreSQL: shared job locks and cache changes (app/cluster.h).
  std::unique_ptr<Cluster> cluster = Cluster::ForDatabase(config->db.url);
  auto secret = SigningSecret(db.settings());
  if (!secret.ok()) return Fail(secret.error().ToString());
  auto site_settings = web::ResolveSiteSettings(config.value(), db.settings());
  if (!site_settings.ok()) return Fail(site_settings.error().ToString());
  if (auto look = web::ResolveLookPictures(site_settings->look, db.media()); !look.ok()) {
    return Fail(look.error().ToString());
  }
  metrics::Registry registry;
  // The server binds first (the handler forwards to the app built below), so a site without
  // site.base_url can link to the port it really listens on.
  web::WebApp* app_pointer = nullptr;
  auto server = http::Server::Create(
      server_options.value(),
      [&app_pointer](const http::Request& request) { return app_pointer->Handle(request); },
      &registry);
  if (!server.ok()) return Fail(server.error().ToString());
  if (!config->IsExplicit("site.base_url")) {
    site_settings->base_url = ListenBaseUrl(server_options->host, server.value()->port());
    if (server_options->host != "127.0.0.1" && server_options->host != "::1") {
      spdlog::warn(
          "site.base_url is not set: links in pages and feeds use {}; set it to the "
          "site's public URL",
          site_settings->base_url);
    }
  }
  // The header's section bar, read now and again as pages render (web/cache/section_bar.h).
  auto section_bar = std::make_shared<web::SectionBar>();
  if (auto read = section_bar->Refresh(db.sections()); !read.ok()) {
    spdlog::warn("sections: {}", read.error().ToString());
  }
  site_settings->section_bar = section_bar;
  const std::string base_url = site_settings->base_url;
  auto created = web::Site::Create(std::move(site_settings).value());
  if (!created.ok()) return Fail(created.error().ToString());
  // Swapped by reload_site; every user below follows it.
  web::SharedSite site(created.value());

  engagement::ViewCounterOptions view_options;
  view_options.window_seconds = config->views.window_minutes * 60;
  view_options.max_tracked = static_cast<std::size_t>(config->views.max_tracked);
  // The dashboard's days are the site's (core/day.h).
  const DayOf site_day = [site](std::int64_t unix_seconds) {
    return site.Load()->formatter().DayNumber(unix_seconds);
  };
  engagement::ViewCounter views(db.articles(), view_options, site_day);
  const Clock& clock = SystemClock::Get();
  engagement::VisitorIdentifier visitors(secret.value());
  auth::CsrfTokens csrf(secret.value());
  // Likely spam waits for a moderator; moderators' decisions teach the classifier.
  spam::Classifier spam_classifier(db.spam());
  ClassifierSpamCheck spam_check(spam_classifier);
  CommentParts comment_parts(db, config.value(), &spam_check, site_day);
  web::CommentServices* comment_services = comment_parts.services();
  web::PictureCache pictures(db.media());
  web::ArticleCache articles(
      db.articles(), views,
      [&site, &db, &clock, &pictures, comment_services](
          const model::Article& article, const std::string& path,
          const std::string& locale) -> Result<web::SplicedPage> {
        // Dek, bylines, section and corrections: a failed read fails the render rather than
        // caching a page without its corrections.
        auto newsroom = web::LoadArticleNewsroom(db, article.id);
        if (!newsroom.ok()) return newsroom.error();
        auto lead = pictures.Find(article.lead_media_id);
        return web::RenderArticleWithComments(site->For(locale), comment_services, article, path,
                                              RelatedOf(db, article.id), clock.NowUnix(),
                                              &newsroom.value(), lead.get());
      },
      /*capacity=*/20'000, /*refresh_seconds=*/5);
  // Likes and shares keep the article cache's counters current as they commit.
  engagement::EngagementService engagement(
      db, views, &articles,
      engagement::EngagementLimits{static_cast<double>(config->ratelimit.likes_per_minute),
                                   config->ratelimit.enabled,
                                   static_cast<double>(config->ratelimit.cookieless_per_hour)},
      clock, site_day);
  if (auto set = engagement.SetTrendingPolicy(TrendingPolicyFrom(config.value())); !set.ok()) {
    return Fail(set.error().ToString());
  }
  web::PopularLists popular(db, site, PopularOptionsFrom(config.value()), clock);
  registry.AddCallbackGauge("warta_popular_refreshes_total",
                            "Most popular lists rebuilt since start",
                            [&popular] { return static_cast<double>(popular.refreshes()); });
  RegisterViewMetrics(registry, views, articles);
  ReaderParts readers(db, config.value());
  web::DocumentCache documents(config->feeds.cache_seconds, /*capacity=*/4096);
  web::Context::FeedOptions feeds{config->feeds.cache_seconds, config->feeds.items};
  web::Context context{site,      db,       clock,    engagement,         visitors,
                       csrf,      registry, articles, readers.services(), comment_services,
                       documents, feeds};
  context.popular = &popular;
  // The front page, section, tag and search pages are rendered at most every 2 s per locale
  // and URL. Many distinct searches fill it: it is emptied when full, which costs the front
  // page one render it would have within 2 s anyway.
  web::RenderedPages front_pages(/*ttl_seconds=*/2, /*capacity=*/2048);
  context.pictures = &pictures;
  context.front = &front_pages;
  context.sections = section_bar.get();
  auto library = OpenMediaLibrary(config.value(), db);
  if (!library.ok()) return Fail(library.error().ToString());
  media::FileCache media_files(library.value()->files());
  web::MediaServices media_services{*library.value(), media_files};
  context.media = &media_services;
  // The newsroom: every committed change drops the article's cached page and wakes the
  // publisher, whose next due time may have moved.
  newsroom::Publisher* publisher_ptr = nullptr;
  newsroom::NewsroomOptions newsroom_options;
  newsroom_options.languages = site->settings().locales;
  if (newsroom_options.languages.empty()) {
    newsroom_options.languages.push_back(site->settings().locale);
  }
  newsroom_options.default_lang = site->settings().locale;
  // An article that joins or leaves the public ones changes more than its own page: the
  // front and section pages, feeds and sitemaps, the most popular list, and (a new
  // section) the section bar. This node drops them at once (other nodes follow within their
  // TTLs and refresh intervals).
  const std::function<void(std::int64_t)> drop_article =
      [&articles, &front_pages, &documents, &popular, &section_bar, &db, &clock](std::int64_t id) {
        articles.Invalidate(id);
        front_pages.Clear();
        documents.Clear();
        if (auto refreshed = popular.Refresh(clock.NowUnix()); !refreshed.ok()) {
          spdlog::warn("popular: refresh after a change to article {}: {}", id,
                       refreshed.error().ToString());
        }
        if (auto read = section_bar->Refresh(db.sections()); !read.ok()) {
          spdlog::warn("sections: {}", read.error().ToString());
        }
      };
  // Other nodes drop the same (app/cluster.h).
  const std::function<void(std::int64_t)> article_changed = [&drop_article,
                                                             &cluster](std::int64_t id) {
    drop_article(id);
    if (cluster) cluster->AnnounceArticle(id);
  };
  newsroom_options.on_change = [&article_changed, &publisher_ptr](std::int64_t id) {
    article_changed(id);
    if (publisher_ptr != nullptr) publisher_ptr->Wake();
  };
  const std::function<Result<void>()> reload_locally =
      [&config, &db, &site, &base_url, &articles, &front_pages, &documents, &popular, &clock]() {
        return ReloadSite(config.value(), db, base_url, site, articles, front_pages, documents,
                          popular, clock);
      };
  context.reload_site = [&reload_locally, &cluster]() -> Result<void> {
    WARTA_RETURN_IF_ERROR(reload_locally());
    if (cluster) cluster->AnnounceSettings();
    return Ok();
  };
  // Background ingest (ingest.enabled): fetches due sources every ingest.interval_seconds.
  std::unique_ptr<ingest::scheduler::Scheduler> ingester;
  if (config->ingest.enabled) {
    ingest::scheduler::SchedulerOptions ingest_options;
    ingest_options.interval = std::chrono::seconds(config->ingest.interval_seconds);
    if (cluster) ingest_options.may_run = cluster->IngestLease();
    ingest::pipeline::PipelineOptions pipeline_options = PipelineOptionsFrom(config.value());
    pipeline_options.pictures = library.value().get();  // feed pictures, served from /media/
    auto scheduler = ingest::scheduler::Scheduler::Create(db, std::move(pipeline_options),
                                                          ingest_options, &registry);
    if (!scheduler.ok()) return Fail(scheduler.error().ToString());
    ingester = std::move(scheduler).value();
  }
  // "Fetch now" in the admin: queued on the ingest thread (scheduler.h FetchNow); without
  // ingest the button is hidden and the API answers 503.
  if (ingester) {
    context.fetch_source_now = [scheduler = ingester.get()](std::int64_t id) {
      return scheduler->FetchNow(id);
    };
  }
  newsroom::EditorialService editorial(db, clock, std::move(newsroom_options));
  context.editorial = &editorial;
  context.metrics_access = {config->security.metrics_public, config->security.metrics_token};
  if (!config->fetch.allow_private) context.check_source_url = ingest::fetcher::CheckFeedUrlHost;
  web::WebApp app(std::move(context));
  app_pointer = &app;  // before Start: no request reaches the handler earlier
  engagement::PeriodicFlusher flusher(
      views, std::chrono::milliseconds(config->views.flush_interval_ms),
      [](const Error& error) {
        spdlog::warn("views: flush failed, will retry: {}", error.ToString());
      },
      clock);
  // Scheduled publishing and withdrawals (docs/decisions/0009-newsroom.md): a published or
  // withdrawn article's cached page goes at once (the admin pages will drop more).
  newsroom::PublisherOptions publisher_options;
  if (cluster) publisher_options.may_run = cluster->PublisherLease();
  newsroom::Publisher publisher(db.editorial(), clock, publisher_options, article_changed);
  publisher_ptr = &publisher;
  registry.AddCallbackGauge(
      "warta_publisher_published_total", "Scheduled articles published by this node",
      [&publisher] { return static_cast<double>(publisher.published_total()); });
  registry.AddCallbackGauge("warta_publisher_late_total",
                            "Scheduled changes made more than 5 s late by this node",
                            [&publisher] { return static_cast<double>(publisher.late_total()); });
  if (cluster) {
    cluster->Start(ClusterHandlers{
        // "page ID": a comment changed (the comment store announces it, on every node).
        drop_article, [&articles](std::int64_t id) { articles.Invalidate(id); },
        [&reload_locally] {
          if (auto reloaded = reload_locally(); !reloaded.ok()) {
            spdlog::warn("cluster: settings: {}", reloaded.error().ToString());
          }
        },
        [&reload_locally, &articles, &front_pages, &documents] {
          articles.Clear();
          front_pages.Clear();
          documents.Clear();
          if (auto reloaded = reload_locally(); !reloaded.ok()) {
            spdlog::warn("cluster: settings: {}", reloaded.error().ToString());
          }
        }});
  }
  popular.Start();
  server.value()->Start();
  publisher.Start();
  if (ingester) ingester->Start();
  // Always printed, whatever the log level: scripts and tests read the address from it. One
  // write: std::cerr is unbuffered, so a line written piece by piece could be cut by a log
  // line from another thread ("http://127.0.0.1:2026-12-07T05:05:29 info cluster: ..."),
  // and a reader took the log's year for the port.
  const std::string& host = server_options->host;
  std::string shown_host = host.find(':') == std::string::npos ? host : "[" + host + "]";
  const std::string serving = "warta: serving \"" + site->settings().name + "\" on http://" +
                              shown_host + ":" + std::to_string(server.value()->port()) + " (" +
                              std::string(db.backend_name()) + ")\n";
  std::cerr.write(serving.data(), static_cast<std::streamsize>(serving.size()));
  std::cerr.flush();

  int signal_number = 0;
  sigwait(&shutdown_signals, &signal_number);
  spdlog::info("warta: {} received, draining", signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
  if (ingester) ingester->Stop();  // cancels running fetches; their sources stay due
  publisher.Stop();                // what falls due from now on is published at the next start
  server.value()->Stop();
  flusher.Stop();  // the final flush: every counted view reaches the store
  popular.Stop();
  if (cluster) cluster->Stop();
  if (views.pending() != 0) {
    return Fail("views: " + std::to_string(views.pending()) + " views could not be flushed");
  }
  spdlog::info("warta: stopped cleanly");
  return 0;
}

void RegisterServe(CommandLine& line) {
  CLI::App* serve = line.cli().add_subcommand("serve", "Serve the portal over HTTP");
  line.AddStoreOptions(serve);
  std::string* listen = &line.NewValue();
  serve->add_option("--listen", *listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  line.OnRun(serve, [&line, listen] {
    CommonOptions& options = line.options();
    if (!listen->empty()) options.overrides["server.listen"] = *listen;
    return RunServe(options);
  });
}

}  // namespace warta::app
