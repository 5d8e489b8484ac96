// Contract: the editorial store (storage/editorial_store.h), on both backends: create,
// conditional saves, status changes, revisions, corrections, the admin list, the publisher's
// queries, the newsroom's public lists and wire provenance. Checked through the store
// interfaces only, so the same test reads both databases.
#include <cstdint>
#include <string>
#include <vector>

#include "model/media.h"
#include "storage/article_store.h"
#include "storage/audit_store.h"
#include "storage/author_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/editorial_store.h"
#include "storage/media_store.h"
#include "storage/search_store.h"
#include "storage/section_store.h"
#include "storage/source_store.h"

namespace warta::storage::contract {
namespace {

using model::ArticleStatus;

constexpr std::int64_t kNow = 1'735'689'600;  // 2025-01-01

model::ArticleContent Content(const std::string& title, const std::string& body = "Isi *tebal*") {
  model::ArticleContent c;
  c.title = title;
  c.dek = "Ringkasan";
  c.lang = "id";
  c.body_format = model::BodyFormat::kMarkdown;
  c.body_markdown = body;
  c.body_html = "<p>" + body + "</p>";
  c.slug = "judul";
  c.tags = {"gempa", "tokyo"};
  c.section = model::NamedRef{"nasional", "Nasional"};
  c.authors = {{"budi-santoso", "Budi Santoso"}, {"sari", "Sari"}};
  return c;
}

NewRevision Revision(std::int64_t number, const model::ArticleContent& content,
                     model::RevisionKind kind = model::RevisionKind::kSave) {
  NewRevision r;
  r.number = number;
  r.kind = kind;
  r.created_at = kNow + number;
  r.content = content;
  // Bytes of every value, so the blob column round-trips binary data.
  r.body = model::RevisionBody{std::string("\0\xff bytes-", 9) + std::to_string(number), 42,
                               number == 1};
  return r;
}

model::AuditEntry Audit(const std::string& action) {
  model::AuditEntry entry;
  entry.created_at = kNow;
  entry.action = action;
  entry.target_type = "article";
  entry.summary = action;
  return entry;
}

template <typename Backend>
class EditorialContract : public StoreContract<Backend> {
 protected:
  EditorialStore& editorial() { return this->store().editorial(); }

