// ParseFeed: size check, format sniffing, decoding and repair, the format adapters, then one
// finishing pass shared by all formats (plain titles, safe HTML, clamped dates).
#include "ingest/feed/feed.h"

#include "core/ascii.h"
#include "ingest/feed/atom/atom.h"
#include "ingest/feed/common/reader.h"
#include "ingest/feed/common/text.h"
#include "ingest/feed/encoding/charset.h"
#include "ingest/feed/jsonfeed/jsonfeed.h"
#include "ingest/feed/rdf/rdf.h"
#include "ingest/feed/rss/rss.h"
#include "ingest/feed/xml/document.h"
#include "ingest/feed/xml/repair.h"
#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::feed {
namespace {

// The first character that is not white space or a byte order mark (UTF-8 or UTF-16).
char FirstSignificant(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size() && i < 1024; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (ascii::IsXmlSpace(static_cast<char>(c)) || c == 0 || c == 0xEF || c == 0xBB || c == 0xBF ||
        c == 0xFE || c == 0xFF) {
      continue;
    }
    return static_cast<char>(c);
  }
  return 0;
}

void NoteProblem(Feed* feed, const std::string& problem) {
  if (problem.empty()) return;
  feed->bozo = true;
  if (feed->bozo_reason.empty()) feed->bozo_reason = problem;
}

std::string PlainTitle(const RawText& text) {
  return text.html ? HtmlToPlainLine(text.value) : CollapseWhitespace(text.value);
}

std::string SafeHtml(const RawText& text, const std::string& base, const ParseOptions& options) {
  if (!text.present) return {};
  std::string html = text.html ? text.value : PlainToHtml(text.value);
  if (!options.sanitize) return html;
  if (auto trivial = SanitizeTrivial(html)) return *std::move(trivial);
  sanitizer::SanitizeOptions sanitize;
  sanitize.base_url = base;
  return sanitizer::Sanitize(html, sanitize);
}

std::optional<std::int64_t> Clamp(std::optional<std::int64_t> when, std::int64_t now) {
  if (when && now > 0 && *when > now) return now;
  return when;
}

Entry Finish(DraftEntry& draft, const ParseOptions& options) {
  Entry entry;
  entry.id = CollapseWhitespace(draft.id);
  entry.title = PlainTitle(draft.title.present ? draft.title : draft.title_fallback);
  entry.link = std::move(draft.link);
  entry.published = Clamp(draft.published, options.now_unix);
  entry.updated = Clamp(draft.updated, options.now_unix);
  entry.author = CollapseWhitespace(draft.author);
  std::string base = draft.base_url.empty() ? options.base_url : draft.base_url;
  entry.summary = SafeHtml(draft.summary, base, options);
  entry.content = SafeHtml(draft.content, base, options);
  for (std::string& category : draft.categories) {
    std::string clean = CollapseWhitespace(category);
    if (!clean.empty()) entry.categories.push_back(std::move(clean));
  }
  entry.enclosures = std::move(draft.enclosures);
  entry.image = std::move(draft.image);
  entry.base_url = std::move(base);
  return entry;
}

void FinishFeed(DraftFeed& draft, const ParseOptions& options, Feed* feed) {
  feed->format = draft.format;
  NoteProblem(feed, draft.problem);
  if (draft.entries_truncated) {
    NoteProblem(feed, "more than " + std::to_string(kMaxEntries) + " entries; the rest dropped");
  }
  feed->title = PlainTitle(draft.title);
  feed->link = std::move(draft.link);
  feed->language = CollapseWhitespace(draft.language);
  feed->entries.reserve(draft.entries.size());
  for (DraftEntry& entry : draft.entries) feed->entries.push_back(Finish(entry, options));
}

Result<Feed> ParseJson(std::string_view bytes, const ParseOptions& options) {
  Feed feed;
  encoding::Decoded decoded = encoding::DecodeJson(bytes);
  NoteProblem(&feed, decoded.problem);
  feed.encoding = decoded.encoding;
  DraftFeed draft;
  date::TimeZone zone(options.default_time_zone);
  WARTA_RETURN_IF_ERROR(jsonfeed::Read(decoded.utf8, options.base_url, zone, &draft));
  FinishFeed(draft, options, &feed);
  return feed;
}

