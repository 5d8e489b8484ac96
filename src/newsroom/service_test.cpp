// The editorial service on a real SQLite store: roles, validation (nothing stored on bad
// input), conflicts, corrections, restore, diffs, the life cycle and the audit log.
#include "newsroom/service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/article_store.h"
#include "storage/audit_store.h"
#include "storage/search_store.h"
#include "storage/section_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/user_store.h"

namespace warta::newsroom {
namespace {

using model::ArticleStatus;
using model::Role;

constexpr std::int64_t kNow = 1'735'689'600;  // 2025-01-01

class EditorialServiceTest : public storage::test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    NewsroomOptions options;
    options.on_change = [this](std::int64_t id) { changed_.push_back(id); };
    service_ = std::make_unique<EditorialService>(*store_, clock_, options);
    editor_ = Account("redaktur", Role::kEditor);
    author_ = Account("penulis", Role::kAuthor);
    other_author_ = Account("penulis2", Role::kAuthor);
  }

  Principal Account(const std::string& name, Role role) {
    model::NewUser user{name, "$argon2id$hash", role};
    auto id = store_->users().Create(user);
    EXPECT_TRUE(id.ok());
    return Principal{id.ok() ? *id : 0, role, name};
  }

  static ArticleInput Draft(const std::string& title = "Gempa di Tokyo") {
    ArticleInput in;
    in.title = title;
    in.body_markdown = "Gempa **kuat** mengguncang Tokyo.\n\nWarga diminta tenang.";
    in.tags = std::vector<std::string>{"gempa", " tokyo ", "gempa"};
    in.author = "Budi Santoso, Sari";
    in.section = "internasional";
    in.dek = "Ringkasan singkat";
    return in;
  }

  Created MustCreate(const Principal& who, const ArticleInput& in) {
    auto created = service_->Create(who, in);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : Created{};
  }

  std::int64_t Count(const std::string& table) {
    auto connection = store_->pool().Acquire();
    auto stmt = (*connection)->Prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(*stmt->Step());
    return stmt->Int64(0);
  }

  // How often the article is among the search hits for "gempa" (0 or 1).
  void SearchOf(std::int64_t id, std::int64_t expected) {
    storage::SearchRequest request;
    request.terms = {"gempa"};
    auto results = store_->search().Search(request);
    ASSERT_TRUE(results.ok());
    std::int64_t found = 0;
    for (const storage::SearchHit& hit : results->hits) found += hit.article.id == id ? 1 : 0;
    EXPECT_EQ(found, expected);
  }

  ArticleInput Edit(std::int64_t version, const std::string& body) {
    ArticleInput in;
    in.version = version;
    in.body_markdown = body;
    return in;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<EditorialService> service_;
  std::vector<std::int64_t> changed_;
  Principal editor_, author_, other_author_;
};

TEST_F(EditorialServiceTest, CreateRendersValidatesAndAudits) {
  Created created = MustCreate(author_, Draft());
  EXPECT_EQ(created.status, ArticleStatus::kDraft);
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.path, "/artikel/" + std::to_string(created.id) + "/gempa-di-tokyo");
  auto article = service_->Get(author_, created.id);
  ASSERT_TRUE(article.ok()) << article.error().message;
  EXPECT_EQ(article->content.body_html,
            "<p>Gempa <strong>kuat</strong> mengguncang Tokyo.</p>\n<p>Warga diminta tenang.</p>");
  EXPECT_EQ(article->content.tags, (std::vector<std::string>{"gempa", "tokyo"}));
  ASSERT_EQ(article->content.authors.size(), 2u);
  EXPECT_EQ(article->content.authors[0].slug, "budi-santoso");
  ASSERT_TRUE(article->content.section);
  EXPECT_EQ(article->content.section->name, "Internasional");  // created from the slug
  EXPECT_EQ(article->content.lang, "id");
  EXPECT_EQ(article->created_by, author_.user_id);
  EXPECT_EQ(changed_, std::vector<std::int64_t>{created.id});
  storage::AuditQuery query;
  auto audit = store_->audit().List(query);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().action, "article.create");
  EXPECT_EQ(audit->front().user_name, "penulis");
}

