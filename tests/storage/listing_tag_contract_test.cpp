// Contract: the listing store (storage/listing_store.h) and the tag store
// (storage/tag_store.h), on both backends.
#include <cstdint>
#include <string>
#include <vector>

#include "model/article_status.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/listing_store.h"
#include "storage/tag_store.h"

namespace warta::storage::contract {
namespace {

template <typename Backend>
class ReaderListsContract : public StoreContract<Backend> {
 protected:
  std::int64_t Add(const std::string& title, const std::string& source, std::int64_t at,
                   std::vector<std::string> tags,
                   model::ArticleStatus status = model::ArticleStatus::kPublished) {
    model::NewArticle a;
    a.title = title;
    a.source = source;
    a.published_at = at;
    a.lang = "id";
    a.body_html = "<p>" + title + " isi.</p>";
    a.slug = "s-" + std::to_string(at);
    a.tags = std::move(tags);
    a.status = status;
    auto id = this->store().articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(ReaderListsContract, Backends, BackendNames);

TYPED_TEST(ReaderListsContract, FeedsListNewestPublicArticlesWithTagsByFilter) {
  const std::int64_t a = this->Add("Satu", "KOMPAS", 1'000, {"politik", "nasional"});
  const std::int64_t b = this->Add("Dua", "DETIK", 2'000, {"nasional"});
  this->Add("Tahan", "KOMPAS", 3'000, {"nasional"}, model::ArticleStatus::kHeld);

  auto all = this->store().listings().NewestArticles({}, 10);
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, b);
  EXPECT_EQ((*all)[1].id, a);
  EXPECT_EQ((*all)[1].tags, (std::vector<std::string>{"politik", "nasional"}));
  EXPECT_EQ((*all)[1].body_html, "<p>Satu isi.</p>");

  auto by_source = this->store().listings().NewestArticles({"KOMPAS", ""}, 10);
  ASSERT_TRUE(by_source.ok());
  ASSERT_EQ(by_source->size(), 1u);
  EXPECT_EQ((*by_source)[0].id, a);
  auto by_tag = this->store().listings().NewestArticles({"", "nasional"}, 1);
  ASSERT_TRUE(by_tag.ok());
  ASSERT_EQ(by_tag->size(), 1u);
  EXPECT_EQ((*by_tag)[0].id, b);

  EXPECT_TRUE(this->store()
                  .listings()
                  .NewestArticles({"KOMPAS", "x"}, 10)
                  .error()
                  .is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      this->store().listings().NewestArticles({}, 0).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(this->store()
                  .listings()
                  .NewestArticles({}, kMaxFeedItems + 1)
                  .error()
                  .is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(ReaderListsContract, NamesAreCountedMostFirstThenByteOrder) {
  this->Add("A", "Zeta", 1'000, {"b", "a"});
  this->Add("B", "Zeta", 2'000, {"a"});
  this->Add("C", "Alpha", 3'000, {"B"});
  this->Add("D", "beta", 4'000, {});
  auto sources = this->store().listings().SourceNames(10);
  ASSERT_TRUE(sources.ok()) << sources.error().message;
  EXPECT_EQ(*sources, (std::vector<NameCount>{{"Zeta", 2}, {"Alpha", 1}, {"beta", 1}}));
  auto tags = this->store().listings().TagNames(10);
  ASSERT_TRUE(tags.ok());
  // Byte order: upper case before lower case.
  EXPECT_EQ(*tags, (std::vector<NameCount>{{"a", 2}, {"B", 1}, {"b", 1}}));
  auto listed = this->store().tags().ListTags(2);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].tag, "a");
  EXPECT_EQ((*listed)[0].articles, 2);
  EXPECT_EQ((*listed)[1].tag, "B");
}

TYPED_TEST(ReaderListsContract, SitemapsPageByIdAndWindowByTime) {
  const std::int64_t a = this->Add("A", "S", 1'000, {});
  const std::int64_t b = this->Add("B", "S", 2'000, {});
  const std::int64_t c = this->Add("C", "S", 3'000, {});
  this->Add("H", "S", 2'500, {}, model::ArticleStatus::kHeld);
  auto first = this->store().listings().SitemapRows(0, 2);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].id, a);
  EXPECT_EQ((*first)[1].id, b);
  EXPECT_FALSE((*first)[0].canonical_elsewhere);
  auto rest = this->store().listings().SitemapRows(2, 2);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].id, c);
  auto window = this->store().listings().PublishedBetween(1'500, 3'000, 10);
  ASSERT_TRUE(window.ok());
  ASSERT_EQ(window->size(), 2u);
  EXPECT_EQ((*window)[0].id, c);
  EXPECT_EQ((*window)[1].id, b);
  auto last = this->store().listings().LastUpdated();
  ASSERT_TRUE(last.ok());
  EXPECT_GT(*last, 0);
  EXPECT_TRUE(this->store().listings().SitemapRows(-1, 2).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(ReaderListsContract, TagPagesListCountAndGroupTags) {
  const std::int64_t a = this->Add("A", "S", 1'000, {"ekonomi", "pasar"});
  const std::int64_t b = this->Add("B", "S", 2'000, {"pasar"});
  const std::int64_t c = this->Add("C", "S", 3'000, {"olahraga"});
  this->Add("H", "S", 4'000, {"pasar"}, model::ArticleStatus::kHeld);
  auto listed = this->store().tags().ListByTags({"pasar", "ekonomi"}, 10, 0);
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, b);
  EXPECT_EQ((*listed)[1].id, a);
  EXPECT_EQ(*this->store().tags().CountByTags({"pasar", "ekonomi"}, 1000), 2);
  EXPECT_EQ(*this->store().tags().CountByTags({"pasar", "ekonomi"}, 1), 1);  // stops at the cap
  EXPECT_EQ(*this->store().tags().CountByTags({"tidak-ada"}, 1000), 0);
  EXPECT_TRUE(this->store().tags().CountByTags({}, 1000).error().is(ErrorCode::kInvalidArgument));

  auto of = this->store().tags().TagsOf({c, a, 9'999});
  ASSERT_TRUE(of.ok());
  ASSERT_EQ(of->size(), 2u);
  EXPECT_EQ((*of)[0].first, a);
  EXPECT_EQ((*of)[0].second, (std::vector<std::string>{"ekonomi", "pasar"}));
  EXPECT_EQ((*of)[1].first, c);
}

TYPED_TEST(ReaderListsContract, RelatedPutsTheStoryFirstThenSharedTagsThenTitles) {
  const std::int64_t subject =
      this->Add("Harga beras naik tajam", "S", 100'000, {"ekonomi", "pangan"});
  const std::int64_t same_story = this->Add("Lain", "T", 101'000, {});
  const std::int64_t two_tags = this->Add("Pasar", "S", 99'000, {"ekonomi", "pangan"});
  const std::int64_t one_tag = this->Add("Saham", "S", 99'500, {"ekonomi"});
  const std::int64_t title = this->Add("Harga beras turun", "S", 98'000, {});
  this->Add("Jauh", "S", 100'000 + 30 * 86'400, {"ekonomi"});  // outside the window
  ASSERT_TRUE(this->store().articles().JoinStory(same_story, subject).ok());

  auto related = this->store().tags().Related(subject, 10, 7 * 86'400);
  ASSERT_TRUE(related.ok()) << related.error().message;
  std::vector<std::int64_t> ids;
  for (const auto& r : *related) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{same_story, two_tags, one_tag, title}));
  EXPECT_EQ((*related)[0].reason, RelatedReason::kStory);
  EXPECT_EQ((*related)[1].reason, RelatedReason::kTags);
  EXPECT_EQ((*related)[3].reason, RelatedReason::kTitle);
  EXPECT_TRUE(this->store().tags().Related(subject + 100, 5, 1).error().is(ErrorCode::kNotFound));
  EXPECT_TRUE(this->store().tags().Related(subject, 21, 1).error().is(ErrorCode::kInvalidArgument));
}

}  // namespace
}  // namespace warta::storage::contract
