#include "web/api/admin/article_json.h"

#include "newsroom/article_checks.h"

namespace warta::web::admin_api {
namespace {

Json ContentJson(const model::ArticleContent& c) {
  std::string author;
  Json authors = Json::array();
  for (const model::NamedRef& a : c.authors) {
    if (!author.empty()) author += ", ";
    author += a.name;
    authors.push_back({{"slug", a.slug}, {"name", a.name}});
  }
  Json body = {
      {"title", c.title},
      {"dek", c.dek},
      {"lang", c.lang},
      {"source", c.source},
      {"url", c.url},
      {"slug", c.slug},
      {"body_format", model::ToText(c.body_format)},
      {"body_markdown", c.body_markdown},
      {"body_html", c.body_html},
      {"author", author},
      {"authors", std::move(authors)},
      {"section", c.section ? c.section->slug : ""},
      {"section_name", c.section ? c.section->name : ""},
      {"tags", c.tags},
      {"lead_image", c.lead_media_id == 0 ? Json(nullptr) : Json(c.lead_media_id)},
  };
  return body;
}

}  // namespace

newsroom::ArticleInput ReadArticleInput(Fields& fields) {
  newsroom::ArticleInput in;
  in.title = fields.String("title");
  in.dek = fields.String("dek");
  in.lang = fields.String("lang");
  in.source = fields.String("source");
  in.url = fields.String("url");
  in.body_markdown = fields.String("body_markdown");
  in.body_html = fields.String("body_html");
  in.author = fields.String("author");
  in.section = fields.String("section");
  in.tags = fields.Strings("tags");
  in.lead_image = fields.Int("lead_image");
  in.status = fields.String("status");
  in.publish_at = fields.Time("publish_at");
  in.published_at = fields.Time("published_at");
  in.unpublish_at = fields.Time("unpublish_at");
  in.featured = fields.Bool("featured");
  in.version = fields.Int("version");
  in.correction = fields.String("correction");
  return in;
}

std::vector<FieldError> ArticleProblems(const Context& context, const newsroom::ArticleInput& input,
                                        newsroom::InputUse use) {
  std::vector<FieldError> out;
  for (const newsroom::FieldProblem& p : newsroom::CheckArticleInput(
           input, use, context.clock.NowUnix(), context.editorial->options().languages)) {
    out.push_back({p.field, p.reason, p.key(), p.code});
  }
  return out;
}

Response SaveReply(const newsroom::SaveOutcome& outcome) {
  const model::EditorialArticle& a = outcome.article;
  if (outcome.kind == newsroom::SaveOutcome::Kind::kConflict) {
    return JsonReply(409, {{"error",
                            "someone else saved this article since the version you started "
                            "from; nothing was written: merge your changes into version " +
                                std::to_string(a.revision) + " and save again"},
                           {"version", a.revision},
                           {"status", model::ToText(a.status)},
                           {"current", ArticleJson(a)}});
  }
  return JsonReply(200, {{"id", a.id},
                         {"version", a.revision},
                         {"status", model::ToText(a.status)},
                         {"path", model::ArticlePath(a.id, a.content.slug)}});
}

Json ArticleJson(const model::EditorialArticle& a) {
  Json body = ContentJson(a.content);
  body["id"] = a.id;
  body["path"] = model::ArticlePath(a.id, a.content.slug);
  body["status"] = model::ToText(a.status);
  body["version"] = a.revision;
  body["publish_at"] = TimeJson(a.publish_at);
  body["published_at"] = TimeJson(a.published_at);
  body["unpublish_at"] = TimeJson(a.unpublish_at);
  body["featured"] = a.featured_at != 0;
  body["featured_at"] = TimeJson(a.featured_at);
  body["created"] = TimeJson(a.created_at);
  body["updated"] = TimeJson(a.updated_at);
  body["created_by"] = a.created_by;
  body["source_id"] = a.source_id;
  // Articles from before the newsroom have revision 1 and no row yet: one version exists.
  body["revisions"] = std::max<std::int64_t>(a.revisions, 1);
  body["counters"] = {{"views", a.counters.views},
                      {"likes", a.counters.likes},
                      {"comments", a.counters.comments},
                      {"shares", a.counters.shares}};
  return body;
}

Json ListRowJson(const storage::AdminListRow& r) {
  return {{"id", r.id},
          {"title", r.title},
          {"path", model::ArticlePath(r.id, r.slug)},
          {"status", model::ToText(r.status)},
          {"version", r.revision},
          {"updated", TimeJson(r.updated_at)},
          {"published_at", TimeJson(r.published_at)},
          {"publish_at", TimeJson(r.publish_at)},
          {"featured", r.featured_at != 0},
          {"created_by", r.created_by},
          {"section_name", r.section_name},
          {"source", r.source}};
}

Json RevisionMetaJson(const model::RevisionMeta& m) {
  return {{"number", m.number},     {"created", TimeJson(m.created_at)}, {"user_id", m.user_id},
          {"user", m.user_name},    {"kind", model::ToText(m.kind)},     {"title", m.title},
          {"bytes", m.plain_bytes}, {"stored_bytes", m.stored_bytes}};
}

Json RevisionJson(const newsroom::RevisionContent& revision) {
  Json body = ContentJson(revision.content);
  body["number"] = revision.meta.number;
  body["created"] = TimeJson(revision.meta.created_at);
  body["user_id"] = revision.meta.user_id;
  body["user"] = revision.meta.user_name;
  body["kind"] = model::ToText(revision.meta.kind);
  return body;
}

}  // namespace warta::web::admin_api
