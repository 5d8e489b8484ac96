// GET /moderasi (alias /moderation): the moderation queue (comments waiting: first comments,
// links, likely spam, reported ones) with approve / reject / spam / ban forms, and the
// moderation log. Moderators, editors and admins only; others are sent to log in (or get
// 403 when logged in without the role).
#include <unordered_map>
#include <utility>

#include "storage/article_store.h"
#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

constexpr int kQueueShown = 200;
constexpr int kLogShown = 100;

// Why a comment is in the queue, in the reader's language; a reason without a message (none,
// or the honeypot's, which never queues) is shown as its word.
std::string ReasonText(const Site& site, const model::Comment& c) {
  using model::PendingReason;
  if (c.status == model::CommentStatus::kPublished) return site.T("moderation_reason_reports");
  switch (c.reason) {
    case PendingReason::kFirst:
    case PendingReason::kLink:
    case PendingReason::kReports:
    case PendingReason::kAnonymous:
      return site.T("moderation_reason_" + std::string(model::ToText(c.reason)));
    case PendingReason::kLikelySpam:
      return site.T("moderation_reason_spam");
    case PendingReason::kNone:
    case PendingReason::kHoneypot:
      break;
  }
  return std::string(model::ToText(c.reason));
}

// Entries read back always have an action (storage/comment_store.h).
std::string ActionText(const Site& site, const std::optional<model::ModerationAction>& action) {
  if (!action) return "";
  return site.T("moderation_action_" + std::string(model::ToText(*action)));
}

view::Data QueueData(Context& context, const Site& site, const std::vector<model::Comment>& queue) {
  view::Data list = view::MakeList();
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>> articles;
  for (const model::Comment& c : queue) {
    view::Data item;
    item.set("id", std::to_string(c.id));
    auto known = articles.find(c.article_id);
    if (known == articles.end()) {
      // The store, not the page cache: this page should not render every article it names.
      auto article = context.store.articles().FindById(c.article_id);
      std::pair<std::string, std::string> shown;
      if (article.ok()) shown = {model::ArticlePath(article->id, article->slug), article->title};
      known = articles.emplace(c.article_id, std::move(shown)).first;
    }
    item.set("article_path", known->second.first + "#comment-" + std::to_string(c.id));
    item.set("article_title", known->second.second);
    item.set("author", c.author);
    item.set("can_ban", c.user_id != 0);
    item.set("reason_text", ReasonText(site, c));
    if (c.reports > 0) item.set("reports", std::to_string(c.reports));
    item.set("created_iso", i18n::Formatter::Iso8601Utc(c.created_at));
    item.set("created_text", site.formatter().DateTime(c.created_at));
    item.set("comment_html", c.body_html);  // sanitized on write
    list.push_back(item);
  }
  return list;
}

view::Data LogData(const Site& site, const std::vector<model::ModerationEntry>& entries) {
  view::Data list = view::MakeList();
  for (const model::ModerationEntry& e : entries) {
    view::Data item;
    item.set("created_iso", i18n::Formatter::Iso8601Utc(e.created_at));
    item.set("created_text", site.formatter().DateTime(e.created_at));
    item.set("moderator", e.moderator_name);
    item.set("action_text", ActionText(site, e.action));
    item.set("target", e.target_name);
    if (e.comment_id != 0) item.set("comment_id", std::to_string(e.comment_id));
    list.push_back(item);
  }
  return list;
}

}  // namespace

Response ModerationPage(Context& context, const Request& request) {
  if (context.comments == nullptr) return ErrorPage(context, request, 404);
  Reader reader = IdentifyReader(context, request, context.clock.NowUnix());
  if (!reader.logged_in()) {
    return http::RedirectResponse(303, "/login?next=" + PercentEncode("/moderasi"));
  }
  if (!ActorOf(reader).moderator) return ErrorPage(context, request, 403);
  storage::CommentStore& store = context.comments->service.store();
  auto queue = store.ListQueue(kQueueShown);
  auto log = store.ListLog(kLogShown);
  if (!queue.ok() || !log.ok()) return ErrorPage(context, request, 503);
  const Site& site = SiteFor(context, request);
  view::Data data = site.PageData(site.T("moderation_title"), "/moderasi", "", reader.csrf_token);
  data.set("queue", QueueData(context, site, *queue));
  data.set("has_queue", !queue->empty());
  data.set("log", LogData(site, *log));
  data.set("has_log", !log->empty());
  auto html = site.templates().Render("moderation", data);
  if (!html.ok()) return ErrorPage(context, request, 500);
  Response response;
  response.body = std::move(html).value();
  response.SetHeader("Cache-Control", "no-store");
  MarkLocalized(response, site);
  return response;
}

}  // namespace warta::web
