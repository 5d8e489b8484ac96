#include "ingest/extractor/hints.h"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "core/ascii.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

bool ContainsAny(std::string_view lower, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return lower.find(n) != std::string_view::npos; });
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// (\b|_)word(\b|_): the word with a non-word character, "_" or an end on each side.
bool HasWord(std::string_view lower, std::string_view word) {
  for (std::size_t at = lower.find(word); at != std::string_view::npos;
       at = lower.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const bool left = at == 0 || !IsWordChar(lower[at - 1]) || lower[at - 1] == '_';
    const bool right = end == lower.size() || !IsWordChar(lower[end]) || lower[end] == '_';
    if (left && right) return true;
  }
  return false;
}

}  // namespace

bool LooksUnlikely(std::string_view class_and_id) {
  const std::string s = ascii::Lower(class_and_id);
  return ContainsAny(
      s,
      {"-ad-",       "ai2html", "banner",    "breadcrumbs",  "combx",    "comment",  "community",
       "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
       "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
       "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
       "pager",      "popup",   "yom-remote"});
}

bool MaybeCandidate(std::string_view class_and_id) {
  const std::string s = ascii::Lower(class_and_id);
  return ContainsAny(s,
                     {"and", "article", "body", "column", "content", "main", "mathjax", "shadow"});
}

bool PositiveHint(std::string_view class_or_id) {
  const std::string s = ascii::Lower(class_or_id);
  return ContainsAny(s, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                         "pagination", "post", "text", "blog", "story"});
}

bool NegativeHint(std::string_view class_or_id) {
  const std::string s = ascii::Lower(class_or_id);
  // "hid" only as a whole space-separated name ("hid", "x hid", "hid y").
  if (s == "hid" || s.starts_with("hid ") || s.ends_with(" hid") ||
      s.find(" hid ") != std::string::npos) {
    return true;
  }
  // Not "foot" alone: footnotes are part of an article, footers are not.
  return ContainsAny(s, {"-ad-",     "hidden",     "banner",  "combx",    "comment", "com-",
                         "contact",  "footer",     "gdpr",    "masthead", "media",   "meta",
                         "outbrain", "promo",      "related", "scroll",   "share",   "shoutbox",
                         "sidebar",  "skyscraper", "sponsor", "shopping", "tags",    "widget"});
}

bool BylineHint(std::string_view class_and_id) {
  const std::string s = ascii::Lower(class_and_id);
  return ContainsAny(s, {"byline", "author", "dateline", "writtenby", "p-author"});
}

bool ShareHint(std::string_view class_and_id) {
  const std::string s = ascii::Lower(class_and_id);
  return HasWord(s, "share") || HasWord(s, "sharedaddy");
}

bool UnlikelyRole(std::string_view role) {
  for (const std::string_view r :
       {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}) {
    if (role == r) return true;
  }
  return false;
}

bool AdOrLoadingText(std::string_view inner_text) {
  const std::string s = ascii::Lower(inner_text);
  for (const std::string_view w :
       {"ad", "advertising", "advertisement", "pub", "publicité", "publicitÉ", "werb", "werbung",
        "广告", "реклама", "Реклама", "РЕКЛАМА", "anuncio"}) {
    if (s == w) return true;
  }
  for (const std::string_view w :
       {"loading", "正在加载", "загрузка", "Загрузка", "ЗАГРУЗКА", "chargement", "cargando"}) {
    if (s == w) return true;
    if (s.size() > w.size() && s.starts_with(w)) {
      const std::string_view rest = std::string_view(s).substr(w.size());
      if (rest == "…" || rest == "...") return true;
    }
  }
  return false;
}

bool VideoUrl(std::string_view value) {
  const std::string s = ascii::Lower(value);
  for (std::size_t at = s.find("//"); at != std::string::npos; at = s.find("//", at + 1)) {
    std::string_view rest = std::string_view(s).substr(at + 2);
    if (rest.starts_with("www.")) rest.remove_prefix(4);
    for (const std::string_view host :
         {"dailymotion.com", "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "v.qq.com",
          "archive.org", "upload.wikimedia.org", "player.twitch.tv"}) {
      if (rest.starts_with(host)) return true;
    }
  }
  return false;
}

bool MentionsImageFile(std::string_view value) {
  const std::string s = ascii::Lower(value);
  return ContainsAny(s, {".jpg", ".jpeg", ".png", ".webp"});
}

}  // namespace warta::ingest::extractor
