#include "ingest/opml/opml.h"

#include <libxml/tree.h>

#include <algorithm>
#include <map>

#include "core/html_escape.h"
#include "ingest/feed/encoding/charset.h"
#include "ingest/feed/xml/document.h"

namespace warta::ingest::opml {
namespace {

struct XmlFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};

std::string Prop(const xmlNode* node, const char* name, const char* ns = nullptr) {
  xmlChar* raw = ns == nullptr ? xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name))
                               : xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                                              reinterpret_cast<const xmlChar*>(ns));
  if (raw == nullptr) return "";
  std::unique_ptr<xmlChar, XmlFree> owned(raw);
  std::string value(reinterpret_cast<const char*>(raw));
  // Attribute values are one line in every real OPML file.
  for (char& c : value) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  const auto first = value.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return value.substr(first, value.find_last_not_of(' ') - first + 1);
}

bool IsElement(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

int ParseInt(const std::string& s) {
  if (s.empty() || s.size() > 6 || !std::all_of(s.begin(), s.end(), ::isdigit)) return 0;
  return std::stoi(s);
}

bool IsTrue(const std::string& s) { return s == "true" || s == "1" || s == "yes"; }

void Walk(const xmlNode* parent, const std::string& path, int depth, Subscriptions& out) {
  if (depth > kMaxDepth) return;
  const std::string ns(kNamespace);
  for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
    if (!IsElement(node, "outline")) continue;
    if (out.sources.size() + static_cast<std::size_t>(out.skipped) >= kMaxOutlines) return;
    std::string text = Prop(node, "text");
    if (text.empty()) text = Prop(node, "title");
    const std::string url = Prop(node, "xmlUrl");
    if (url.empty()) {
      std::string child = text;
      std::replace(child.begin(), child.end(), '/', '-');  // "/" separates levels
      std::string nested = path;
      if (!nested.empty() && !child.empty()) nested += '/';
      nested += child;
      Walk(node, nested, depth + 1, out);
      continue;
    }
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
      ++out.skipped;
      continue;
    }
    model::NewSource s;
    s.url = url;
    s.name = text;
    s.site_url = Prop(node, "htmlUrl");
    s.category = path;
    if (s.category.empty()) {
      // OPML 2.0's category attribute: comma-separated "/A/B" paths; the first one counts.
      std::string category = Prop(node, "category");
      category = category.substr(0, category.find(','));
      while (!category.empty() && category.front() == '/') category.erase(0, 1);
      s.category = category;
    }
    s.lang = Prop(node, "language");
    if (s.lang.empty()) s.lang = Prop(node, "lang", ns.c_str());
    s.time_zone = Prop(node, "timeZone", ns.c_str());
    s.refresh_minutes = ParseInt(Prop(node, "refreshMinutes", ns.c_str()));
    s.full_text = IsTrue(Prop(node, "fullText", ns.c_str()));
    // An unknown value keeps the default: an import never fails on one attribute.
    s.canonical = model::ParseCanonicalPolicy(Prop(node, "canonical", ns.c_str()))
                      .value_or(model::CanonicalPolicy::kSelf);
    const std::string enabled = Prop(node, "enabled", ns.c_str());
    s.enabled = enabled.empty() || IsTrue(enabled);
    out.sources.push_back(std::move(s));
    Walk(node, path, depth + 1, out);  // some files nest feeds inside feeds
  }
}

std::string Attr(std::string_view name, const std::string& value) {
  if (value.empty()) return "";
  return " " + std::string(name) + "=\"" + EscapeHtml(value) + "\"";
}

std::string Rfc822(std::int64_t t) {
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::int64_t days = t / 86400, secs = t % 86400;
  // Civil date from days since the epoch (H. Hinnant).
  const std::int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[days % 7],
                static_cast<int>(d), kMonths[m - 1], static_cast<int>(y),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buffer;
}

struct Folder {
  std::vector<const model::Source*> sources;
  std::map<std::string, Folder> children;
};

void WriteFolder(const Folder& folder, int depth, std::string& out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2 + 4, ' ');
  for (const model::Source* s : folder.sources) {
    out += indent + "<outline type=\"rss\"" + Attr("text", s->DisplayName()) +
           Attr("title", s->DisplayName()) + Attr("xmlUrl", s->url) + Attr("htmlUrl", s->site_url) +
           Attr("language", s->lang) + Attr("warta:timeZone", s->time_zone) +
           Attr("warta:refreshMinutes",
                s->refresh_minutes > 0 ? std::to_string(s->refresh_minutes) : "") +
           Attr("warta:fullText", s->full_text ? "true" : "") +
           Attr("warta:canonical",
                s->canonical == model::CanonicalPolicy::kOriginal ? "original" : "") +
           Attr("warta:enabled", s->enabled ? "" : "false") + "/>\n";
  }
  for (const auto& [name, child] : folder.children) {
    out += indent + "<outline" + Attr("text", name) + Attr("title", name) + ">\n";
    WriteFolder(child, depth + 1, out);
    out += indent + "</outline>\n";
  }
}

}  // namespace

Result<Subscriptions> ParseOpml(std::string_view bytes) {
  if (bytes.size() > kMaxOpmlBytes) {
    return Error::TooLarge("opml: file larger than " + std::to_string(kMaxOpmlBytes) + " bytes");
  }
  const feed::encoding::Decoded decoded = feed::encoding::DecodeXml(bytes, "");
  const feed::xml::Document doc = feed::xml::Document::Parse(decoded.utf8, "");
  const xmlNode* root = doc.root();
  if (root == nullptr || !IsElement(root, "opml")) {
    return Error::InvalidArgument("opml: not an OPML document (no <opml> root)");
  }
  Subscriptions out;
  const xmlNode* body = nullptr;
  for (const xmlNode* node = root->children; node != nullptr; node = node->next) {
    if (IsElement(node, "body")) body = node;
    if (IsElement(node, "head")) {
      for (const xmlNode* h = node->children; h != nullptr; h = h->next) {
        if (IsElement(h, "title") && h->children != nullptr) {
          std::unique_ptr<xmlChar, XmlFree> text(xmlNodeGetContent(h));
          if (text) out.title = reinterpret_cast<const char*>(text.get());
        }
      }
    }
  }
  if (body == nullptr) return Error::InvalidArgument("opml: no <body>");
  Walk(body, "", 0, out);
  return out;
}

std::string WriteOpml(const std::vector<model::Source>& sources, const std::string& title,
                      std::int64_t now_unix) {
  Folder top;
  for (const model::Source& s : sources) {
    Folder* folder = &top;
    std::string_view path = s.category;
    while (!path.empty()) {
      const auto slash = path.find('/');
      const std::string part(path.substr(0, slash));
      if (!part.empty()) folder = &folder->children[part];
      path = slash == std::string_view::npos ? "" : path.substr(slash + 1);
    }
    folder->sources.push_back(&s);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<opml version=\"2.0\" xmlns:warta=\"" + std::string(kNamespace) + "\">\n";
  out += "  <head>\n    <title>" + EscapeHtml(title) + "</title>\n";
  out += "    <dateCreated>" + Rfc822(now_unix) + "</dateCreated>\n  </head>\n  <body>\n";
  WriteFolder(top, 0, out);
  out += "  </body>\n</opml>\n";
  return out;
}

}  // namespace warta::ingest::opml
