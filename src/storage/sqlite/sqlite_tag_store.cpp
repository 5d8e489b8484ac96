// Tags: listing, tag pages, and related articles.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <unordered_set>

#include "core/ascii.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_trending.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxTagList = 100'000;
constexpr std::size_t kMaxIds = 1000;
// Related articles: candidates read per kind, and how recency discounts shared tags.
constexpr int kTagCandidates = 50;
constexpr int kTitleCandidates = 300;
constexpr double kRecencyDays = 7;

// Columns: id, title, slug, source, published_at.
RelatedArticle ReadRelated(const Statement& stmt) {
  RelatedArticle r;
  r.id = stmt.Int64(0);
  r.title = stmt.Text(1);
  r.slug = stmt.Text(2);
  r.source = stmt.Text(3);
  r.published_at = stmt.Int64(4);
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
      auto stmt,
      connection.Prepare("SELECT story_id, published_at, title FROM articles WHERE id = ?"));
  stmt.Bind(1, id);
  WARTA_ASSIGN_OR_RETURN(auto found, RunReturning(stmt, [&](const Statement& s) {
                           subject.id = id;
                           subject.story_id = s.Int64(0);
                           subject.published_at = s.Int64(1);
                           subject.title = s.Text(2);
                           return true;
                         }));
  if (!found.has_value()) return false;
  auto tags = QueryAll(
      connection, "SELECT tag FROM article_tags WHERE article_id = ? LIMIT 100",
      [&](Statement& s) { s.Bind(1, id); }, [](const Statement& s) { return s.Text(0); });
  if (!tags.ok()) return tags.error();
  subject.tags = std::move(*tags);
  return true;
}

Result<std::vector<RelatedArticle>> SameStory(Connection& connection, const Subject& subject,
                                              int limit) {
  if (subject.story_id == 0) return std::vector<RelatedArticle>{};
  return QueryAll(
      connection,
      "SELECT id, title, slug, source, published_at FROM articles WHERE story_id = ? AND id != ? "
      "AND status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?",
      [&](Statement& stmt) {
        stmt.Bind(1, subject.story_id).Bind(2, subject.id).Bind(3, std::int64_t{limit});
      },
      ReadRelated);
}

// Articles sharing tags, published within the window around the subject: more shared tags
// first, each discounted by how far apart in time the two were published.
Result<std::vector<RelatedArticle>> SharedTags(Connection& connection, const Subject& subject,
                                               std::int64_t window_seconds) {
  if (subject.tags.empty()) return std::vector<RelatedArticle>{};
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "SELECT a.id, a.title, a.slug, a.source, a.published_at, count(*) FROM article_tags t "
          "JOIN articles a ON a.id = t.article_id WHERE t.tag IN (" +
          Placeholders(subject.tags.size()) +
          ") AND t.article_id != ? AND a.status = 'published' AND a.published_at BETWEEN ? AND ? "
          "GROUP BY a.id "
          "ORDER BY count(*) DESC, a.published_at DESC LIMIT ?"));
  int index = 1;
  for (const std::string& tag : subject.tags) stmt.Bind(index++, tag);
  stmt.Bind(index++, subject.id);
  stmt.Bind(index++, subject.published_at - window_seconds);
  stmt.Bind(index++, subject.published_at + window_seconds);
  stmt.Bind(index, std::int64_t{kTagCandidates});
  std::vector<std::pair<double, RelatedArticle>> scored;
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
    if (!row) break;
    const double days =
        std::abs(static_cast<double>(stmt.Int64(4) - subject.published_at)) / 86400.0;
    const double score = static_cast<double>(stmt.Int64(5)) / (1.0 + days / kRecencyDays);
    scored.emplace_back(score, ReadRelated(stmt));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<RelatedArticle> out;
  out.reserve(scored.size());
  for (auto& [score, related] : scored) out.push_back(std::move(related));
  return out;
}

