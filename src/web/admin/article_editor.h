// The article editor page (templates/admin/article_edit.mustache), rendered by GET
// /admin/articles/new and /admin/articles/{id} and again by their posts when a save is
// refused (errors next to their fields) or previewed (the rendered body above the form).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http/message.h"
#include "model/editorial.h"
#include "web/admin/admin_page.h"
#include "web/admin/article_form.h"
#include "web/context.h"
#include "web/request/staff.h"

namespace warta::web {

// A save refused because someone saved since the edit began (409): both texts, side by
// side, with the word diff from theirs to yours; the form keeps yours.
struct EditorConflict {
  std::string their_title, their_body;
  std::string your_title, your_body;
  std::string saved_by;  // who saved the current revision ("" for the system)
  std::int64_t saved_at = 0;
  std::int64_t started_from = 0;  // the revision the refused edit began from
};

struct EditorState {
  const model::EditorialArticle* article = nullptr;  // null: a new article
  ArticleFormValues values;                          // what the form shows
  std::vector<FieldError> errors;
  std::optional<std::string> preview_html;  // sanitized: the body as readers will see it
  std::optional<EditorConflict> conflict;   // shows the conflict page instead of the editor
};

http::Response RenderEditor(Context& context, const http::Request& request, const Staff& staff,
                            const EditorState& state, int status = 200);

// The localized name of an article status ("Terbit").
std::string StatusText(const Site& site, model::ArticleStatus status);

}  // namespace warta::web
