#include "newsroom/article_checks.h"

#include <algorithm>

#include "core/ascii.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "i18n/formatter.h"
#include "markdown/markdown.h"
#include "model/article_status.h"
#include "model/field_error.h"

namespace warta::newsroom {
namespace {

using Problems = std::vector<FieldProblem>;

std::string Chars(std::size_t n) { return std::to_string(n) + " characters"; }

// Valid UTF-8 without control characters other than tab and line breaks (allowed only
// where `multiline`); at most max_chars code points.
void CheckText(Problems& out, const char* field, std::string_view value, std::size_t max_chars,
               bool multiline) {
  if (!utf8::IsValid(value)) {
    out.push_back({field, "is not valid UTF-8"});
    return;
  }
  for (std::size_t i = 0; i < value.size();) {
    const char32_t cp = utf8::Next(value, i);
    const bool line = cp == '\n' || cp == '\r' || cp == '\t';
    // C1 and the two noncharacters too: XML cannot carry U+FFFE/FFFF, and readers show C1 as
    // garbage (issue 16, finding 8).
    if ((cp < 0x20 && !(multiline && line)) || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
        cp == 0xFFFF) {
      out.push_back({field, "contains a control character"});
      return;
    }
  }
  if (markdown::CodePoints(value) > max_chars) {
    out.push_back({field, "is longer than " + Chars(max_chars), ErrorCode::kTooLarge});
  }
}

bool IsSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSectionSlugBytes) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsHttpUrl(std::string_view url) {
  const std::string lower = ascii::Lower(url.substr(0, 8));
  const std::size_t host = lower.rfind("https://", 0) == 0  ? 8
                           : lower.rfind("http://", 0) == 0 ? 7
                                                            : 0;
  if (host == 0 || url.size() <= host || url.size() > limits::kMaxUrlBytes) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F;
  });
}

void CheckStatus(Problems& out, const ArticleInput& in, InputUse use) {
  if (!in.status) return;
  auto status = model::ParseArticleStatus(*in.status);
  if (!status || *status == model::ArticleStatus::kHeld) {
    out.push_back({"status", "is not one of draft, scheduled, published, unpublished, discarded"});
    return;
  }
  if (use == InputUse::kCreate && *status != model::ArticleStatus::kDraft &&
      *status != model::ArticleStatus::kScheduled && *status != model::ArticleStatus::kPublished) {
    out.push_back({"status", "of a new article is draft, scheduled or published"});
  }
}

void CheckTimes(Problems& out, const ArticleInput& in, std::int64_t now) {
  const bool scheduling =
      in.status && model::ParseArticleStatus(*in.status) == model::ArticleStatus::kScheduled;
  if (in.publish_at) {
    if (*in.publish_at < now) {
      out.push_back({"publish_at", "is in the past"});
    } else if (*in.publish_at > now + kMaxScheduleAheadSeconds) {
      out.push_back({"publish_at", "is more than 5 years ahead"});
    }
  } else if (scheduling) {
    out.push_back({"publish_at", "is required to schedule an article"});
  }
  if (in.published_at && (*in.published_at < kEarliestPublishedAt ||
                          *in.published_at > now + kPublishedAheadSeconds)) {
    out.push_back({"published_at", "must be between 1990 and tomorrow"});
  }
  if (in.unpublish_at && *in.unpublish_at != 0) {
    const std::int64_t after = std::max(now, in.publish_at.value_or(now));
    if (*in.unpublish_at <= after) {
      out.push_back({"unpublish_at", "must be after the article goes public"});
    } else if (*in.unpublish_at > now + kMaxScheduleAheadSeconds) {
      out.push_back({"unpublish_at", "is more than 5 years ahead"});
    }
  }
}

void CheckBody(Problems& out, const ArticleInput& in) {
  if (in.body_markdown && in.body_html) {
    out.push_back({"body_html", "cannot come with body_markdown: give one of them"});
    return;
  }
  if (in.body_markdown) {
    if (in.body_markdown->size() > limits::kMaxBodyBytes) {
      out.push_back({"body_markdown", "is larger than 2 MB", ErrorCode::kTooLarge});
    } else {
      CheckText(out, "body_markdown", *in.body_markdown, kMaxBodyChars, true);
    }
  }
  if (in.body_html && in.body_html->size() > limits::kMaxBodyBytes) {
    out.push_back({"body_html", "is larger than 2 MB", ErrorCode::kTooLarge});
  } else if (in.body_html && !utf8::IsValid(*in.body_html)) {
    out.push_back({"body_html", "is not valid UTF-8"});
  }
}

