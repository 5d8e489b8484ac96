// `serve`: the HTTP edge's settings from the config (docs/security.md): per-address budgets,
// connection caps and the security headers every response carries.
#pragma once

#include <string>

#include "config/config.h"
#include "http/server/server.h"

namespace warta::app {

// The Content-Security-Policy for every response. Scripts only from our own files (no inline
// script anywhere; the JSON-LD block is data, which CSP does not run); styles also inline,
// for the per-viewer rule of the comment section; frames only from ingest.iframe_hosts.
std::string ContentSecurityPolicy(const config::Config& config);

// Sets the limits and response headers of options from config.
void ApplyEdgeSettings(const config::Config& config, http::ServerOptions& options);

}  // namespace warta::app
