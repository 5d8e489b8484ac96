#include "ingest/extractor/extractor.h"

#include <fmt/format.h>

#include <memory>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "ingest/extractor/dom.h"
#include "ingest/extractor/metadata.h"
#include "ingest/extractor/scorer.h"
#include "ingest/extractor/text.h"
#include "ingest/sanitizer/html_parse.h"
#include "ingest/sanitizer/sanitizer.h"
#include "ingest/sanitizer/url.h"

namespace warta::ingest::extractor {
namespace {

namespace san = warta::ingest::sanitizer;

// Deeper elements are flattened into their ancestor at this depth. Real pages stay under 60;
// it bounds the recursion in phrasing checks and the cost of per-element text measures.
constexpr int kMaxDomDepth = 200;

std::unique_ptr<Document> BuildDocument(const san::ParsedHtml& parsed) {
  auto doc = std::make_unique<Document>();
  BuildFromGumbo(parsed.root(), *doc, kMaxDomDepth);
  return doc;
}

struct Article {
  std::vector<std::unique_ptr<Document>> documents;  // own the nodes below
  Node* content = nullptr;
  std::string dir;
};

// Readability's sieve: each pass that finds too little text is retried on a fresh copy of
// the page with one more flag off; if none is long enough, the longest pass wins.
Article FindArticle(const san::ParsedHtml& parsed, std::unique_ptr<Document> first,
                    ScorerContext& context) {
  Article article;
  std::vector<Grabbed> attempts;
  unsigned flags = kAllPassFlags;
  std::unique_ptr<Document> doc = std::move(first);
  for (;;) {
    if (doc == nullptr) {
      doc = BuildDocument(parsed);
      PrepareDocument(*doc);
    }
    const Grabbed grabbed = Scorer(*doc, flags, context).Grab();
    article.documents.push_back(std::exchange(doc, nullptr));
    if (grabbed.content == nullptr) return article;  // no <body>, or out of budget
    if (grabbed.text_length >= kCharThreshold) {
      article.content = grabbed.content;
      article.dir = grabbed.dir;
      return article;
    }
    attempts.push_back(grabbed);
    if ((flags & kStripUnlikelys) != 0) {
      flags &= ~kStripUnlikelys;
    } else if ((flags & kWeightClasses) != 0) {
      flags &= ~kWeightClasses;
    } else if ((flags & kCleanConditionally) != 0) {
      flags &= ~kCleanConditionally;
    } else {
      break;
    }
  }
  const Grabbed* longest = &attempts.front();
  for (const Grabbed& g : attempts) {
    if (g.text_length > longest->text_length) longest = &g;
  }
  if (longest->text_length > 0) {
    article.content = longest->content;
    article.dir = longest->dir;
  }
  return article;
}

bool IsAbsoluteHttp(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

// An absolute http(s) URL from `raw` resolved against `base`, or "".
std::string AbsoluteUrl(std::string_view raw, std::string_view base) {
  if (raw.empty()) return {};
  auto cleaned = san::CleanUrl(raw, base, san::UrlKind::kMedia);
  return cleaned && IsAbsoluteHttp(*cleaned) ? *cleaned : std::string();
}

// The base for relative links: the page's URL (or, without one, its canonical URL), with
// <base href> applied.
std::string BaseUrl(const ExtractOptions& options, const PageMetadata& meta,
                    std::string& canonical) {
  std::string page = AbsoluteUrl(options.url, "");
  canonical = AbsoluteUrl(meta.canonical_url, page);
  if (page.empty()) page = canonical;
  if (meta.base_href.empty()) return page;
  std::string base = AbsoluteUrl(meta.base_href, page);
  return base.empty() ? page : base;
}

bool IsWideScript(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

std::size_t WeightedChars(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::Next(text, i);
    if (!IsJsSpace(c)) n += IsWideScript(c) ? 2 : 1;
  }
  return n;
}

void JudgeQuality(const ExtractOptions& options, Extraction& out) {
  out.text_chars = WeightedChars(out.text);
  if (out.text.empty()) {
    out.reason = "no content";
  } else if (out.text_chars < options.min_text_chars) {
    out.reason =
        fmt::format("too short: {} < {} characters", out.text_chars, options.min_text_chars);
  } else if (out.link_density > options.max_link_density) {
    out.reason = fmt::format("too many links: {:.2f} of the text", out.link_density);
  } else {
    out.acceptable = true;
  }
}

}  // namespace

Result<Extraction> Extract(std::string_view html, const ExtractOptions& options) {
  if (html.size() > options.max_input_bytes) {
    return Error::TooLarge(fmt::format("extractor: page of {} bytes is over the limit of {}",
                                       html.size(), options.max_input_bytes));
  }
  const san::ParsedHtml parsed(html, san::HtmlInput::kDocument,
                               {options.max_input_bytes, options.max_parse_cpu_seconds});
  if (parsed.status() != san::ParseStatus::kOk) {
    return Error::Timeout("extractor: page too complex to parse within budget");
  }
  auto doc = BuildDocument(parsed);
  Extraction out;
  if (doc->html() == nullptr) {
    out.reason = "no content";
    return out;
  }
  const JsonLd json_ld = ReadJsonLd(doc->html(), ArticleTitle(doc->html()));
  PrepareDocument(*doc);
  const PageMetadata meta = ReadMetadata(doc->html(), json_ld);

  WorkBudget budget(options.max_cpu_seconds);
  ScorerContext context(budget);
  context.article_title = meta.title;
  context.have_metadata_byline = !meta.byline.empty();
  Article article = FindArticle(parsed, std::move(doc), context);
  if (article.content != nullptr) SimplifyNestedElements(article.content, budget);
  if (budget.spent()) {
    return Error::Timeout(fmt::format("extractor: page too complex to score within {} s of CPU",
                                      options.max_cpu_seconds));
  }

  out.title = meta.title;
  out.byline = !meta.byline.empty() ? meta.byline : context.byline;
  out.published_raw = meta.published;
  out.published = ParsePageDate(meta.published);
  out.lang = meta.lang;
  out.dir = article.dir;
  out.site_name = meta.site_name;
  out.excerpt = meta.excerpt;
  const std::string base = BaseUrl(options, meta, out.canonical_url);
  out.lead_image = AbsoluteUrl(meta.lead_image, base);
  if (article.content != nullptr) {
    FlattenMath(*article.documents.front(), article.content);
    out.link_density = LinkDensity(article.content);
    san::SanitizeOptions sanitize;
    sanitize.base_url = base;
    sanitize.iframe_hosts = options.iframe_hosts;
    out.content_html = san::Sanitize(InnerHtml(article.content), sanitize);
    out.text = san::ToPlainText(out.content_html);
  }
  JudgeQuality(options, out);
  return out;
}

}  // namespace warta::ingest::extractor
