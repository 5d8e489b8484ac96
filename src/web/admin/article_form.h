// The article editor's form (templates/admin/article_edit.mustache) both ways: an article's
// fields as the form shows them, and a submitted form as the newsroom's ArticleInput
// (newsroom/article_input.h), which the Admin API builds from JSON. Field names are the
// API's (title, dek, section, tags, author, lang, lead_image, body_markdown or body_html,
// publish_at, featured, correction, source, url, version), so a problem the newsroom names
// (newsroom::FieldProblem) lands next to the field of the same name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/editorial.h"
#include "newsroom/article_input.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/site.h"

namespace warta::web {

// What the editor's buttons ask for.
enum class EditorIntent {
  kSave,       // keep the status (a new article: a draft)
  kDraft,      // back to draft (unschedule, or a withdrawn article)
  kSchedule,   // status scheduled at publish_at
  kPublish,    // status published
  kUnpublish,  // withdrawn: 410 on its page
  kPreview,    // render, store nothing
};
// nullopt for anything else.
std::optional<EditorIntent> ParseEditorIntent(const std::string& text);

// The form's fields as text, as shown and as submitted.
struct ArticleFormValues {
  std::string title, dek, section, tags, author, lang, source, url;
  model::BodyFormat body_format = model::BodyFormat::kMarkdown;
  std::string body;
  std::string publish_at;  // datetime-local in the site's zone ("" when unset)
  std::string correction;
  std::int64_t lead_image = 0;
  bool featured = false;
  std::int64_t version = 0;  // the revision the edit started from; 0 for a new article
};

// An article's current fields (publish_at shown in `time_zone`).
ArticleFormValues FormValuesOf(const model::EditorialArticle& article,
                               const std::string& time_zone);
// A submitted form's fields. Line breaks are normalized to "\n" (browsers send CRLF).
ArticleFormValues FormValuesFrom(const AdminForm& form);

// The input for `intent`: every field that differs from `current` (all given fields for a
// new article, current = null), the status the intent asks for, publish_at read in the
// site's time zone, featured only when `editor`. A field that cannot even be read (a malformed
// date, a lead image that is not a number) is added to `errors` instead.
newsroom::ArticleInput InputFromForm(const Site& site, const ArticleFormValues& values,
                                     EditorIntent intent, const model::EditorialArticle* current,
                                     bool editor, std::vector<FieldError>& errors);

// The localized message for a field the newsroom refused ("article_error_<field>"), with
// the newsroom's own words after it when the catalog has no message for that field.
FieldError ArticleFieldError(const Site& site, const newsroom::FieldProblem& problem);
// The field and message of an error the editorial service returned (InvalidArgument and
// TooLarge name a field in their user key); nullopt for other errors.
std::optional<FieldError> ArticleErrorField(const Site& site, const Error& error);

}  // namespace warta::web
