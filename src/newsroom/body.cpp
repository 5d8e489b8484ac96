#include "newsroom/body.h"

#include "core/ascii.h"
#include "core/limits.h"
#include "ingest/sanitizer/sanitizer.h"
#include "markdown/markdown.h"
#include "newsroom/article_input.h"

namespace warta::newsroom {
namespace {

Error BodyError(const char* field, std::string reason,
                ErrorCode code = ErrorCode::kInvalidArgument) {
  return FieldProblem{field, std::move(reason), code}.ToError();
}

}  // namespace

Result<void> SetBody(model::ArticleContent& content, model::BodyFormat format,
                     const std::string& text) {
  content.body_format = format;
  const char* field = format == model::BodyFormat::kMarkdown ? "body_markdown" : "body_html";
  if (format == model::BodyFormat::kMarkdown) {
    content.body_markdown = text;
    content.body_html.clear();
    if (ascii::IsBlank(text)) return Ok();
    auto rendered = markdown::Render(text, markdown::Profile::kArticle);
    if (!rendered.ok()) return BodyError(field, "cannot be rendered: " + rendered.error().message);
    content.body_html = std::move(rendered->html);
  } else {
    content.body_markdown.clear();
    content.body_html.clear();
    if (ascii::IsBlank(text)) return Ok();
    ingest::sanitizer::SanitizeOptions options;
    options.profile = ingest::sanitizer::Profile::kArticle;
    options.image_path_prefix = "/media/";
    ingest::sanitizer::SanitizeReport report;
    content.body_html = ingest::sanitizer::Sanitize(text, options, &report);
    if (report.too_large || report.too_complex) {
      return BodyError(field, "is too large or too deeply nested to clean", ErrorCode::kTooLarge);
    }
    if (ascii::IsBlank(content.body_html)) {
      return BodyError(field, "is empty once unsafe or unsupported HTML is removed");
    }
  }
  if (content.body_html.size() > limits::kMaxBodyBytes) {
    return BodyError(field, "renders to more than 2 MB of HTML", ErrorCode::kTooLarge);
  }
  return Ok();
}

Result<std::string> PreviewMarkdown(const std::string& text) {
  model::ArticleContent content;
  WARTA_RETURN_IF_ERROR(SetBody(content, model::BodyFormat::kMarkdown, text));
  return content.body_html;
}

}  // namespace warta::newsroom
