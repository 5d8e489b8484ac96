// GET /artikel/{id}[/{slug}]: the hottest path. A cached, pre-split page is filled with the
// current counters, the reader's CSRF token and like state; the view is counted in memory
// afterwards
// (the page shows the count before this reader's view, like a printed counter would).
#include <functional>
#include <string>
#include <string_view>

#include "media/names.h"
#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/request/account_menu.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"
#include "web/view_models/article_newsroom.h"
#include "web/view_models/comment_view.h"
#include "web/view_models/picture.h"
#include "web/view_models/seo.h"
#include "web/view_models/share_links.h"

namespace warta::web {
namespace {

constexpr std::size_t Idx(Slot slot) { return static_cast<std::size_t>(slot); }

view::Data ShareLinks(const std::string& url, const std::string& title) {
  view::Data links = view::MakeList();
  for (engagement::ShareNetwork network : engagement::kShareNetworks) {
    std::optional<std::string> target = ShareTargetUrl(network, url, title);
    if (!target) continue;  // copy and native: the page's script offers those
    view::Data link;
    link.set("network", std::string(engagement::ToText(network)));
    link.set("label", std::string(ShareLabel(network)));
    link.set("url", *target);
    links.push_back(link);
  }
  return links;
}

// Whether the reader likes the article. Only readers who can have liked anything are
// looked up: logged-in ones and visitors with the hint cookie of their first like, so
// the page costs no database read for everyone else. A failed lookup shows "not liked":
// liking again is harmless (idempotent).
bool LikedBy(Context& context, const Request& request, const Reader& reader, std::int64_t id) {
  if (!reader.logged_in() && request.Cookie(kLikedHintCookie).empty()) return false;
  auto liked = context.engagement.IsLiked(id, reader.AsLiker());
  return liked.ok() && *liked;
}

// The page differs only by article version and slot values (counters, the reader's CSRF
// token), so those identify it: hashing them is far cheaper than hashing the whole body.
// Each part is hashed where it lies and the hashes combined, rather than joined into one
// string first (five allocations per request, for nothing).
std::string PageTag(const model::Article& article, const std::string& locale,
                    const SlotValues& values, std::uint64_t popular_generation) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 0x100000001b3ULL + (h >> 29); };
  mix(static_cast<std::uint64_t>(article.id));
  mix(static_cast<std::uint64_t>(article.version));
  mix(std::hash<std::string_view>{}(locale));
  mix(popular_generation);
  for (const std::string& value : values) {
    mix(value.size());
    mix(std::hash<std::string_view>{}(value));
  }
  return "W/\"" + std::to_string(h) + "\"";
}

// Who reads (for which comment actions the page shows) and the notice a form post left in
// the query (?comment=pending|published|deleted|reported|error_KEY).
void FillCommentSlots(const Site& site, const Request& request, const Reader& reader,
                      SlotValues& values) {
  values[Idx(Slot::kViewerId)] = reader.session ? std::to_string(reader.session->user.id) : "none";
  values[Idx(Slot::kViewerRole)] = std::string(ViewerRole(reader));
  const std::string notice = request.QueryParam("comment");
  if (!notice.empty()) values[Idx(Slot::kCommentNotice)] = CommentNoticeText(site, notice);
}

// Related articles (same story, shared tags, similar titles), fixed when the page renders.
view::Data RelatedItems(const Site& site, const std::vector<storage::RelatedArticle>& related) {
  view::Data items = view::MakeList();
  for (const storage::RelatedArticle& article : related) {
    view::Data item;
    item.set("path", model::ArticlePath(article.id, article.slug));
    item.set("title", article.title);
    item.set("source", article.source);
    item.set("published_iso", i18n::Formatter::Iso8601Utc(article.published_at));
    item.set("published_text", site.formatter().LongDate(article.published_at));
    items.push_back(item);
  }
  return items;
}

}  // namespace

