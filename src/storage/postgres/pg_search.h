// The search store on PostgreSQL (storage/search_store.h): search and rebuild in
// pg_search_store.cpp, "did you mean" in pg_search_suggest.cpp, the text analysis in
// pg_search_index.h. Internal to src/storage/postgres/ (pg_store.h bundles it).
#pragma once

#include <string>
#include <vector>

#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_pool.h"
#include "storage/search_store.h"

namespace warta::storage::postgres {

class PgSearchStore final : public SearchStore {
 public:
  explicit PgSearchStore(Pool& pool) : pool_(pool) {}

  Result<SearchResults> Search(const SearchRequest& request) override;
  Result<std::int64_t> Rebuild() override;
  Result<std::vector<std::string>> Suggest(const std::vector<std::string>& terms) override;

 private:
  Pool& pool_;
};

// The languages a query is stemmed in: the filter's, else every language indexed so far.
Result<std::vector<std::string>> SearchLanguages(Connection& connection,
                                                 const SearchFilters& filters);

}  // namespace warta::storage::postgres
