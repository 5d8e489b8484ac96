// warta's configuration: one table of options (config/options.cpp), each with a default, a
// TOML key "section.key" and an environment variable WARTA_SECTION_KEY. Precedence:
// defaults < config file < environment < command-line flags. The result is immutable.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/limits.h"
#include "core/result.h"

namespace warta::config {

struct SiteConfig {
  std::string name = "Media Jepang";
  std::string locale = "id";
  std::string time_zone = "Asia/Jakarta";
  std::string base_url = "http://127.0.0.1:8080";
  std::string date_pattern;              // ICU pattern override for long dates, e.g. "MMMM d, y"
  std::vector<std::string> month_names;  // 12 month names overriding the default locale's
  std::vector<std::string> locales = {"id", "en", "ja"};  // offered to readers
  std::string tagline;                                    // under the name; empty: none
  std::vector<std::string> footer_links;                  // "Label|URL" items, in order
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;  // 0: one per usable core (core/cpu_count.h)
  std::int64_t max_header_bytes = static_cast<std::int64_t>(limits::kDefaultMaxHeaderBytes);
  std::int64_t max_body_bytes = static_cast<std::int64_t>(limits::kDefaultMaxBodyBytes);
  int read_timeout_seconds = limits::kDefaultReadTimeoutSeconds;
  int idle_timeout_seconds = limits::kDefaultIdleTimeoutSeconds;
  int drain_timeout_seconds = limits::kShutdownDrainSeconds;
  bool access_log = true;
  std::vector<std::string> trusted_proxies;
  // Connection caps (docs/security.md): in total (0: the descriptor limit less a reserve)
  // and per peer address (0: none; trusted proxies are exempt).
  int max_connections = 0;
  int max_connections_per_address = 128;
  // Likes, unlikes and shares run on a lane of their own and wait there for the sync to disk
  // that their group shares (storage/sqlite/group_commit.h): its threads (the most one sync
  // can carry) and how many may wait for one before the next gets 503.
  int write_threads = 32;
  int write_queue = 1024;
};

struct DbConfig {
  std::string url = "sqlite:data/warta.db";
};

struct ViewsConfig {
  int flush_interval_ms = limits::kDefaultFlushIntervalMs;
  int window_minutes = limits::kViewWindowSeconds / 60;
  std::int64_t max_tracked = static_cast<std::int64_t>(limits::kDefaultMaxTrackedViews);
};

struct RateLimitConfig {
  bool enabled = true;
  // Views and likes counted per hour from one address for visitors without a cookie, so a
  // client rotating its user agent gains at most this (issue 16, finding 4).
  int cookieless_per_hour = 60;
  int requests_per_minute = 600;  // per address, all routes
  int likes_per_minute = 30;      // likes, unlikes and shares, per address and per account
  int logins_per_minute = 10;     // login and registration attempts per address
  int comments_per_minute = 5;    // comments, edits and reports, per address and per account
  int writes_per_minute = 120;    // POST, PUT, PATCH, DELETE per address (besides the above)
};

// Response headers and who may read /metrics (docs/security.md).
struct SecurityConfig {
  std::string frame_ancestors = "'none'";  // CSP frame-ancestors: who may frame our pages
  int hsts_max_age_seconds = 63'072'000;   // sent only over TLS; 0: no HSTS
  bool metrics_public = false;             // /metrics for everyone, not loopback only
  std::string metrics_token;               // a bearer token that opens /metrics from anywhere
};

struct AccountsConfig {
  bool registration = true;  // readers may create accounts themselves
  int session_days = 30;     // a login lasts this long
  // Password hashing (issue 16, finding 1): threads of the login lane, each hashing with
  // 64 MiB, and how many logins may wait for one before the next gets 503.
  int hash_threads = 2;
  int hash_queue = 16;
};

// The rules of commenting (comments/options.h says what each does).
struct CommentsConfig {
  bool anonymous = false;
  int max_chars = 5000;
  int max_depth = 4;
  int edit_minutes = 15;
  int close_after_days = 0;
  int report_threshold = 3;
  bool moderate_first = true;
  bool moderate_links = true;
  int spam_threshold_percent = 90;
  int page_size = 20;
  std::string order = "oldest";
};

struct FetchConfig {
  bool allow_private = false;
  // Empty: "warta/VERSION (+site.base_url)", so publishers can see who polls them.
  std::string user_agent;
  int max_concurrent = 16;
  int max_per_host = 2;
  int connect_timeout_seconds = 10;
  int timeout_seconds = 30;
  int low_speed_bytes = 256;  // slower than this for low_speed_seconds: aborted
  int low_speed_seconds = 15;
  std::int64_t max_body_bytes = std::int64_t{10} * 1024 * 1024;
  int default_refresh_minutes = 60;
  int min_interval_minutes = 15;
  int max_backoff_minutes = 24 * 60;
};

struct IngestConfig {
  bool enabled = true;           // the scheduler inside `warta serve`
  int interval_seconds = 60;     // how often it looks for due sources
  int max_items_per_feed = 200;  // newest entries of one fetch considered
  int cluster_window_hours = 48;
  int cluster_max_distance = 10;  // SimHash bits
  // Hosts whose https iframes (embedded videos) stay in stored articles; all others go.
  std::vector<std::string> iframe_hosts;
};

struct FeedsConfig {
  int cache_seconds = 60;  // feeds, sitemaps and robots.txt are rebuilt at most this often
  int items = 50;          // entries per feed
};

// Trending ("most popular" lists), model/trending.h. Weights are integers per event kind.
struct TrendingConfig {
  int half_life_seconds = 24 * 3600;  // an event this old counts half
  int weight_views = 1;
  int weight_likes = 5;
  int weight_comments = 8;
  int weight_shares = 10;
  int max_age_days = 7;      // only articles published this recently are listed
  int list_size = 5;         // entries in each "most popular" list
  int refresh_seconds = 30;  // how often each node rebuilds its lists
};

// Pictures (docs/decisions/0010-pictures.md).
struct MediaConfig {
  // Where originals and renditions are kept; empty: a "media" folder beside the SQLite
  // database file (required with PostgreSQL: a path every node shares).
  std::string dir;
  std::int64_t max_upload_bytes = limits::kDefaultMaxUploadBytes;
  std::int64_t max_pixels = limits::kDefaultMaxImagePixels;
};

struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error
};

