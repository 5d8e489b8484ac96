// Contract: feed sources (storage/source_store.h) and the article store's ingest keys that
// need a source, on both backends.
#include <cstdint>
#include <string>

#include "model/article_status.h"
#include "model/source.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/source_store.h"

namespace warta::storage::contract {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;

template <typename Backend>
class SourceContract : public StoreContract<Backend> {
 protected:
  std::int64_t NewSource(const std::string& url) {
    model::NewSource s;
    s.url = url;
    s.name = "Kompas";
    s.lang = "id";
    s.refresh_minutes = 15;
    auto id = this->store().sources().Add(s);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(SourceContract, Backends, BackendNames);

TYPED_TEST(SourceContract, AddedSourcesAreDueAtOnceAndUniqueByUrl) {
  SourceStore& sources = this->store().sources();
  const std::int64_t id = this->NewSource("https://kompas.example/rss");
  model::NewSource again;
  again.url = "https://kompas.example/rss";
  EXPECT_TRUE(sources.Add(again).error().is(ErrorCode::kAlreadyExists));
  model::NewSource bad;
  bad.url = "ftp://x";
  EXPECT_TRUE(sources.Add(bad).error().is(ErrorCode::kInvalidArgument));

  auto found = sources.FindById(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->url, "https://kompas.example/rss");
  EXPECT_EQ(found->name, "Kompas");
  EXPECT_EQ(found->refresh_minutes, 15);
  EXPECT_TRUE(found->enabled);
  EXPECT_EQ(found->next_fetch_at, 0);
  EXPECT_TRUE(sources.FindById(id + 5).error().is(ErrorCode::kNotFound));
  EXPECT_TRUE(sources.FindByUrl("https://kompas.example/rss")->has_value());
  EXPECT_FALSE(sources.FindByUrl("https://other.example/")->has_value());

  auto due = sources.ListDue(kNow, 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].id, id);
}

TYPED_TEST(SourceContract, RecordFetchKeepsTheFetchStateAndMovesTheUrl) {
  SourceStore& sources = this->store().sources();
  const std::int64_t id = this->NewSource("https://a.example/feed");
  this->NewSource("https://taken.example/feed");
  model::FetchRecord r;
  r.fetched_at = kNow;
  r.status = 200;
  r.success = true;
  r.next_fetch_at = kNow + 900;
  r.update_validators = true;
  r.etag = "\"abc\"";
  r.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT";
  r.items_added = 4;
  r.new_url = "https://a.example/new";
  ASSERT_TRUE(sources.RecordFetch(id, r).ok());
  auto after = sources.FindById(id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->url, "https://a.example/new");
  EXPECT_EQ(after->last_success_at, kNow);
  EXPECT_EQ(after->etag, "\"abc\"");
  EXPECT_EQ(after->items_total, 4);
  EXPECT_EQ(after->next_fetch_at, kNow + 900);
  EXPECT_TRUE(sources.ListDue(kNow, 10)->size() == 1u);  // only the other one

  model::FetchRecord failed;
  failed.fetched_at = kNow + 900;
  failed.status = 410;
  failed.error = std::string("Gone\x01\xff", 6);
  failed.consecutive_errors = 1;
  failed.disable = true;
  failed.new_url = "https://taken.example/feed";  // taken: ignored
  ASSERT_TRUE(sources.RecordFetch(id, failed).ok());
  after = sources.FindById(id);
  EXPECT_FALSE(after->enabled);
  EXPECT_EQ(after->url, "https://a.example/new");
  EXPECT_EQ(after->last_error, "Gone??");
  EXPECT_EQ(after->last_success_at, kNow);
  EXPECT_EQ(after->etag, "\"abc\"");
  EXPECT_TRUE(sources.RecordFetch(id + 9, failed).error().is(ErrorCode::kNotFound));
}

TYPED_TEST(SourceContract, IngestKeysOfASourceFindTheirArticles) {
  const std::int64_t source = this->NewSource("https://wire.example/feed");
  model::NewArticle a;
  a.title = "Kabar";
  a.published_at = kNow;
  a.body_html = "<p>Isi.</p>";
  a.source_id = source;
  a.guid = "urn:1";
  a.content_hash = "abc123";
  a.status = model::ArticleStatus::kHeld;
  auto id = this->store().articles().Insert(a);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(this->store().articles().Insert(a).error().is(ErrorCode::kAlreadyExists));
  EXPECT_EQ(this->store().articles().FindIdByGuid(source, "urn:1")->value_or(0), *id);
  EXPECT_FALSE(this->store().articles().FindIdByGuid(source + 1, "urn:1")->has_value());
  EXPECT_EQ(this->store().articles().FindIdByContentHash(source, "abc123")->value_or(0), *id);
  auto listed = this->store().articles().ListBySource(source, 10);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].title, "Kabar");
  auto found = this->store().articles().FindById(*id);
  EXPECT_EQ(found->status, model::ArticleStatus::kHeld);
  EXPECT_EQ(found->source_id, source);
  auto all = this->store().sources().List(kNow + 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
}

}  // namespace
}  // namespace warta::storage::contract
