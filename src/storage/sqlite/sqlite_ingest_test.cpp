// The ingest side of the SQLite store: sources, dedup keys, stories.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

class SqliteIngestTest : public test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_GE(schema_version_, 2);
  }

  std::int64_t AddSource(const std::string& url, const std::string& name = "") {
    model::NewSource s;
    s.url = url;
    s.name = name;
    auto id = store_->sources().Add(s);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::int64_t AddArticle(std::int64_t source_id, const std::string& guid,
                          const std::string& canonical, const std::string& source_name,
                          std::optional<std::uint64_t> simhash = std::nullopt,
                          std::int64_t published_at = 1'700'000'000) {
    model::NewArticle a;
    a.title = "Title " + guid;
    a.source = source_name;
    a.url = canonical.empty() ? "" : canonical;
    a.published_at = published_at;
    a.body_html = "<p>Body</p>";
    a.source_id = source_id;
    a.guid = guid;
    a.canonical_url = canonical;
    a.content_hash = "hash-" + guid;
    a.simhash = simhash;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};

TEST_F(SqliteIngestTest, SourcesAreAddedOnceAndAreDueAtOnce) {
  const std::int64_t id = AddSource("https://example.org/feed.xml", "Example");
  model::NewSource again;
  again.url = "https://example.org/feed.xml";
  auto dup = store_->sources().Add(again);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  model::NewSource bad;
  bad.url = "javascript:alert(1)";
  EXPECT_EQ(store_->sources().Add(bad).error().code, ErrorCode::kInvalidArgument);

  auto due = store_->sources().ListDue(UnixNow(), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().id, id);
  EXPECT_EQ(due->front().name, "Example");
  EXPECT_TRUE(due->front().enabled);
  auto found = store_->sources().FindByUrl("https://example.org/feed.xml");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, id);
  EXPECT_EQ(store_->sources().FindById(id + 100).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteIngestTest, RecordFetchStoresStateValidatorsAndRedirects) {
  const std::int64_t id = AddSource("http://a.example/rss");
  AddSource("http://taken.example/rss");
  model::FetchRecord r;
  r.fetched_at = 1000;
  r.status = 200;
  r.success = true;
  r.next_fetch_at = 4600;
  r.update_validators = true;
  r.etag = "\"v1\"";
  r.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT";
  r.new_url = "https://a.example/rss";
  r.items_added = 3;
  r.feed_title = "Feed A";
  ASSERT_TRUE(store_->sources().RecordFetch(id, r).ok());
  auto s = store_->sources().FindById(id);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->url, "https://a.example/rss");
  EXPECT_EQ(s->etag, "\"v1\"");
  EXPECT_EQ(s->last_modified, "Tue, 14 Nov 2023 22:13:20 GMT");
  EXPECT_EQ(s->last_success_at, 1000);
  EXPECT_EQ(s->next_fetch_at, 4600);
  EXPECT_EQ(s->items_total, 3);
  EXPECT_EQ(s->name, "Feed A");

  // An error keeps the validators and the last success; a taken URL is not applied.
  model::FetchRecord e;
  e.fetched_at = 5000;
  e.status = 500;
  e.error = "HTTP 500\x01";
  e.consecutive_errors = 1;
  e.next_fetch_at = 9000;
  e.new_url = "http://taken.example/rss";
  e.feed_title = "Other";
  ASSERT_TRUE(store_->sources().RecordFetch(id, e).ok());
  s = store_->sources().FindById(id);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->url, "https://a.example/rss");
  EXPECT_EQ(s->etag, "\"v1\"");
  EXPECT_EQ(s->last_success_at, 1000);
  EXPECT_EQ(s->last_status, 500);
  EXPECT_EQ(s->last_error, "HTTP 500?");
  EXPECT_EQ(s->consecutive_errors, 1);
  EXPECT_EQ(s->name, "Feed A");
  EXPECT_TRUE(s->enabled);

  model::FetchRecord gone;
  gone.fetched_at = 9000;
  gone.status = 410;
  gone.disable = true;
  ASSERT_TRUE(store_->sources().RecordFetch(id, gone).ok());
  EXPECT_FALSE(store_->sources().FindById(id)->enabled);
  EXPECT_EQ(store_->sources().RecordFetch(id + 99, gone).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteIngestTest, DueListSkipsDisabledAndFutureSources) {
  const std::int64_t a = AddSource("http://a.example/");
  const std::int64_t b = AddSource("http://b.example/");
  const std::int64_t c = AddSource("http://c.example/");
  model::FetchRecord later;
  later.next_fetch_at = UnixNow() + 3600;
  ASSERT_TRUE(store_->sources().RecordFetch(b, later).ok());
  model::NewSource off;
  off.enabled = false;
  ASSERT_TRUE(store_->sources().UpdateSettings(c, off).ok());
  auto due = store_->sources().ListDue(UnixNow(), 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().id, a);
  EXPECT_FALSE(store_->sources().ListDue(UnixNow(), 0).ok());
  auto all = store_->sources().List(UnixNow());
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
}

