#include "ingest/dedup/canonical_url.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "core/ascii.h"

namespace warta::ingest::dedup {
namespace {

constexpr std::size_t kMaxUrlBytes = 2048;

// Query parameters that only say how a reader arrived (ad click ids, newsletter and social
// campaign tags, AMP switches), never which article it is.
constexpr std::array<std::string_view, 34> kTrackingParams = {"fbclid",
                                                              "gclid",
                                                              "gclsrc",
                                                              "dclid",
                                                              "msclkid",
                                                              "yclid",
                                                              "igshid",
                                                              "twclid",
                                                              "ttclid",
                                                              "mc_cid",
                                                              "mc_eid",
                                                              "_ga",
                                                              "_gl",
                                                              "ocid",
                                                              "ncid",
                                                              "cmpid",
                                                              "s_cid",
                                                              "spm",
                                                              "mkt_tok",
                                                              "wt_mc",
                                                              "wt.mc_id",
                                                              "ref_src",
                                                              "ref_url",
                                                              "rss",
                                                              "feature",
                                                              "src",
                                                              "smid",
                                                              "amp",
                                                              "__twitter_impression",
                                                              "at_medium",
                                                              "at_campaign",
                                                              "soc_src",
                                                              "soc_trk",
                                                              "outputtype"};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsTracking(std::string_view name) {
  const std::string lower = ascii::Lower(name);
  if (StartsWith(lower, "utm_") || StartsWith(lower, "at_custom")) return true;
  return std::find(kTrackingParams.begin(), kTrackingParams.end(), lower) != kTrackingParams.end();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(char c) {
  return ascii::IsAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Decodes %XX of unreserved characters, upper-cases the hex of the others.
std::string NormalizeEscapes(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      const auto byte = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(static_cast<char>(byte))) {
        out += static_cast<char>(byte);
      } else {
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
      }
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string NormalizeHost(std::string_view authority) {
  const auto at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host = ascii::Lower(authority);
  std::string port;
  const auto colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
    port = host.substr(colon + 1);
    host.resize(colon);
  }
  while (!host.empty() && host.back() == '.') host.pop_back();
  for (std::string_view prefix : {"www.", "amp.", "m.", "mobile."}) {
    // Keep at least two labels: "m.example" stays a host, not "example".
    if (StartsWith(host, prefix) && host.find('.', prefix.size()) != std::string::npos) {
      host.erase(0, prefix.size());
      break;
    }
  }
  if (!port.empty() && port != "80" && port != "443") host += ":" + port;
  return host;
}

std::string NormalizePath(std::string path) {
  if (path.empty()) return "/";
  if (StartsWith(path, "/amp/")) path.erase(0, 4);
  for (std::string_view suffix : {"/amp/", "/amp", ".amp.html", ".amp"}) {
    if (EndsWith(path, suffix) && path.size() > suffix.size()) {
      path.resize(path.size() - suffix.size());
      if (suffix == ".amp.html") path += ".html";
      break;
    }
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path.empty() ? "/" : path;
}

std::string NormalizeQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> kept;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find_first_of("&;", start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view param = query.substr(start, end - start);
    start = end + 1;
    if (param.empty()) continue;
    const auto eq = param.find('=');
    std::string name = NormalizeEscapes(param.substr(0, eq));
    if (IsTracking(name)) continue;
    std::string value = eq == std::string_view::npos ? "" : NormalizeEscapes(param.substr(eq));
    kept.emplace_back(std::move(name), std::move(value));
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [name, value] : kept) {
    out += out.empty() ? "?" : "&";
    out += name + value;
  }
  return out;
}

}  // namespace

std::string CanonicalUrl(std::string_view url) {
  if (url.size() > kMaxUrlBytes) return "";
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  const std::string lower_start = ascii::Lower(url.substr(0, 8));
  std::size_t rest_start = 0;
  if (StartsWith(lower_start, "https://")) {
    rest_start = 8;
  } else if (StartsWith(lower_start, "http://")) {
    rest_start = 7;
  } else {
    return "";
  }
  std::string_view rest = url.substr(rest_start);
  rest = rest.substr(0, rest.find('#'));
  const std::size_t authority_end = rest.find_first_of("/?");
  const std::string host = NormalizeHost(rest.substr(0, authority_end));
  if (host.empty()) return "";
  std::string_view path_and_query =
      authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
  const std::size_t q = path_and_query.find('?');
  const std::string path = NormalizePath(NormalizeEscapes(path_and_query.substr(0, q)));
  const std::string query =
      q == std::string_view::npos ? "" : NormalizeQuery(path_and_query.substr(q + 1));
  for (char c : path + query) {
    if (static_cast<unsigned char>(c) <= 0x20) return "";
  }
  return "https://" + host + path + query;
}

}  // namespace warta::ingest::dedup
