#include "web/api/comment_replies.h"

#include <spdlog/spdlog.h>

#include "web/error_status.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/view_models/comment_view.h"

namespace warta::web {

comments::Actor ActorOf(const Reader& reader) {
  comments::Actor actor;
  if (reader.session) {
    actor.user_id = reader.session->user.id;
    actor.name = reader.session->user.name;
    actor.moderator = auth::HasRole(reader.session->user.role, auth::Role::kModerator);
  }
  return actor;
}

std::string_view ViewerRole(const Reader& reader) {
  if (!reader.session) return "anonymous";
  return model::ToText(ActorOf(reader).moderator ? model::Role::kModerator : model::Role::kReader);
}

namespace {

void ReadJsonInput(const http::Request& request, CommentInput& input) {
  nlohmann::json json = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    input.error = "the body must be a JSON object {\"body\": \"…\", \"parent_id\": N}";
    return;
  }
  if (json.contains("body")) {
    if (!json["body"].is_string()) {
      input.error = "body must be a string";
      return;
    }
    input.body = json["body"].get<std::string>();
  }
  if (json.contains("parent_id") && !json["parent_id"].is_null()) {
    const nlohmann::json& parent = json["parent_id"];
    if (!parent.is_number_integer() || parent.get<std::int64_t>() <= 0) {
      input.error = "parent_id must be a positive comment id or null";
      return;
    }
    input.parent_id = parent.get<std::int64_t>();
  }
  if (json.contains("website") && json["website"].is_string()) {
    input.honeypot = !json["website"].get<std::string>().empty();
  }
}

}  // namespace

CommentInput ReadCommentInput(const http::Request& request) {
  CommentInput input;
  if (!IsFormPost(request)) {
    ReadJsonInput(request, input);
    return input;
  }
  input.body = FormField(request.body, "body");
  input.next = FormField(request.body, "next").value_or("");
  input.honeypot = !FormField(request.body, "website").value_or("").empty();
  const std::string parent = FormField(request.body, "parent_id").value_or("");
  if (!parent.empty()) {
    auto id = ParseId(parent);
    if (!id) {
      input.error = "parent_id must be a positive comment id";
    } else {
      input.parent_id = *id;
    }
  }
  return input;
}

http::Response CommentError(const Context& context, const http::Request& request,
                            const Error& error, const std::string& back_path) {
  const int status = HttpStatusFor(error.code);
  if (status >= 500) spdlog::error("web: comment action failed: {}", error.ToString());
  const std::string message =
      status >= 500 ? "the comment could not be saved; try again" : error.message;
  if (!IsFormPost(request)) return ApiError(status, message);
  const Site& site = SiteFor(context, request);
  const std::string key = error.user_key.empty() ? "comment_error_failed" : error.user_key;
  view::Data data = site.PageData(site.T("comment_error_title"), back_path, "", "");
  data.set("status", std::to_string(status));
  data.set("title", site.T("comment_error_title"));
  data.set("message", site.T(key));
  data.set("back_url", back_path + "#comments");
  auto html = site.templates().Render("error", data);
  if (!html.ok()) return ErrorPage(context, request, status);
  http::Response response;
  response.status = status;
  response.body = std::move(html).value();
  response.SetHeader("Cache-Control", "no-store");
  MarkLocalized(response, site);
  return response;
}

std::optional<http::Response> CommentRateLimited(Context& context, const http::Request& request,
                                                 const Reader& reader) {
  auth::RateDecision decision = context.comments->per_address.Take(request.remote_address);
  if (decision.allowed && reader.logged_in()) {
    decision = context.comments->per_account.Take(reader.LimitKey());
  }
  if (decision.allowed) return std::nullopt;
  return ActionError(context, request, 429, "too many comments; wait a little",
                     decision.retry_after_seconds);
}

Result<model::Comment> FindComment(Context& context, std::int64_t comment_id) {
  WARTA_ASSIGN_OR_RETURN(std::optional<model::Comment> found,
                         context.comments->service.store().FindById(comment_id));
  if (!found) {
    return Error::NotFound("no comment with id " + std::to_string(comment_id),
                           "comment_error_not_found");
  }
  return std::move(*found);
}

nlohmann::json CommentJson(const Site& site, const model::Comment& c) {
  const bool shown =
      c.status == model::CommentStatus::kPublished || c.status == model::CommentStatus::kPending;
  nlohmann::json json = {
      {"id", c.id},
      {"article_id", c.article_id},
      {"parent_id", c.parent_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.parent_id)},
      {"author", c.user_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.author)},
      {"body_html", shown ? c.body_html : std::string()},
      {"created", i18n::Formatter::Iso8601Utc(c.created_at)},
      {"created_text", site.formatter().DateTime(c.created_at)},
      {"edited", c.edited_at == 0 ? nlohmann::json(nullptr)
                                  : nlohmann::json(i18n::Formatter::Iso8601Utc(c.edited_at))},
      {"status", model::ToText(c.status)},
      {"depth", c.depth},
  };
  return json;
}

std::variant<std::shared_ptr<const CachedArticle>, http::Response> LoadPublicArticle(
    Context& context, const http::RouteParams& params, bool api) {
  auto fail = [&](int status, const std::string& message) -> http::Response {
    return api ? ApiError(status, message) : ErrorPage(context, status);
  };
  auto id = ParseId(params.Get("id"));
  if (!id || context.comments == nullptr) return fail(404, "no such article");
  auto cached = context.articles.Get(*id, context.clock.NowUnix());
  if (!cached.ok()) {
    if (IsWithdrawn(cached.error())) return fail(410, "the article was withdrawn");
    if (cached.error().code == ErrorCode::kNotFound) return fail(404, "no such article");
    return fail(503, "could not load the article; try again");
  }
  return std::move(cached).value();
}

std::variant<ArticleComments, http::Response> LoadArticleComments(Context& context,
                                                                  const http::RouteParams& params,
                                                                  bool include_hidden, bool api) {
  auto loaded = LoadPublicArticle(context, params, api);
  if (auto* response = std::get_if<http::Response>(&loaded)) return std::move(*response);
  auto& article = std::get<std::shared_ptr<const CachedArticle>>(loaded);
  auto listed = context.comments->service.store().ListForArticle(
      article->article.id, include_hidden, kMaxCommentsLoaded);
  if (!listed.ok()) {
    return api ? ApiError(503, "could not load the comments; try again") : ErrorPage(context, 503);
  }
  return ArticleComments{std::move(article), std::move(listed).value()};
}

}  // namespace warta::web