void CheckLists(Problems& out, const ArticleInput& in) {
  if (in.tags) {
    if (in.tags->size() > kMaxTags) {
      out.push_back(
          {"tags", "has more than " + std::to_string(kMaxTags) + " tags", ErrorCode::kTooLarge});
    }
    for (const std::string& tag : *in.tags) {
      if (ascii::IsBlank(tag)) {
        out.push_back({"tags", "has an empty tag"});
        break;
      }
      const std::size_t before = out.size();
      CheckText(out, "tags", ascii::Trim(tag), kMaxTagChars, false);
      if (out.size() != before) break;
    }
  }
  if (in.author) {
    CheckText(out, "author", *in.author, kMaxAuthors * (kMaxAuthorChars + 2), false);
    const std::vector<model::NamedRef> authors = ParseAuthors(*in.author);
    if (authors.size() > kMaxAuthors) {
      out.push_back({"author", "names more than " + std::to_string(kMaxAuthors) + " people",
                     ErrorCode::kTooLarge});
    }
    for (const model::NamedRef& a : authors) {
      if (markdown::CodePoints(a.name) > kMaxAuthorChars) {
        out.push_back(
            {"author", "has a name longer than " + Chars(kMaxAuthorChars), ErrorCode::kTooLarge});
        break;
      }
      if (a.slug.empty()) {
        out.push_back({"author", "has a name with no letters or digits: '" + a.name + "'"});
        break;
      }
    }
  }
}

}  // namespace

Error FieldProblem::ToError() const {
  Error error = model::FieldError("article", code, field, reason);
  error.user_key = key();
  return error;
}

std::vector<FieldProblem> CheckArticleInput(const ArticleInput& in, InputUse use, std::int64_t now,
                                            const std::vector<std::string>& languages) {
  Problems out;
  if (in.title) {
    if (ascii::IsBlank(*in.title)) {
      out.push_back({"title", "is required"});
    } else {
      CheckText(out, "title", *in.title, kMaxTitleChars, false);
    }
  } else if (use == InputUse::kCreate) {
    out.push_back({"title", "is required"});
  }
  if (in.dek) CheckText(out, "dek", *in.dek, kMaxDekChars, true);
  if (in.source) CheckText(out, "source", *in.source, kMaxSourceChars, false);
  if (in.url && !in.url->empty() && !IsHttpUrl(*in.url)) {
    out.push_back({"url", "is not an http:// or https:// URL"});
  }
  if (in.lang && !in.lang->empty() &&
      std::find(languages.begin(), languages.end(), *in.lang) == languages.end()) {
    std::string known;
    for (const std::string& l : languages) known += (known.empty() ? "" : ", ") + l;
    out.push_back({"lang", "is not one of the site's languages (" + known + ")"});
  }
  if (in.section && !in.section->empty() && !IsSlug(*in.section)) {
    out.push_back({"section", "is not a slug (1-64 of a-z, 0-9 and '-')"});
  }
  if (in.lead_image && *in.lead_image < 0) out.push_back({"lead_image", "is not a media id"});
  if (in.correction) {
    if (ascii::IsBlank(*in.correction)) {
      out.push_back({"correction", "is empty"});
    } else {
      CheckText(out, "correction", *in.correction, kMaxCorrectionChars, true);
    }
  }
  if (use == InputUse::kUpdate && !in.version) {
    out.push_back({"version", "is required: the version the edit started from"});
  }
  if (in.version && *in.version < 1) out.push_back({"version", "is not a version"});
  CheckStatus(out, in, use);
  CheckTimes(out, in, now);
  CheckBody(out, in);
  CheckLists(out, in);
  return out;
}

std::vector<model::NamedRef> ParseAuthors(std::string_view author) {
  std::vector<model::NamedRef> out;
  std::size_t start = 0;
  while (start <= author.size()) {
    std::size_t comma = author.find(',', start);
    if (comma == std::string_view::npos) comma = author.size();
    const std::string name(ascii::Trim(author.substr(start, comma - start)));
    start = comma + 1;
    if (name.empty()) continue;
    model::NamedRef ref{i18n::Slugify(name), name};
    const bool repeat = std::any_of(out.begin(), out.end(), [&](const model::NamedRef& r) {
      return !ref.slug.empty() && r.slug == ref.slug;
    });
    if (!repeat) out.push_back(std::move(ref));
  }
  return out;
}

std::string SectionNameFromSlug(std::string_view slug) {
  std::string name;
  bool word_start = true;
  for (char c : slug) {
    if (c == '-') {
      name += ' ';
      word_start = true;
    } else {
      name += word_start ? static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c) : c;
      word_start = false;
    }
  }
  return name;
}

std::vector<std::string> NormalizeTags(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const std::string& tag : tags) {
    std::string trimmed(ascii::Trim(tag));
    if (trimmed.empty() || std::find(out.begin(), out.end(), trimmed) != out.end()) continue;
    out.push_back(std::move(trimmed));
  }
  return out;
}

}  // namespace warta::newsroom
