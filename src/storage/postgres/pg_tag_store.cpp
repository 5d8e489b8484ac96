// Tags on PostgreSQL: listing, tag pages, and related articles (storage/tag_store.h). The
// ranking of related articles is the SQLite store's, step for step; ties are broken by id
// here so the order never depends on the plan.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "core/ascii.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxTagList = 100'000;
constexpr std::size_t kMaxIds = 1000;
constexpr int kTagCandidates = 50;
constexpr int kTitleCandidates = 300;
constexpr double kRecencyDays = 7;

// Columns: id, title, slug, source, published_at.
RelatedArticle ReadRelated(const Rows& rows, int i) {
  RelatedArticle r;
  r.id = rows.Int64(i, 0);
  r.title = rows.Text(i, 1);
  r.slug = rows.Text(i, 2);
  r.source = rows.Text(i, 3);
  r.published_at = rows.Int64(i, 4);
  return r;
}

struct Subject {
  std::int64_t id = 0;
  std::int64_t story_id = 0;
  std::int64_t published_at = 0;
  std::string title;
  std::vector<std::string> tags;
};

Result<bool> ReadSubject(Connection& connection, std::int64_t id, Subject& subject) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query("SELECT story_id, published_at, title FROM articles WHERE id = $1",
                       Params().Add(id)));
  if (rows.empty()) return false;
  subject.id = id;
  subject.story_id = rows.Int64(0, 0);
  subject.published_at = rows.Int64(0, 1);
  subject.title = rows.Text(0, 2);
  WARTA_ASSIGN_OR_RETURN(
      auto tags, connection.Query("SELECT tag FROM article_tags WHERE article_id = $1 LIMIT 100",
                                  Params().Add(id)));
  for (int i = 0; i < tags.size(); ++i) subject.tags.push_back(tags.Text(i, 0));
  return true;
}

Result<std::vector<RelatedArticle>> SameStory(Connection& connection, const Subject& subject,
                                              int limit) {
  std::vector<RelatedArticle> out;
  if (subject.story_id == 0) return out;
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT id, title, slug, source, published_at FROM articles "
                                  "WHERE story_id = $1 AND id <> $2 AND status = 'published' "
                                  "ORDER BY published_at DESC, id DESC LIMIT $3",
                                  Params().Add(subject.story_id).Add(subject.id).Add(limit)));
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadRelated(rows, i));
  return out;
}

// More shared tags first, each discounted by how far apart in time the two were published.
Result<std::vector<RelatedArticle>> SharedTags(Connection& connection, const Subject& subject,
                                               std::int64_t window_seconds) {
  std::vector<RelatedArticle> out;
  if (subject.tags.empty()) return out;
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query(
          "SELECT a.id, a.title, a.slug, a.source, a.published_at, count(*) FROM article_tags t "
          "JOIN articles a ON a.id = t.article_id WHERE t.tag = ANY($1::TEXT[]) "
          "AND t.article_id <> $2 AND a.status = 'published' AND a.published_at BETWEEN $3 AND $4 "
          "GROUP BY a.id ORDER BY count(*) DESC, a.published_at DESC, a.id DESC LIMIT $5",
          Params()
              .Add(TextArray(subject.tags))
              .Add(subject.id)
              .Add(subject.published_at - window_seconds)
              .Add(subject.published_at + window_seconds)
              .Add(kTagCandidates)));
  std::vector<std::pair<double, RelatedArticle>> scored;
  for (int i = 0; i < rows.size(); ++i) {
    const double days =
        std::abs(static_cast<double>(rows.Int64(i, 4) - subject.published_at)) / 86400.0;
    const double score = static_cast<double>(rows.Int64(i, 5)) / (1.0 + days / kRecencyDays);
    scored.emplace_back(score, ReadRelated(rows, i));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  out.reserve(scored.size());
  for (auto& [score, related] : scored) out.push_back(std::move(related));
  return out;
}