// Bad input: 4xx with the field and the reason, and nothing stored.
TEST_F(EditorialServiceTest, BadInputNamesTheFieldAndStoresNothing) {
  struct Case {
    const char* field;
    ErrorCode code;
    ArticleInput input;
  };
  std::vector<Case> cases;
  auto with = [](auto change) {
    ArticleInput in = Draft();
    change(in);
    return in;
  };
  cases.push_back({"title", ErrorCode::kTooLarge,
                   with([](ArticleInput& in) { in.title = std::string(10'000, 'x'); })});
  cases.push_back(
      {"title", ErrorCode::kInvalidArgument, with([](ArticleInput& in) { in.title = "   "; })});
  cases.push_back({"dek", ErrorCode::kTooLarge,
                   with([](ArticleInput& in) { in.dek = std::string(301, 'd'); })});
  cases.push_back({"publish_at", ErrorCode::kInvalidArgument, with([](ArticleInput& in) {
                     in.status = "scheduled";
                     in.publish_at = -2'208'988'800;  // 1900
                   })});
  cases.push_back({"publish_at", ErrorCode::kInvalidArgument, with([](ArticleInput& in) {
                     in.status = "scheduled";
                     in.publish_at = 32'503'680'000;  // 2999
                   })});
  cases.push_back({"publish_at", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.status = "scheduled"; })});
  cases.push_back({"published_at", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.published_at = 100; })});
  cases.push_back(
      {"lang", ErrorCode::kInvalidArgument, with([](ArticleInput& in) { in.lang = "xx"; })});
  cases.push_back({"section", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.section = "Bukan Slug!"; })});
  cases.push_back({"tags", ErrorCode::kTooLarge,
                   with([](ArticleInput& in) { in.tags = std::vector<std::string>(21, "t"); })});
  cases.push_back(
      {"author", ErrorCode::kInvalidArgument, with([](ArticleInput& in) { in.author = "!!!"; })});
  cases.push_back(
      {"status", ErrorCode::kInvalidArgument, with([](ArticleInput& in) { in.status = "live"; })});
  cases.push_back({"url", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.url = "javascript:alert(1)"; })});
  cases.push_back({"body_html", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.body_html = "<p>x</p>"; })});
  cases.push_back({"body_markdown", ErrorCode::kTooLarge,
                   with([](ArticleInput& in) { in.body_markdown = std::string(200'001, 'a'); })});
  cases.push_back({"lead_image", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.lead_image = 12345; })});
  cases.push_back({"correction", ErrorCode::kInvalidArgument,
                   with([](ArticleInput& in) { in.correction = "catatan"; })});
  for (const Case& c : cases) {
    auto created = service_->Create(editor_, c.input);
    ASSERT_FALSE(created.ok()) << c.field;
    EXPECT_EQ(created.error().code, c.code) << c.field << ": " << created.error().message;
    EXPECT_EQ(created.error().user_key, std::string("article_error_") + c.field)
        << created.error().message;
    EXPECT_NE(created.error().message.find(std::string("'") + c.field + "'"), std::string::npos)
        << created.error().message;
  }
  EXPECT_EQ(Count("articles"), 0);
  EXPECT_EQ(Count("sections"), 0);
  EXPECT_EQ(Count("authors"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
  EXPECT_TRUE(changed_.empty());
}

TEST_F(EditorialServiceTest, RolesAuthorsDraftsEditorsTheRest) {
  Principal moderator = Account("moderator", Role::kModerator);
  Principal reader = Account("pembaca", Role::kReader);
  EXPECT_EQ(service_->Create(moderator, Draft()).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Create(reader, Draft()).error().code, ErrorCode::kPermissionDenied);
  ArticleInput publish = Draft();
  publish.status = "published";
  auto refused = service_->Create(author_, publish);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(refused.error().user_key, "article_error_forbidden");

  Created mine = MustCreate(author_, Draft());
  auto edited = service_->Update(author_, mine.id, Edit(1, "Teks penulis."));
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->kind, SaveOutcome::Kind::kSaved);
  EXPECT_EQ(service_->Update(other_author_, mine.id, Edit(2, "bukan milikku")).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Get(other_author_, mine.id).error().code, ErrorCode::kPermissionDenied);
  ArticleInput go_live;
  go_live.version = 2;
  go_live.status = "published";
  EXPECT_EQ(service_->Update(author_, mine.id, go_live).error().code, ErrorCode::kPermissionDenied);
  // An editor publishes it; then it is no longer the author's to edit.
  auto published = service_->Update(editor_, mine.id, go_live);
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(published->article.status, ArticleStatus::kPublished);
  EXPECT_EQ(published->article.published_at, kNow);
  EXPECT_EQ(service_->Update(author_, mine.id, Edit(2, "lagi")).error().code,
            ErrorCode::kPermissionDenied);
  // The author's list holds their own articles only.
  MustCreate(editor_, Draft("Milik redaksi"));
  auto list = service_->List(author_, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->rows.size(), 1u);
  EXPECT_EQ(list->rows.front().id, mine.id);
  EXPECT_EQ(service_->List(editor_, {})->rows.size(), 2u);
}

// "No edit is lost": two editors save from the same version; the second gets a conflict with
// the first's text, and nothing of the second is written.
TEST_F(EditorialServiceTest, ConflictKeepsTheFirstSave) {
  Created created = MustCreate(editor_, Draft());
  Principal second = Account("redaktur2", Role::kEditor);
  auto first = service_->Update(editor_, created.id, Edit(1, "Versi redaktur pertama."));
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->kind, SaveOutcome::Kind::kSaved);
  EXPECT_EQ(first->article.revision, 2);
  ArticleInput stale = Edit(1, "Versi redaktur kedua.");
  stale.section = "baru";
  auto conflict = service_->Update(second, created.id, stale);
  ASSERT_TRUE(conflict.ok()) << conflict.error().message;
  EXPECT_EQ(conflict->kind, SaveOutcome::Kind::kConflict);
  EXPECT_EQ(conflict->article.revision, 2);
  EXPECT_EQ(conflict->article.content.body_markdown, "Versi redaktur pertama.");
  auto stored = service_->Get(editor_, created.id);
  EXPECT_EQ(stored->content.body_markdown, "Versi redaktur pertama.");
  EXPECT_EQ(stored->revisions, 2);
  EXPECT_FALSE(store_->sections().FindBySlug("baru")->has_value());
  // Saving again from the current version works.
  auto retry = service_->Update(second, created.id, Edit(2, "Versi gabungan."));
  ASSERT_TRUE(retry.ok());
  EXPECT_EQ(retry->kind, SaveOutcome::Kind::kSaved);
  EXPECT_EQ(retry->article.revision, 3);
  ArticleInput no_version;
  no_version.title = "x";
  EXPECT_EQ(service_->Update(editor_, created.id, no_version).error().user_key,
            "article_error_version");
}

TEST_F(EditorialServiceTest, CorrectionsRestoreAndDiff) {
  ArticleInput in = Draft();
  in.status = "published";
  Created created = MustCreate(editor_, in);
  ArticleInput on_draft = Edit(1, "x");
  on_draft.correction = "salah";
  Created draft = MustCreate(editor_, Draft("Draf"));
  EXPECT_EQ(service_->Update(editor_, draft.id, on_draft).error().user_key,
            "article_error_correction");
  ArticleInput fix = Edit(1, "Gempa **kuat** mengguncang Osaka.\n\nWarga diminta tenang.");
  fix.correction = "Kota yang benar adalah Osaka.";
  auto corrected = service_->Update(editor_, created.id, fix);
  ASSERT_TRUE(corrected.ok()) << corrected.error().message;
  auto corrections = store_->editorial().Corrections(created.id);
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_EQ(corrections->front().revision_before, 1);
  EXPECT_EQ(corrections->front().revision_after, 2);
  auto revisions = service_->Revisions(editor_, created.id, 0, 10);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ(revisions->front().kind, model::RevisionKind::kCorrection);

  auto diff = service_->Diff(editor_, created.id, 1, 2);
  ASSERT_TRUE(diff.ok()) << diff.error().message;
  EXPECT_NE(diff->body.html.find("<del>Tokyo</del><ins>Osaka</ins>"), std::string::npos)
      << diff->body.html;

  auto restored = service_->Restore(editor_, created.id, 1, 2);
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  ASSERT_EQ(restored->kind, SaveOutcome::Kind::kSaved);
  EXPECT_EQ(restored->article.revision, 3);
  EXPECT_NE(restored->article.content.body_html.find("Tokyo"), std::string::npos);
  auto first = service_->Revision(editor_, created.id, 1);
  ASSERT_TRUE(first.ok());
  EXPECT_NE(first->content.body_markdown.find("Tokyo"), std::string::npos);
  EXPECT_EQ(service_->Revisions(editor_, created.id, 0, 10)->front().kind,
            model::RevisionKind::kRestore);
  // A stale restore is a conflict too.
  EXPECT_EQ(service_->Restore(editor_, created.id, 1, 2)->kind, SaveOutcome::Kind::kConflict);
}

TEST_F(EditorialServiceTest, LifeCycleAndSearch) {
  Created created = MustCreate(editor_, Draft());
  SearchOf(created.id, 0);
  ArticleInput schedule;
  schedule.version = 1;
  schedule.status = "scheduled";
  schedule.publish_at = kNow + 3600;
  auto scheduled = service_->Update(editor_, created.id, schedule);
  ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
  EXPECT_EQ(scheduled->article.status, ArticleStatus::kScheduled);
  EXPECT_EQ(scheduled->article.publish_at, kNow + 3600);
  EXPECT_EQ(*store_->editorial().NextDue(), kNow + 3600);
  SearchOf(created.id, 0);
  ArticleInput now;
  now.version = 1;
  now.status = "published";
  ASSERT_EQ(service_->Update(editor_, created.id, now)->article.status, ArticleStatus::kPublished);
  SearchOf(created.id, 1);
  EXPECT_EQ(store_->articles().FindById(created.id)->published_at, kNow);
  auto withdrawn = service_->Unpublish(editor_, created.id);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->status, ArticleStatus::kUnpublished);
  SearchOf(created.id, 0);
  EXPECT_EQ(service_->Unpublish(editor_, created.id).error().user_key, "article_error_status");
  EXPECT_EQ(service_->Unpublish(author_, created.id).error().code, ErrorCode::kPermissionDenied);
  // published -> draft is not a transition; unpublished -> published keeps the old date.
  clock_.Advance(std::chrono::hours(5));
  ArticleInput again;
  again.version = 1;
  again.status = "published";
  ASSERT_EQ(service_->Update(editor_, created.id, again)->article.published_at, kNow);
  ArticleInput back;
  back.version = 1;
  back.status = "draft";
  EXPECT_EQ(service_->Update(editor_, created.id, back).error().user_key, "article_error_status");
  storage::AuditQuery query;
  query.target_type = "article";
  auto actions = store_->audit().List(query);
  ASSERT_TRUE(actions.ok());
  std::vector<std::string> names;
  for (const model::AuditEntry& e : *actions) names.push_back(e.action);
  EXPECT_EQ(names,
            (std::vector<std::string>{"article.publish", "article.unpublish", "article.publish",
                                      "article.schedule", "article.create"}));
}

TEST_F(EditorialServiceTest, MarkdownIsSanitizedLikeComments) {
  ArticleInput in = Draft();
  in.body_markdown =
      "<script>alert(1)</script>\n\n![luar](https://evil.example/a.png)\n\n"
      "![lokal](/media/ab/1.webp)\n\n[x](javascript:alert(1))";
  Created created = MustCreate(author_, in);
  const std::string html = service_->Get(author_, created.id)->content.body_html;
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("evil.example"), std::string::npos) << html;
  EXPECT_NE(html.find("<img src=\"/media/ab/1.webp\""), std::string::npos) << html;
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
  ArticleInput as_html;
  as_html.title = "HTML";
  as_html.body_html =
      "<p onclick=\"x()\">Halo<script>x()</script><img src=\"http://e.x/a.png\"></p>";
  auto other = service_->Create(author_, as_html);
  ASSERT_TRUE(other.ok());
  auto stored = service_->Get(author_, other->id);
  EXPECT_EQ(stored->content.body_html, "<p>Halo</p>");
  EXPECT_EQ(stored->content.body_format, model::BodyFormat::kHtml);
}

