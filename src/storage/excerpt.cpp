#include "storage/excerpt.h"

#include <cstdint>

#include "core/ascii.h"
#include "core/utf8.h"

namespace warta::storage {
namespace {

using ascii::ToLower;

using ascii::IsHtmlSpace;  // a \v in a body is text to a browser, and to the excerpt

// Decodes the entity starting at html[pos] == '&'. Returns the bytes consumed (0 when it
// is not one we know, so the '&' is kept literally).
std::size_t DecodeEntity(std::string_view html, std::size_t pos, std::string& out) {
  std::size_t end = html.find(';', pos);
  if (end == std::string_view::npos || end - pos > 10) return 0;
  std::string_view name = html.substr(pos + 1, end - pos - 1);
  struct Named {
    std::string_view name;
    std::string_view text;
  };
  static constexpr Named kNamed[] = {
      {"amp", "&"},  {"lt", "<"},  {"gt", ">"},          {"quot", "\""},      {"apos", "'"},
      {"nbsp", " "}, {"#39", "'"}, {"hellip", "\u2026"}, {"mdash", "\u2014"}, {"ndash", "\u2013"}};
  for (const Named& n : kNamed) {
    if (name == n.name) {
      out += n.text;
      return end - pos + 1;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  bool hex = ToLower(name[1]) == 'x';
  std::uint32_t cp = 0;
  std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  for (char c : digits) {
    int d = ascii::IsDigit(c)                               ? c - '0'
            : hex && ToLower(c) >= 'a' && ToLower(c) <= 'f' ? ToLower(c) - 'a' + 10
                                                            : -1;
    if (d < 0 || cp > 0x10FFFF) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  utf8::Append(out, static_cast<char32_t>(cp));
  return end - pos + 1;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p",  "br",  "div",   "li",      "ul",         "ol",     "h1",        "h2",
      "h3", "h4",  "h5",    "h6",      "blockquote", "tr",     "td",        "th",
      "hr", "pre", "table", "section", "article",    "figure", "figcaption"};
  for (std::string_view b : kBlock) {
    if (name == b) return true;
  }
  return false;
}

// Position of "</name" (any case) at or after `from`, or the end of `html`.
std::size_t FindEndTag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t at = html.find("</", from); at != std::string_view::npos;
       at = html.find("</", at + 2)) {
    std::size_t k = 0;
    while (k < name.size() && at + 2 + k < html.size() && ToLower(html[at + 2 + k]) == name[k]) ++k;
    if (k == name.size()) return at;
  }
  return html.size();
}

// Plain text, stopping once more than `enough` bytes are collected. With `lead_only`, picture
// captions are left out (<figure> and <figcaption> content): a listing's lead is the story's
// first words, not the photo's.
std::string PlainText(std::string_view html, std::size_t enough, bool lead_only = false) {
  std::string text;
  bool space = false;
  std::size_t i = 0;
  while (i < html.size() && text.size() <= enough) {
    char c = html[i];
    if (c == '<') {
      std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
      const bool self_closing = html[close - 1] == '/';
      std::string name;
      for (std::size_t n = i + (end_tag ? 2 : 1);
           n < close && !IsHtmlSpace(html[n]) && html[n] != '/';) {
        name += ToLower(html[n++]);
      }
      i = close + 1;
      if (!end_tag && !self_closing &&
          (name == "script" || name == "style" ||
           (lead_only && (name == "figure" || name == "figcaption")))) {
        i = FindEndTag(html, i, name);
      }
      if (IsBlockTag(name)) space = !text.empty();
      continue;
    }
    if (IsHtmlSpace(c)) {
      space = !text.empty();
      ++i;
      continue;
    }
    if (space) text += ' ';
    space = false;
    std::size_t used = c == '&' ? DecodeEntity(html, i, text) : 0;
    if (used == 0) {
      text += c;
      used = 1;
    }
    i += used;
  }
  return text;
}

// Wire copy often opens with the photo's caption as a paragraph of its own, credit last:
// "Foreign Minister Iwaya and EU's Borrell in Tokyo (Kyodo)". Such a first paragraph is
// short, ends with a parenthesized credit and has no sentence end before it; the offset
// after it, or 0 when the body does not open that way.
std::size_t AfterLeadingCaption(std::string_view html) {
  constexpr std::size_t kMaxCaptionBytes = 200;
  std::size_t start = html.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || html.compare(start, 3, "<p>") != 0) return 0;
  const std::size_t end = html.find("</p>", start);
  if (end == std::string_view::npos || end - start > kMaxCaptionBytes * 2) return 0;
  const std::string text = PlainText(html.substr(start, end - start), kMaxCaptionBytes);
  if (text.empty() || text.size() > kMaxCaptionBytes || text.back() != ')') return 0;
  const std::size_t open = text.rfind('(');
  if (open == std::string::npos || open == 0) return 0;
  const std::string_view before = ascii::TrimRight(std::string_view(text).substr(0, open));
  if (before.empty()) return 0;
  const char last = before.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"') return 0;
  if (before.find(". ") != std::string_view::npos) return 0;  // sentences, not a caption
  const std::size_t rest = end + 4;
  // Only when a story follows: a body that is just the caption keeps it.
  if (PlainText(html.substr(rest), 1).empty()) return 0;
  return rest;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  std::string text = PlainText(html, std::string::npos);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string MakeExcerpt(std::string_view html, std::size_t max_bytes) {
  html.remove_prefix(AfterLeadingCaption(html));
  std::string text = PlainText(html, max_bytes + 8, /*lead_only=*/true);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.size() <= max_bytes) return text;
  // Back up to the start of a UTF-8 sequence, then to a word boundary if one is near
  // (Japanese and Chinese text has no spaces: there the character boundary has to do).
  std::size_t cut = utf8::CutPoint(text, max_bytes);
  std::size_t word = text.rfind(' ', cut);
  if (word != std::string::npos && word > max_bytes / 2) cut = word;
  text.resize(cut);
  while (!text.empty() && (text.back() == ' ' || text.back() == ',' || text.back() == ';' ||
                           text.back() == ':' || text.back() == '-')) {
    text.pop_back();
  }
  text += "\u2026";
  return text;
}

}  // namespace warta::storage
