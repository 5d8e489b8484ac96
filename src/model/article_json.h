// The "article JSON" of docs/cli.md (input of `warta article add` and imports), parsed
// into a validated model::NewArticle. Pure functions, no I/O, safe on hostile input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "model/article.h"

namespace warta::model {

// Parses and validates one article object. On success:
//  - title/source/tags are trimmed (title whitespace collapsed), url checked to be http(s),
//  - published_at is unix seconds UTC, or 0 when "published" is absent (caller fills "now"),
//  - body_html is the given "body_html" as is (the caller sanitizes it before storing), or
//    "body_text" converted by BodyTextToHtml,
//  - initial counters come from views/likes/shares (comments stay 0); slug is left empty.
// Unknown members are ignored. Errors are kInvalidArgument (kTooLarge for size limits)
// with a message naming the member, e.g. "article: 'title' is longer than 1000 bytes".
Result<NewArticle> ParseArticleJson(std::string_view json);

// Checks a NewArticle built by other code (demo, ingest) against the same rules and
// limits (core/limits.h) that ParseArticleJson applies.
Result<void> ValidateNewArticle(const NewArticle& article);

// Plain text -> HTML paragraphs. Paragraphs are separated by blank lines; text without any
// blank line has one paragraph per line (common in scraped sources). Every paragraph is
// HTML-escaped into <p>...</p>; paragraphs are joined by "\n".
std::string BodyTextToHtml(std::string_view text);

}  // namespace warta::model
