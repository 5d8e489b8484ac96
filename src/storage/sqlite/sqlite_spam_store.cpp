#include "storage/sqlite/sqlite_spam_store.h"

#include <string_view>

#include "core/limits.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

Result<void> CheckBatch(const std::vector<std::vector<std::string>>& messages, int delta) {
  if (delta != 1 && delta != -1) {
    return Error::InvalidArgument("spam store: delta must be +1 or -1");
  }
  if (messages.size() > limits::kSpamMaxMessagesPerBatch) {
    return Error::InvalidArgument("spam store: too many messages in one batch");
  }
  for (const auto& tokens : messages) {
    if (tokens.size() > limits::kSpamMaxTokensPerText) {
      return Error::InvalidArgument("spam store: too many tokens in a message");
    }
    for (const std::string& token : tokens) {
      if (token.empty() || token.size() > limits::kSpamMaxTokenBytes) {
        return Error::InvalidArgument("spam store: bad token length");
      }
    }
  }
  return Ok();
}

Result<model::SpamTotals> ReadTotals(Connection& connection) {
  auto stmt =
      connection.Prepare("SELECT spam_messages, ham_messages FROM spam_totals WHERE id = 1");
  if (!stmt.ok()) return stmt.error();
  WARTA_ASSIGN_OR_RETURN(auto row, stmt->Step());
  if (!row) return Error::Corrupt("spam store: the spam_totals row is missing");
  return model::SpamTotals{stmt->Int64(0), stmt->Int64(1)};
}

// One message's tokens: counts go up, or down to no lower than 0 (a message taken back that
// was never taught must not corrupt the others' counts).
Result<void> ApplyTokens(Connection& connection, const std::vector<std::string>& tokens,
                         bool is_spam, int delta) {
  static constexpr std::string_view kAddSpam =
      "INSERT INTO spam_tokens (token, spam_count, ham_count) VALUES (?, 1, 0) "
      "ON CONFLICT (token) DO UPDATE SET spam_count = spam_count + 1";
  static constexpr std::string_view kAddHam =
      "INSERT INTO spam_tokens (token, spam_count, ham_count) VALUES (?, 0, 1) "
      "ON CONFLICT (token) DO UPDATE SET ham_count = ham_count + 1";
  static constexpr std::string_view kRemoveSpam =
      "UPDATE spam_tokens SET spam_count = max(spam_count - 1, 0) WHERE token = ?";
  static constexpr std::string_view kRemoveHam =
      "UPDATE spam_tokens SET ham_count = max(ham_count - 1, 0) WHERE token = ?";
  const std::string_view sql =
      delta > 0 ? (is_spam ? kAddSpam : kAddHam) : (is_spam ? kRemoveSpam : kRemoveHam);
  for (const std::string& token : tokens) {
    WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
    stmt.Bind(1, token);
    WARTA_RETURN_IF_ERROR(stmt.Run());
  }
  return Ok();
}

}  // namespace

Result<void> SqliteSpamStore::Train(const std::vector<std::vector<std::string>>& messages,
                                    bool is_spam, int delta) {
  WARTA_RETURN_IF_ERROR(CheckBatch(messages, delta));
  if (messages.empty()) return Ok();
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    for (const auto& tokens : messages) {
      WARTA_RETURN_IF_ERROR(ApplyTokens(connection, tokens, is_spam, delta));
    }
    WARTA_ASSIGN_OR_RETURN(
        auto totals,
        connection.Prepare(
            is_spam
                ? "UPDATE spam_totals SET spam_messages = max(spam_messages + ?, 0) WHERE id = 1"
                : "UPDATE spam_totals SET ham_messages = max(ham_messages + ?, 0) WHERE id = 1"));
    totals.Bind(1, static_cast<std::int64_t>(messages.size()) * delta);
    WARTA_RETURN_IF_ERROR(totals.Run());
    if (delta > 0) return Ok();
    auto prune =
        connection.Prepare("DELETE FROM spam_tokens WHERE spam_count = 0 AND ham_count = 0");
    if (!prune.ok()) return prune.error();
    return prune->Run();
  });
}

Result<model::SpamTotals> SqliteSpamStore::Totals() {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  return ReadTotals(*connection);
}

Result<model::SpamSnapshot> SqliteSpamStore::Lookup(const std::vector<std::string>& tokens) {
  if (tokens.size() > limits::kSpamMaxTokensPerText) {
    return Error::InvalidArgument("spam store: too many tokens to look up");
  }
  // One read transaction, so the totals and the counts come from the same state. Each token
  // is a point lookup on the primary key through one cached statement: microseconds each.
  return InReadTransaction<
      model::SpamSnapshot>(pool_, [&](Connection& connection) -> Result<model::SpamSnapshot> {
    model::SpamSnapshot snapshot;
    auto totals = ReadTotals(connection);
    if (!totals.ok()) return totals.error();
    snapshot.totals = *totals;
    for (const std::string& token : tokens) {
      auto stmt =
          connection.Prepare("SELECT spam_count, ham_count FROM spam_tokens WHERE token = ?");
      if (!stmt.ok()) return stmt.error();
      stmt->Bind(1, token);
      WARTA_ASSIGN_OR_RETURN(auto row, stmt->Step());
      if (row)
        snapshot.tokens.emplace_back(token, model::SpamTokenCounts{stmt->Int64(0), stmt->Int64(1)});
    }
    return snapshot;
  });
}

}  // namespace warta::storage::sqlite
