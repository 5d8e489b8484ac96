// The editorial store on a real SQLite file: create, conditional saves, status changes,
// revisions, corrections, the admin list, the publisher's queries and the newsroom's
// public lists.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/article_store.h"
#include "storage/audit_store.h"
#include "storage/editorial_store.h"
#include "storage/search_store.h"
#include "storage/section_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/testing/migrated_sqlite_store.h"

namespace warta::storage::sqlite {
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
  r.user_id = 0;
  r.content = content;
  r.body = model::RevisionBody{"bytes-" + std::to_string(number), 42, number == 1};
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

class EditorialStoreTest : public test_util::MigratedSqliteStore {
 protected:
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
    auto id = store_->editorial().Create(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::int64_t Count(const std::string& sql) {
    auto connection = store_->pool().Acquire();
    EXPECT_TRUE(connection.ok());
    auto value =
        QueryFirst(**connection, sql, NoParams, [](const Statement& s) { return s.Int64(0); });
    EXPECT_TRUE(value.ok()) << sql;
    return value.ok() ? value->value_or(-1) : -1;
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

  std::int64_t SearchHits(const std::string& word) {
    SearchRequest request;
    request.terms = {word};
    auto results = store_->search().Search(request);
    EXPECT_TRUE(results.ok());
    return results.ok() ? results->total : -1;
  }
};

TEST_F(EditorialStoreTest, CreateWritesEverythingInOneGo) {
  std::int64_t id = Create("Gempa di Tokyo");
  auto found = store_->editorial().Find(id);
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
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'article.create' AND "
                  "target_id = " +
                  std::to_string(id)),
            1);
  // A draft is nowhere public.
  EXPECT_EQ(*store_->articles().Count(), 0);
  EXPECT_EQ(SearchHits("tokyo"), 0);
  // A second article naming the same section and author reuses them.
  Create("Lagi");
  EXPECT_EQ(Count("SELECT count(*) FROM sections"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM authors"), 2);
}

TEST_F(EditorialStoreTest, StaleSaveIsAConflictAndWritesNothing) {
  std::int64_t id = Create("Asli");
  auto first = store_->editorial().Save(ContentSave(id, 1, "Editor A"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->conflict, SaveConflict::kNone);
  EXPECT_EQ(first->revision, 2);
  // Editor B started from revision 1 too.
  ArticleSave stale = ContentSave(id, 1, "Editor B");
  stale.content->section = model::NamedRef{"baru", "Baru"};
  auto second = store_->editorial().Save(stale);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->conflict, SaveConflict::kRevision);
  EXPECT_EQ(second->revision, 2);
  auto found = store_->editorial().Find(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->content.title, "Editor A");
  EXPECT_EQ(found->revisions, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM sections WHERE slug = 'baru'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'article.save'"), 1);
}

TEST_F(EditorialStoreTest, StatusChangesAreConditionalAndMoveTheSearchIndex) {
  std::int64_t id = Create("Banjir di Osaka");
  ArticleSave publish;
  publish.id = id;
  publish.status = StatusChange{{ArticleStatus::kDraft}, ArticleStatus::kPublished, 0, kNow, {}};
  publish.now = kNow;
  auto published = store_->editorial().Save(publish);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->conflict, SaveConflict::kNone);
  EXPECT_EQ(SearchHits("osaka"), 1);
  EXPECT_EQ(store_->articles().FindById(id)->published_at, kNow);
  // The same change again starts from the wrong status.
  auto again = store_->editorial().Save(publish);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->conflict, SaveConflict::kStatus);
  EXPECT_EQ(again->status, ArticleStatus::kPublished);
  ArticleSave withdraw;
  withdraw.id = id;
  withdraw.status =
      StatusChange{{ArticleStatus::kPublished}, ArticleStatus::kUnpublished, 0, {}, {}};
  ASSERT_EQ(store_->editorial().Save(withdraw)->conflict, SaveConflict::kNone);
  EXPECT_EQ(SearchHits("osaka"), 0);
  EXPECT_EQ(store_->articles().FindById(id)->status, ArticleStatus::kUnpublished);
}

TEST_F(EditorialStoreTest, ArticlesFromBeforeRevisionsNeedABaseline) {
  model::NewArticle legacy;
  legacy.title = "Lama";
  legacy.body_html = "<p>Teks lama</p>";
  auto id = store_->articles().Insert(legacy);
  ASSERT_TRUE(id.ok());
  auto found = store_->editorial().Find(*id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->revision, 1);
  EXPECT_EQ(found->revisions, 0);
  EXPECT_EQ(found->content.body_format, model::BodyFormat::kHtml);
  ArticleSave save = ContentSave(*id, 1, "Baru");
  EXPECT_EQ(store_->editorial().Save(save).error().code, ErrorCode::kInvalidArgument);
  save.baseline = Revision(1, found->content, model::RevisionKind::kCreate);
  auto saved = store_->editorial().Save(save);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->revision, 2);
  EXPECT_EQ(
      Count("SELECT count(*) FROM article_revisions WHERE article_id = " + std::to_string(*id)), 2);
}

TEST_F(EditorialStoreTest, UnknownLeadMediaWritesNothing) {
  NewEditorialArticle a;
  a.content = Content("Foto");
  a.content.section = model::NamedRef{"foto", "Foto"};
  a.content.lead_media_id = 99;
  a.created_at = kNow;
  a.first = Revision(1, a.content, model::RevisionKind::kCreate);
  auto refused = store_->editorial().Create(a);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Count("SELECT count(*) FROM articles"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM sections"), 0);
  // Once the picture exists (migration 10's table), the same article is stored.
  auto connection = store_->pool().Acquire();
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE((*connection)
                  ->Exec("INSERT INTO media (id, sha256, format, width, height, bytes, created_at) "
                         "VALUES (99, printf('%064d', 99), 'jpeg', 640, 480, 1000, 1)")
                  .ok());
  auto stored = store_->editorial().Create(a);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(store_->editorial().Find(*stored)->content.lead_media_id, 99);
}

TEST_F(EditorialStoreTest, CorrectionsLinkTheRevisions) {
  std::int64_t id = Create("Salah ketik", ArticleStatus::kPublished);
  ArticleSave fix = ContentSave(id, 1, "Salah ketik diperbaiki");
  fix.revision->kind = model::RevisionKind::kCorrection;
  fix.correction = NewCorrection{"Nama kota diperbaiki.", kNow + 100, 3};
  ASSERT_EQ(store_->editorial().Save(fix)->conflict, SaveConflict::kNone);
  auto corrections = store_->editorial().Corrections(id);
  ASSERT_TRUE(corrections.ok());
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_EQ(corrections->front().revision_before, 1);
  EXPECT_EQ(corrections->front().revision_after, 2);
  EXPECT_EQ(corrections->front().note, "Nama kota diperbaiki.");
  auto recent = store_->editorial().RecentCorrections(0, 10);
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ(recent->front().article_title, "Salah ketik diperbaiki");
}

TEST_F(EditorialStoreTest, RevisionChainStartsAtTheLastKeyframe) {
  std::int64_t id = Create("Rev");
  for (std::int64_t n = 1; n < 20; ++n) {
    ArticleSave save = ContentSave(id, n, "Rev " + std::to_string(n + 1));
    save.revision->body.keyframe = (n + 1) % 16 == 1;
    ASSERT_EQ(store_->editorial().Save(save)->conflict, SaveConflict::kNone);
  }
  auto chain = store_->editorial().RevisionChain(id, 20);
  ASSERT_TRUE(chain.ok()) << chain.error().message;
  ASSERT_EQ(chain->size(), 4u);  // 17 (a keyframe) .. 20
  EXPECT_EQ(chain->front().meta.number, 17);
  EXPECT_TRUE(chain->front().body.keyframe);
  EXPECT_EQ(chain->back().body.bytes, "bytes-20");
  EXPECT_EQ(chain->back().content.tags, (std::vector<std::string>{"gempa", "tokyo"}));
  EXPECT_EQ(chain->back().content.authors.size(), 2u);
  EXPECT_EQ(chain->back().content.section->slug, "nasional");
  EXPECT_EQ(store_->editorial().RevisionChain(id, 16)->size(), 16u);
  EXPECT_EQ(store_->editorial().RevisionChain(id, 21).error().code, ErrorCode::kNotFound);
  auto listed = store_->editorial().ListRevisions(id, 0, 5);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 5u);
  EXPECT_EQ(listed->front().number, 20);
  EXPECT_EQ(store_->editorial().ListRevisions(id, 3, 10)->size(), 2u);
}

TEST_F(EditorialStoreTest, AdminListFiltersAndPages) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    ids.push_back(Create("Berita nomor " + std::to_string(i), ArticleStatus::kDraft, i % 2 + 1));
  }
  Create("Gempa susulan Jepang", ArticleStatus::kPublished, 1);
  AdminListQuery query;
  query.limit = 3;
  std::vector<std::int64_t> seen;
  for (int page = 0; page < 5; ++page) {
    auto listed = store_->editorial().List(query);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    for (const AdminListRow& row : listed->rows) seen.push_back(row.id);
    if (!listed->next) break;
    query.after = listed->next;
  }
  EXPECT_EQ(seen.size(), 8u);
  EXPECT_EQ(seen.front(), 8);  // same updated_at: newest id first
  AdminListQuery drafts;
  drafts.status = ArticleStatus::kDraft;
  drafts.created_by = 2;
  EXPECT_EQ(store_->editorial().List(drafts)->rows.size(), 3u);
  AdminListQuery titled;
  titled.title = "SUSULAN jep";
  auto found = store_->editorial().List(titled);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->rows.size(), 1u);
  EXPECT_EQ(found->rows.front().title, "Gempa susulan Jepang");
  titled.title = "r 3";  // short words: LIKE
  EXPECT_EQ(store_->editorial().List(titled)->rows.size(), 1u);
  AdminListQuery by_author;
  by_author.author_id = 1;
  EXPECT_EQ(store_->editorial().List(by_author)->rows.size(), 8u);
  AdminListQuery by_section;
  by_section.section_id = 1;
  by_section.status = ArticleStatus::kPublished;
  EXPECT_EQ(store_->editorial().List(by_section)->rows.size(), 1u);
}

