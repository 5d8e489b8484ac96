#include "app/ingest_setup.h"

namespace warta::app {

std::string FetchUserAgent(const config::Config& config) {
  if (!config.fetch.user_agent.empty()) return config.fetch.user_agent;
  return "warta/0.1 (news aggregator; +" + config.site.base_url + ")";
}

ingest::pipeline::PipelineOptions PipelineOptionsFrom(const config::Config& config) {
  ingest::pipeline::PipelineOptions options;
  const config::FetchConfig& f = config.fetch;
  options.fetch.user_agent = FetchUserAgent(config);
  options.fetch.max_concurrent = f.max_concurrent;
  options.fetch.max_per_host = f.max_per_host;
  options.fetch.connect_timeout = std::chrono::seconds(f.connect_timeout_seconds);
  options.fetch.total_timeout = std::chrono::seconds(f.timeout_seconds);
  options.fetch.low_speed_bytes = f.low_speed_bytes;
  options.fetch.low_speed_seconds = f.low_speed_seconds;
  options.fetch.max_body_bytes = static_cast<std::size_t>(f.max_body_bytes);
  options.fetch.allow_private = f.allow_private;
  options.schedule.default_minutes = f.default_refresh_minutes;
  options.schedule.floor_minutes = f.min_interval_minutes;
  options.schedule.max_backoff_minutes = f.max_backoff_minutes;
  options.max_items_per_feed = config.ingest.max_items_per_feed;
  options.cluster_window_seconds = std::int64_t{config.ingest.cluster_window_hours} * 3600;
  options.cluster_max_distance = config.ingest.cluster_max_distance;
  options.iframe_hosts = config.ingest.iframe_hosts;
  return options;
}

}  // namespace warta::app
