// An article's body as the newsroom stores it: Markdown rendered with cmark-gfm and the
// article allowlist (markdown::Profile::kArticle), or HTML through the sanitizer with the
// same allowlist; either way images only from warta's own /media/.
#pragma once

#include <string>

#include "core/result.h"
#include "model/editorial.h"

namespace warta::newsroom {

// Sets content's body from `text` in `format` (body_markdown and body_html; both empty for
// an empty text). The field's error (article_error_body_markdown / _body_html) for a text
// that cannot be rendered or whose HTML grows over the storage limit.
Result<void> SetBody(model::ArticleContent& content, model::BodyFormat format,
                     const std::string& text);

// The sanitized HTML of a Markdown text for the editor's preview (nothing is stored).
Result<std::string> PreviewMarkdown(const std::string& text);

}  // namespace warta::newsroom
