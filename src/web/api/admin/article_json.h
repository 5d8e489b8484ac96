// Articles in and out of the Admin API's JSON (CONTRACT §6): the fields an editor sends as
// a newsroom::ArticleInput, and an article, a list row or a revision as the answer shows it.
// Internal to src/web/api/admin/.
#pragma once

#include "model/editorial.h"
#include "newsroom/article_checks.h"
#include "newsroom/article_input.h"
#include "newsroom/service.h"
#include "storage/editorial_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {

// Reads every article field of `object` (title, dek, lang, source, url, body_markdown,
// body_html, author, section, tags, lead_image, status, publish_at, published_at,
// unpublish_at, featured, version, correction); wrong types are problems of `fields`.
newsroom::ArticleInput ReadArticleInput(Fields& fields);

// Every problem the newsroom finds in the input's fields taken alone, as the API names them
// (the service reports only the first).
std::vector<FieldError> ArticleProblems(const Context& context, const newsroom::ArticleInput& input,
                                        newsroom::InputUse use);

// The answer to a save: 200 {"id", "version", "status", "path"}, or 409 {"error",
// "version", "status", "current": the article as it is now} when someone saved since the
// version the edit started from (nothing was written).
Response SaveReply(const newsroom::SaveOutcome& outcome);

// The article as GET /api/v1/admin/articles/{id} shows it.
Json ArticleJson(const model::EditorialArticle& article);
// A row of the admin's list.
Json ListRowJson(const storage::AdminListRow& row);
// A revision without its body, and one with it.
Json RevisionMetaJson(const model::RevisionMeta& meta);
Json RevisionJson(const newsroom::RevisionContent& revision);

}  // namespace warta::web::admin_api