Result<SplicedPage> RenderArticlePage(const Site& site, const model::Article& article,
                                      const std::string& path, const CommentsRender* comments,
                                      const std::vector<storage::RelatedArticle>& related,
                                      const ArticleNewsroom* newsroom, const model::Media* lead) {
  const i18n::Formatter& format = site.formatter();
  view::Data data = site.PageData(article.title, path, "", SlotMarker(Slot::kCsrfToken));
  AddArticleHead(data, site, article, path, newsroom);
  FillArticleNewsroom(data, site, newsroom != nullptr ? *newsroom : ArticleNewsroom{});
  // The source's canonical policy: its republished copies name the outlet's page.
  const std::string original = OriginalUrl(article.url);
  if (article.canonical_is_original && !original.empty()) {
    data.set("search_canonical_url", original);
  }
  data.set("article_id", std::to_string(article.id));
  data.set("headline", article.title);
  data.set("article_lang", article.lang.empty() ? site.locale() : article.lang);
  // The newsroom's own articles name no outlet: the site is their source (CONTRACT §4).
  data.set("source", article.source.empty() ? site.settings().name : article.source);
  data.set("source_url", article.url);
  data.set("published_iso", i18n::Formatter::Iso8601Utc(article.published_at));
  data.set("published_text", format.LongDate(article.published_at));
  data.set("body_html", article.body_html);  // sanitized when stored
  // The lead picture loads at once (it is the page's largest paint); its box is reserved.
  if (lead != nullptr) {
    data.set("lead_image", PictureData(*lead, ArticleLeadUse()));
    // Link previews show the article's own picture (its widest JPEG) rather than the site's.
    if (const model::MediaVariant* widest = media::FallbackVariant(*lead)) {
      data.set("og_image",
               site.settings().base_url +
                   media::RenditionUrl(lead->sha256, widest->width, model::ImageFormat::kJpeg));
    }
  }
  // "Also reported by": the same story from other sources (ingest clusters), linked to
  // their copies on this site.
  view::Data reports = view::MakeList();
  for (const model::RelatedReport& report : article.also_reported_by) {
    view::Data item;
    item.set("source", report.source);
    item.set("title", report.title);
    item.set("path", model::ArticlePath(report.article_id, report.slug));
    reports.push_back(item);
  }
  data.set("also_reported_by", reports);
  data.set("has_also_reported_by", !article.also_reported_by.empty());
  view::Data tags = view::MakeList();
  for (const std::string& tag : article.tags) {
    view::Data item;
    item.set("name", tag);
    item.set("url", TagPath(tag));
    tags.push_back(item);
  }
  data.set("tags", tags);
  data.set("has_tags", !article.tags.empty());
  data.set("views_text", SlotMarker(Slot::kViewsNumber));
  data.set("views_label", SlotMarker(Slot::kViewsLabel));
  data.set("likes_text", SlotMarker(Slot::kLikesNumber));
  data.set("likes_label", SlotMarker(Slot::kLikesLabel));
  data.set("like_prompt", SlotMarker(Slot::kLikePrompt));
  data.set("comments_text", SlotMarker(Slot::kCommentsNumber));
  data.set("comments_label", SlotMarker(Slot::kCommentsLabel));
  data.set("shares_text", SlotMarker(Slot::kSharesNumber));
  data.set("shares_label", SlotMarker(Slot::kSharesLabel));
  data.set("like_action", "/api/v1/articles/" + std::to_string(article.id) + "/like");
  data.set("comment_action", "/api/v1/articles/" + std::to_string(article.id) + "/comments");
  data.set("like_form_action", SlotMarker(Slot::kLikeFormAction));
  data.set("like_button_text", SlotMarker(Slot::kLikeButtonText));
  data.set("liked", SlotMarker(Slot::kLiked));
  data.set("share_action", "/api/v1/articles/" + std::to_string(article.id) + "/share");
  data.set("share_links", ShareLinks(site.settings().base_url + path, article.title));
  data.set("engage_js_url", VersionedStaticUrl("engage.js"));
  data.set("viewer_id", SlotMarker(Slot::kViewerId));
  data.set("viewer_role", SlotMarker(Slot::kViewerRole));
  data.set("comment_notice", SlotMarker(Slot::kCommentNotice));
  data.set("show_comments", comments != nullptr);
  if (comments != nullptr) FillCommentsSection(site, article, path, *comments, data);
  data.set("related", RelatedItems(site, related));
  data.set("has_related", !related.empty());
  data.set("popular_html", RawSlotMarker(RawSlot::kPopular));
  auto html = site.templates().Render("article", data);
  if (!html.ok()) return html.error();
  return SplicedPage::FromRendered(html.value());
}

