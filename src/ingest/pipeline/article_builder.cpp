#include <algorithm>
#include <set>

#include "core/html_escape.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "i18n/formatter.h"
#include "ingest/dedup/fingerprint.h"
#include "ingest/language/language.h"
#include "ingest/pipeline/stages.h"
#include "ingest/sanitizer/sanitizer.h"
#include "model/article_json.h"

namespace warta::ingest::pipeline {
namespace {

constexpr std::size_t kMaxTags = 10;
constexpr std::size_t kTitleFromTextBytes = 120;

std::string CollapseSpace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool IsStorableUrl(const std::string& url) {
  if (url.size() > limits::kMaxUrlBytes) return false;
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return false;
  return std::none_of(url.begin(), url.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

// The sanitized body: the extracted full text, else the feed's content, else its summary.
// The sanitizer runs here, last, on whatever will be stored (re-sanitizing the
// extractor's output is harmless: Sanitize is idempotent).
std::string ChooseBody(const Candidate& c, const std::string& title,
                       const std::vector<std::string>& iframe_hosts, bool& full_text) {
  sanitizer::SanitizeOptions options;
  options.iframe_hosts = iframe_hosts;
  // Pages never load a picture from another host (it would tell the outlet who reads what):
  // an <img> stays only when it is one of this site's /media/ files. The feed's picture
  // comes in through the media library instead (picture_stage.cpp).
  options.image_path_prefix = "/media/";
  const feed::Entry& e = c.entry;
  options.base_url = !e.base_url.empty() ? e.base_url : e.link;
  auto usable = [](const std::string& html) {
    return !html.empty() && html.size() <= limits::kMaxBodyBytes &&
           html.find_first_not_of(" \t\r\n") != std::string::npos;
  };
  full_text = false;
  if (c.extraction) {
    sanitizer::SanitizeOptions page = options;
    page.base_url = e.link;
    std::string body = sanitizer::Sanitize(c.extraction->content_html, page);
    if (usable(body)) {
      full_text = true;
      return body;
    }
  }
  for (const std::string* html : {&e.content, &e.summary}) {
    if (html->empty()) continue;
    std::string body = sanitizer::Sanitize(*html, options);
    if (usable(body) && !sanitizer::ToPlainText(body).empty()) return body;
  }
  // A title-only item (link lists, alerts): the body repeats the title.
  std::string body = "<p>";
  AppendEscapedHtml(body, title);
  body += "</p>";
  return body;
}

std::vector<std::string> Tags(const std::vector<std::string>& categories) {
  std::vector<std::string> tags;
  std::set<std::string> seen;
  for (const std::string& raw : categories) {
    std::string tag =
        TruncateUtf8(CollapseSpace(StripControlCharacters(raw)), limits::kMaxTagBytes);
    if (tag.empty() || !utf8::IsValid(tag) || !seen.insert(tag).second) continue;
    tags.push_back(std::move(tag));
    if (tags.size() == kMaxTags) break;
  }
  return tags;
}

std::string Language(const SourceJob& job, const Candidate& c, const std::string& text) {
  if (!job.source.lang.empty()) return job.source.lang;
  // Detection before the feed's own <language>: feeds often carry a CMS default ("en-us")
  // whatever they publish in.
  if (auto detected = language::Detect(text)) return *detected;
  if (c.extraction) {
    std::string page = model::PrimaryLanguage(c.extraction->lang);
    if (!page.empty()) return page;
  }
  return job.feed_language;
}

}  // namespace

std::string TruncateUtf8(std::string_view text, std::size_t max_bytes) {
  return std::string(text.substr(0, utf8::CutPoint(text, max_bytes)));
}

Result<BuiltArticle> BuildArticle(const SourceJob& job, const Candidate& c, std::int64_t now,
                                  const std::vector<std::string>& iframe_hosts) {
  const feed::Entry& e = c.entry;
  BuiltArticle built;
  model::NewArticle& a = built.article;
  // JSON Feed strings may carry control characters (XML feeds cannot): dropped here, before
  // they reach a page or a feed out (issue 16, finding 8).
  std::string title = CollapseSpace(StripControlCharacters(e.title));
  if (title.empty() && c.extraction) title = CollapseSpace(c.extraction->title);
  a.body_html = ChooseBody(c, title, iframe_hosts, built.full_text);
  const std::string text = sanitizer::ToPlainText(a.body_html);
  if (title.empty()) title = CollapseSpace(TruncateUtf8(text, kTitleFromTextBytes));
  if (title.empty()) {
    return Error::InvalidArgument("entry '" + c.guid + "' has no title and no text");
  }
  if (a.body_html == "<p></p>") a.body_html = "<p>" + EscapeHtml(title) + "</p>";
  a.title = TruncateUtf8(title, limits::kMaxTitleBytes);
  const std::string source_name = job.source.name.empty() && !job.feed_title.empty()
                                      ? job.feed_title
                                      : job.source.DisplayName();
  a.source = TruncateUtf8(StripControlCharacters(source_name), limits::kMaxSourceBytes);
  a.url = IsStorableUrl(e.link) ? e.link : "";
  std::int64_t published = e.published.value_or(e.updated.value_or(0));
  if (published == 0 && c.extraction && c.extraction->published) {
    published = *c.extraction->published;
  }
  a.published_at = published > 0 ? std::min(published, now) : now;
  a.lang = Language(job, c, title + "\n" + text);
  a.tags = Tags(e.categories);
  a.slug = i18n::Slugify(a.title);
  a.source_id = job.source.id;
  a.lead_media_id = c.lead_media_id;
  a.guid = c.guid;
  a.canonical_url = c.canonical_url;
  a.content_hash = dedup::ContentHash(text);
  a.simhash = dedup::SimHash(text);
  // The newsroom (docs/decisions/0009-newsroom.md): a source that asks for review has its new
  // items held in the inbox for an editor instead of published. Storage keeps the item as it
  // came beside whatever the editor makes of it (article_wire).
  a.status = job.source.review ? model::ArticleStatus::kHeld : model::ArticleStatus::kPublished;
  auto valid = model::ValidateNewArticle(a);
  if (!valid.ok()) {
    return MakeError(valid.error().code, "entry '" + c.guid + "': " + valid.error().message);
  }
  return built;
}

}  // namespace warta::ingest::pipeline
