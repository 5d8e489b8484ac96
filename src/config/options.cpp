// The option table: every setting of warta, in one place (after Miniflux's config options).
// Defaults live in config.h's member initializers, so the table cannot disagree with them.
// docs/configuration.md and warta.example.toml list these rows; config_test checks both.
#include "config/options.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/ascii.h"

namespace warta::config::internal {
namespace {

bool OneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool HasSpace(std::string_view s) { return std::any_of(s.begin(), s.end(), ascii::IsSpace); }

std::string CheckNonEmpty(std::string& value) { return value.empty() ? "must not be empty" : ""; }

std::string CheckLocale(std::string& value) {
  if (OneOf(value, {"id", "en", "ja"})) return "";
  return "unknown locale '" + value + "' (one of: id, en, ja)";
}

std::string CheckTimeZone(std::string& value) {
  // The IANA name itself is checked by ICU when the site starts; config has no ICU.
  if (value.empty() || HasSpace(value)) return "not a time zone name: '" + value + "'";
  return "";
}

// A host name as the sanitizer compares it: lower case, letters, digits, dots and hyphens.
std::string CheckHost(std::string& value) {
  for (char& c : value) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const bool ok = !value.empty() && value.front() != '.' && value.back() != '.' &&
                  std::all_of(value.begin(), value.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
                  });
  return ok ? "" : "not a host name: '" + value + "'";
}

std::string CheckBaseUrl(std::string& value) {
  std::string_view v = value;
  std::string_view rest;
  if (v.substr(0, 7) == "http://") rest = v.substr(7);
  if (v.substr(0, 8) == "https://") rest = v.substr(8);
  if (rest.empty() || rest.front() == '/' || HasSpace(v)) {
    return "not an http(s) URL: '" + value + "'";
  }
  // Paths are appended to it, so "https://x/" would give "https://x//article".
  while (value.size() > 1 && value.back() == '/') value.pop_back();
  return "";
}

std::string CheckMonthName(std::string& value) { return value.empty() ? "empty month name" : ""; }

// "Label|URL": a label and a local path ("/halaman/kontak") or an http(s) URL.
std::string CheckFooterLink(std::string& value) {
  const std::size_t bar = value.find('|');
  if (bar == std::string::npos || bar == 0) return "expected \"Label|URL\", got '" + value + "'";
  const std::string_view url = std::string_view(value).substr(bar + 1);
  const bool local = url.size() > 1 && url[0] == '/' && url[1] != '/';
  const bool web = url.substr(0, 8) == "https://" || url.substr(0, 7) == "http://";
  if ((!local && !web) || HasSpace(std::string(url))) {
    return "not a local path or http(s) URL: '" + std::string(url) + "'";
  }
  return "";
}

std::string CheckListen(std::string& value) {
  std::string host;
  std::uint16_t port = 0;
  return SplitListen(value, host, port);
}

std::string CheckDbUrl(std::string& value) {
  std::string_view v = value;
  if (v.substr(0, 7) == "sqlite:" && v.size() > 7) return "";
  if (v.substr(0, 13) == "postgresql://" || v.substr(0, 11) == "postgres://") return "";
  return "expected sqlite:PATH or postgresql://…, got '" + value + "'";
}

std::string CheckLogLevel(std::string& value) {
  if (OneOf(value, {"trace", "debug", "info", "warn", "error", "off"})) return "";
  return "unknown log level '" + value + "' (one of: trace, debug, info, warn, error, off)";
}

std::string CheckCommentOrder(std::string& value) {
  if (OneOf(value, {"oldest", "newest"})) return "";
  return "unknown comment order '" + value + "' (oldest or newest)";
}

// An address or a CIDR block: "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8".
std::string CheckProxy(std::string& value) {
  std::string address = value;
  int max_bits = 32;
  std::array<unsigned char, 16> buffer{};
  const auto slash = value.find('/');
  if (slash != std::string::npos) address = value.substr(0, slash);
  if (inet_pton(AF_INET, address.c_str(), buffer.data()) != 1) {
    if (inet_pton(AF_INET6, address.c_str(), buffer.data()) != 1) {
      return "not an IP address or CIDR block: '" + value + "'";
    }
    max_bits = 128;
  }
  if (slash == std::string::npos) return "";
  const std::string bits = value.substr(slash + 1);
  const bool digits =
      !bits.empty() && bits.size() <= 3 && std::all_of(bits.begin(), bits.end(), ascii::IsDigit);
  if (!digits || std::stoi(bits) > max_bits) {
    return "bad prefix length in '" + value + "'";
  }
  return "";
}

// A CSP source list goes into a header: no separators of directives or lines.
std::string CheckFrameAncestors(std::string& value) {
  if (ascii::Trim(value).empty()) return "must not be empty ('none' forbids all framing)";
  for (char c : value) {
    if (c == ';' || c == ',' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return "not a CSP source list: '" + value + "'";
    }
  }
  return "";
}

std::string CheckToken(std::string& value) {
  for (char c : value) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return "must not contain spaces or control characters";
    }
  }
  return "";
}