TEST_F(EditorialServiceTest, ArticlesFromBeforeTheNewsroomKeepTheirText) {
  model::NewArticle legacy;
  legacy.title = "Berita lama";
  legacy.body_html = "<p>Teks asli dari impor.</p>";
  legacy.source = "KYODO";
  auto id = store_->articles().Insert(legacy);
  ASSERT_TRUE(id.ok());
  ArticleInput edit;
  edit.version = 1;
  edit.body_html = "<p>Teks yang diperbaiki.</p>";
  auto saved = service_->Update(editor_, *id, edit);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->article.revision, 2);
  auto original = service_->Revision(editor_, *id, 1);
  ASSERT_TRUE(original.ok()) << original.error().message;
  EXPECT_EQ(original->content.body_html, "<p>Teks asli dari impor.</p>");
  EXPECT_EQ(original->content.source, "KYODO");
  auto diff = service_->Diff(editor_, *id, 1, 2);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->body.html, "Teks <del>asli dari impor</del><ins>yang diperbaiki</ins>.");
}

TEST_F(EditorialServiceTest, HeldWireItemsAreTakenInOrDiscarded) {
  model::NewArticle item;
  item.title = "Dari kawat";
  item.body_html = "<p>Teks kawat.</p>";
  item.status = ArticleStatus::kHeld;
  auto held = store_->articles().Insert(item);
  auto other = store_->articles().Insert(item);
  ASSERT_TRUE(held.ok() && other.ok());
  ArticleInput take;
  take.version = 1;
  take.status = "published";
  auto published = service_->Update(editor_, *held, take);
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_EQ(published->article.status, ArticleStatus::kPublished);
  ArticleInput discard;
  discard.version = 1;
  discard.status = "discarded";
  EXPECT_EQ(service_->Update(editor_, *other, discard)->article.status, ArticleStatus::kDiscarded);
  EXPECT_EQ(service_->Update(editor_, *other, take).error().user_key, "article_error_status");
}

TEST_F(EditorialServiceTest, FeaturedAndPresence) {
  ArticleInput in = Draft();
  in.status = "published";
  in.featured = true;
  Created created = MustCreate(editor_, in);
  EXPECT_EQ(store_->editorial().ListFeatured(5)->size(), 1u);
  ArticleInput unpin;
  unpin.version = 1;
  unpin.featured = false;
  ASSERT_TRUE(service_->Update(editor_, created.id, unpin).ok());
  EXPECT_TRUE(store_->editorial().ListFeatured(5)->empty());
  Principal second = Account("redaktur2", Role::kEditor);
  ASSERT_TRUE(service_->Editing(editor_, created.id).ok());
  auto others = service_->Editing(second, created.id);
  ASSERT_TRUE(others.ok());
  ASSERT_EQ(others->size(), 1u);
  EXPECT_EQ(others->front().user_name, "redaktur");
  clock_.Advance(std::chrono::seconds(EditorialService::kPresenceSeconds + 1));
  EXPECT_TRUE(service_->Editing(second, created.id)->empty());
}

}  // namespace
}  // namespace warta::newsroom
