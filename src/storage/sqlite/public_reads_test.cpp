// Public = published only (docs/decisions/0009-newsroom.md): every public read leaves out
// draft, held, scheduled, unpublished and discarded articles, and FindById still answers
// with the status. One test per read; each article that is not public shares everything
// with the public one (tags, source, story, title words, search terms, engagement) so only
// the status can keep it out.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "storage/article_store.h"
#include "storage/listing_store.h"
#include "storage/search_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/tag_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/trending_store.h"

namespace warta::storage::sqlite {
namespace {

using model::ArticleStatus;

constexpr std::int64_t kNow = 1'735'689'600;  // 2025-01-01
constexpr std::int64_t kDay = 86'400;

const ArticleStatus kHidden[] = {ArticleStatus::kDraft, ArticleStatus::kHeld,
                                 ArticleStatus::kScheduled, ArticleStatus::kUnpublished,
                                 ArticleStatus::kDiscarded};

class PublicReadsTest : public test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    public_ = Add("KYODO", kNow - kDay, ArticleStatus::kPublished);
    for (ArticleStatus status : kHidden) hidden_.push_back(Add("MAINICHI", kNow - kDay, status));
    // One story with all of them; engagement for the popular list.
    for (std::int64_t id : hidden_) ASSERT_TRUE(store_->articles().JoinStory(id, public_).ok());
  }

  std::int64_t Add(const std::string& source, std::int64_t published_at, ArticleStatus status) {
    model::NewArticle a;
    a.title = "Gempa besar guncang Tokyo pagi ini";
    a.source = source;
    a.lang = "id";
    a.body_html = "<p>Gempa berkekuatan tinggi mengguncang ibu kota.</p>";
    a.tags = {"gempa", "tokyo"};
    a.published_at = published_at;
    a.initial.views = 100;
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    if (!id.ok()) return 0;
    if (status != ArticleStatus::kPublished) SetStatus(*id, status);
    return *id;
  }

  // Through SQL, as the newsroom's conditional updates do, so the search triggers fire.
  void SetStatus(std::int64_t id, ArticleStatus status) {
    auto connection = store_->pool().Acquire();
    ASSERT_TRUE(connection.ok());
    auto stmt = (*connection)->Prepare("UPDATE articles SET status = ? WHERE id = ?");
    ASSERT_TRUE(stmt.ok());
    stmt->Bind(1, model::ToText(status)).Bind(2, id);
    ASSERT_TRUE(stmt->Run().ok());
  }

  template <typename Row, typename Id>
  void ExpectOnlyPublic(const std::vector<Row>& rows, Id id_of) {
    std::vector<std::int64_t> ids;
    for (const Row& row : rows) ids.push_back(id_of(row));
    EXPECT_EQ(ids, std::vector<std::int64_t>{public_});
  }

  std::int64_t public_ = 0;
  std::vector<std::int64_t> hidden_;
};

auto SummaryId = [](const model::ArticleSummary& s) { return s.id; };

TEST_F(PublicReadsTest, FindByIdAnswersEveryStatus) {
  for (std::size_t i = 0; i < hidden_.size(); ++i) {
    auto found = store_->articles().FindById(hidden_[i]);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->status, kHidden[i]);
  }
  auto published = store_->articles().FindById(public_);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->status, ArticleStatus::kPublished);
  EXPECT_TRUE(published->also_reported_by.empty());  // the others are MAINICHI, not public
}

TEST_F(PublicReadsTest, HomeListingAndCount) {
  auto listed = store_->articles().ListNewest(50, 0);
  ASSERT_TRUE(listed.ok());
  ExpectOnlyPublic(*listed, SummaryId);
  EXPECT_EQ(*store_->articles().Count(), 1);
}

TEST_F(PublicReadsTest, AlsoReportedBy) {
  // A public MAINICHI report joins the story: it is listed, the hidden ones are not.
  std::int64_t other = Add("MAINICHI", kNow - 2 * kDay, ArticleStatus::kPublished);
  ASSERT_TRUE(store_->articles().JoinStory(other, public_).ok());
  auto related = store_->articles().AlsoReportedBy(public_);
  ASSERT_TRUE(related.ok());
  ASSERT_EQ(related->size(), 1u);
  EXPECT_EQ(related->front().article_id, other);
}

TEST_F(PublicReadsTest, FeedsOfTheSiteASourceAndATag) {
  for (const ListingFilter& filter :
       {ListingFilter{}, ListingFilter{"MAINICHI", ""}, ListingFilter{"", "gempa"}}) {
    auto articles = store_->listings().NewestArticles(filter, 50);
    ASSERT_TRUE(articles.ok()) << articles.error().message;
    std::vector<std::int64_t> ids;
    for (const model::Article& a : *articles) ids.push_back(a.id);
    if (filter.source == "MAINICHI") {
      EXPECT_TRUE(ids.empty());
    } else {
      EXPECT_EQ(ids, std::vector<std::int64_t>{public_});
    }
  }
}

TEST_F(PublicReadsTest, SourceAndTagNames) {
  auto sources = store_->listings().SourceNames(100);
  ASSERT_TRUE(sources.ok());
  EXPECT_EQ(*sources, (std::vector<NameCount>{{"KYODO", 1}}));
  auto tags = store_->listings().TagNames(100);
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (std::vector<NameCount>{{"gempa", 1}, {"tokyo", 1}}));
}

