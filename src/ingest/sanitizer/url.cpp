#include "ingest/sanitizer/url.h"

#include "core/ascii.h"
#include "core/limits.h"

namespace warta::ingest::sanitizer {
namespace {

using ascii::IsAlpha;
using ascii::IsDigit;
using ascii::Lower;

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
bool IsValidScheme(std::string_view s) {
  if (s.empty() || !IsAlpha(s[0])) return false;
  for (char c : s) {
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

// The five parts of a URI reference (RFC 3986 appendix B); views into the parsed string.
struct UriRef {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

UriRef Split(std::string_view s) {
  UriRef r;
  const std::size_t colon = s.find_first_of(":/?#");
  if (colon != std::string_view::npos && s[colon] == ':' && IsValidScheme(s.substr(0, colon))) {
    r.scheme = s.substr(0, colon);
    r.has_scheme = true;
    s.remove_prefix(colon + 1);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    const std::size_t end = std::min(s.find_first_of("/?#"), s.size());
    r.authority = s.substr(0, end);
    r.has_authority = true;
    s.remove_prefix(end);
  }
  const std::size_t path_end = std::min(s.find_first_of("?#"), s.size());
  r.path = s.substr(0, path_end);
  s.remove_prefix(path_end);
  if (!s.empty() && s[0] == '?') {
    const std::size_t end = std::min(s.find('#'), s.size());
    r.query = s.substr(1, end - 1);
    r.has_query = true;
    s.remove_prefix(end);
  }
  if (!s.empty() && s[0] == '#') {
    r.fragment = s.substr(1);
    r.has_fragment = true;
  }
  return r;
}

// RFC 3986 §5.2.4.
std::string RemoveDotSegments(std::string_view path) {
  std::string in(path);
  std::string out;
  auto drop_last_segment = [&out] {
    const std::size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0 || in.rfind("/./", 0) == 0) {
      in.erase(0, 2);  // "/./" becomes "/"
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0) {
      in.erase(0, 3);
      drop_last_segment();
    } else if (in == "/..") {
      in = "/";
      drop_last_segment();
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      const std::size_t end = std::min(in.find('/', 1), in.size());
      out.append(in, 0, end);
      in.erase(0, end);
    }
  }
  return out;
}

// RFC 3986 §5.3.
std::string Recompose(std::string_view scheme, const UriRef& r, std::string_view path) {
  std::string out;
  if (!scheme.empty()) {
    out.append(scheme);
    out += ':';
  }
  if (r.has_authority) {
    out += "//";
    out.append(r.authority);
  }
  out.append(path);
  if (r.has_query) {
    out += '?';
    out.append(r.query);
  }
  if (r.has_fragment) {
    out += '#';
    out.append(r.fragment);
  }
  return out;
}

std::string_view HostOf(std::string_view authority) {
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority[0] == '[') {
    return authority.substr(0, std::min(authority.find(']'), authority.size() - 1) + 1);
  }
  return authority.substr(0, authority.rfind(':'));
}

// Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces around it;
// we drop every control, so no scheme can hide behind one, and encode inner spaces.
std::string StripControls(std::string_view raw) {
  auto is_trimmed = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!raw.empty() && is_trimmed(raw.front())) raw.remove_prefix(1);
  while (!raw.empty() && is_trimmed(raw.back())) raw.remove_suffix(1);
  std::string s;
  s.reserve(raw.size());
  for (char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') {
      s += "%20";
    } else if (u >= 0x20 && u != 0x7f) {
      s += c;
    }
  }
  return s;
}

// An http(s) URL with a host, normalized; nullopt otherwise.
std::optional<std::string> NormalizeHttp(std::string_view url) {
  const UriRef r = Split(url);
  if (!r.has_scheme || !r.has_authority || HostOf(r.authority).empty()) return std::nullopt;
  const std::string scheme = Lower(r.scheme);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  return Recompose(scheme, r, RemoveDotSegments(r.path));
}

// The limit holds for what comes out too: spaces become "%20" and resolving adds the base.
std::optional<std::string> WithinUrlLimit(std::optional<std::string> url) {
  if (url && url->size() > limits::kMaxUrlBytes) return std::nullopt;
  return url;
}

}  // namespace

std::optional<std::string> ResolveUrl(std::string_view base, std::string_view reference) {
  const UriRef b = Split(base);
  if (!b.has_scheme) return std::nullopt;
  const UriRef r = Split(reference);
  UriRef t = r;
  std::string path;
  if (r.has_scheme) {
    path = RemoveDotSegments(r.path);
  } else {
    t.scheme = b.scheme;
    if (r.has_authority) {
      path = RemoveDotSegments(r.path);
    } else {
      t.authority = b.authority;
      t.has_authority = b.has_authority;
      if (r.path.empty()) {
        path = std::string(b.path);
        if (!r.has_query) {
          t.query = b.query;
          t.has_query = b.has_query;
        }
      } else if (r.path[0] == '/') {
        path = RemoveDotSegments(r.path);
      } else if (b.has_authority && b.path.empty()) {
        path = RemoveDotSegments("/" + std::string(r.path));
      } else {
        const std::size_t slash = b.path.rfind('/');
        std::string merged(b.path.substr(0, slash == std::string_view::npos ? 0 : slash + 1));
        merged.append(r.path);
        path = RemoveDotSegments(merged);
      }
    }
  }
  return Recompose(t.scheme, t, path);
}

std::string UrlHost(std::string_view absolute_url) {
  const UriRef r = Split(absolute_url);
  if (!r.has_authority) return {};
  return Lower(HostOf(r.authority));
}

std::optional<std::string> CleanUrl(std::string_view raw, std::string_view base_url, UrlKind kind) {
  if (raw.size() > limits::kMaxUrlBytes) return std::nullopt;
  std::string s = StripControls(raw);
  if (s.empty()) return std::nullopt;
  const std::size_t delimiter = s.find_first_of(":/?#\\");
  if (delimiter != std::string::npos && s[delimiter] == ':') {
    // Anything before the first ":" could be read as a scheme by some browser: it must be a
    // valid one, and one we allow.
    const std::string_view candidate = std::string_view(s).substr(0, delimiter);
    if (!IsValidScheme(candidate)) return std::nullopt;
    const std::string scheme = Lower(candidate);
    if (scheme == "mailto" && kind == UrlKind::kLink) {
      return WithinUrlLimit("mailto" + s.substr(delimiter));
    }
    if (scheme != "http" && scheme != "https") return std::nullopt;
  }
  // Browsers read "\" as "/" in http(s) URLs and relative ones ("/\evil.example" is
  // protocol-relative): make that visible to the parsing below.
  for (char& c : s) {
    if (c == '?' || c == '#') break;
    if (c == '\\') c = '/';
  }
  std::optional<std::string> base;
  if (!base_url.empty()) base = NormalizeHttp(StripControls(base_url));
  std::optional<std::string> out;
  if (delimiter != std::string::npos && s[delimiter] == ':') {
    out = NormalizeHttp(s);
  } else if (s.rfind("//", 0) == 0) {
    out = NormalizeHttp((base ? Lower(Split(*base).scheme) : std::string("https")) + ":" + s);
  } else if (base) {
    if (auto resolved = ResolveUrl(*base, s)) out = NormalizeHttp(*resolved);
  } else {
    out = std::move(s);  // plainly relative: no scheme survived the checks above
  }
  return WithinUrlLimit(std::move(out));
}

}  // namespace warta::ingest::sanitizer