// Where the XML starts in a body that begins with something else (a PHP warning printed
// before the feed is the classic), or npos.
std::size_t XmlStart(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  for (std::string_view marker : {"<?xml", "<rss", "<feed", "<rdf:RDF"}) {
    std::size_t at = head.find(marker);
    if (at != std::string_view::npos) return at;
  }
  return std::string_view::npos;
}

Result<Feed> ParseXml(std::string_view bytes, const ParseOptions& options,
                      const std::string& problem) {
  Feed feed;
  NoteProblem(&feed, problem);
  encoding::Decoded decoded = encoding::DecodeXml(bytes, options.content_type_charset);
  NoteProblem(&feed, decoded.problem);
  feed.encoding = decoded.encoding;
  std::string repair_problem;
  std::string text = xml::RepairXml(decoded.utf8, kMaxEntityExpansionBytes, &repair_problem);
  NoteProblem(&feed, repair_problem);
  decoded.utf8.clear();
  xml::Document doc = xml::Document::Parse(text, options.base_url);
  text.clear();
  const xmlNode* root = doc.root();
  if (root == nullptr) {
    return Error::InvalidArgument("feed: not a feed (no XML document" +
                                  (doc.first_error().empty() ? "" : ": " + doc.first_error()) +
                                  ")");
  }
  if (!doc.well_formed()) NoteProblem(&feed, "xml: " + doc.first_error());

  Reader reader(options.default_time_zone);
  DraftFeed draft;
  std::string_view name = xml::LocalName(root);
  xml::Ns ns = xml::NamespaceOf(root);
  if (name == "rss" || (name == "channel" && ns == xml::Ns::kNone)) {
    rss::Read(root, reader, &draft);
  } else if (name == "RDF" && ns == xml::Ns::kRdf) {
    rdf::Read(root, reader, &draft);
  } else if (name == "feed" &&
             (ns == xml::Ns::kNone || ns == xml::Ns::kAtom10 || ns == xml::Ns::kAtom03)) {
    atom::Read(root, reader, &draft);
  } else {
    return Error::InvalidArgument("feed: not a feed (root element <" + std::string(name) + ">)");
  }
  FinishFeed(draft, options, &feed);
  return feed;
}

}  // namespace

const char* FormatName(Format format) {
  switch (format) {
    case Format::kRss090:
      return "rss090";
    case Format::kRss091:
      return "rss091";
    case Format::kRss092:
      return "rss092";
    case Format::kRss20:
      return "rss20";
    case Format::kRss10:
      return "rss10";
    case Format::kAtom03:
      return "atom03";
    case Format::kAtom10:
      return "atom10";
    case Format::kJson:
      return "json1";
    case Format::kUnknown:
      break;
  }
  return "unknown";
}

Result<Feed> ParseFeed(std::string_view bytes, const ParseOptions& options) {
  if (bytes.size() > kMaxFeedBytes) {
    return Error::TooLarge("feed: " + std::to_string(bytes.size()) +
                           " bytes is over the limit of " + std::to_string(kMaxFeedBytes));
  }
  char first = FirstSignificant(bytes);
  if (first == 0) return Error::InvalidArgument("feed: empty document");
  if (first == '{' || first == '[') return ParseJson(bytes, options);
  std::size_t start = first == '<' ? 0 : XmlStart(bytes);
  if (start == std::string_view::npos) {
    return Error::InvalidArgument("feed: not a feed (neither XML nor JSON)");
  }
  auto feed = ParseXml(bytes.substr(start), options, start > 0 ? "text before the XML" : "");
  if (!feed.ok() && feed.error().code == ErrorCode::kInvalidArgument) {
    // "<br />\n<b>Warning</b>: ... <?xml ...": markup before the feed.
    std::size_t later = XmlStart(bytes.substr(start + 1));
    if (later != std::string_view::npos) {
      return ParseXml(bytes.substr(start + 1 + later), options, "text before the XML");
    }
  }
  return feed;
}

}  // namespace warta::ingest::feed
