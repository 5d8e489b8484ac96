#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

class ListingStoreTest : public test_util::MigratedSqliteStore {
 protected:
  std::int64_t Add(const std::string& title, const std::string& source, std::int64_t published,
                   std::vector<std::string> tags) {
    model::NewArticle a;
    a.title = title;
    a.source = source;
    a.published_at = published;
    a.body_html = "<p>" + title + "</p>";
    a.slug = "s";
    a.tags = std::move(tags);
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};

TEST_F(ListingStoreTest, NewestByFilterWithBodiesAndTags) {
  std::int64_t a = Add("A", "MAINICHI", 100, {"ekonomi", "yen"});
  std::int64_t b = Add("B", "KYODO", 300, {"ekonomi"});
  std::int64_t c = Add("C", "MAINICHI", 200, {});
  ListingStore& listings = store_->listings();

  auto all = listings.NewestArticles({}, 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, b);
  EXPECT_EQ((*all)[1].id, c);
  EXPECT_EQ((*all)[2].body_html, "<p>A</p>");
  EXPECT_EQ((*all)[2].tags, (std::vector<std::string>{"ekonomi", "yen"}));

  auto mainichi = listings.NewestArticles({"MAINICHI", ""}, 10);
  ASSERT_TRUE(mainichi.ok());
  ASSERT_EQ(mainichi->size(), 2u);
  EXPECT_EQ((*mainichi)[0].id, c);
  auto ekonomi = listings.NewestArticles({"", "ekonomi"}, 1);
  ASSERT_TRUE(ekonomi.ok());
  ASSERT_EQ(ekonomi->size(), 1u);
  EXPECT_EQ((*ekonomi)[0].id, b);

  EXPECT_FALSE(listings.NewestArticles({}, 0).ok());
  EXPECT_FALSE(listings.NewestArticles({}, kMaxFeedItems + 1).ok());
  EXPECT_FALSE(listings.NewestArticles({"MAINICHI", "yen"}, 5).ok());

  auto sources = listings.SourceNames(10);
  ASSERT_TRUE(sources.ok());
  EXPECT_EQ(*sources, (std::vector<NameCount>{{"MAINICHI", 2}, {"KYODO", 1}}));
  auto tags = listings.TagNames(10);
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (std::vector<NameCount>{{"ekonomi", 2}, {"yen", 1}}));
  (void)a;
}

TEST_F(ListingStoreTest, SitemapRowsPageByIdAndNewsWindow) {
  for (int i = 0; i < 5; ++i) Add("T" + std::to_string(i), "", 1000 + i, {});
  auto page = store_->listings().SitemapRows(2, 2);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].title, "T2");
  EXPECT_EQ((*page)[1].title, "T3");
  EXPECT_FALSE(store_->listings().SitemapRows(-1, 2).ok());
  EXPECT_FALSE(store_->listings().SitemapRows(0, kMaxSitemapRows + 1).ok());

  auto news = store_->listings().PublishedBetween(1002, 1003, 10);
  ASSERT_TRUE(news.ok());
  ASSERT_EQ(news->size(), 2u);
  EXPECT_EQ((*news)[0].title, "T3");  // newest first
  auto last = store_->listings().LastUpdated();
  ASSERT_TRUE(last.ok());
  EXPECT_GT(*last, 0);
}

}  // namespace
}  // namespace warta::storage::sqlite
