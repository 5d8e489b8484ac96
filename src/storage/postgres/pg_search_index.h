// Full-text search on PostgreSQL, the text side: warta's own analyzer (search/analyzer.h, the
// same that feeds SQLite's FTS5 tokenizer) turns an article into the terms of its
// articles.search_vector and a query into a tsquery, and marks matches for highlights. The
// server never analyzes text itself: vectors and queries are sent as tsvector / tsquery
// literals of terms already stemmed, so Indonesian, English and Japanese all match exactly as
// on SQLite, whatever text search configurations the server has. Internal to
// src/storage/postgres/.
//
// Who indexes: every writer that changes what search reads (title, body, source, language,
// tags, status) calls ReindexArticle in its transaction: PgArticleStore::Insert and
// UpdateBody, and the editorial store's creates, saves and due changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/postgres/pg_connection.h"

namespace warta::search {
class Analyzer;
}

namespace warta::storage::postgres {

// This thread's analyzer (created on first use; Internal when ICU is broken).
Result<search::Analyzer*> ThreadAnalyzer();

// Writes article `id`'s search_vector: its analyzed title (weight A), tags (B), source (C) and
// body text (D) when it is published, NULL otherwise; adds its language to search_languages.
Result<void> ReindexArticle(Connection& connection, std::int64_t id);

// The tsquery literal for `terms` (each a phrase of words; all of them, or any with
// match_any), every word as the alternatives of its forms in `languages`, the default
// languages and unstemmed. Empty when no term has a word.
std::string BuildTsQuery(search::Analyzer& analyzer, const std::vector<std::string>& terms,
                         bool match_any, const std::vector<std::string>& languages);

// The terms BuildTsQuery searches for, for marking matches.
std::vector<std::string> QueryTerms(search::Analyzer& analyzer,
                                    const std::vector<std::string>& terms,
                                    const std::vector<std::string>& languages);

// `text` with each word whose indexed terms (in language `lang`) meet `wanted` wrapped in
// search::kMatchBegin / kMatchEnd.
std::string MarkMatches(search::Analyzer& analyzer, std::string_view text, const std::string& lang,
                        const std::vector<std::string>& wanted);

// About `words` words of `text` around the most matches, marked as MarkMatches does, with "…"
// where text was left out (what SQLite's snippet() gives).
std::string Snippet(search::Analyzer& analyzer, std::string_view text, const std::string& lang,
                    const std::vector<std::string>& wanted, std::size_t words = 32);

// The plain text search indexes for a body of HTML (control characters become spaces).
std::string IndexedBodyText(std::string_view body_html);

}  // namespace warta::storage::postgres