Response ArticlePage(Context& context, const Request& request, const RouteParams& params) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  std::int64_t now = context.clock.NowUnix();
  auto cached = context.articles.Get(*id, now);
  if (!cached.ok()) {
    // Withdrawn: 410 and a page saying so, without the article (docs/decisions/0009).
    if (IsWithdrawn(cached.error())) return ErrorPage(context, request, 410);
    return ErrorPage(context, request, cached.error().code == ErrorCode::kNotFound ? 404 : 500);
  }
  const CachedArticle& entry = *cached.value();
  std::string_view slug = params.Get("slug");
  if (!slug.empty() && slug != entry.article.slug) {
    return http::RedirectResponse(301, entry.path);
  }

  // The default locale's page is in the entry; another locale's is rendered once and kept.
  const Site& site = SiteFor(context, request);
  const SplicedPage* page = &entry.page;
  std::shared_ptr<const SplicedPage> localized;
  if (&site != context.site.get()) {
    auto rendered = context.articles.LocalizedPage(entry, site.locale());
    if (!rendered.ok()) return ErrorPage(context, request, 500);
    localized = std::move(rendered).value();
    page = localized.get();
  }

  Reader reader = IdentifyReader(context, request, now);
  const Visitor& visitor = reader.visitor;
  const bool liked = LikedBy(context, request, reader, *id);
  CounterTexts texts = site.FormatCounters(context.engagement.Shown(*id, entry.counters()));

  SlotValues values;
  values[Idx(Slot::kViewsNumber)] = std::move(texts.views);
  values[Idx(Slot::kViewsLabel)] = std::move(texts.views_label);
  values[Idx(Slot::kLikesNumber)] = std::move(texts.likes);
  values[Idx(Slot::kLikesLabel)] = std::move(texts.likes_label);
  values[Idx(Slot::kLikePrompt)] = std::move(texts.like_prompt);
  values[Idx(Slot::kCommentsNumber)] = std::move(texts.comments);
  values[Idx(Slot::kCommentsLabel)] = std::move(texts.comments_label);
  values[Idx(Slot::kSharesNumber)] = std::move(texts.shares);
  values[Idx(Slot::kSharesLabel)] = std::move(texts.shares_label);
  values[Idx(Slot::kCsrfToken)] = reader.csrf_token;
  values[Idx(Slot::kLikeFormAction)] = liked ? "unlike" : "like";
  values[Idx(Slot::kLikeButtonText)] = site.T(liked ? "unlike_button" : "like_button");
  values[Idx(Slot::kLiked)] = liked ? "true" : "false";
  FillCommentSlots(site, request, reader, values);

  context.engagement.CountView(
      *id, engagement::Viewer{visitor.id.value, visitor.crawler, !visitor.id.from_cookie,
                              request.remote_address, visitor.new_cookie_id});

  // The popular list is swapped whole every refresh: its generation stands in for its text.
  std::shared_ptr<const PopularFragment> popular;
  if (context.popular != nullptr) popular = context.popular->Current();
  RawSlotValues raw;
  RawSlotGzip raw_gzip{};
  FillPopularHole(popular.get(), site.locale(), raw, raw_gzip);
  // Logged out (nearly every reader): the locale's constant menu, no work per request.
  const std::string account_menu = reader.session ? AccountMenuHtml(site, reader) : std::string();
  raw[static_cast<std::size_t>(RawSlot::kAccountMenu)] =
      reader.session ? std::string_view(account_menu) : std::string_view(site.login_menu());

  Response response;
  page->AppendTo(response.body, values, raw, response.pieces, raw_gzip);
  // The pieces point into the kept page and the popular list: the response holds them until
  // it is sent.
  if (localized) {
    response.pieces_owner = OwnPieces(localized, popular);
  } else {
    response.pieces_owner = OwnPieces(cached.value(), popular);
  }
  response.SetHeader(
      "ETag", PageTag(entry.article, site.locale(), values, popular ? popular->generation : 0));
  response.SetHeader("Cache-Control", "private, no-cache");
  MarkLocalized(response, site);
  if (!visitor.set_cookie.empty()) response.SetHeader("Set-Cookie", visitor.set_cookie);
  return response;
}

}  // namespace warta::web
