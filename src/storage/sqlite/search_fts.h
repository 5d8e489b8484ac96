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

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace warta::search {
class Analyzer;
}

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

// What warta_search_text(lang, text) returns (warta_search_html(lang, text) with `html`).
std::string SearchValue(std::string_view lang, std::string_view text, bool html);

// --- analysis ahead of the insert (the bulk loader's second core) ---

// The terms the tokenizer gives FTS5 for one indexed value, computed before the INSERT.
struct PreparedDocument {
  struct Term {
    std::uint32_t offset = 0;  // into `bytes`
    std::uint32_t size = 0;
    std::uint32_t begin = 0;  // byte range in `text`, as the tokenizer reports it
    std::uint32_t end = 0;
    bool colocated = false;
  };
  std::string key;   // what it was made from: ValueKey(lang, input, html)
  std::string text;  // SearchValue(lang, input, html): exactly what the tokenizer will be given
  std::vector<Term> terms;
  std::string bytes;  // the terms' text
};

// Identifies the inputs of SearchValue.
std::string ValueKey(std::string_view lang, std::string_view input, bool html);

// SearchValue(lang, input, html) analyzed the way the tokenizer indexes a document.
// Thread-safe with one Analyzer per thread.
PreparedDocument PrepareDocument(search::Analyzer& analyzer, std::string_view lang,
                                 std::string_view input, bool html);

// Prepared documents, found by their inputs (by warta_search_text and warta_search_html, which
// then skip the HTML-to-text work) and by their exact text (by the tokenizer, which replays the
// terms instead of analyzing). Anything not found is computed as usual, so a missing or stale
// entry costs time, never a wrong value or term. Used by the thread of the connection it is
// attached to.
class PreparedDocuments {
 public:
  void Add(std::shared_ptr<const PreparedDocument> document);
  const PreparedDocument* Find(std::string_view text) const;
  const PreparedDocument* FindValue(std::string_view lang, std::string_view input, bool html) const;
  void Clear() {
    by_text_.clear();
    by_key_.clear();
  }
  std::size_t size() const { return by_text_.size(); }
  std::int64_t replayed() const { return replayed_; }
  void CountReplay() const { ++replayed_; }

 private:
  // The keys view the strings of the documents they map to.
  std::unordered_map<std::string_view, std::shared_ptr<const PreparedDocument>> by_text_;
  std::unordered_map<std::string_view, const PreparedDocument*> by_key_;
  mutable std::string scratch_key_;
  mutable std::int64_t replayed_ = 0;
};

// Makes the "warta" tokenizers of `db` consult `documents` (nullptr: no longer). The caller
// keeps `documents` alive while it is attached.
Result<void> AttachPreparedDocuments(sqlite3* db, const PreparedDocuments* documents);

}  // namespace warta::storage::sqlite
