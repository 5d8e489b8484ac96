// /api/v1/admin/authors: bylines (/penulis/{slug}), created when an article names a new one.
// Authors read the list (the byline picker); editors change a byline's name and bio.
#include <utility>

#include "core/limits.h"
#include "storage/author_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {
namespace {

constexpr std::size_t kMaxNameChars = 100;  // as a byline (newsroom/article_checks.h)
constexpr std::size_t kMaxBioChars = 1000;

Json AuthorJson(const model::Author& a) {
  return {{"id", a.id},
          {"slug", a.slug},
          {"name", a.name},
          {"bio", a.bio},
          {"user_id", a.user_id == 0 ? Json(nullptr) : Json(a.user_id)},
          {"path", "/penulis/" + a.slug}};
}

}  // namespace

Response ListAuthors(Context& context, const Request& request, const RouteParams& /*params*/,
                     const Staff& /*staff*/) {
  ListParams page = ReadLimitAndIdCursor(request, 100, limits::kMaxAdminPageRows);
  if (page.refusal) return std::move(*page.refusal);
  auto authors = context.store.authors().List(page.cursor, page.limit);
  if (!authors.ok()) return ErrorReply(authors.error());
  return IdPageReply("authors", *authors, page.limit, AuthorJson);
}

Response UpdateAuthor(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such author");
  // The store lists by id: the first author after id - 1 is this one, if it exists.
  auto found = context.store.authors().List(*id - 1, 1);
  if (!found.ok()) return ErrorReply(found.error());
  if (found->empty() || found->front().id != *id) return ErrorReply(404, "no such author");
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "author_error_");
  model::Author author = found->front();
  // The slug (the page's address) stays: links to /penulis/{slug} keep working.
  if (auto name = fields.Text("name", kMaxNameChars, /*required=*/false)) {
    if (name->empty()) {
      fields.Problem("name", "is required");
    } else {
      author.name = *name;
    }
  }
  if (auto bio = fields.Text("bio", kMaxBioChars, false)) author.bio = *bio;
  if (!fields.ok()) return fields.Refusal();
  auto updated = context.store.authors().Update(
      author, Audit(context, staff, "author.update", "author", author.id, author.name));
  if (!updated.ok()) return ErrorReply(updated.error());
  return JsonReply(200, AuthorJson(author));
}

}  // namespace warta::web::admin_api