// Lower-cased words of at least 4 bytes (as the SQLite store: a cheap stand-in for text
// similarity in space-separated languages).
std::set<std::string> TitleWords(const std::string& title) {
  std::set<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) words.insert(word);
    word.clear();
  };
  for (char c : title) {
    if (static_cast<unsigned char>(c) >= 0x80 || ascii::IsAlnum(c)) {
      word += ascii::ToLower(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

Result<std::vector<RelatedArticle>> SimilarTitles(Connection& connection, const Subject& subject,
                                                  std::int64_t window_seconds) {
  std::vector<RelatedArticle> out;
  const std::set<std::string> mine = TitleWords(subject.title);
  if (mine.size() < 2) return out;
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT id, title, slug, source, published_at FROM articles "
                                  "WHERE status = 'published' AND published_at BETWEEN $1 AND $2 "
                                  "AND id <> $3 ORDER BY published_at DESC, id DESC LIMIT $4",
                                  Params()
                                      .Add(subject.published_at - window_seconds)
                                      .Add(subject.published_at + window_seconds)
                                      .Add(subject.id)
                                      .Add(kTitleCandidates)));
  std::vector<std::pair<std::size_t, RelatedArticle>> scored;
  for (int i = 0; i < rows.size(); ++i) {
    RelatedArticle row = ReadRelated(rows, i);
    std::size_t shared = 0;
    for (const std::string& word : TitleWords(row.title)) shared += mine.count(word);
    if (shared >= 2) scored.emplace_back(shared, std::move(row));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  out.reserve(scored.size());
  for (auto& [shared, related] : scored) out.push_back(std::move(related));
  return out;
}

void AppendUnique(std::vector<RelatedArticle>& out, std::unordered_set<std::int64_t>& seen,
                  std::vector<RelatedArticle> more, RelatedReason reason, std::size_t limit) {
  for (RelatedArticle& related : more) {
    if (out.size() >= limit) return;
    if (!seen.insert(related.id).second) continue;
    related.reason = reason;
    out.push_back(std::move(related));
  }
}

Result<std::vector<RelatedArticle>> RelatedIn(Connection& connection, std::int64_t article_id,
                                              std::size_t max, std::int64_t window_seconds) {
  Subject subject;
  WARTA_ASSIGN_OR_RETURN(bool found, ReadSubject(connection, article_id, subject));
  if (!found) return NoSuchId("article", article_id);
  std::vector<RelatedArticle> out;
  std::unordered_set<std::int64_t> seen;
  WARTA_ASSIGN_OR_RETURN(auto story, SameStory(connection, subject, static_cast<int>(max)));
  AppendUnique(out, seen, std::move(story), RelatedReason::kStory, max);
  if (out.size() < max) {
    WARTA_ASSIGN_OR_RETURN(auto tagged, SharedTags(connection, subject, window_seconds));
    AppendUnique(out, seen, std::move(tagged), RelatedReason::kTags, max);
  }
  if (out.size() < max) {
    WARTA_ASSIGN_OR_RETURN(auto titled, SimilarTitles(connection, subject, window_seconds));
    AppendUnique(out, seen, std::move(titled), RelatedReason::kTitle, max);
  }
  return out;
}

}  // namespace

Result<std::vector<TagCount>> PgTagStore::ListTags(int limit) {
  if (limit < 1 || limit > kMaxTagList) {
    return Error::InvalidArgument("storage: tag list limit out of range");
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           // listed_at is set exactly while the article is public (migration 11): a
                           // scan of article_tags_listing_idx instead of a join with every article.
                           "SELECT tag, count(*) FROM article_tags WHERE listed_at IS NOT NULL "
                           "GROUP BY tag ORDER BY count(*) DESC, tag COLLATE \"C\" LIMIT $1",
                           Params().Add(limit)));
  std::vector<TagCount> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(TagCount{rows.Text(i, 0), rows.Int64(i, 1)});
  return out;
}

Result<std::vector<std::pair<std::int64_t, std::vector<std::string>>>> PgTagStore::TagsOf(
    const std::vector<std::int64_t>& article_ids) {
  std::vector<std::pair<std::int64_t, std::vector<std::string>>> out;
  if (article_ids.empty()) return out;
  if (article_ids.size() > kMaxIds) {
    return Error::InvalidArgument("storage: too many article ids");
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT article_id, tag FROM article_tags "
                "WHERE article_id = ANY($1::BIGINT[]) ORDER BY article_id, position, tag",
                Params().Add(IdArray(article_ids))));
  for (int i = 0; i < rows.size(); ++i) {
    const std::int64_t id = rows.Int64(i, 0);
    if (out.empty() || out.back().first != id) out.emplace_back(id, std::vector<std::string>{});
    out.back().second.push_back(rows.Text(i, 1));
  }
  return out;
}

Result<std::vector<RelatedArticle>> PgTagStore::Related(std::int64_t article_id, int limit,
                                                        std::int64_t window_seconds) {
  if (limit < 1 || limit > 20 || window_seconds < 0) {
    return Error::InvalidArgument("storage: related bounds out of range");
  }
  return InReadTransaction<std::vector<RelatedArticle>>(pool_, [&](Connection& connection) {
    return RelatedIn(connection, article_id, static_cast<std::size_t>(limit), window_seconds);
  });
}

}  // namespace warta::storage::postgres
