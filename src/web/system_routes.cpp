// Routes for operators and machines: health, metrics, embedded static files.
#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/ascii.h"
#include "http/gzip.h"
#include "http/server/proxy.h"
#include "resources/resources.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

std::string_view ContentTypeFor(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  if (ends_with(".png")) return "image/png";
  if (ends_with(".ico")) return "image/x-icon";
  if (ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// Compares without stopping at the first difference, so timing tells nothing of the token.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// A request from this machine, not relayed: a proxy on the same machine would make every
// visitor look local, so one that says it forwards (X-Forwarded-For) is not trusted here.
bool FromLoopback(const Request& request) {
  if (!request.Header("X-Forwarded-For").empty()) return false;
  auto ip = http::server::ParseIp(request.remote_address);
  if (!ip) return false;
  static constexpr http::server::IpBytes kV6Loopback = {0, 0, 0, 0, 0, 0, 0, 0,
                                                        0, 0, 0, 0, 0, 0, 0, 1};
  const bool v4_loopback =
      std::all_of(ip->begin(), ip->begin() + 10, [](auto b) { return b == 0; }) &&
      (*ip)[10] == 0xff && (*ip)[11] == 0xff && (*ip)[12] == 127;
  return v4_loopback || *ip == kV6Loopback;
}

bool MayReadMetrics(const Context& context, const Request& request) {
  if (context.metrics_access.open || FromLoopback(request)) return true;
  const std::string& token = context.metrics_access.token;
  if (token.empty()) return false;
  std::string_view given = ascii::Trim(request.Header("Authorization"), ascii::IsHttpSpace);
  constexpr std::string_view kBearer = "Bearer ";
  if (given.size() <= kBearer.size() ||
      !ascii::EqualsIgnoreCase(given.substr(0, kBearer.size()), kBearer)) {
    return false;
  }
  return SameSecret(given.substr(kBearer.size()), token);
}

bool AlreadyCompressed(std::string_view path) {
  return path.size() >= 4 && path.substr(path.size() - 4) == ".png";
}

// An embedded static file as served: its bytes shared with every response, its gzip made
// once, its validator.
struct StaticEntry {
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;  // null for formats that are compressed already
  std::string etag;
};

// Built on first use (thread-safe static initialization): the files never change while the
// binary runs, so nothing is compressed or copied per request.
const std::unordered_map<std::string_view, StaticEntry>& StaticTable() {
  static const auto table = [] {
    std::unordered_map<std::string_view, StaticEntry> built;
    for (const resources::Resource& resource : resources::All()) {
      if (resource.path.substr(0, 7) != "static/") continue;
      StaticEntry entry;
      entry.body = std::make_shared<const std::string>(resource.data);
      if (!AlreadyCompressed(resource.path)) {
        entry.gzip = std::make_shared<const std::string>(http::GzipOnce(resource.data, 9));
      }
      entry.etag = "\"" + std::to_string(std::hash<std::string_view>{}(resource.data)) + "\"";
      built.emplace(resource.path.substr(7), std::move(entry));
    }
    return built;
  }();
  return table;
}

}  // namespace

Response Healthz(Context& /*context*/, const Request& /*request*/) {
  Response response = http::TextResponse(200, "ok\n");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response Metrics(Context& context, const Request& request) {
  if (!MayReadMetrics(context, request)) {
    Response refused = http::TextResponse(
        403, "metrics are served to loopback, or with security.metrics_token as a Bearer token\n");
    refused.SetHeader("Cache-Control", "no-store");
    refused.SetHeader("WWW-Authenticate", "Bearer");
    return refused;
  }
  Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = context.metrics.Render();
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response StaticFile(Context& context, const Request& request, const RouteParams& params) {
  std::string_view rest = params.Get("*");
  // Only exact names from the embedded table can match, so "..", "%2e%2e" or absolute
  // paths can never reach the file system; we still refuse them explicitly for clarity.
  if (rest.empty() || rest.find("..") != std::string_view::npos || rest.front() == '/' ||
      rest.find('%') != std::string_view::npos || rest.find('\\') != std::string_view::npos) {
    return ErrorPage(context, 404);
  }
  const auto& table = StaticTable();
  auto found = table.find(rest);
  if (found == table.end()) return ErrorPage(context, 404);
  const StaticEntry& entry = found->second;
  Response response;
  response.content_type = std::string(ContentTypeFor(rest));
  response.shared_body = entry.body;
  response.shared_gzip_body = entry.gzip;
  response.compressible = entry.gzip != nullptr;
  // Versioned URLs (?v=hash) never change; unversioned ones revalidate hourly.
  bool versioned = request.query.find("v=") != std::string_view::npos;
  response.SetHeader("Cache-Control",
                     versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600");
  response.SetHeader("ETag", entry.etag);
  return response;
}

Response LookStylesheet(Context& context, const Request& request) {
  const std::shared_ptr<const Site> site = context.site.Load();
  if (site->look_css().empty()) return ErrorPage(context, 404);
  Response response;
  response.content_type = "text/css; charset=utf-8";
  response.body = site->look_css();
  // Forever only under the URL pages link now: an older ?v= asked after a change gets the
  // new look, but only for a minute, so it cannot pin the new content under the old name.
  const std::string_view current = site->look_css_url();
  const bool versioned =
      !request.query.empty() && current.substr(current.find('?') + 1) == request.query;
  response.SetHeader("Cache-Control",
                     versioned ? "public, max-age=31536000, immutable" : "public, max-age=60");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace warta::web
