// Contract: the article store (storage/article_store.h), on both backends.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "model/article_status.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/

namespace warta::storage::contract {
namespace {

model::NewArticle Sample(const std::string& title, std::int64_t published_at) {
  model::NewArticle a;
  a.title = title;
  a.source = "KOMPAS";
  a.url = "https://example.com/" + std::to_string(published_at);
  a.published_at = published_at;
  a.lang = "id";
  a.body_html = "<p>Isi berita " + title + " yang cukup panjang untuk kutipan.</p>";
  a.slug = "berita-" + std::to_string(published_at);
  return a;
}

template <typename Backend>
class ArticleContract : public StoreContract<Backend> {
 protected:
  std::int64_t Add(const model::NewArticle& a) {
    auto id = this->store().articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(ArticleContract, Backends, BackendNames);

TYPED_TEST(ArticleContract, InsertThenFindByIdGivesTheArticleBackWithTagsInOrder) {
  model::NewArticle a = Sample("Banjir di Jakarta", 1'700'000'000);
  a.tags = {"nasional", "cuaca", "jakarta"};
  a.initial = model::Counters{12, 3, 0, 4};
  const std::int64_t id = this->Add(a);
  auto found = this->store().articles().FindById(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->title, a.title);
  EXPECT_EQ(found->source, "KOMPAS");
  EXPECT_EQ(found->url, a.url);
  EXPECT_EQ(found->published_at, 1'700'000'000);
  EXPECT_EQ(found->lang, "id");
  EXPECT_EQ(found->body_html, a.body_html);
  EXPECT_EQ(found->slug, a.slug);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->tags, (std::vector<std::string>{"nasional", "cuaca", "jakarta"}));
  EXPECT_EQ(found->counters.views, 12);
  EXPECT_EQ(found->counters.likes, 3);
  EXPECT_EQ(found->counters.comments, 0);
  EXPECT_EQ(found->counters.shares, 4);
  EXPECT_EQ(found->status, model::ArticleStatus::kPublished);
  EXPECT_EQ(found->source_id, 0);
  EXPECT_FALSE(found->canonical_is_original);
  EXPECT_GT(found->created_at, 0);

  EXPECT_TRUE(this->store().articles().FindById(id + 1000).error().is(ErrorCode::kNotFound));
}

TYPED_TEST(ArticleContract, InsertRefusesWhatTheModelRefusesAndWritesNothing) {
  model::NewArticle empty_title = Sample("", 1);
  EXPECT_FALSE(this->store().articles().Insert(empty_title).ok());
  model::NewArticle draft = Sample("Draf", 2);
  draft.status = model::ArticleStatus::kDraft;
  EXPECT_TRUE(this->store().articles().Insert(draft).error().is(ErrorCode::kInvalidArgument));
  auto count = this->store().articles().Count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 0);
}

TYPED_TEST(ArticleContract, ListNewestIsNewestFirstPublicOnlyAndBounded) {
  const std::int64_t older = this->Add(Sample("Lama", 1'000));
  const std::int64_t newer = this->Add(Sample("Baru", 3'000));
  const std::int64_t same_time = this->Add(Sample("Sama", 3'000));  // tie: higher id first
  model::NewArticle held = Sample("Ditahan", 5'000);
  held.status = model::ArticleStatus::kHeld;
  this->Add(held);

  auto list = this->store().articles().ListNewest(10, 0);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].id, same_time);
  EXPECT_EQ((*list)[1].id, newer);
  EXPECT_EQ((*list)[2].id, older);
  EXPECT_NE((*list)[0].excerpt.find("Isi berita Sama"), std::string::npos);
  EXPECT_EQ((*list)[0].excerpt.find('<'), std::string::npos);

  auto page2 = this->store().articles().ListNewest(2, 2);
  ASSERT_TRUE(page2.ok());
  ASSERT_EQ(page2->size(), 1u);
  EXPECT_EQ((*page2)[0].id, older);
  EXPECT_EQ(*this->store().articles().Count(), 3);

  EXPECT_TRUE(this->store().articles().ListNewest(1001, 0).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(this->store().articles().ListNewest(1, -1).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(this->store().articles().ListNewest(0, 0)->empty());
}

TYPED_TEST(ArticleContract, AddViewsAddsDeltasAndSkipsUnknownIds) {
  const std::int64_t a = this->Add(Sample("A", 1'000));
  const std::int64_t b = this->Add(Sample("B", 2'000));
  auto totals = this->store().articles().AddViews({{a, 5}, {b, 1}, {b + 999, 7}}, 19'000);
  ASSERT_TRUE(totals.ok()) << totals.error().message;
  EXPECT_EQ(*totals, (std::vector<std::int64_t>{5, 1, -1}));
  totals = this->store().articles().AddViews({{a, 2}}, 19'001);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(*totals, (std::vector<std::int64_t>{7}));
  EXPECT_EQ(this->store().articles().GetCounters(a)->views, 7);
  EXPECT_EQ(this->store().articles().GetCounters(b)->views, 1);

  EXPECT_TRUE(
      this->store().articles().AddViews({{a, -1}}, 19'000).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      this->store().articles().AddViews({{a, 1}}, -1).error().is(ErrorCode::kInvalidArgument));
  EXPECT_EQ(this->store().articles().GetCounters(a)->views, 7);
  EXPECT_TRUE(this->store().articles().GetCounters(b + 999).error().is(ErrorCode::kNotFound));
}

// What several nodes flushing their view buffers at once must give: every view counted.
TYPED_TEST(ArticleContract, ConcurrentViewFlushesLoseNothing) {
  const std::int64_t a = this->Add(Sample("A", 1'000));
  const std::int64_t b = this->Add(Sample("B", 2'000));
  constexpr int kThreads = 6;
  constexpr int kFlushes = 20;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kFlushes; ++i) {
        // Opposite orders from odd and even threads: overlapping batches must not deadlock.
        auto batch = t % 2 == 0
                         ? std::vector<std::pair<std::int64_t, std::int64_t>>{{a, 1}, {b, 2}}
                         : std::vector<std::pair<std::int64_t, std::int64_t>>{{b, 2}, {a, 1}};
        auto done = this->store().articles().AddViews(batch, 19'000);
        EXPECT_TRUE(done.ok()) << done.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(this->store().articles().GetCounters(a)->views, kThreads * kFlushes);
  EXPECT_EQ(this->store().articles().GetCounters(b)->views, 2 * kThreads * kFlushes);
}

TYPED_TEST(ArticleContract, CanonicalUrlIsAUniqueIngestKey) {
  model::NewArticle a = Sample("Asli", 1'000);
  a.canonical_url = "https://example.com/asli";
  const std::int64_t id = this->Add(a);
  model::NewArticle again = Sample("Lagi", 2'000);
  again.canonical_url = "https://example.com/asli";
  EXPECT_TRUE(this->store().articles().Insert(again).error().is(ErrorCode::kAlreadyExists));
  auto found = this->store().articles().FindIdByCanonicalUrl("https://example.com/asli");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->value_or(0), id);
  EXPECT_FALSE(this->store().articles().FindIdByCanonicalUrl("https://x.test/")->has_value());
  EXPECT_FALSE(this->store().articles().FindIdByCanonicalUrl("")->has_value());
  // Articles without a key do not collide with each other.
  this->Add(Sample("Tanpa kunci 1", 3'000));
  this->Add(Sample("Tanpa kunci 2", 4'000));
}

TYPED_TEST(ArticleContract, SimhashesKeepAll64BitsAndTheWindow) {
  model::NewArticle high = Sample("Tinggi", 1'000);
  high.simhash = 0xF000'0000'0000'0001ULL;
  const std::int64_t high_id = this->Add(high);
  model::NewArticle outside = Sample("Luar", 9'000);
  outside.simhash = 42;
  this->Add(outside);
  this->Add(Sample("Tanpa", 1'500));  // no fingerprint
  auto found = this->store().articles().RecentSimhashes(500, 2'000, 10);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].article_id, high_id);
  EXPECT_EQ((*found)[0].simhash, 0xF000'0000'0000'0001ULL);
  EXPECT_TRUE(
      this->store().articles().RecentSimhashes(0, 1, 0).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(ArticleContract, JoinStoryLinksReportsOfOtherSourcesAndBumpsVersions) {
  model::NewArticle first = Sample("Gempa", 1'000);
  model::NewArticle second = Sample("Gempa juga", 2'000);
  second.source = "DETIK";
  model::NewArticle third = Sample("Gempa lagi", 3'000);
  third.source = "TEMPO";
  const std::int64_t a = this->Add(first);
  const std::int64_t b = this->Add(second);
  const std::int64_t c = this->Add(third);
  auto story = this->store().articles().JoinStory(b, a);
  ASSERT_TRUE(story.ok()) << story.error().message;
  auto story2 = this->store().articles().JoinStory(c, a);
  ASSERT_TRUE(story2.ok());
  EXPECT_EQ(*story, *story2);

  auto found = this->store().articles().FindById(a);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->story_id, *story);
  EXPECT_GT(found->version, 1);
  ASSERT_EQ(found->also_reported_by.size(), 2u);
  EXPECT_EQ(found->also_reported_by[0].article_id, b);  // oldest first
  EXPECT_EQ(found->also_reported_by[0].source, "DETIK");
  EXPECT_EQ(found->also_reported_by[1].article_id, c);
  auto reports = this->store().articles().AlsoReportedBy(c);
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(reports->size(), 2u);
  EXPECT_TRUE(this->store().articles().JoinStory(a, c + 100).error().is(ErrorCode::kNotFound));
}

TYPED_TEST(ArticleContract, UpdateBodyReplacesTheBodyAndBumpsTheVersion) {
  const std::int64_t id = this->Add(Sample("Koreksi", 1'000));
  ASSERT_TRUE(this->store().articles().UpdateBody(id, "<p>Isi baru</p>").ok());
  auto found = this->store().articles().FindById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->body_html, "<p>Isi baru</p>");
  EXPECT_EQ(found->version, 2);
  EXPECT_TRUE(
      this->store().articles().UpdateBody(id, "  ").error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      this->store().articles().UpdateBody(id + 9, "<p>x</p>").error().is(ErrorCode::kNotFound));
}

}  // namespace
}  // namespace warta::storage::contract
