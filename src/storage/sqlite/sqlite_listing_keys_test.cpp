// Listings at any size (migration 11): the listing keys follow every status and date change,
// keyset pages walk a tag without repeats or gaps, counts stop at their cap, and every
// listing query is an index range scan (EXPLAIN QUERY PLAN), never a scan of the tag or a
// sort of all its rows.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "storage/editorial_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/tag_store.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::int64_t kBase = 1'735'689'600;  // 2025-01-01

class ListingKeysTest : public test_util::MigratedSqliteStore {
 protected:
  std::int64_t Add(std::int64_t published_at, std::vector<std::string> tags) {
    model::NewArticle a;
    a.title = "Berita " + std::to_string(published_at);
    a.lang = "id";
    a.body_html = "<p>Isi.</p>";
    a.tags = std::move(tags);
    a.published_at = published_at;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  void Exec(const std::string& sql) {
    auto connection = store_->pool().Acquire();
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE((*connection)->Exec(sql).ok()) << sql;
  }

  std::vector<std::int64_t> Ids(const std::vector<model::ArticleSummary>& rows) {
    std::vector<std::int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    return ids;
  }

  // The plan's detail lines, joined.
  std::string Plan(const std::string& sql) {
    auto connection = store_->pool().Acquire();
    EXPECT_TRUE(connection.ok());
    auto rows = QueryAll(
        **connection, "EXPLAIN QUERY PLAN " + sql, [](Statement&) {},
        [](const Statement& s) { return s.Text(3); });
    EXPECT_TRUE(rows.ok()) << sql;
    std::string out;
    if (!rows.ok()) return out;
    for (const std::string& line : *rows) out += line + "\n";
    return out;
  }
};

TEST_F(ListingKeysTest, CursorPagesWalkATagWithoutRepeatsOrGaps) {
  // Same-second articles too: the id breaks the tie. Two names of one tag, some articles
  // with both.
  std::vector<std::int64_t> expected;  // newest first
  for (int i = 0; i < 47; ++i) {
    std::vector<std::string> tags = {i % 3 == 0 ? "Tokyo" : "tokyo"};
    if (i % 5 == 0) tags.push_back(i % 3 == 0 ? "tokyo" : "Tokyo");
    expected.insert(expected.begin(), Add(kBase + i / 2, tags));
  }
  Add(kBase + 100, {"Osaka"});
  std::vector<std::int64_t> walked;
  std::optional<ListCursor> after;
  for (int page = 0; page < 10; ++page) {
    auto rows = store_->tags().ListByTagsAfter({"Tokyo", "tokyo"}, 10, after);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    if (rows->empty()) break;
    for (std::int64_t id : Ids(*rows)) walked.push_back(id);
    after = ListCursor{rows->back().published_at, rows->back().id};
  }
  EXPECT_EQ(walked, expected);
  // Offsets (old ?page= links) agree with cursors.
  auto third = store_->tags().ListByTags({"Tokyo", "tokyo"}, 10, 20);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(Ids(*third), std::vector<std::int64_t>(expected.begin() + 20, expected.begin() + 30));
  EXPECT_FALSE(store_->tags().ListByTags({"tokyo"}, 10, kMaxListOffset + 1).ok());
}

TEST_F(ListingKeysTest, CountsStopAtTheirCap) {
  for (int i = 0; i < 30; ++i) Add(kBase + i, {"gempa", i % 2 ? "Gempa" : "gempa"});
  EXPECT_EQ(*store_->tags().CountByTags({"gempa", "Gempa"}, 1000), 30);
  EXPECT_EQ(*store_->tags().CountByTags({"gempa"}, 10), 10);
  EXPECT_EQ(*store_->tags().CountByTags({"tidak-ada"}, 10), 0);
  EXPECT_FALSE(store_->tags().CountByTags({"gempa"}, 0).ok());
  EXPECT_FALSE(store_->tags().CountByTags({"gempa"}, kMaxCountCap + 1).ok());
}

TEST_F(ListingKeysTest, KeysFollowStatusDateAndTagChanges) {
  const std::int64_t a = Add(kBase, {"gempa"});
  const std::int64_t b = Add(kBase + 10, {"gempa"});
  auto listed = [&] { return Ids(*store_->tags().ListByTagsAfter({"gempa"}, 10, std::nullopt)); };
  EXPECT_EQ(listed(), (std::vector<std::int64_t>{b, a}));
  // Unpublished: out at once, and back when published again.
  Exec("UPDATE articles SET status = 'unpublished' WHERE id = " + std::to_string(b));
  EXPECT_EQ(listed(), std::vector<std::int64_t>{a});
  EXPECT_EQ(*store_->tags().CountByTags({"gempa"}, 100), 1);
  Exec("UPDATE articles SET status = 'published' WHERE id = " + std::to_string(b));
  EXPECT_EQ(listed(), (std::vector<std::int64_t>{b, a}));
  // A new date moves it.
  Exec("UPDATE articles SET published_at = " + std::to_string(kBase - 10) +
       " WHERE id = " + std::to_string(b));
  EXPECT_EQ(listed(), (std::vector<std::int64_t>{a, b}));
  // A tag added to a published article lists it; one added to a draft does not.
  Exec("INSERT INTO article_tags (article_id, tag) VALUES (" + std::to_string(a) + ", 'baru')");
  EXPECT_EQ(Ids(*store_->tags().ListByTagsAfter({"baru"}, 10, std::nullopt)),
            std::vector<std::int64_t>{a});
  Exec("UPDATE articles SET status = 'draft' WHERE id = " + std::to_string(b));
  Exec("INSERT INTO article_tags (article_id, tag) VALUES (" + std::to_string(b) + ", 'baru')");
  EXPECT_EQ(Ids(*store_->tags().ListByTagsAfter({"baru"}, 10, std::nullopt)),
            std::vector<std::int64_t>{a});
  // Deleted: its links go with it.
  Exec("DELETE FROM articles WHERE id = " + std::to_string(a));
  EXPECT_TRUE(store_->tags().ListByTagsAfter({"baru"}, 10, std::nullopt)->empty());
}

TEST_F(ListingKeysTest, ListingQueriesAreIndexRangeScans) {
  Add(kBase, {"gempa"});
  const std::string tag_page =
      "SELECT article_id FROM article_tags WHERE tag = 'gempa' AND listed_at IS NOT NULL AND "
      "(listed_at, article_id) < (1, 2) ORDER BY listed_at DESC, article_id DESC LIMIT 21";
  std::string plan = Plan(tag_page);
  EXPECT_NE(plan.find("USING COVERING INDEX article_tags_listing_idx (tag=? AND"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  plan = Plan(
      "SELECT id FROM articles WHERE status = 'published' AND section_id = 1 AND "
      "(published_at, id) < (1, 2) ORDER BY published_at DESC, id DESC LIMIT 21");
  EXPECT_NE(plan.find("articles_section_public_idx (section_id=? AND"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  plan = Plan(
      "SELECT article_id FROM article_authors WHERE author_id = 1 AND listed_at IS NOT NULL AND "
      "(listed_at, article_id) < (1, 2) ORDER BY listed_at DESC, article_id DESC LIMIT 21");
  EXPECT_NE(plan.find("article_authors_listing_idx (author_id=? AND"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST_F(ListingKeysTest, SectionPagesByCursorAndBoundedCount) {
  // Sections are set through SQL here (the newsroom's service is tested elsewhere).
  Exec(
      "INSERT INTO sections (id, slug, name, position, created_at) VALUES (7, 'nasional', "
      "'Nasional', 1, 0)");
  std::vector<std::int64_t> expected;
  for (int i = 0; i < 25; ++i) expected.insert(expected.begin(), Add(kBase + i / 3, {}));
  Exec("UPDATE articles SET section_id = 7");
  std::vector<std::int64_t> walked;
  std::optional<ListCursor> after;
  for (int page = 0; page < 5; ++page) {
    auto rows = store_->editorial().ListBySectionAfter(7, 10, after);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    if (rows->empty()) break;
    for (std::int64_t id : Ids(*rows)) walked.push_back(id);
    after = ListCursor{rows->back().published_at, rows->back().id};
  }
  EXPECT_EQ(walked, expected);
  EXPECT_EQ(*store_->editorial().CountBySection(7, 1000), 25);
  EXPECT_EQ(*store_->editorial().CountBySection(7, 5), 5);
}

}  // namespace
}  // namespace warta::storage::sqlite
