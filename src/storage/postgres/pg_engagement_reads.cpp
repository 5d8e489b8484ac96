// The spam classifier's counts, trending and the dashboard's per-day totals on PostgreSQL
// (storage/spam_store.h, storage/trending_store.h, storage/day_totals_store.h).
#include <map>

#include "core/clock.h"
#include "core/limits.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
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
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query("SELECT spam_messages, ham_messages FROM spam_totals WHERE id = 1"));
  if (rows.empty()) return Error::Corrupt("spam store: the spam_totals row is missing");
  return model::SpamTotals{rows.Int64(0, 0), rows.Int64(0, 1)};
}

constexpr std::int64_t kMaxDays = 3660;  // ten years: a bound on the rows one call reads

Result<void> CheckRange(std::int64_t from, std::int64_t to) {
  if (from > to || to - from >= kMaxDays) {
    return Error::InvalidArgument("storage: day range [" + std::to_string(from) + ", " +
                                  std::to_string(to) + "] is empty or longer than " +
                                  std::to_string(kMaxDays) + " days");
  }
  return Ok();
}

constexpr std::string_view kSums = "sum(e.views), sum(e.likes), sum(e.comments), sum(e.shares)";

Result<std::vector<model::RankedTotals>> Ranked(Pool& pool, const std::string& sql,
                                                const Params& params) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  std::vector<model::RankedTotals> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(model::RankedTotals{rows.Int64(i, 0), rows.Text(i, 1), rows.Text(i, 2),
                                      CountersAt(rows, i, 3)});
  }
  return out;
}

}  // namespace

// One statement per class for the whole batch: every token's count moves by how many of the
// messages carry it. Clamping the sum at 0 equals clamping message by message.
Result<void> PgSpamStore::Train(const std::vector<std::vector<std::string>>& messages, bool is_spam,
                                int delta) {
  WARTA_RETURN_IF_ERROR(CheckBatch(messages, delta));
  if (messages.empty()) return Ok();
  std::vector<std::string> all;
  for (const auto& tokens : messages) all.insert(all.end(), tokens.begin(), tokens.end());
  const std::string array = TextArray(all);
  const std::int64_t total_delta = static_cast<std::int64_t>(messages.size()) * delta;
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    if (delta > 0) {
      WARTA_RETURN_IF_ERROR(connection.Run(
          is_spam ? "INSERT INTO spam_tokens (token, spam_count, ham_count) "
                    "SELECT t, count(*), 0 FROM unnest($1::TEXT[]) t GROUP BY t ORDER BY t "
                    "ON CONFLICT (token) DO UPDATE SET "
                    "spam_count = spam_tokens.spam_count + excluded.spam_count"
                  : "INSERT INTO spam_tokens (token, spam_count, ham_count) "
                    "SELECT t, 0, count(*) FROM unnest($1::TEXT[]) t GROUP BY t ORDER BY t "
                    "ON CONFLICT (token) DO UPDATE SET "
                    "ham_count = spam_tokens.ham_count + excluded.ham_count",
          Params().Add(array)));
    } else {
      WARTA_RETURN_IF_ERROR(connection.Run(
          is_spam ? "UPDATE spam_tokens s SET spam_count = greatest(s.spam_count - d.n, 0) "
                    "FROM (SELECT t, count(*) AS n FROM unnest($1::TEXT[]) t GROUP BY t) d "
                    "WHERE s.token = d.t"
                  : "UPDATE spam_tokens s SET ham_count = greatest(s.ham_count - d.n, 0) "
                    "FROM (SELECT t, count(*) AS n FROM unnest($1::TEXT[]) t GROUP BY t) d "
                    "WHERE s.token = d.t",
          Params().Add(array)));
    }
    WARTA_RETURN_IF_ERROR(connection.Run(
        is_spam ? "UPDATE spam_totals SET spam_messages = greatest(spam_messages + $1, 0) "
                  "WHERE id = 1"
                : "UPDATE spam_totals SET ham_messages = greatest(ham_messages + $1, 0) "
                  "WHERE id = 1",
        Params().Add(total_delta)));
    if (delta > 0) return Ok();
    return connection.Run("DELETE FROM spam_tokens WHERE spam_count = 0 AND ham_count = 0");
  });
}

Result<model::SpamTotals> PgSpamStore::Totals() {
  return InReadTransaction<model::SpamTotals>(pool_, [](Connection& c) { return ReadTotals(c); });
}

Result<model::SpamSnapshot> PgSpamStore::Lookup(const std::vector<std::string>& tokens) {
  if (tokens.size() > limits::kSpamMaxTokensPerText) {
    return Error::InvalidArgument("spam store: too many tokens to look up");
  }
  // One snapshot for the totals and the counts; one query for every token.
  return InReadTransaction<model::SpamSnapshot>(
      pool_, [&](Connection& connection) -> Result<model::SpamSnapshot> {
        model::SpamSnapshot snapshot;
        WARTA_ASSIGN_OR_RETURN(snapshot.totals, ReadTotals(connection));
        if (tokens.empty()) return snapshot;
        WARTA_ASSIGN_OR_RETURN(
            auto rows, connection.Query("SELECT token, spam_count, ham_count FROM spam_tokens "
                                        "WHERE token = ANY($1::TEXT[])",
                                        Params().Add(TextArray(tokens))));
        std::map<std::string, model::SpamTokenCounts> found;
        for (int i = 0; i < rows.size(); ++i) {
          found[rows.Text(i, 0)] = model::SpamTokenCounts{rows.Int64(i, 1), rows.Int64(i, 2)};
        }
        for (const std::string& token : tokens) {  // in the order asked, as SQLite answers
          auto it = found.find(token);
          if (it != found.end()) snapshot.tokens.emplace_back(token, it->second);
        }
        return snapshot;
      });
}