struct Config {
  SiteConfig site;
  ServerConfig server;
  DbConfig db;
  ViewsConfig views;
  RateLimitConfig ratelimit;
  SecurityConfig security;
  AccountsConfig accounts;
  CommentsConfig comments;
  FetchConfig fetch;
  IngestConfig ingest;
  LogConfig log;
  FeedsConfig feeds;
  TrendingConfig trending;
  MediaConfig media;
  // Which keys were set explicitly (file, env or flag), e.g. "site.name". Settings stored in
  // the database by `warta demo` apply only where the operator did not set a key.
  std::vector<std::string> explicit_keys;

  bool IsExplicit(const std::string& key) const;
};

// Flags given on the command line, as "section.key" -> value (e.g. {"db.url", "sqlite:x"}).
using Overrides = std::map<std::string, std::string>;

// Builds the configuration. config_file may be empty (no file; defaults). env is the
// process environment (pass `environ`); tests pass their own. Errors name the key and
// source: "config: WARTA_SERVER_THREADS: not an integer: 'x'".
Result<Config> Load(const std::string& config_file, char** env, const Overrides& flags);

// One line per option: key, env var, default, description (for `warta config` and docs).
std::string DescribeOptions();

// The option table as data, in table order (for docs, `warta config` and tests).
struct OptionInfo {
  std::string key;            // "server.threads"
  std::string env_var;        // "WARTA_SERVER_THREADS"
  std::string type;           // "string", "integer", "boolean" or "string list"
  std::string default_value;  // as it would be written in an environment variable
  std::string description;    // includes the accepted range or values
};
std::vector<OptionInfo> ListOptions();

// Splits "HOST:PORT" ("[::1]:8080" too; brackets are removed from the host). ":PORT" means
// every IPv4 interface ("0.0.0.0"), as in Go and nginx. Port 0 asks the kernel for a free
// port (tests). InvalidArgument on a missing or bad port, an empty or malformed host, or an
// unbracketed IPv6 address.
Result<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& listen);

}  // namespace warta::config