TEST_F(EditorialStoreTest, PublisherQueriesAreConditional) {
  std::int64_t scheduled = Create("Terjadwal", ArticleStatus::kScheduled);
  EXPECT_EQ(*store_->editorial().NextDue(), kNow + 60);
  EXPECT_TRUE(store_->editorial().ListDue(kNow + 59, 10)->empty());
  auto due = store_->editorial().ListDue(kNow + 60, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_TRUE(due->front().publish);
  EXPECT_FALSE(*store_->editorial().PublishDue(scheduled, kNow + 59, Audit("article.publish")));
  EXPECT_TRUE(*store_->editorial().PublishDue(scheduled, kNow + 65, Audit("article.publish")));
  EXPECT_FALSE(*store_->editorial().PublishDue(scheduled, kNow + 66, Audit("article.publish")));
  auto article = store_->articles().FindById(scheduled);
  EXPECT_EQ(article->status, ArticleStatus::kPublished);
  EXPECT_EQ(article->published_at, kNow + 60);  // its time, not the late run's
  EXPECT_FALSE(store_->editorial().NextDue()->has_value());
  // Withdrawal at a time.
  ArticleSave embargo;
  embargo.id = scheduled;
  embargo.status =
      StatusChange{{ArticleStatus::kPublished}, ArticleStatus::kPublished, 0, {}, kNow + 500};
  ASSERT_EQ(store_->editorial().Save(embargo)->conflict, SaveConflict::kNone);
  EXPECT_EQ(*store_->editorial().NextDue(), kNow + 500);
  due = store_->editorial().ListDue(kNow + 600, 10);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_FALSE(due->front().publish);
  EXPECT_TRUE(*store_->editorial().UnpublishDue(scheduled, kNow + 600, Audit("article.unpublish")));
  EXPECT_EQ(store_->articles().FindById(scheduled)->status, ArticleStatus::kUnpublished);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'article.%publish'"), 2);
}

TEST_F(EditorialStoreTest, PublicListsShowPublishedOnly) {
  std::int64_t shown = Create("Tampil", ArticleStatus::kPublished);
  std::int64_t hidden = Create("Draf");
  for (std::int64_t id : {shown, hidden}) {
    ArticleSave feature;
    feature.id = id;
    feature.featured_at = kNow;
    ASSERT_EQ(store_->editorial().Save(feature)->conflict, SaveConflict::kNone);
  }
  auto featured = store_->editorial().ListFeatured(10);
  ASSERT_EQ(featured->size(), 1u);
  EXPECT_EQ(featured->front().id, shown);
  auto section = store_->sections().FindBySlug("nasional");
  ASSERT_TRUE(section.ok() && section->has_value());
  EXPECT_EQ(store_->editorial().ListBySection((*section)->id, 10, 0)->size(), 1u);
  EXPECT_EQ(*store_->editorial().CountBySection((*section)->id, 1000), 1);
  EXPECT_EQ(store_->editorial().ListByAuthor(1, 10, 0)->size(), 1u);
  EXPECT_EQ(*store_->editorial().CountByAuthor(1, 1000), 1);
}

TEST_F(EditorialStoreTest, IngestedArticlesKeepTheirWireOriginal) {
  model::NewSource source;
  source.url = "https://example.com/feed.xml";
  auto source_id = store_->sources().Add(source);
  ASSERT_TRUE(source_id.ok());
  model::NewArticle item;
  item.title = "Asli dari kawat";
  item.body_html = "<p>Teks kawat</p>";
  item.source_id = *source_id;
  item.guid = "g-1";
  item.content_hash = "abc";
  item.status = ArticleStatus::kHeld;
  auto id = store_->articles().Insert(item);
  ASSERT_TRUE(id.ok());
  auto wire = store_->editorial().Wire(*id);
  ASSERT_TRUE(wire.ok() && wire->has_value());
  EXPECT_EQ((*wire)->original_title, "Asli dari kawat");
  EXPECT_EQ((*wire)->original_body_html, "<p>Teks kawat</p>");
  EXPECT_EQ((*wire)->guid, "g-1");
  EXPECT_EQ(store_->editorial().Find(*id)->status, ArticleStatus::kHeld);
  EXPECT_FALSE(store_->editorial().Wire(Create("Lokal"))->has_value());
}

}  // namespace
}  // namespace warta::storage::sqlite
