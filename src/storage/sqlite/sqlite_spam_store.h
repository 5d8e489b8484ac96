// The SQLite backend of storage::SpamStore: token counts in spam_tokens, message totals in
// the one row of spam_totals (migration 5). Internal to src/storage/sqlite/.
#pragma once

#include "storage/spam_store.h"
#include "storage/sqlite/connection_pool.h"

namespace warta::storage::sqlite {

class SqliteSpamStore final : public SpamStore {
 public:
  explicit SqliteSpamStore(ConnectionPool& pool) : pool_(pool) {}

  Result<void> Train(const std::vector<std::vector<std::string>>& messages, bool is_spam,
                     int delta) override;
  Result<model::SpamTotals> Totals() override;
  Result<model::SpamSnapshot> Lookup(const std::vector<std::string>& tokens) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace warta::storage::sqlite