// Descriptions end without a period; DescribeOptions adds ranges for integers.
const Option kOptions[] = {
    {"site.name", &Member<&Config::site, &SiteConfig::name>,
     "Site name shown in every page header and feed", 0, 0, CheckNonEmpty},
    {"site.locale", &Member<&Config::site, &SiteConfig::locale>,
     "Language of the interface and of dates: id, en or ja", 0, 0, CheckLocale},
    {"site.time_zone", &Member<&Config::site, &SiteConfig::time_zone>,
     "IANA time zone in which dates are shown, e.g. Asia/Jakarta", 0, 0, CheckTimeZone},
    {"site.base_url", &Member<&Config::site, &SiteConfig::base_url>,
     "Public http(s) URL of the site, used in feeds, sitemaps and canonical links "
     "(a trailing / is removed); when not set, serve uses http://ADDRESS:PORT of the address "
     "it listens on, never the request's Host header",
     0, 0, CheckBaseUrl},
    {"site.date_pattern", &Member<&Config::site, &SiteConfig::date_pattern>,
     "ICU pattern overriding the long date format of pages in site.locale, e.g. \"MMMM d, "
     "y\"; empty: the locale's"},
    {"site.month_names", &Member<&Config::site, &SiteConfig::month_names>,
     "12 month names, January first, overriding those of site.locale (e.g. \"Nopember\"); "
     "empty: the locale's",
     12, 12, CheckMonthName},
    {"site.locales", &Member<&Config::site, &SiteConfig::locales>,
     "Languages readers may choose (switcher, ?lang=, Accept-Language): id, en, ja; "
     "site.locale is always offered",
     0, 0, CheckLocale},
    {"site.tagline", &Member<&Config::site, &SiteConfig::tagline>,
     "One line under the site's name in the page footer; empty: none"},
    {"site.footer_links", &Member<&Config::site, &SiteConfig::footer_links>,
     "Links in every page's footer, each \"Label|URL\" (a local path such as "
     "/halaman/kontak, or an http(s) URL), in order",
     0, 20, CheckFooterLink},
    {"server.listen", &Member<&Config::server, &ServerConfig::listen>,
     "Address to serve on, HOST:PORT or [IPv6]:PORT; \":PORT\" means 0.0.0.0; port 0 picks "
     "a free port",
     0, 0, CheckListen},
    {"server.threads", &Member<&Config::server, &ServerConfig::threads>,
     "Threads serving HTTP; 0 means one per CPU core", 0, 256},
    {"server.max_header_bytes", &Member<&Config::server, &ServerConfig::max_header_bytes>,
     "Largest request head accepted, in bytes; larger ones get 431", 1, std::int64_t{1} << 20},
    {"server.max_body_bytes", &Member<&Config::server, &ServerConfig::max_body_bytes>,
     "Largest request body accepted, in bytes; larger ones get 413", 1, std::int64_t{1} << 30},
    {"server.read_timeout_seconds", &Member<&Config::server, &ServerConfig::read_timeout_seconds>,
     "Time a client has to send a whole request", 1, 3600},
    {"server.idle_timeout_seconds", &Member<&Config::server, &ServerConfig::idle_timeout_seconds>,
     "Time an idle keep-alive connection stays open", 1, 86400},
    {"server.drain_timeout_seconds", &Member<&Config::server, &ServerConfig::drain_timeout_seconds>,
     "On SIGTERM/SIGINT, time in-flight requests get to finish", 0, 3600},
    {"server.access_log", &Member<&Config::server, &ServerConfig::access_log>,
     "Log one line per request"},
    {"server.trusted_proxies", &Member<&Config::server, &ServerConfig::trusted_proxies>,
     "Addresses or CIDR blocks of reverse proxies whose X-Forwarded-For is believed", 0, 0,
     CheckProxy},
    {"server.max_connections", &Member<&Config::server, &ServerConfig::max_connections>,
     "Open client connections in total; near it idle ones are shed, at it new ones get 503; 0 "
     "means the file-descriptor limit less a reserve",
     0, 10'000'000},
    {"server.max_connections_per_address",
     &Member<&Config::server, &ServerConfig::max_connections_per_address>,
     "Open connections from one peer address (trusted proxies exempt); more get 503; 0 means no "
     "cap",
     0, 10'000'000},
    {"db.url", &Member<&Config::db, &DbConfig::url>,
     "Database: sqlite:PATH (embedded) or postgresql://… (shared by several nodes)", 0, 0,
     CheckDbUrl},
    {"views.flush_interval_ms", &Member<&Config::views, &ViewsConfig::flush_interval_ms>,
     "How often buffered views are written to the database: the loss window of a hard crash", 50,
     60000},
    {"views.window_minutes", &Member<&Config::views, &ViewsConfig::window_minutes>,
     "A visitor's views of one article count once per this many minutes", 1, 1440},
    {"views.max_tracked", &Member<&Config::views, &ViewsConfig::max_tracked>,
     "Most (visitor, article) pairs remembered for that window; bounds memory", 1, 1'000'000'000},
    {"ratelimit.enabled", &Member<&Config::ratelimit, &RateLimitConfig::enabled>,
     "Rate limits on requests, comments, likes and logins; turn off only for load tests"},
    {"ratelimit.requests_per_minute",
     &Member<&Config::ratelimit, &RateLimitConfig::requests_per_minute>,
     "Requests per minute allowed from one address, all routes together", 1, 1'000'000},
    {"ratelimit.likes_per_minute", &Member<&Config::ratelimit, &RateLimitConfig::likes_per_minute>,
     "Likes, unlikes and shares per minute from one address, and from one account", 1, 1'000'000},
    {"ratelimit.cookieless_per_hour",
     &Member<&Config::ratelimit, &RateLimitConfig::cookieless_per_hour>,
     "Views and likes counted per hour from one address for visitors without a cookie (each "
     "new user agent is such a visitor)",
     1, 1'000'000},
    {"ratelimit.logins_per_minute",
     &Member<&Config::ratelimit, &RateLimitConfig::logins_per_minute>,
     "Login and registration attempts per minute from one address (failed logins are also "
     "limited per account)",
     1, 1'000'000},
    {"ratelimit.comments_per_minute",
     &Member<&Config::ratelimit, &RateLimitConfig::comments_per_minute>,
     "Comments, edits and reports per minute from one address, and from one account", 1, 1'000'000},
    {"ratelimit.writes_per_minute",
     &Member<&Config::ratelimit, &RateLimitConfig::writes_per_minute>,
     "POST, PUT, PATCH and DELETE requests per minute from one address, on top of the request "
     "budget",
     1, 1'000'000},
    {"security.frame_ancestors", &Member<&Config::security, &SecurityConfig::frame_ancestors>,
     "Who may show the site's pages in a frame: a CSP frame-ancestors source list such as "
     "'none', 'self' or https://partner.example",
     0, 0, CheckFrameAncestors},
    {"security.hsts_max_age_seconds",
     &Member<&Config::security, &SecurityConfig::hsts_max_age_seconds>,
     "Strict-Transport-Security max-age sent on requests that came over TLS; 0: none", 0,
     126'144'000},
    {"security.metrics_public", &Member<&Config::security, &SecurityConfig::metrics_public>,
     "Serve /metrics to every address, not only to loopback and metrics_token holders"},
    {"security.metrics_token", &Member<&Config::security, &SecurityConfig::metrics_token>,
     "Bearer token that opens /metrics from any address; empty: loopback only", 0, 0, CheckToken},
    {"comments.anonymous", &Member<&Config::comments, &CommentsConfig::anonymous>,
     "Let visitors without an account comment (their comments always wait for a moderator)"},
    {"comments.max_chars", &Member<&Config::comments, &CommentsConfig::max_chars>,
     "Longest comment, in characters of Markdown; longer ones get 413", 10, 100'000},
    {"comments.max_depth", &Member<&Config::comments, &CommentsConfig::max_depth>,
     "Levels of a thread; deeper replies join the deepest allowed level", 1, 16},
    {"comments.edit_minutes", &Member<&Config::comments, &CommentsConfig::edit_minutes>,
     "Minutes an author may edit a comment after posting it; 0: never", 0, 10'080},
    {"comments.close_after_days", &Member<&Config::comments, &CommentsConfig::close_after_days>,
     "Threads close this many days after the article's publication; 0: never", 0, 36'500},
    {"comments.report_threshold", &Member<&Config::comments, &CommentsConfig::report_threshold>,
     "Reports by distinct readers that send a published comment back to the moderation queue", 1,
     1000},
    {"comments.moderate_first", &Member<&Config::comments, &CommentsConfig::moderate_first>,
     "An account's first comment waits for a moderator"},
    {"comments.moderate_links", &Member<&Config::comments, &CommentsConfig::moderate_links>,
     "Comments with links wait for a moderator"},
    {"comments.spam_threshold_percent",
     &Member<&Config::comments, &CommentsConfig::spam_threshold_percent>,
     "Spam probability (percent) from which the classifier sends a comment to the queue", 1, 100},
    {"comments.page_size", &Member<&Config::comments, &CommentsConfig::page_size>,
     "Top-level threads per page", 1, 500},
    {"comments.order", &Member<&Config::comments, &CommentsConfig::order>,
     "Order of threads on the article page: oldest or newest first", 0, 0, CheckCommentOrder},
    {"accounts.registration", &Member<&Config::accounts, &AccountsConfig::registration>,
     "Let readers create their own accounts; when false, only `warta user add` creates them"},
    {"accounts.session_days", &Member<&Config::accounts, &AccountsConfig::session_days>,
     "Days a login lasts before the reader must log in again", 1, 3650},
    {"server.write_threads", &Member<&Config::server, &ServerConfig::write_threads>,
     "Threads that run likes, unlikes and shares, off the threads that serve pages; the likes "
     "in flight at once share one sync to disk, so this is the most one sync carries",
     1, 256},
    {"server.write_queue", &Member<&Config::server, &ServerConfig::write_queue>,
     "Likes and shares that may wait for a write thread; one more gets 503 with Retry-After at "
     "once",
     1, 100'000},
    {"accounts.hash_threads", &Member<&Config::accounts, &AccountsConfig::hash_threads>,
     "Threads that hash passwords (logins, registrations, password changes), off the threads "
     "that serve pages; each takes 64 MiB while it hashes",
     1, 64},
    {"accounts.hash_queue", &Member<&Config::accounts, &AccountsConfig::hash_queue>,
     "Logins that may wait for a hashing thread; one more gets 503 with Retry-After at once", 1,
     10'000},
    {"fetch.allow_private", &Member<&Config::fetch, &FetchConfig::allow_private>,
     "Allow fetching feeds from loopback and private addresses (refused by default against "
     "SSRF)"},
    {"fetch.user_agent", &Member<&Config::fetch, &FetchConfig::user_agent>,
     "User-Agent sent with every fetch; empty: \"warta/VERSION (+site.base_url)\""},
    {"fetch.max_concurrent", &Member<&Config::fetch, &FetchConfig::max_concurrent>,
     "Fetches running at once", 1, 256},
    {"fetch.max_per_host", &Member<&Config::fetch, &FetchConfig::max_per_host>,
     "Fetches running at once to one host", 1, 64},
    {"fetch.connect_timeout_seconds",
     &Member<&Config::fetch, &FetchConfig::connect_timeout_seconds>,
     "Time to resolve and connect to a server", 1, 300},
    {"fetch.timeout_seconds", &Member<&Config::fetch, &FetchConfig::timeout_seconds>,
     "Time one whole fetch may take, redirects included", 1, 3600},
    {"fetch.low_speed_bytes", &Member<&Config::fetch, &FetchConfig::low_speed_bytes>,
     "A fetch slower than this many bytes per second for fetch.low_speed_seconds is aborted; "
     "0 turns the check off",
     0, 1'000'000'000},
    {"fetch.low_speed_seconds", &Member<&Config::fetch, &FetchConfig::low_speed_seconds>,
     "How long a fetch may stay below fetch.low_speed_bytes per second", 1, 3600},
    {"fetch.max_body_bytes", &Member<&Config::fetch, &FetchConfig::max_body_bytes>,
     "Largest feed or page accepted, in bytes, both as received and decompressed", 1024,
     std::int64_t{1} << 30},
    {"fetch.default_refresh_minutes",
     &Member<&Config::fetch, &FetchConfig::default_refresh_minutes>,
     "Minutes between fetches of a source that sets no interval of its own", 1, 10080},
    {"fetch.min_interval_minutes", &Member<&Config::fetch, &FetchConfig::min_interval_minutes>,
     "No source is fetched more often than this, whatever it asks", 1, 1440},
    {"fetch.max_backoff_minutes", &Member<&Config::fetch, &FetchConfig::max_backoff_minutes>,
     "Longest wait after repeated errors; a failing source is still fetched this often", 1, 10080},
    {"ingest.enabled", &Member<&Config::ingest, &IngestConfig::enabled>,
     "Fetch due sources in the background while serving"},
    {"ingest.interval_seconds", &Member<&Config::ingest, &IngestConfig::interval_seconds>,
     "How often the background fetcher looks for due sources", 1, 3600},
    {"ingest.max_items_per_feed", &Member<&Config::ingest, &IngestConfig::max_items_per_feed>,
     "Newest entries of one feed considered per fetch", 1, 5000},
    {"ingest.cluster_window_hours", &Member<&Config::ingest, &IngestConfig::cluster_window_hours>,
     "Articles published this close together may be grouped into one story", 1, 720},
    {"ingest.cluster_max_distance", &Member<&Config::ingest, &IngestConfig::cluster_max_distance>,
     "Largest SimHash distance (bits of 64) between articles of one story; 0 groups only "
     "identical texts",
     0, 32},
    {"ingest.iframe_hosts", &Member<&Config::ingest, &IngestConfig::iframe_hosts>,
     "Hosts whose https iframes (embedded videos) stay in stored articles; every other iframe is "
     "removed",
     0, 0, CheckHost},
    {"log.level", &Member<&Config::log, &LogConfig::level>,
     "Least severe log level written: trace, debug, info, warn, error or off", 0, 0, CheckLogLevel},
    {"feeds.cache_seconds", &Member<&Config::feeds, &FeedsConfig::cache_seconds>,
     "How long a built feed, sitemap or robots.txt is served before it is rebuilt", 1, 3600},
    {"feeds.items", &Member<&Config::feeds, &FeedsConfig::items>,
     "Newest articles listed in each feed (site, source and tag)", 1, 200},
    {"trending.half_life_seconds", &Member<&Config::trending, &TrendingConfig::half_life_seconds>,
     "Half-life of the trending score: an event this many seconds old counts half (86400 = "
     "one day)",
     1, std::int64_t{365} * 86400},
    {"trending.weight_views", &Member<&Config::trending, &TrendingConfig::weight_views>,
     "Trending score added by one view", 0, 1000},
    {"trending.weight_likes", &Member<&Config::trending, &TrendingConfig::weight_likes>,
     "Trending score added by one like (an unlike takes it back)", 0, 1000},
    {"trending.weight_comments", &Member<&Config::trending, &TrendingConfig::weight_comments>,
     "Trending score added by one published comment", 0, 1000},
    {"trending.weight_shares", &Member<&Config::trending, &TrendingConfig::weight_shares>,
     "Trending score added by one share", 0, 1000},
    {"trending.max_age_days", &Member<&Config::trending, &TrendingConfig::max_age_days>,
     "Most popular lists only show articles published within this many days", 1, 3650},
    {"trending.list_size", &Member<&Config::trending, &TrendingConfig::list_size>,
     "Articles in each most popular list", 1, 20},
    {"trending.refresh_seconds", &Member<&Config::trending, &TrendingConfig::refresh_seconds>,
     "How often each node rebuilds its most popular lists", 1, 3600},
    {"media.dir", &Member<&Config::media, &MediaConfig::dir>,
     "Folder of uploaded pictures and their renditions; empty: \"media\" beside the SQLite "
     "database (with PostgreSQL, set it to a folder every node shares)"},
    {"media.max_upload_bytes", &Member<&Config::media, &MediaConfig::max_upload_bytes>,
     "Largest picture accepted, in bytes; larger uploads get 413 before they are read", 1024,
     std::int64_t{1} << 30},
    {"media.max_pixels", &Member<&Config::media, &MediaConfig::max_pixels>,
     "Largest picture accepted, in pixels (every frame of an animation counted); checked in "
     "the header, before any pixel is decoded",
     10'000, std::int64_t{1} << 31},
};

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view Leaf(std::string_view key) {
  const auto dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

}  // namespace

std::span<const Option> Options() { return kOptions; }

const Option* FindOption(std::string_view key) {
  for (const Option& option : kOptions) {
    if (option.key == key) return &option;
  }
  return nullptr;
}

std::string SuggestKey(std::string_view key) {
  // A suggestion is at most this far from the key. Two strings are at least their difference
  // in length apart, so options further off in length are skipped unmeasured: the distance
  // costs key length × option length, and a file of long unknown keys made loading a config
  // take seconds (the config fuzzer ran at 35 inputs a second on them).
  const std::size_t limit = std::max<std::size_t>(2, key.size() / 4);
  const Option* best = nullptr;
  std::size_t best_distance = 0;
  for (const Option& option : kOptions) {
    const std::size_t longer = std::max(key.size(), option.key.size());
    const std::size_t shorter = std::min(key.size(), option.key.size());
    if (longer - shorter > limit) continue;
    const std::size_t d = EditDistance(key, option.key);
    if (best == nullptr || d < best_distance) {
      best = &option;
      best_distance = d;
    }
  }
  if (best != nullptr && best_distance <= limit) {
    return std::string(best->key);
  }
  // A key put in the wrong section ("name" at the top, "listen" under [site]).
  for (const Option& option : kOptions) {
    if (Leaf(option.key) == Leaf(key)) return std::string(option.key);
  }
  return "";
}

std::string EnvVarName(std::string_view key) {
  std::string name = "WARTA_";
  for (char c : key) {
    name += c == '.' ? '_' : ascii::ToUpper(c);
  }
  return name;
}

}  // namespace warta::config::internal