// Lower-cased words of at least 4 bytes: a cheap stand-in for text similarity that works for
// space-separated languages (Japanese titles rarely match, and then nothing is suggested).
std::set<std::string> TitleWords(const std::string& title) {
  std::set<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) words.insert(word);
    word.clear();
  };
  for (char c : title) {
    // Bytes of other scripts are kept as they are: part of a word.
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
  const std::set<std::string> mine = TitleWords(subject.title);
  if (mine.size() < 2) return std::vector<RelatedArticle>{};
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "SELECT id, title, slug, source, published_at FROM articles WHERE status = 'published' "
          "AND published_at BETWEEN ? AND ? AND id != ? ORDER BY published_at DESC LIMIT ?"));
  stmt.Bind(1, subject.published_at - window_seconds);
  stmt.Bind(2, subject.published_at + window_seconds).Bind(3, subject.id);
  stmt.Bind(4, std::int64_t{kTitleCandidates});
  WARTA_ASSIGN_OR_RETURN(auto rows, ReadAll(stmt, ReadRelated));
  std::vector<std::pair<std::size_t, RelatedArticle>> scored;
  for (RelatedArticle& row : rows) {
    const std::set<std::string> theirs = TitleWords(row.title);
    std::size_t shared = 0;
    for (const std::string& word : theirs) shared += mine.count(word);
    if (shared >= 2) scored.emplace_back(shared, std::move(row));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<RelatedArticle> out;
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

// The related articles of `article_id` (see TagStore::Related), inside a read transaction.
Result<std::vector<RelatedArticle>> RelatedIn(Connection& connection, std::int64_t article_id,
                                              std::size_t max, std::int64_t window_seconds) {
  Subject subject;
  WARTA_ASSIGN_OR_RETURN(auto found, ReadSubject(connection, article_id, subject));
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

Result<std::vector<TagCount>> SqliteTagStore::ListTags(int limit) {
  if (limit < 1 || limit > kMaxTagList) {
    return Error::InvalidArgument("storage: tag list limit out of range");
  }
  return QueryAll(
      pool_,
      // listed_at is set exactly while the article is public (migration 11): the count is a
      // scan of article_tags_listing_idx, not a look-up of every article's row (17 s of page
      // reads at a million articles, on every refresh of the popular lists).
      "SELECT tag, count(*) FROM article_tags WHERE listed_at IS NOT NULL "
      "GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}); },
      [](const Statement& s) {
        return TagCount{s.Text(0), s.Int64(1)};
      });
}

Result<std::vector<std::pair<std::int64_t, std::vector<std::string>>>> SqliteTagStore::TagsOf(
    const std::vector<std::int64_t>& article_ids) {
  std::vector<std::pair<std::int64_t, std::vector<std::string>>> out;
  if (article_ids.empty()) return out;
  if (article_ids.size() > kMaxIds) {
    return Error::InvalidArgument("storage: too many article ids");
  }
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  auto stmt =
      (connection)
          ->Prepare("SELECT article_id, tag FROM article_tags WHERE article_id IN (" +
                    Placeholders(article_ids.size()) + ") ORDER BY article_id, position, tag");
  if (!stmt.ok()) return stmt.error();
  int index = 1;
  for (std::int64_t id : article_ids) stmt->Bind(index++, id);
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto row, stmt->Step());
    if (!row) return out;
    const std::int64_t id = stmt->Int64(0);
    if (out.empty() || out.back().first != id) out.emplace_back(id, std::vector<std::string>{});
    out.back().second.push_back(stmt->Text(1));
  }
}

Result<std::vector<RelatedArticle>> SqliteTagStore::Related(std::int64_t article_id, int limit,
                                                            std::int64_t window_seconds) {
  if (limit < 1 || limit > 20 || window_seconds < 0) {
    return Error::InvalidArgument("storage: related bounds out of range");
  }
  return InReadTransaction<std::vector<RelatedArticle>>(pool_, [&](Connection& connection) {
    return RelatedIn(connection, article_id, static_cast<std::size_t>(limit), window_seconds);
  });
}

}  // namespace warta::storage::sqlite
