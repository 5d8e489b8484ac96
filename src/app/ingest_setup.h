// From configuration to the ingest pipeline's options; shared by `ingest`, `source` and
// `serve`.
#pragma once

#include "config/config.h"
#include "ingest/pipeline/pipeline.h"

namespace warta::app {

// "warta/0.1 (+https://news.example.org)" unless fetch.user_agent is set.
std::string FetchUserAgent(const config::Config& config);

ingest::pipeline::PipelineOptions PipelineOptionsFrom(const config::Config& config);

}  // namespace warta::app
