#include "app/serve_edge.h"

namespace warta::app {

std::string ContentSecurityPolicy(const config::Config& config) {
  std::string frames;
  for (const std::string& host : config.ingest.iframe_hosts) frames += " https://" + host;
  if (frames.empty()) frames = " 'none'";
  // No form-action: sharing posts to us and is redirected to the network's own page, which
  // form-action would block. Pictures may be remote (ingested articles keep their <img>).
  return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
         "img-src 'self' data: blob: http: https:; media-src 'self' https:; frame-src" +
         frames + "; object-src 'none'; base-uri 'self'; frame-ancestors " +
         config.security.frame_ancestors;
}

void ApplyEdgeSettings(const config::Config& config, http::ServerOptions& options) {
  if (config.ratelimit.enabled) {
    options.requests_per_minute = config.ratelimit.requests_per_minute;
    options.writes_per_minute = config.ratelimit.writes_per_minute;
  }
  options.max_connections = config.server.max_connections;
  options.max_connections_per_address = config.server.max_connections_per_address;
  options.response_headers = {
      {"Content-Security-Policy", ContentSecurityPolicy(config)},
      {"X-Content-Type-Options", "nosniff"},
      // Other sites learn our origin from a link, never the article path someone read.
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
  };
  // For browsers without frame-ancestors; they know only these two.
  const std::string& ancestors = config.security.frame_ancestors;
  if (ancestors == "'none'") options.response_headers.emplace_back("X-Frame-Options", "DENY");
  if (ancestors == "'self'") {
    options.response_headers.emplace_back("X-Frame-Options", "SAMEORIGIN");
  }
  if (config.security.hsts_max_age_seconds > 0) {
    options.hsts = "max-age=" + std::to_string(config.security.hsts_max_age_seconds);
  }
}

}  // namespace warta::app
