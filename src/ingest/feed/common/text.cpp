#include "ingest/feed/common/text.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>

#include "core/ascii.h"
#include "core/html_escape.h"
#include "ingest/sanitizer/sanitizer.h"
#include "ingest/sanitizer/url.h"

namespace warta::ingest::feed {
namespace {

bool IsWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The elements feedparser's heuristic (and any article) treats as HTML.
bool IsHtmlElement(std::string_view name) {
  static constexpr std::array<std::string_view, 84> kElements = {
      "a",        "abbr",     "acronym",    "address",    "area",  "article",  "aside",
      "audio",    "b",        "big",        "blockquote", "br",    "button",   "canvas",
      "caption",  "center",   "cite",       "code",       "col",   "colgroup", "dd",
      "del",      "details",  "dfn",        "dir",        "div",   "dl",       "dt",
      "em",       "fieldset", "figcaption", "figure",     "font",  "footer",   "form",
      "h1",       "h2",       "h3",         "h4",         "h5",    "h6",       "header",
      "hr",       "i",        "img",        "input",      "ins",   "kbd",      "label",
      "legend",   "li",       "map",        "mark",       "menu",  "nav",      "ol",
      "optgroup", "option",   "p",          "pre",        "q",     "s",        "samp",
      "section",  "select",   "small",      "source",     "span",  "strike",   "strong",
      "sub",      "summary",  "sup",        "table",      "tbody", "td",       "textarea",
      "tfoot",    "th",       "thead",      "time",       "tr",    "u",        "ul"};
  const std::string lower = ascii::Lower(name);
  return std::find(kElements.begin(), kElements.end(), lower) != kElements.end() ||
         lower == "var" || lower == "video";
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // U+00A0 (C2 A0) counts too: "&nbsp;" in a title is layout, not content.
    bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (ascii::IsHtmlSpace(c) || nbsp) {
      space = !out.empty();
      i += nbsp ? 1 : 0;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string HtmlToPlainLine(std::string_view html) {
  if (html.find_first_of("<&") == std::string_view::npos) return CollapseWhitespace(html);
  return CollapseWhitespace(sanitizer::ToPlainText(html));
}

std::string PlainToHtml(std::string_view text) {
  // ' needs no escaping in element content; as typed, it matches what the sanitizer writes.
  return Escaped(text, EscapeOptions{.apostrophe = Apostrophe::kKeep, .line_breaks = true});
}

bool LooksLikeHtml(std::string_view s) {
  bool end_tag = false;
  bool entity = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      std::size_t j = i + 1;
      bool closing = j < s.size() && s[j] == '/';
      if (closing) ++j;
      std::size_t start = j;
      while (j < s.size() && IsWord(s[j])) ++j;
      if (j == start) continue;
      if (!IsHtmlElement(s.substr(start, j - start))) return false;
      if (closing && j < s.size() && s[j] == '>') end_tag = true;
    } else if (s[i] == '&') {
      std::size_t j = i + 1;
      bool numeric = j < s.size() && s[j] == '#';
      if (numeric) ++j;
      std::size_t start = j;
      while (j < s.size() && IsWord(s[j])) ++j;
      if (j == start || j >= s.size() || s[j] != ';') continue;
      if (!numeric) {
        std::string name(s.substr(start, j - start));
        if (htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str())) == nullptr) {
          return false;
        }
      }
      entity = true;
    }
  }
  return end_tag || entity;
}

std::optional<std::string> SanitizeTrivial(std::string_view html) {
  for (std::size_t i = 0; i < html.size(); ++i) {
    auto c = static_cast<unsigned char>(html[i]);
    if (c == '<' || c == '&' || c == '\r' || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
        (c == 0xC2 && i + 1 < html.size() && static_cast<unsigned char>(html[i + 1]) == 0xA0)) {
      return std::nullopt;
    }
  }
  html = ascii::Trim(html, ascii::IsHtmlSpace);
  std::string out;
  out.reserve(html.size());
  for (char c : html) {
    if (c == '>') {
      out += "&gt;";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string ResolveLink(std::string_view raw, std::string_view base) {
  const std::string_view trimmed = ascii::Trim(raw, ascii::IsHtmlSpace);
  if (trimmed.empty()) return {};
  auto clean = sanitizer::CleanUrl(trimmed, base, sanitizer::UrlKind::kLink);
  return clean ? *clean : std::string();
}

bool DecodeBase64(std::string_view text, std::string* out) {
  out->clear();
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (ascii::IsHtmlSpace(c)) continue;
    if (c == '=') break;
    int value = Base64Value(c);
    if (value < 0) return false;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return true;
}

}  // namespace warta::ingest::feed
