#include "web/admin/article_form.h"

#include <algorithm>

#include "core/ascii.h"
#include "i18n/local_time.h"
#include "newsroom/article_checks.h"

namespace warta::web {
namespace {

std::string NormalizeLines(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string tag(ascii::Trim(std::string_view(text).substr(start, comma - start)));
    if (!tag.empty()) tags.push_back(std::move(tag));
    start = comma + 1;
  }
  return tags;
}

std::string JoinNames(const std::vector<model::NamedRef>& refs) {
  std::string out;
  for (const model::NamedRef& r : refs) out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& t : tags) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

std::optional<EditorIntent> ParseEditorIntent(const std::string& text) {
  if (text == "save") return EditorIntent::kSave;
  if (text == "draft") return EditorIntent::kDraft;
  if (text == "schedule") return EditorIntent::kSchedule;
  if (text == "publish") return EditorIntent::kPublish;
  if (text == "unpublish") return EditorIntent::kUnpublish;
  if (text == "preview") return EditorIntent::kPreview;
  return std::nullopt;
}

ArticleFormValues FormValuesOf(const model::EditorialArticle& a, const std::string& time_zone) {
  ArticleFormValues v;
  const model::ArticleContent& c = a.content;
  v.title = c.title;
  v.dek = c.dek;
  v.section = c.section ? c.section->slug : "";
  v.tags = JoinTags(c.tags);
  v.author = JoinNames(c.authors);
  v.lang = c.lang;
  v.source = c.source;
  v.url = c.url;
  v.body_format = c.body_format;
  v.body = c.body();
  if (a.status == model::ArticleStatus::kScheduled && a.publish_at != 0) {
    v.publish_at = i18n::FormatLocalDateTime(a.publish_at, time_zone);
  }
  v.lead_image = c.lead_media_id;
  v.featured = a.featured_at != 0;
  v.version = a.revision;
  return v;
}

ArticleFormValues FormValuesFrom(const AdminForm& form) {
  ArticleFormValues v;
  v.title = form.Value("title");
  v.dek = NormalizeLines(form.Value("dek"));
  v.section = std::string(ascii::Trim(form.Value("section")));
  v.tags = form.Value("tags");
  v.author = form.Value("author");
  v.lang = form.Value("lang");
  v.source = form.Value("source");
  v.url = std::string(ascii::Trim(form.Value("url")));
  if (form.Has("body_html")) {
    v.body_format = model::BodyFormat::kHtml;
    v.body = NormalizeLines(form.Value("body_html"));
  } else {
    v.body = NormalizeLines(form.Value("body_markdown"));
  }
  v.publish_at = std::string(ascii::Trim(form.Value("publish_at")));
  v.correction = NormalizeLines(form.Value("correction"));
  const std::string lead = form.Value("lead_image");
  v.lead_image = lead.empty() || lead == "0" ? 0 : ParseId(lead).value_or(-1);
  v.featured = form.Checked("featured");
  v.version = form.Id("version").value_or(0);
  return v;
}

newsroom::ArticleInput InputFromForm(const Site& site, const ArticleFormValues& v,
                                     EditorIntent intent, const model::EditorialArticle* current,
                                     bool editor, std::vector<FieldError>& errors) {
  const std::string& time_zone = site.settings().time_zone;
  newsroom::ArticleInput in;
  const ArticleFormValues was = current ? FormValuesOf(*current, time_zone) : ArticleFormValues{};
  auto changed = [&](const std::string& now, const std::string& before) {
    return current == nullptr ? !now.empty() : now != before;
  };
  if (current == nullptr || std::string(ascii::Trim(v.title)) != was.title) in.title = v.title;
  if (changed(v.dek, was.dek)) in.dek = v.dek;
  if (changed(v.section, was.section)) in.section = v.section;
  if (changed(v.author, was.author)) in.author = v.author;
  if (changed(v.lang, was.lang)) in.lang = v.lang;
  if (changed(v.source, was.source)) in.source = v.source;
  if (changed(v.url, was.url)) in.url = v.url;
  const std::vector<std::string> tags = SplitTags(v.tags);
  if (current == nullptr ? !tags.empty() : newsroom::NormalizeTags(tags) != current->content.tags) {
    in.tags = tags;
  }
  if (changed(v.body, was.body)) {
    (v.body_format == model::BodyFormat::kHtml ? in.body_html : in.body_markdown) = v.body;
  }
  if (v.lead_image < 0) {
    errors.push_back({"lead_image", site.T("article_error_lead_image")});
  } else if (current == nullptr ? v.lead_image != 0 : v.lead_image != was.lead_image) {
    in.lead_image = v.lead_image;
  }
  if (editor && (current == nullptr ? v.featured : v.featured != was.featured)) {
    in.featured = v.featured;
  }
  if (!ascii::IsBlank(v.correction)) in.correction = v.correction;
  if (current != nullptr) in.version = v.version;
  switch (intent) {
    case EditorIntent::kSave:
    case EditorIntent::kPreview:
      if (current == nullptr) in.status = "draft";
      break;
    case EditorIntent::kDraft:
      in.status = "draft";
      break;
    case EditorIntent::kSchedule:
      in.status = "scheduled";
      break;
    case EditorIntent::kPublish:
      in.status = "published";
      break;
    case EditorIntent::kUnpublish:
      in.status = "unpublished";
      break;
  }
  // The date counts when scheduling, or when a scheduled article's date was changed.
  const bool scheduled = current && current->status == model::ArticleStatus::kScheduled;
  if (intent == EditorIntent::kSchedule ||
      (scheduled && intent == EditorIntent::kSave && v.publish_at != was.publish_at)) {
    if (!v.publish_at.empty()) {
      auto at = i18n::ParseLocalDateTime(v.publish_at, time_zone);
      if (at.ok()) {
        in.publish_at = *at;
      } else {
        errors.push_back({"publish_at", site.T("article_error_publish_at")});
      }
    }
  }
  return in;
}

FieldError ArticleFieldError(const Site& site, const newsroom::FieldProblem& problem) {
  const std::string key = problem.key();
  const std::string& text = site.T(key);
  if (text != key) return {problem.field, text};
  return {problem.field, site.T("admin_error_field") + " " + problem.field + " " + problem.reason};
}

std::optional<FieldError> ArticleErrorField(const Site& site, const Error& error) {
  constexpr std::string_view kPrefix = "article_error_";
  if (error.user_key.rfind(kPrefix, 0) != 0) return std::nullopt;
  const std::string field = error.user_key.substr(kPrefix.size());
  if (field == "forbidden") return std::nullopt;
  // The field's own message; the newsroom's reason ("is longer than 300 characters") is in
  // error.message for the log and the API.
  return FieldError{field, site.T(error.user_key)};
}

}  // namespace warta::web
