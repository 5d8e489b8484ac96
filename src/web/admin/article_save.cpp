// POST /admin/articles (a new article) and POST /admin/articles/{id}: the editor's buttons.
// intent=save|draft|schedule|publish|unpublish go through newsroom::EditorialService, as the
// Admin API does; intent=preview renders the body and stores nothing. Success: 303 back to
// the editor with a notice. Refused input: the editor again (400) with every problem next to
// its field. A stale version: the conflict page (409) with both texts and the word diff,
// the form keeping this editor's text. A role too low for the button: 403.
// Both forms post to POST /admin/articles (an edit names its article in the hidden field
// `id`): one fixed path, so the server can take a large body there (app/cmd_serve.cpp
// upload routes) for the lead picture uploaded with the article (`lead_image_file`).
#include <spdlog/spdlog.h>

#include "core/ascii.h"
#include "newsroom/article_checks.h"
#include "newsroom/body.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/article_editor.h"
#include "web/admin/form.h"
#include "web/admin/media_view.h"
#include "web/error_status.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"

namespace warta::web {
namespace {

std::string_view DoneCode(EditorIntent intent) {
  switch (intent) {
    case EditorIntent::kSchedule:
      return "scheduled";
    case EditorIntent::kPublish:
      return "published";
    case EditorIntent::kUnpublish:
      return "unpublished";
    case EditorIntent::kDraft:
      return "drafted";
    case EditorIntent::kSave:
    case EditorIntent::kPreview:
      break;
  }
  return "saved";
}

// The body as readers will see it, or the field's error.
Result<std::string> Preview(const ArticleFormValues& values) {
  if (values.body_format == model::BodyFormat::kMarkdown) {
    return newsroom::PreviewMarkdown(values.body);
  }
  model::ArticleContent content;
  WARTA_RETURN_IF_ERROR(newsroom::SetBody(content, model::BodyFormat::kHtml, values.body));
  return content.body_html;
}

struct Submission {
  AdminForm form;
  EditorIntent intent = EditorIntent::kSave;
  ArticleFormValues values;
};

std::optional<Submission> ReadSubmission(const http::Request& request) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return std::nullopt;
  auto intent = ParseEditorIntent(form->Get("intent").value_or("save"));
  if (!intent) return std::nullopt;
  Submission s{std::move(form).value(), *intent, {}};
  s.values = FormValuesFrom(s.form);
  return s;
}

// A picture sent with the article (editors: media is theirs) becomes its lead image; a
// refused one is an error next to the lead image field, and the rest is not saved.
void TakeLeadUpload(Context& context, const Staff& staff, const Site& site, Submission& s,
                    std::vector<FieldError>& errors) {
  const http::MultipartPart* file = s.form.File("lead_image_file");
  if (file == nullptr) return;
  if (!AdminMay(staff, model::Role::kEditor)) {
    errors.push_back({"lead_image", site.T("article_error_forbidden")});
    return;
  }
  PictureTexts texts{std::string(ascii::Trim(s.form.Value("lead_image_alt"))), "", ""};
  auto stored = StorePicture(context, staff, *file, texts);
  if (!stored.ok()) {
    errors.push_back({"lead_image", PictureErrorText(site, stored.error())});
    return;
  }
  s.values.lead_image = stored->id;
}

// Every problem of the input, localized: what the form could not read, then what the
// newsroom's checks refuse (all of them, not just the first the service would return).
std::vector<FieldError> Problems(const Site& site, const newsroom::ArticleInput& input,
                                 newsroom::InputUse use, std::int64_t now,
                                 const newsroom::NewsroomOptions& options,
                                 std::vector<FieldError> errors) {
  for (const newsroom::FieldProblem& p :
       newsroom::CheckArticleInput(input, use, now, options.languages)) {
    errors.push_back(ArticleFieldError(site, p));
  }
  return errors;
}

// A refused call: its field's error on the form again, or an error page.
http::Response Refused(Context& context, const http::Request& request, const Staff& staff,
                       EditorState& state, const Error& error) {
  const Site& site = SiteFor(context, request);
  if (auto field = ArticleErrorField(site, error)) {
    state.errors.push_back(*field);
    return RenderEditor(context, request, staff, state, HttpStatusFor(error.code));
  }
  return AdminErrorPage(context, request, error, "article save");
}

EditorConflict ConflictOf(Context& context, const Staff& staff,
                          const model::EditorialArticle& theirs, const ArticleFormValues& yours) {
  EditorConflict c;
  c.their_title = theirs.content.title;
  c.their_body = theirs.content.body();
  c.your_title = yours.title;
  c.your_body = yours.body;
  c.started_from = yours.version;
  auto latest = context.editorial->Revisions(staff.principal, theirs.id, 0, 1);
  if (latest.ok() && !latest->empty()) {
    c.saved_by = latest->front().user_name;
    c.saved_at = latest->front().created_at;
  } else {
    c.saved_at = theirs.updated_at;
  }
  return c;
}

http::Response Update(Context& context, const http::Request& request, const Staff& staff,
                      std::int64_t id, Submission& submission) {
  auto current = context.editorial->Get(staff.principal, id);
  if (!current.ok()) return AdminErrorPage(context, request, current.error(), "article save");
  const Site& site = SiteFor(context, request);
  EditorState state;
  state.article = &*current;
  std::vector<FieldError> unreadable;
  TakeLeadUpload(context, staff, site, submission, unreadable);
  state.values = submission.values;
  if (submission.intent == EditorIntent::kPreview) {
    state.errors = std::move(unreadable);
    auto preview = Preview(state.values);
    if (!preview.ok()) return Refused(context, request, staff, state, preview.error());
    state.preview_html = std::move(preview).value();
    return RenderEditor(context, request, staff, state);
  }
  const bool editor = AdminMay(staff, model::Role::kEditor);
  newsroom::ArticleInput input =
      InputFromForm(site, state.values, submission.intent, &*current, editor, unreadable);
  state.errors = Problems(site, input, newsroom::InputUse::kUpdate, context.clock.NowUnix(),
                          context.editorial->options(), std::move(unreadable));
  if (!state.errors.empty()) return RenderEditor(context, request, staff, state, 400);
  auto saved = context.editorial->Update(staff.principal, id, input);
  if (!saved.ok()) return Refused(context, request, staff, state, saved.error());
  if (saved->kind == newsroom::SaveOutcome::Kind::kConflict) {
    // Nothing was written. The form keeps this editor's text, now based on the current
    // revision: saving it again is a decision taken with both versions in view.
    EditorState conflict;
    conflict.article = &saved->article;
    conflict.values = state.values;
    conflict.conflict = ConflictOf(context, staff, saved->article, state.values);
    conflict.values.version = saved->article.revision;
    return RenderEditor(context, request, staff, conflict, 409);
  }
  return AdminSeeOther("/admin/articles/" + std::to_string(id) +
                       "?done=" + std::string(DoneCode(submission.intent)));
}

}  // namespace