Result<void> PgTrendingStore::SetPolicy(const model::TrendingPolicy& policy, std::int64_t now) {
  const bool weights_ok = policy.view_weight >= 0 && policy.like_weight >= 0 &&
                          policy.comment_weight >= 0 && policy.share_weight >= 0;
  if (policy.half_life_seconds <= 0 || !weights_ok) {
    return Error::InvalidArgument("storage: trending needs a positive half-life and weights >= 0");
  }
  policy_.Set(policy);
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection, /*for_update=*/true));
    if (scale.half_life_seconds == policy.half_life_seconds) return Ok();
    return RebaseTrending(connection, scale, now, policy.half_life_seconds);
  });
}

Result<void> PgTrendingStore::Credit(std::int64_t article_id, model::EngagementKind kind,
                                     std::int64_t count, std::int64_t at) {
  if (count < 0) return Error::InvalidArgument("storage: negative trending credit");
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query("SELECT 1 FROM articles WHERE id = $1",
                                                       Params().Add(article_id)));
    if (rows.empty()) return NoSuchId("article", article_id);
    return CreditTrending(connection, policy_.Get(), article_id, kind, count, at, UnixNow());
  });
}

Result<std::vector<PopularArticle>> PgTrendingStore::Top(const PopularQuery& query) {
  if (query.limit < 1 || query.limit > 100 || query.tags.size() > 100) {
    return Error::InvalidArgument("storage: popular list bounds out of range");
  }
  // One snapshot: the scale and the scores agree.
  return InReadTransaction<std::vector<PopularArticle>>(
      pool_, [&](Connection& connection) -> Result<std::vector<PopularArticle>> {
        WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection));
        std::string sql =
            "SELECT id, title, slug, source, published_at, trend_score, views, likes, comments, "
            "shares FROM articles WHERE trend_score > 0 AND status = 'published' "
            "AND published_at >= $1";
        Params params;
        params.Add(query.published_after).Add(query.limit);
        if (!query.tags.empty()) {
          // The tag's articles within the age cutoff, from article_tags_listing_idx (listed_at
          // is published_at while public), not every article of the tag.
          sql +=
              " AND id IN (SELECT article_id FROM article_tags WHERE tag = ANY($3::TEXT[]) "
              "AND listed_at IS NOT NULL AND listed_at >= $1)";
          params.Add(TextArray(query.tags));
        }
        sql += " ORDER BY trend_score DESC, id DESC LIMIT $2";
        WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, params));
        std::vector<PopularArticle> out;
        for (int i = 0; i < rows.size(); ++i) {
          PopularArticle& a = out.emplace_back();
          a.id = rows.Int64(i, 0);
          a.title = rows.Text(i, 1);
          a.slug = rows.Text(i, 2);
          a.source = rows.Text(i, 3);
          a.published_at = rows.Int64(i, 4);
          a.score = model::DecayedScore(rows.Double(i, 5), scale.epoch, query.now,
                                        scale.half_life_seconds);
          a.counters = CountersAt(rows, i, 6);
        }
        return out;
      });
}

Result<std::vector<model::DayTotals>> PgDayTotalsStore::PerDay(std::int64_t from_day,
                                                               std::int64_t to_day) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  static const std::string sql = "SELECT e.day, " + std::string(kSums) +
                                 " FROM engagement_days e WHERE e.day BETWEEN $1 AND $2 "
                                 "GROUP BY e.day ORDER BY e.day";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(from_day).Add(to_day)));
  std::vector<model::DayTotals> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(model::DayTotals{rows.Int64(i, 0), CountersAt(rows, i, 1)});
  }
  return out;
}

Result<std::vector<model::RankedTotals>> PgDayTotalsStore::TopArticles(std::int64_t from_day,
                                                                       std::int64_t to_day,
                                                                       int limit) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  if (limit < 1 || limit > 100) return Error::InvalidArgument("storage: top limit out of range");
  static const std::string sql =
      "SELECT e.article_id, a.title, a.slug, " + std::string(kSums) +
      " FROM engagement_days e JOIN articles a ON a.id = e.article_id "
      "WHERE e.day BETWEEN $1 AND $2 GROUP BY e.article_id, a.title, a.slug "
      "ORDER BY 4 DESC, 5 DESC, 6 DESC, 7 DESC, e.article_id LIMIT $3";
  return Ranked(pool_, sql, Params().Add(from_day).Add(to_day).Add(limit));
}

Result<std::vector<model::RankedTotals>> PgDayTotalsStore::BySection(std::int64_t from_day,
                                                                     std::int64_t to_day) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  static const std::string sql =
      "SELECT coalesce(a.section_id, 0), coalesce(max(s.name), ''), coalesce(max(s.slug), ''), " +
      std::string(kSums) +
      " FROM engagement_days e JOIN articles a ON a.id = e.article_id LEFT JOIN sections s ON "
      "s.id = a.section_id WHERE e.day BETWEEN $1 AND $2 GROUP BY coalesce(a.section_id, 0) "
      "ORDER BY 4 DESC, 1";
  return Ranked(pool_, sql, Params().Add(from_day).Add(to_day));
}

Result<std::vector<model::RankedTotals>> PgDayTotalsStore::BySource(std::int64_t from_day,
                                                                    std::int64_t to_day) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  static const std::string sql =
      "SELECT coalesce(max(a.source_id), 0), a.source, '', " + std::string(kSums) +
      " FROM engagement_days e JOIN articles a ON a.id = e.article_id "
      "WHERE e.day BETWEEN $1 AND $2 GROUP BY a.source ORDER BY 4 DESC, a.source COLLATE \"C\"";
  return Ranked(pool_, sql, Params().Add(from_day).Add(to_day));
}

}  // namespace warta::storage::postgres
