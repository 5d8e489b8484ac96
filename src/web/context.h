// Everything a handler may use. Built once by `serve` (app/) and shared by all request
// threads; handlers are plain functions of (Context, Request) to Response.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "auth/accounts.h"
#include "auth/csrf.h"
#include "auth/rate_limiter.h"
#include "auth/sessions.h"
#include "comments/service.h"
#include "core/clock.h"
#include "engagement/service.h"
#include "engagement/visitor.h"
#include "http/message.h"
#include "metrics/metrics.h"
#include "newsroom/service.h"
#include "storage/store.h"
#include "web/cache/article_cache.h"
#include "web/cache/document_cache.h"
#include "web/cache/picture_cache.h"
#include "web/cache/popular.h"
#include "web/cache/rendered_pages.h"
#include "web/cache/section_bar.h"
#include "web/shared_site.h"
#include "web/site.h"

namespace warta::web {

// Readers' accounts and sessions (web/request/reader.h).
struct ReaderServices {
  auth::Accounts& accounts;
  auth::SessionManager& sessions;
  bool registration = true;  // readers may create accounts (accounts.registration)
};

// Comments: the rules (comments/service.h) and the limits on posting (per address and per
// account; ratelimit.comments_per_minute).
struct CommentServices {
  comments::CommentService& service;
  auth::RateLimiter& per_address;
  auth::RateLimiter& per_account;
};

struct MediaServices;  // web/media_routes.h

struct Context {
  // The site as readers see it; swapped by reload_site (web/shared_site.h: requests see one
  // Site from start to end).
  SharedSite site;
  storage::Store& store;
  // The time of every request: caches' TTLs, sessions, comment rules (FakeClock in tests).
  const Clock& clock;
  // Views, likes and shares: the rules and the counters shown (engagement/service.h).
  engagement::EngagementService& engagement;
  const engagement::VisitorIdentifier& visitors;
  const auth::CsrfTokens& csrf;
  metrics::Registry& metrics;
  ArticleCache& articles;
  ReaderServices readers;
  CommentServices* comments = nullptr;  // null: the site takes no comments
  // Feeds out, sitemaps, robots.txt (feeds.* options).
  DocumentCache& documents;
  struct FeedOptions {
    int cache_seconds = 60;
    int items = 50;
  } feeds;
  // The most popular list and the tag directory (web/cache/popular.h); null: no list shown, and
  // tag pages are served from the store alone.
  PopularLists* popular = nullptr;
  // Pictures: uploads and /media/ (web/media_routes.h); null: neither.
  MediaServices* media = nullptr;
  // The newsroom's articles (newsroom/service.h): the Admin API and /admin call it; null: no
  // newsroom routes answer (503).
  newsroom::EditorialService* editorial = nullptr;
  // Re-reads the site's settings from the database and swaps `site` (the admin's settings
  // page calls it after a save); empty: settings changes show after a restart.
  std::function<Result<void>()> reload_site = {};
  // Fetches one source now, outside its schedule ("fetch now" in the admin); empty: refused.
  std::function<Result<void>(std::int64_t source_id)> fetch_source_now = {};
  // The front page (web/pages/front_page.h): pictures by id, rendered home, section, tag and
  // search pages, the section bar. Null: no pictures / pages rendered per request / no bar.
  PictureCache* pictures = nullptr;
  RenderedPages* front = nullptr;
  SectionBar* sections = nullptr;
  // Who may read /metrics (security.*): loopback always, everyone when `open`, and any
  // address that sends "Authorization: Bearer <token>" when a token is set.
  struct MetricsAccess {
    bool open = false;
    std::string token;
  } metrics_access = {};
  // The fetcher's address rule for the URL of a new source (Admin API, admin pages, OPML):
  // an error refuses it. Empty: every host accepted (fetch.allow_private, tests).
  std::function<Result<void>(std::string_view url)> check_source_url = {};
};

// The reader behind a request, as far as counting and forms need to know.
struct Visitor {
  engagement::VisitorId id;
  bool crawler = false;
  std::string set_cookie;  // a Set-Cookie value to send, empty when the cookie is current
  std::string csrf_token;
  std::uint64_t new_cookie_id = 0;  // the random id set_cookie carries (0: none)
};

inline constexpr std::string_view kVisitorCookie = "warta_vid";

// csrf_token is the token of the reader: bound to their session when the request carries a
// valid session cookie, else to the visitor (web/request/reader.h has the whole reader).
Visitor IdentifyVisitor(const Context& context, const http::Request& request,
                        std::int64_t now_unix);

// A positive row id of at most limits::kMaxIdDigits digits, or nullopt.
std::optional<std::int64_t> ParseId(std::string_view text);

}  // namespace warta::web
