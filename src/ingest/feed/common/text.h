// Text conversions shared by the format adapters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta::ingest::feed {

// Runs of white space (ASCII and U+00A0) become one space; no leading or trailing space.
std::string CollapseWhitespace(std::string_view text);

// What a reader sees of an HTML fragment, on one line (tags dropped, entities decoded).
std::string HtmlToPlainLine(std::string_view html);

// HTML for plain text: escaped, line breaks kept as <br>.
std::string PlainToHtml(std::string_view text);

// Whether nominally plain text is really HTML (the RSS title problem): it must have an end
// tag or an entity, and every tag must be a common HTML element. Errs towards "plain", as
// feedparser's heuristic of the same name does, since a wrong "HTML" loses text.
bool LooksLikeHtml(std::string_view text);

// sanitizer::Sanitize(html) without running the HTML parser, for the common case of text
// with no markup, entities, controls, CR or U+00A0 (then Sanitize only trims it and escapes
// ">"); nullopt for anything else, which must go through Sanitize.
std::optional<std::string> SanitizeTrivial(std::string_view html);

// `raw` resolved against `base` and cleaned (sanitizer::CleanUrl, link kind): absolute when
// `base` is absolute, "" when refused (javascript:, data:, ...) or empty.
std::string ResolveLink(std::string_view raw, std::string_view base);

// Standard base64 (white space ignored); nullopt-like empty + false on bad input.
bool DecodeBase64(std::string_view text, std::string* out);

}  // namespace warta::ingest::feed