http::Response AdminArticleCreate(Context& context, const http::Request& request,
                                  const http::RouteParams& /*params*/, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto submission = ReadSubmission(request);
  if (!submission) return ErrorPage(context, request, 400);
  if (submission->form.Has("id")) {
    auto id = submission->form.Id("id");
    if (!id) return ErrorPage(context, request, 404);
    return Update(context, request, staff, *id, *submission);
  }
  const Site& site = SiteFor(context, request);
  EditorState state;
  std::vector<FieldError> unreadable;
  TakeLeadUpload(context, staff, site, *submission, unreadable);
  state.values = submission->values;
  if (submission->intent == EditorIntent::kPreview) {
    state.errors = std::move(unreadable);
    auto preview = Preview(state.values);
    if (!preview.ok()) return Refused(context, request, staff, state, preview.error());
    state.preview_html = std::move(preview).value();
    return RenderEditor(context, request, staff, state);
  }
  const bool editor = AdminMay(staff, model::Role::kEditor);
  newsroom::ArticleInput input =
      InputFromForm(site, state.values, submission->intent, nullptr, editor, unreadable);
  state.errors = Problems(site, input, newsroom::InputUse::kCreate, context.clock.NowUnix(),
                          context.editorial->options(), std::move(unreadable));
  if (!state.errors.empty()) return RenderEditor(context, request, staff, state, 400);
  auto created = context.editorial->Create(staff.principal, input);
  if (!created.ok()) return Refused(context, request, staff, state, created.error());
  return AdminSeeOther("/admin/articles/" + std::to_string(created->id) +
                       "?done=" + std::string(DoneCode(submission->intent)));
}

http::Response AdminArticleUpdate(Context& context, const http::Request& request,
                                  const http::RouteParams& params, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  // Whose article first: another author's answers 403/404 whatever the form holds.
  if (auto article = context.editorial->Get(staff.principal, *id); !article.ok()) {
    return AdminErrorPage(context, request, article.error(), "article save");
  }
  auto submission = ReadSubmission(request);
  if (!submission) return ErrorPage(context, request, 400);
  return Update(context, request, staff, *id, *submission);
}

}  // namespace warta::web
