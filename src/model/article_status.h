// Where an article stands in its life cycle (docs/decisions/0009-newsroom.md). Public means
// kPublished and nothing else: every public read (home, sections, tags, feeds, sitemaps,
// search, popular, related) filters on it; the others live only in the admin.
#pragma once

#include <optional>
#include <string_view>

namespace warta::model {

enum class ArticleStatus {
  kDraft,        // being written; 404 on its public path
  kHeld,         // a wire item waiting in the inbox (its source asks for review)
  kScheduled,    // goes public at publish_at
  kPublished,    // public
  kUnpublished,  // withdrawn: 410 on its public path, kept in the admin
  kDiscarded,    // a held item thrown away; kept so re-ingesting it makes no second draft
};

// "draft", "held", "scheduled", "published", "unpublished", "discarded": the stored and the
// API spelling.
std::string_view ToText(ArticleStatus status);
// nullopt for any other text (exact, lower case).
std::optional<ArticleStatus> ParseArticleStatus(std::string_view text);

inline bool IsPublic(ArticleStatus status) { return status == ArticleStatus::kPublished; }

}  // namespace warta::model