  std::int64_t Create(const std::string& title, ArticleStatus status = ArticleStatus::kDraft,
                      std::int64_t created_by = 7) {
    NewEditorialArticle a;
    a.content = Content(title);
    a.status = status;
    a.created_at = kNow;
    a.created_by = created_by;
    a.published_at = kNow;
    a.publish_at = status == ArticleStatus::kScheduled ? kNow + 60 : 0;
    a.first = Revision(1, a.content, model::RevisionKind::kCreate);
    a.audit = {Audit("article.create")};
    auto id = editorial().Create(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  ArticleSave ContentSave(std::int64_t id, std::int64_t expected, const std::string& title) {
    ArticleSave save;
    save.id = id;
    save.expected_revision = expected;
    save.content = Content(title, "Isi baru");
    save.revision = Revision(expected + 1, *save.content);
    save.now = kNow + 100;
    save.audit = {Audit("article.save")};
    return save;
  }

  std::size_t AuditCount(const std::string& action) {
    AuditQuery query;
    query.limit = 1000;
    auto entries = this->store().audit().List(query);
    EXPECT_TRUE(entries.ok());
    std::size_t n = 0;
    if (!entries.ok()) return n;
    for (const auto& e : *entries) n += e.action == action ? 1 : 0;
    return n;
  }

  std::int64_t SearchHits(const std::string& word) {
    SearchRequest request;
    request.terms = {word};
    request.now_unix = kNow;
    auto results = this->store().search().Search(request);
    EXPECT_TRUE(results.ok()) << results.error().message;
    return results.ok() ? results->total : -1;
  }
};
TYPED_TEST_SUITE(EditorialContract, Backends, BackendNames);

TYPED_TEST(EditorialContract, CreateWritesEverythingInOneGo) {
  std::int64_t id = this->Create("Gempa di Tokyo");
  auto found = this->editorial().Find(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->status, ArticleStatus::kDraft);
  EXPECT_EQ(found->revision, 1);
  EXPECT_EQ(found->revisions, 1);
  EXPECT_EQ(found->created_by, 7);
  EXPECT_EQ(found->published_at, 0);
  EXPECT_EQ(found->content.title, "Gempa di Tokyo");
  EXPECT_EQ(found->content.body_format, model::BodyFormat::kMarkdown);
  EXPECT_EQ(found->content.body_markdown, "Isi *tebal*");
  EXPECT_EQ(found->content.tags, (std::vector<std::string>{"gempa", "tokyo"}));
  ASSERT_TRUE(found->content.section.has_value());
  EXPECT_EQ(found->content.section->name, "Nasional");
  ASSERT_EQ(found->content.authors.size(), 2u);
  EXPECT_EQ(found->content.authors[0].name, "Budi Santoso");
  EXPECT_EQ(found->author_ids.size(), 2u);
  EXPECT_EQ(this->AuditCount("article.create"), 1u);
  // A draft is nowhere public.
  EXPECT_EQ(*this->store().articles().Count(), 0);
  EXPECT_EQ(this->SearchHits("tokyo"), 0);
  // A second article naming the same section and authors reuses them.
  this->Create("Lagi");
  EXPECT_EQ(this->store().sections().List()->size(), 1u);
  EXPECT_EQ(this->store().authors().List(0, 100)->size(), 2u);
  EXPECT_TRUE(this->editorial().Find(id + 99).error().is(ErrorCode::kNotFound));
}

TYPED_TEST(EditorialContract, StaleSaveIsAConflictAndWritesNothing) {
  std::int64_t id = this->Create("Asli");
  auto first = this->editorial().Save(this->ContentSave(id, 1, "Editor A"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->conflict, SaveConflict::kNone);
  EXPECT_EQ(first->revision, 2);
  // Editor B started from revision 1 too.
  ArticleSave stale = this->ContentSave(id, 1, "Editor B");
  stale.content->section = model::NamedRef{"baru", "Baru"};
  auto second = this->editorial().Save(stale);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->conflict, SaveConflict::kRevision);
  EXPECT_EQ(second->revision, 2);
  auto found = this->editorial().Find(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->content.title, "Editor A");
  EXPECT_EQ(found->revisions, 2);
  EXPECT_EQ(found->updated_at, kNow + 100);
  EXPECT_FALSE(this->store().sections().FindBySlug("baru")->has_value());
  EXPECT_EQ(this->AuditCount("article.save"), 1u);
  // Shapes the store refuses, before anything is read.
  ArticleSave skipped = this->ContentSave(id, 2, "Lompat");
  skipped.revision->number = 4;
  EXPECT_TRUE(this->editorial().Save(skipped).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(
      this->editorial().Save(this->ContentSave(id + 99, 1, "X")).error().is(ErrorCode::kNotFound));
}

TYPED_TEST(EditorialContract, TwoNodesSavingTheSameRevisionOneWins) {
  std::int64_t id = this->Create("Balapan");
  auto second = this->OpenSecond();
  ASSERT_NE(second, nullptr);
  auto a = this->editorial().Save(this->ContentSave(id, 1, "Node A"));
  auto b = second->editorial().Save(this->ContentSave(id, 1, "Node B"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->conflict, SaveConflict::kNone);
  EXPECT_EQ(b->conflict, SaveConflict::kRevision);
  EXPECT_EQ(second->editorial().Find(id)->content.title, "Node A");
}

TYPED_TEST(EditorialContract, StatusChangesAreConditionalAndMoveTheSearchIndex) {
  std::int64_t id = this->Create("Banjir di Osaka");
  ArticleSave publish;
  publish.id = id;
  publish.status = StatusChange{{ArticleStatus::kDraft}, ArticleStatus::kPublished, 0, kNow, {}};
  publish.now = kNow;
  auto published = this->editorial().Save(publish);
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(published->conflict, SaveConflict::kNone);
  EXPECT_EQ(this->SearchHits("osaka"), 1);
  EXPECT_EQ(this->store().articles().FindById(id)->published_at, kNow);
  // The same change again starts from the wrong status.
  auto again = this->editorial().Save(publish);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->conflict, SaveConflict::kStatus);
  EXPECT_EQ(again->status, ArticleStatus::kPublished);
  ArticleSave withdraw;
  withdraw.id = id;
  withdraw.status =
      StatusChange{{ArticleStatus::kPublished}, ArticleStatus::kUnpublished, 0, {}, {}};
  ASSERT_EQ(this->editorial().Save(withdraw)->conflict, SaveConflict::kNone);
  EXPECT_EQ(this->SearchHits("osaka"), 0);
  EXPECT_EQ(this->store().articles().FindById(id)->status, ArticleStatus::kUnpublished);
}

TYPED_TEST(EditorialContract, ArticlesFromBeforeRevisionsNeedABaseline) {
  model::NewArticle legacy;
  legacy.title = "Lama";
  legacy.body_html = "<p>Teks lama</p>";
  auto id = this->store().articles().Insert(legacy);
  ASSERT_TRUE(id.ok());
  auto found = this->editorial().Find(*id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->revision, 1);
  EXPECT_EQ(found->revisions, 0);
  EXPECT_EQ(found->content.body_format, model::BodyFormat::kHtml);
  ArticleSave save = this->ContentSave(*id, 1, "Baru");
  EXPECT_EQ(this->editorial().Save(save).error().code, ErrorCode::kInvalidArgument);
  save.baseline = Revision(1, found->content, model::RevisionKind::kCreate);
  auto saved = this->editorial().Save(save);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->revision, 2);
  EXPECT_EQ(this->editorial().ListRevisions(*id, 0, 100)->size(), 2u);
  // The edit reached search: the new title is found, the old one no longer.
  EXPECT_EQ(this->SearchHits("baru"), 1);
  EXPECT_EQ(this->SearchHits("lama"), 0);
}

TYPED_TEST(EditorialContract, UnknownLeadMediaWritesNothing) {
  NewEditorialArticle a;
  a.content = Content("Foto");
  a.content.section = model::NamedRef{"foto", "Foto"};
  a.content.lead_media_id = 99;
  a.created_at = kNow;
  a.first = Revision(1, a.content, model::RevisionKind::kCreate);
  auto refused = this->editorial().Create(a);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(this->editorial().List(AdminListQuery{})->rows.empty());
  EXPECT_TRUE(this->store().sections().List()->empty());
  // Once the picture exists, the same article is stored.
  model::NewMedia m;
  m.sha256 = std::string(64, 'a');
  m.width = 640;
  m.height = 480;
  m.bytes = 1000;
  m.variants = {{640, 480, model::ImageFormat::kJpeg, 1000}};
  auto media = this->store().media().Insert(m);
  ASSERT_TRUE(media.ok()) << media.error().message;
  a.content.lead_media_id = *media;
  auto stored = this->editorial().Create(a);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(this->editorial().Find(*stored)->content.lead_media_id, *media);
}

TYPED_TEST(EditorialContract, CorrectionsLinkTheRevisions) {
  std::int64_t id = this->Create("Salah ketik", ArticleStatus::kPublished);
  ArticleSave fix = this->ContentSave(id, 1, "Salah ketik diperbaiki");
  fix.revision->kind = model::RevisionKind::kCorrection;
  fix.correction = NewCorrection{"Nama kota diperbaiki.", kNow + 100, 3};
  ASSERT_EQ(this->editorial().Save(fix)->conflict, SaveConflict::kNone);
  auto corrections = this->editorial().Corrections(id);
  ASSERT_TRUE(corrections.ok());
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_EQ(corrections->front().revision_before, 1);
  EXPECT_EQ(corrections->front().revision_after, 2);
  EXPECT_EQ(corrections->front().note, "Nama kota diperbaiki.");
  auto recent = this->editorial().RecentCorrections(0, 10);
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ(recent->front().article_title, "Salah ketik diperbaiki");
  EXPECT_TRUE(this->editorial().RecentCorrections(recent->front().id, 10)->empty());
}

TYPED_TEST(EditorialContract, RevisionChainStartsAtTheLastKeyframe) {
  std::int64_t id = this->Create("Rev");
  for (std::int64_t n = 1; n < 20; ++n) {
    ArticleSave save = this->ContentSave(id, n, "Rev " + std::to_string(n + 1));
    save.revision->body.keyframe = (n + 1) % 16 == 1;
    ASSERT_EQ(this->editorial().Save(save)->conflict, SaveConflict::kNone);
  }
  auto chain = this->editorial().RevisionChain(id, 20);
  ASSERT_TRUE(chain.ok()) << chain.error().message;
  ASSERT_EQ(chain->size(), 4u);  // 17 (a keyframe) .. 20
  EXPECT_EQ(chain->front().meta.number, 17);
  EXPECT_TRUE(chain->front().body.keyframe);
  EXPECT_EQ(chain->back().body.bytes, std::string("\0\xff bytes-20", 11));
  EXPECT_EQ(chain->back().meta.stored_bytes, 11);
  EXPECT_EQ(chain->back().content.tags, (std::vector<std::string>{"gempa", "tokyo"}));
  ASSERT_EQ(chain->back().content.authors.size(), 2u);
  EXPECT_EQ(chain->back().content.authors[1].name, "Sari");
  EXPECT_EQ(chain->back().content.section->slug, "nasional");
  EXPECT_EQ(this->editorial().RevisionChain(id, 16)->size(), 16u);
  EXPECT_EQ(this->editorial().RevisionChain(id, 21).error().code, ErrorCode::kNotFound);
  auto listed = this->editorial().ListRevisions(id, 0, 5);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 5u);
  EXPECT_EQ(listed->front().number, 20);
  EXPECT_EQ(this->editorial().ListRevisions(id, 3, 10)->size(), 2u);
  EXPECT_TRUE(this->editorial().ListRevisions(id, 0, 0).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(EditorialContract, AdminListFiltersAndPages) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    ids.push_back(
        this->Create("Berita nomor " + std::to_string(i), ArticleStatus::kDraft, i % 2 + 1));
  }
  const std::int64_t last = this->Create("Gempa susulan Jepang", ArticleStatus::kPublished, 1);
  AdminListQuery query;
  query.limit = 3;
  std::vector<std::int64_t> seen;
  for (int page = 0; page < 5; ++page) {
    auto listed = this->editorial().List(query);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    for (const AdminListRow& row : listed->rows) seen.push_back(row.id);
    if (!listed->next) break;
    query.after = listed->next;
  }
  ASSERT_EQ(seen.size(), 8u);
  EXPECT_EQ(seen.front(), last);  // same updated_at: newest id first
  EXPECT_EQ(seen.back(), ids.front());
  AdminListQuery drafts;
  drafts.status = ArticleStatus::kDraft;
  drafts.created_by = 2;
  EXPECT_EQ(this->editorial().List(drafts)->rows.size(), 3u);
  AdminListQuery titled;
  titled.title = "SUSULAN jep";
  auto found = this->editorial().List(titled);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->rows.size(), 1u);
  EXPECT_EQ(found->rows.front().title, "Gempa susulan Jepang");
  EXPECT_EQ(found->rows.front().section_name, "Nasional");
  titled.title = "r 3";  // short words too
  EXPECT_EQ(this->editorial().List(titled)->rows.size(), 1u);
  titled.title = "100%";  // LIKE's wildcards are plain characters
  EXPECT_TRUE(this->editorial().List(titled)->rows.empty());
  // A title search pages by id, newest first (the trigram index's order: bench/admin.sh), with
  // long words (the index) and short ones (LIKE) alike.
  for (const char* words : {"NOMOR", "nomor be", "r"}) {
    AdminListQuery search;
    search.title = words;
    search.limit = 3;
    std::vector<std::int64_t> found_ids;
    for (int page = 0; page < 5; ++page) {
      auto listed = this->editorial().List(search);
      ASSERT_TRUE(listed.ok()) << listed.error().message;
      for (const AdminListRow& row : listed->rows) found_ids.push_back(row.id);
      if (!listed->next) break;
      search.after = listed->next;
    }
    std::vector<std::int64_t> want(ids.rbegin(), ids.rend());
    EXPECT_EQ(found_ids, want) << words;
  }
  AdminListQuery by_author;
  by_author.author_id = this->store().authors().FindBySlug("budi-santoso")->value().id;
  EXPECT_EQ(this->editorial().List(by_author)->rows.size(), 8u);
  AdminListQuery by_section;
  by_section.section_id = this->store().sections().FindBySlug("nasional")->value().id;
  by_section.status = ArticleStatus::kPublished;
  EXPECT_EQ(this->editorial().List(by_section)->rows.size(), 1u);
  AdminListQuery too_many;
  too_many.limit = 201;
  EXPECT_TRUE(this->editorial().List(too_many).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(EditorialContract, PublisherQueriesAreConditional) {
  std::int64_t scheduled = this->Create("Terjadwal", ArticleStatus::kScheduled);
  EXPECT_EQ(*this->editorial().NextDue(), kNow + 60);
  EXPECT_TRUE(this->editorial().ListDue(kNow + 59, 10)->empty());
  auto due = this->editorial().ListDue(kNow + 60, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_TRUE(due->front().publish);
  EXPECT_EQ(due->front().due_at, kNow + 60);
  EXPECT_FALSE(*this->editorial().PublishDue(scheduled, kNow + 59, Audit("article.publish")));
  // Two nodes run the publisher at once: exactly one publishes.
  auto second = this->OpenSecond();
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(*this->editorial().PublishDue(scheduled, kNow + 65, Audit("article.publish")));
  EXPECT_FALSE(*second->editorial().PublishDue(scheduled, kNow + 66, Audit("article.publish")));
  auto article = this->store().articles().FindById(scheduled);
  EXPECT_EQ(article->status, ArticleStatus::kPublished);
  EXPECT_EQ(article->published_at, kNow + 60);  // its time, not the late run's
  EXPECT_FALSE(this->editorial().NextDue()->has_value());
  EXPECT_EQ(this->SearchHits("terjadwal"), 1);
  // Withdrawal at a time.
  ArticleSave embargo;
  embargo.id = scheduled;
  embargo.status =
      StatusChange{{ArticleStatus::kPublished}, ArticleStatus::kPublished, 0, {}, kNow + 500};
  ASSERT_EQ(this->editorial().Save(embargo)->conflict, SaveConflict::kNone);
  EXPECT_EQ(*this->editorial().NextDue(), kNow + 500);
  due = this->editorial().ListDue(kNow + 600, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_FALSE(due->front().publish);
  EXPECT_TRUE(*this->editorial().UnpublishDue(scheduled, kNow + 600, Audit("article.unpublish")));
  EXPECT_EQ(this->store().articles().FindById(scheduled)->status, ArticleStatus::kUnpublished);
  EXPECT_EQ(this->AuditCount("article.publish") + this->AuditCount("article.unpublish"), 2u);
  EXPECT_EQ(this->SearchHits("terjadwal"), 0);
}

TYPED_TEST(EditorialContract, PublicListsShowPublishedOnly) {
  std::int64_t shown = this->Create("Tampil", ArticleStatus::kPublished);
  std::int64_t hidden = this->Create("Draf");
  for (std::int64_t id : {shown, hidden}) {
    ArticleSave feature;
    feature.id = id;
    feature.featured_at = kNow;
    ASSERT_EQ(this->editorial().Save(feature)->conflict, SaveConflict::kNone);
  }
  auto featured = this->editorial().ListFeatured(10);
  ASSERT_TRUE(featured.ok()) << featured.error().message;
  ASSERT_EQ(featured->size(), 1u);
  EXPECT_EQ(featured->front().id, shown);
  EXPECT_FALSE(featured->front().excerpt.empty());
  auto section = this->store().sections().FindBySlug("nasional");
  ASSERT_TRUE(section.ok() && section->has_value());
  EXPECT_EQ(this->editorial().ListBySection((*section)->id, 10, 0)->size(), 1u);
  EXPECT_EQ(*this->editorial().CountBySection((*section)->id, 1000), 1);
  const std::int64_t author = this->store().authors().FindBySlug("sari")->value().id;
  EXPECT_EQ(this->editorial().ListByAuthor(author, 10, 0)->size(), 1u);
  EXPECT_EQ(*this->editorial().CountByAuthor(author, 1000), 1);
  EXPECT_TRUE(this->editorial().ListByAuthor(author, 10, 1)->empty());
}

TYPED_TEST(EditorialContract, IngestedArticlesKeepTheirWireOriginal) {
  model::NewSource source;
  source.url = "https://example.com/feed.xml";
  auto source_id = this->store().sources().Add(source);
  ASSERT_TRUE(source_id.ok());
  model::NewArticle item;
  item.title = "Asli dari kawat";
  item.body_html = "<p>Teks kawat</p>";
  item.source_id = *source_id;
  item.guid = "g-1";
  item.content_hash = "abc";
  item.status = ArticleStatus::kHeld;
  auto id = this->store().articles().Insert(item);
  ASSERT_TRUE(id.ok());
  auto wire = this->editorial().Wire(*id);
  ASSERT_TRUE(wire.ok() && wire->has_value());
  EXPECT_EQ((*wire)->original_title, "Asli dari kawat");
  EXPECT_EQ((*wire)->original_body_html, "<p>Teks kawat</p>");
  EXPECT_EQ((*wire)->guid, "g-1");
  EXPECT_EQ(this->editorial().Find(*id)->status, ArticleStatus::kHeld);
  EXPECT_FALSE(this->editorial().Wire(this->Create("Lokal"))->has_value());
  EXPECT_EQ(this->SearchHits("kawat"), 0);  // held: not public
}

}  // namespace
}  // namespace warta::storage::contract
