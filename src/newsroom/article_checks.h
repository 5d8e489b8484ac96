// The rules an article's fields follow in the newsroom, each with its reason, so every bad
// input is refused with the field and why, before anything is stored. The limits are
// chosen for people writing news, and sit well inside what storage accepts.
//
// Thread safety: reentrant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/editorial.h"
#include "newsroom/article_input.h"

namespace warta::newsroom {

inline constexpr std::size_t kMaxTitleChars = 300;     // a headline, not a paragraph
inline constexpr std::size_t kMaxDekChars = 300;       // one or two sentences
inline constexpr std::size_t kMaxBodyChars = 200'000;  // a long feature is ~10,000 words
inline constexpr std::size_t kMaxTags = 20;
inline constexpr std::size_t kMaxTagChars = 50;
inline constexpr std::size_t kMaxAuthors = 10;
inline constexpr std::size_t kMaxAuthorChars = 100;
inline constexpr std::size_t kMaxSectionSlugBytes = 64;
inline constexpr std::size_t kMaxSourceChars = 100;
inline constexpr std::size_t kMaxCorrectionChars = 1000;
inline constexpr std::int64_t kMaxScheduleAheadSeconds = std::int64_t{5} * 366 * 86400;
inline constexpr std::int64_t kEarliestPublishedAt = 631'152'000;  // 1990-01-01
inline constexpr std::int64_t kPublishedAheadSeconds = 86'400;     // clocks of wire services

// What the input is for: a new article, or a change of an existing one.
enum class InputUse { kCreate, kUpdate };

// Every problem of the input's fields taken alone (formats, sizes, ranges at `now`, the
// language list); empty when none. Rules that need the article (transitions, roles, a body
// before publishing) are the service's.
std::vector<FieldProblem> CheckArticleInput(const ArticleInput& input, InputUse use,
                                            std::int64_t now,
                                            const std::vector<std::string>& languages);

// The bylines of an `author` field: comma-separated display names, trimmed, empty ones and
// repeats dropped, each with the slug of its page (/penulis/{slug}).
std::vector<model::NamedRef> ParseAuthors(std::string_view author);

// A new section's name from its slug: "ekonomi-bisnis" -> "Ekonomi Bisnis".
std::string SectionNameFromSlug(std::string_view slug);

// Tags trimmed, empty ones and repeats dropped, order kept.
std::vector<std::string> NormalizeTags(const std::vector<std::string>& tags);

}  // namespace warta::newsroom
