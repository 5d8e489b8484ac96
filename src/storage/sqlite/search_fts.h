// SQLite's side of full-text search: the FTS5 tokenizer "warta" (search::Analyzer behind
// SQLite's C interface) and the SQL functions the index triggers call. Registered on every
// connection by Connection::Open, so every writer of articles keeps the index current; a
// connection without them (the sqlite3 shell) can read the database but not write articles.
//
// Language travels inside the text: the triggers store every indexed value as
// kLangMarker + language + kLangMarker + text, and the tokenizer reads and skips that prefix
// (SQLite 3.40's FTS5 has no per-row locale). In a query, the prefix of each quoted term
// lists the languages to stem the query in instead. Internal to src/storage/sqlite/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace warta::storage::sqlite {

inline constexpr char kLangMarker = '\x1F';

// Re-indexes the tags of article ?1. Run once after inserting an article's tags: the schema
// has no per-row trigger for new tags because FTS5 re-tokenizes the whole row (body too) on
// every update, once per tag.
inline constexpr const char* kIndexTagsSql =
    "UPDATE search_index SET tags = warta_search_text("
    "(SELECT lang FROM articles WHERE id = ?1),"
    " (SELECT group_concat(tag, ' ') FROM article_tags WHERE article_id = ?1)) WHERE rowid = ?1";

// Registers the tokenizer "warta" and the functions warta_search_text(lang, text) and
// warta_search_html(lang, html) (both: marker + plain text without control characters).
Result<void> RegisterSearch(sqlite3* db);

// kLangMarker + the valid tags of `languages` joined by ',' + kLangMarker. A tag is kept when
// it is 1..16 of [A-Za-z0-9_-]; others are dropped.
std::string LangMarker(const std::vector<std::string>& languages);

// `text` without a leading language marker (for highlight() and snippet() output).
std::string_view StripLangMarker(std::string_view text);

}  // namespace warta::storage::sqlite