TEST_F(SqliteIngestTest, GuidAndCanonicalUrlMakeReingestIdempotent) {
  const std::int64_t src = AddSource("http://a.example/rss");
  const std::int64_t id = AddArticle(src, "g1", "https://a.example/1", "A");
  EXPECT_EQ(*store_->articles().FindIdByGuid(src, "g1"), std::optional<std::int64_t>(id));
  EXPECT_FALSE(store_->articles().FindIdByGuid(src, "g2")->has_value());
  EXPECT_FALSE(store_->articles().FindIdByGuid(src, "")->has_value());
  EXPECT_EQ(*store_->articles().FindIdByCanonicalUrl("https://a.example/1"),
            std::optional<std::int64_t>(id));
  EXPECT_EQ(*store_->articles().FindIdByContentHash(src, "hash-g1"),
            std::optional<std::int64_t>(id));

  model::NewArticle same;
  same.title = "again";
  same.body_html = "<p>x</p>";
  same.source_id = src;
  same.guid = "g1";
  auto dup = store_->articles().Insert(same);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  same.guid = "g-other";
  same.canonical_url = "https://a.example/1";
  EXPECT_EQ(store_->articles().Insert(same).error().code, ErrorCode::kAlreadyExists);
  // Hand-added articles have no keys and never collide.
  model::NewArticle manual;
  manual.title = "manual";
  manual.body_html = "<p>x</p>";
  EXPECT_TRUE(store_->articles().Insert(manual).ok());
  EXPECT_TRUE(store_->articles().Insert(manual).ok());
  EXPECT_EQ(*store_->articles().Count(), 3);
}

