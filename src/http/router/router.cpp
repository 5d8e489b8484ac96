#include "http/router/router.h"

#include <algorithm>
#include <array>

namespace warta::http {
namespace {

// Paths deeper than this cannot match an exact route (none is that deep); prefix routes
// still see them.
constexpr std::size_t kMaxSegments = 32;

struct Segment {
  std::string text;  // literal text, or the parameter name
  bool param = false;
};

// Splits "/a/b" into {"a", "b"}; "/" is {""} and "/a/" is {"a", ""}, so a trailing slash
// or "//" never matches a route written without it. Returns false when the path is not
// absolute or has more than kMaxSegments segments.
bool SplitPath(std::string_view path, std::array<std::string_view, kMaxSegments>& out,
               std::size_t& count) {
  count = 0;
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  while (true) {
    if (count == kMaxSegments) return false;
    std::size_t slash = path.find('/');
    out[count++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

constexpr std::array<Method, 7> kAllowOrder = {Method::kGet,    Method::kHead,  Method::kPost,
                                               Method::kPut,    Method::kPatch, Method::kDelete,
                                               Method::kOptions};

unsigned Bit(Method m) { return 1U << static_cast<unsigned>(m); }

std::string AllowHeader(unsigned methods) {
  if (methods & Bit(Method::kGet)) methods |= Bit(Method::kHead);
  methods |= Bit(Method::kOptions);
  std::string allow;
  for (Method m : kAllowOrder) {
    if ((methods & Bit(m)) == 0) continue;
    if (!allow.empty()) allow += ", ";
    allow += MethodName(m);
  }
  return allow;
}

}  // namespace

struct Router::Route {
  Method method = Method::kGet;
  std::vector<Segment> segments;  // exact routes
  bool prefix = false;
  std::string prefix_text;  // prefix routes
  std::string_view name;
  RouteHandler handler;

  // Whether this route should be tried before other: exact before prefix, a literal segment
  // before a parameter at the same position, a longer prefix before a shorter one.
  bool MoreSpecificThan(const Route& other) const {
    if (prefix != other.prefix) return !prefix;
    if (prefix) return prefix_text.size() > other.prefix_text.size();
    std::size_t n = std::min(segments.size(), other.segments.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (segments[i].param != other.segments[i].param) return !segments[i].param;
    }
    return false;
  }

  bool Match(std::string_view path, const std::array<std::string_view, kMaxSegments>& parts,
             std::size_t count, bool split_ok, RouteParams* params) const {
    if (prefix) {
      if (path.substr(0, prefix_text.size()) != prefix_text) return false;
      if (params) params->values.emplace_back("*", path.substr(prefix_text.size()));
      return true;
    }
    if (!split_ok || count != segments.size()) return false;
    for (std::size_t i = 0; i < count; ++i) {
      const Segment& s = segments[i];
      if (s.param ? parts[i].empty() : parts[i] != s.text) return false;
    }
    if (params) {
      for (std::size_t i = 0; i < count; ++i) {
        if (segments[i].param) params->values.emplace_back(segments[i].text, parts[i]);
      }
    }
    return true;
  }
};

std::string_view RouteParams::Get(std::string_view name) const {
  for (const auto& [key, value] : values) {
    if (key == name) return value;
  }
  return {};
}

Router::Router() = default;
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(Method method, std::string_view pattern, std::string_view name,
                 RouteHandler handler) {
  Route route;
  route.method = method;
  route.name = name;
  route.handler = std::move(handler);
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t count = 0;
  if (!SplitPath(pattern, parts, count)) count = 0;  // an unusable pattern matches nothing
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view p = parts[i];
    bool param = p.size() >= 2 && p.front() == '{' && p.back() == '}';
    route.segments.push_back(Segment{std::string(param ? p.substr(1, p.size() - 2) : p), param});
  }
  auto pos = std::find_if(routes_.begin(), routes_.end(),
                          [&](const Route& r) { return route.MoreSpecificThan(r); });
  routes_.insert(pos, std::move(route));
}

void Router::AddPrefix(Method method, std::string_view prefix, std::string_view name,
                       RouteHandler handler) {
  Route route;
  route.method = method;
  route.name = name;
  route.handler = std::move(handler);
  route.prefix = true;
  route.prefix_text = std::string(prefix);
  auto pos = std::find_if(routes_.begin(), routes_.end(),
                          [&](const Route& r) { return route.MoreSpecificThan(r); });
  routes_.insert(pos, std::move(route));
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) {
    RouteInfo info{route.method, route.prefix_text, route.name, route.prefix, &route.handler};
    if (!route.prefix) {
      for (const Segment& segment : route.segments) {
        info.pattern += segment.param ? "/{" + segment.text + "}" : "/" + segment.text;
      }
    }
    out.push_back(std::move(info));
  }
  return out;
}

void Router::SetNotFound(std::function<Response(const Request&)> handler) {
  not_found_ = std::move(handler);
}

Response Router::Dispatch(const Request& request) const {
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t count = 0;
  bool split_ok = SplitPath(request.path, parts, count);
  bool head = request.method == Method::kHead;
  unsigned allowed = 0;
  const Route* chosen = nullptr;
  for (const Route& route : routes_) {
    if (!route.Match(request.path, parts, count, split_ok, nullptr)) continue;
    allowed |= Bit(route.method);
    if (route.method == request.method || (head && route.method == Method::kGet)) {
      chosen = &route;
      break;
    }
  }
  if (chosen != nullptr) {
    RouteParams params;
    chosen->Match(request.path, parts, count, split_ok, &params);
    // For HEAD the GET response keeps its body: the server sends its Content-Length and
    // drops the body itself.
    Response response = chosen->handler(request, params);
    response.route = chosen->name;
    return response;
  }
  if (allowed != 0) {
    Response response;
    if (request.method == Method::kOptions) {
      response.status = 204;
      response.route = "options";
    } else {
      response = TextResponse(405, "Method Not Allowed\n");
      response.route = "method_not_allowed";
    }
    response.SetHeader("Allow", AllowHeader(allowed));
    return response;
  }
  Response response = not_found_ ? not_found_(request) : TextResponse(404, "Not Found\n");
  response.route = "not_found";
  return response;
}

}  // namespace warta::http
