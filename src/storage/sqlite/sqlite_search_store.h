// SQLite's SearchStore: an FTS5 table kept by triggers (migration "full-text search") and
// searched through the "warta" tokenizer (search_fts.h). Internal to src/storage/sqlite/.
#pragma once

#include "storage/search_store.h"
#include "storage/sqlite/connection_pool.h"

namespace warta::storage::sqlite {

class SqliteSearchStore final : public SearchStore {
 public:
  explicit SqliteSearchStore(ConnectionPool& pool) : pool_(pool) {}

  Result<SearchResults> Search(const SearchRequest& request) override;
  Result<std::int64_t> Rebuild() override;
  Result<std::vector<std::string>> Suggest(const std::vector<std::string>& terms) override;

 private:
  ConnectionPool& pool_;
};

// The FTS5 MATCH expression for `terms`: each term one quoted string (a phrase when it has
// several words) that starts with the marker of `languages`, joined by AND or OR. Quotes
// and control characters inside terms cannot escape the string. Empty when no term has any
// text.
std::string BuildMatchExpression(const std::vector<std::string>& terms, bool match_any,
                                 const std::vector<std::string>& languages);

}  // namespace warta::storage::sqlite