TEST_F(PublicReadsTest, SitemapsAndNewsSitemap) {
  auto rows = store_->listings().SitemapRows(0, 100);
  ASSERT_TRUE(rows.ok());
  ExpectOnlyPublic(*rows, [](const SitemapRow& r) { return r.id; });
  auto news = store_->listings().PublishedBetween(kNow - 2 * kDay, kNow, 100);
  ASSERT_TRUE(news.ok());
  ExpectOnlyPublic(*news, [](const SitemapRow& r) { return r.id; });
}

TEST_F(PublicReadsTest, TagListTagPagesAndCounts) {
  auto tags = store_->tags().ListTags(100);
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 2u);
  EXPECT_EQ(tags->front().articles, 1);
  auto listed = store_->tags().ListByTags({"gempa"}, 50, 0);
  ASSERT_TRUE(listed.ok());
  ExpectOnlyPublic(*listed, SummaryId);
  EXPECT_EQ(*store_->tags().CountByTags({"gempa", "tokyo"}, 1000), 1);
}

TEST_F(PublicReadsTest, RelatedListsNoHiddenArticle) {
  // The hidden ones share the story, the tags and the title: every kind of relation.
  std::int64_t second = Add("NHK", kNow - 3 * kDay, ArticleStatus::kPublished);
  auto related = store_->tags().Related(public_, 20, 30 * kDay);
  ASSERT_TRUE(related.ok()) << related.error().message;
  std::vector<std::int64_t> ids;
  for (const RelatedArticle& r : *related) ids.push_back(r.id);
  EXPECT_EQ(ids, std::vector<std::int64_t>{second});
  // Asked about a draft (the editor's preview), it still lists only public ones.
  auto of_draft = store_->tags().Related(hidden_.front(), 20, 30 * kDay);
  ASSERT_TRUE(of_draft.ok());
  for (const RelatedArticle& r : *of_draft) {
    EXPECT_TRUE(r.id == public_ || r.id == second) << r.id;
  }
}

TEST_F(PublicReadsTest, PopularList) {
  PopularQuery query;
  query.limit = 20;
  query.now = kNow;
  auto top = store_->trending().Top(query);
  ASSERT_TRUE(top.ok());
  ExpectOnlyPublic(*top, [](const PopularArticle& a) { return a.id; });
  query.tags = {"tokyo"};
  top = store_->trending().Top(query);
  ASSERT_TRUE(top.ok());
  ExpectOnlyPublic(*top, [](const PopularArticle& a) { return a.id; });
}

TEST_F(PublicReadsTest, SearchIndexHoldsPublishedOnly) {
  auto find = [&] {
    SearchRequest request;
    request.terms = {"gempa"};
    request.now_unix = kNow;
    auto results = store_->search().Search(request);
    EXPECT_TRUE(results.ok());
    std::vector<std::int64_t> ids;
    if (results.ok()) {
      EXPECT_EQ(results->total, static_cast<std::int64_t>(results->hits.size()));
      for (const SearchHit& hit : results->hits) ids.push_back(hit.article.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(find(), std::vector<std::int64_t>{public_});
  // Publishing adds to the index, withdrawing removes, and a rebuild agrees.
  SetStatus(hidden_.front(), ArticleStatus::kPublished);
  EXPECT_EQ(find(), (std::vector<std::int64_t>{public_, hidden_.front()}));
  SetStatus(public_, ArticleStatus::kUnpublished);
  EXPECT_EQ(find(), std::vector<std::int64_t>{hidden_.front()});
  auto rebuilt = store_->search().Rebuild();
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(*rebuilt, 1);
  EXPECT_EQ(find(), std::vector<std::int64_t>{hidden_.front()});
}

TEST_F(PublicReadsTest, DidYouMeanKnowsOnlyPublishedWords) {
  // "Zelandia" is written only in a draft: no suggestion may reveal it.
  model::NewArticle a;
  a.title = "Rahasia Zelandia";
  a.body_html = "<p>Zelandia zelandia</p>";
  a.lang = "id";
  auto id = store_->articles().Insert(a);
  ASSERT_TRUE(id.ok());
  SetStatus(*id, ArticleStatus::kDraft);
  auto suggested = store_->search().Suggest({"zelandie"});
  ASSERT_TRUE(suggested.ok());
  EXPECT_TRUE(suggested->empty());
  // The same article published: the word is suggested (the check above could fail).
  SetStatus(*id, ArticleStatus::kPublished);
  suggested = store_->search().Suggest({"zelandie"});
  ASSERT_TRUE(suggested.ok());
  EXPECT_EQ(*suggested, std::vector<std::string>{"zelandia"});
}

TEST_F(PublicReadsTest, InsertHoldsWireItemsAndRefusesNewsroomStates) {
  model::NewArticle a;
  a.title = "Held";
  a.body_html = "<p>x</p>";
  a.status = ArticleStatus::kHeld;
  auto held = store_->articles().Insert(a);
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(store_->articles().FindById(*held)->status, ArticleStatus::kHeld);
  EXPECT_EQ(*store_->articles().Count(), 1);
  a.status = ArticleStatus::kDraft;
  EXPECT_EQ(store_->articles().Insert(a).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace warta::storage::sqlite