TEST_F(SqliteIngestTest, StoriesGroupArticlesAndListOtherSources) {
  const std::int64_t s1 = AddSource("http://a.example/rss");
  const std::int64_t s2 = AddSource("http://b.example/rss");
  const std::int64_t s3 = AddSource("http://c.example/rss");
  const std::int64_t a = AddArticle(s1, "a", "https://a.example/x", "Kyodo", 0xF0F0F0F0F0F0F0F0ULL);
  const std::int64_t b =
      AddArticle(s2, "b", "https://b.example/x", "Mainichi", 0x8000000000000001ULL, 1'700'000'100);
  const std::int64_t c =
      AddArticle(s3, "c", "https://c.example/x", "Asahi", std::nullopt, 1'700'000'200);

  auto near = store_->articles().RecentSimhashes(1'699'999'000, 1'700'001'000, 100);
  ASSERT_TRUE(near.ok());
  ASSERT_EQ(near->size(), 2u);
  EXPECT_EQ(near->front().article_id, b);  // newest first
  EXPECT_EQ(near->front().simhash, 0x8000000000000001ULL);
  EXPECT_EQ(near->front().source_id, s2);
  EXPECT_EQ(near->back().simhash, 0xF0F0F0F0F0F0F0F0ULL);

  const std::int64_t version_a = store_->articles().FindById(a)->version;
  auto story = store_->articles().JoinStory(b, a);
  ASSERT_TRUE(story.ok()) << story.error().message;
  auto story2 = store_->articles().JoinStory(c, b);
  ASSERT_TRUE(story2.ok());
  EXPECT_EQ(*story, *story2);

  auto article_a = store_->articles().FindById(a);
  ASSERT_TRUE(article_a.ok());
  EXPECT_EQ(article_a->story_id, *story);
  EXPECT_EQ(article_a->source_id, s1);
  EXPECT_GT(article_a->version, version_a);
  ASSERT_EQ(article_a->also_reported_by.size(), 2u);
  EXPECT_EQ(article_a->also_reported_by[0].source, "Mainichi");
  EXPECT_EQ(article_a->also_reported_by[0].article_id, b);
  EXPECT_EQ(article_a->also_reported_by[0].url, "https://b.example/x");
  EXPECT_EQ(article_a->also_reported_by[1].source, "Asahi");
  auto related_b = store_->articles().AlsoReportedBy(b);
  ASSERT_TRUE(related_b.ok());
  EXPECT_EQ(related_b->size(), 2u);
  EXPECT_EQ(store_->articles().JoinStory(a, 9999).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteIngestTest, JoiningTwoStoriesMergesThem) {
  const std::int64_t s1 = AddSource("http://a.example/rss");
  const std::int64_t s2 = AddSource("http://b.example/rss");
  const std::int64_t a = AddArticle(s1, "a", "https://a.example/1", "A");
  const std::int64_t b = AddArticle(s2, "b", "https://b.example/1", "B");
  const std::int64_t c = AddArticle(s1, "c", "https://a.example/2", "A");
  const std::int64_t d = AddArticle(s2, "d", "https://b.example/2", "B");
  auto first = store_->articles().JoinStory(b, a);
  auto second = store_->articles().JoinStory(d, c);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  auto merged = store_->articles().JoinStory(c, a);
  ASSERT_TRUE(merged.ok());
  for (std::int64_t id : {a, b, c, d}) {
    EXPECT_EQ(store_->articles().FindById(id)->story_id, *merged) << id;
  }
  // One entry per other source, even with two articles from it.
  EXPECT_EQ(store_->articles().AlsoReportedBy(a)->size(), 1u);
}

TEST_F(SqliteIngestTest, ListBySourceAndUpdateBody) {
  const std::int64_t src = AddSource("http://a.example/rss");
  const std::int64_t old_one =
      AddArticle(src, "old", "https://a.example/old", "A", std::nullopt, 1'600'000'000);
  const std::int64_t new_one = AddArticle(src, "new", "https://a.example/new", "A");
  auto list = store_->articles().ListBySource(src, 10);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, new_one);
  EXPECT_EQ((*list)[1].id, old_one);
  EXPECT_EQ((*list)[0].url, "https://a.example/new");

  const std::int64_t v = store_->articles().FindById(new_one)->version;
  ASSERT_TRUE(store_->articles().UpdateBody(new_one, "<p>Full text</p>").ok());
  auto updated = store_->articles().FindById(new_one);
  EXPECT_EQ(updated->body_html, "<p>Full text</p>");
  EXPECT_EQ(updated->version, v + 1);
  EXPECT_EQ(store_->articles().UpdateBody(new_one, "  ").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->articles().UpdateBody(99999, "<p>x</p>").error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteIngestTest, ItemsLastWeekCountsRecentArticles) {
  const std::int64_t src = AddSource("http://a.example/rss");
  AddArticle(src, "1", "https://a.example/1", "A");
  AddArticle(src, "2", "https://a.example/2", "A");
  auto list = store_->sources().List(UnixNow());
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->front().items_last_week, 2);
  list = store_->sources().List(UnixNow() + 8 * 86400);
  EXPECT_EQ(list->front().items_last_week, 0);
}

}  // namespace
}  // namespace warta::storage::sqlite
