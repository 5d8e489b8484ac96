// Sections, authors, pages, the audit log, tokens, one-time links and edit presence on a
// real SQLite file.
#include <gtest/gtest.h>

#include <string>

#include "storage/account_link_store.h"
#include "storage/audit_store.h"
#include "storage/author_store.h"
#include "storage/page_store.h"
#include "storage/presence_store.h"
#include "storage/section_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/token_store.h"
#include "storage/user_store.h"

namespace warta::storage::sqlite {
namespace {

model::AuditEntry Audit(const std::string& action, std::int64_t user = 0) {
  model::AuditEntry entry;
  entry.created_at = 1000;
  entry.user_id = user;
  entry.action = action;
  entry.target_type = action.substr(0, action.find('.'));
  entry.summary = action;
  return entry;
}

class NewsroomStoresTest : public test_util::MigratedSqliteStore {
 protected:
  std::int64_t User(const std::string& name, model::Role role = model::Role::kEditor) {
    model::NewUser user{name, "$argon2id$hash", role};
    auto id = store_->users().Create(user);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};

TEST_F(NewsroomStoresTest, SectionsAreOrderedAndAudited) {
  auto b = store_->sections().Create({0, "ekonomi", "Ekonomi", "", 2, 0}, Audit("section.create"));
  auto a =
      store_->sections().Create({0, "nasional", "Nasional", "", 1, 0}, Audit("section.create"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(store_->sections()
                .Create({0, "nasional", "X", "", 3, 0}, Audit("section.create"))
                .error()
                .code,
            ErrorCode::kAlreadyExists);
  auto listed = store_->sections().List();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(listed->front().slug, "nasional");
  ASSERT_TRUE(store_->sections()
                  .Update({*b, "bisnis", "Bisnis", "Uang", 0, 0}, Audit("section.update"))
                  .ok());
  EXPECT_EQ(store_->sections().List()->front().slug, "bisnis");
  EXPECT_EQ(
      store_->sections().Update({999, "x", "X", "", 0, 0}, Audit("section.update")).error().code,
      ErrorCode::kNotFound);
  AuditQuery query;
  query.target_type = "section";
  auto log = store_->audit().List(query);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->size(), 3u);  // two creates and one update; the failed ones left nothing
  EXPECT_EQ(log->front().action, "section.update");
}

TEST_F(NewsroomStoresTest, PagesRoundTrip) {
  model::Page page{0, "tentang-kami", "Tentang kami", "Kami *ada*", "<p>Kami</p>", 10, 10, true};
  auto id = store_->pages().Create(page, Audit("page.create"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  page.id = *id;
  page.title = "Tentang Kami";
  page.updated_at = 20;
  ASSERT_TRUE(store_->pages().Update(page, Audit("page.update")).ok());
  auto found = store_->pages().FindBySlug("tentang-kami");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->title, "Tentang Kami");
  EXPECT_EQ((*found)->created_at, 10);
  EXPECT_EQ(store_->pages().Create(page, Audit("page.create")).error().code,
            ErrorCode::kAlreadyExists);
  ASSERT_TRUE(store_->pages().Delete(*id, Audit("page.delete")).ok());
  EXPECT_TRUE(store_->pages().List()->empty());
}

TEST_F(NewsroomStoresTest, TokensAreFoundByHashUntilRevokedOrBanned) {
  std::int64_t editor = User("editor1");
  auto id = store_->tokens().Create(editor, "hash-1", "skrip impor", 100, Audit("token.create"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(
      store_->tokens().Create(editor + 50, "hash-2", "", 100, Audit("token.create")).error().code,
      ErrorCode::kNotFound);
  EXPECT_EQ(store_->tokens().Create(editor, "hash-1", "", 100, Audit("token.create")).error().code,
            ErrorCode::kAlreadyExists);
  auto found = store_->tokens().FindActive("hash-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user.name, "editor1");
  EXPECT_EQ((*found)->user.role, model::Role::kEditor);
  EXPECT_EQ((*found)->token.label, "skrip impor");
  ASSERT_TRUE(store_->tokens().Touch(*id, 150).ok());
  EXPECT_EQ(store_->tokens().ListForUser(editor)->front().last_used_at, 150);
  ASSERT_TRUE(store_->users().SetBanned(editor, 160).ok());
  EXPECT_FALSE(store_->tokens().FindActive("hash-1")->has_value());
  ASSERT_TRUE(store_->users().SetBanned(editor, 0).ok());
  EXPECT_TRUE(store_->tokens().FindActive("hash-1")->has_value());
  ASSERT_TRUE(store_->tokens().Revoke(*id, 200, Audit("token.revoke")).ok());
  ASSERT_TRUE(store_->tokens().Revoke(*id, 300, Audit("token.revoke")).ok());
  EXPECT_FALSE(store_->tokens().FindActive("hash-1")->has_value());
  EXPECT_EQ(store_->tokens().ListForUser(editor)->front().revoked_at, 200);
}

TEST_F(NewsroomStoresTest, LinksAreUsedOnceBeforeTheyExpire) {
  std::int64_t admin = User("admin1", model::Role::kAdmin);
  model::AccountLink invite;
  invite.token_hash = "inv";
  invite.kind = model::AccountLinkKind::kInvite;
  invite.role = model::Role::kAuthor;
  invite.created_by = admin;
  invite.created_at = 100;
  invite.expires_at = 200;
  ASSERT_TRUE(store_->account_links().Create(invite, Audit("user.invite", admin)).ok());
  model::AccountLink reset = invite;
  reset.token_hash = "rst";
  reset.kind = model::AccountLinkKind::kReset;
  EXPECT_EQ(store_->account_links().Create(reset, Audit("user.reset")).error().code,
            ErrorCode::kInvalidArgument);  // a reset names its account
  reset.user_id = admin;
  ASSERT_TRUE(store_->account_links().Create(reset, Audit("user.reset")).ok());
  EXPECT_EQ(store_->account_links().ListUsable(150, 10)->size(), 2u);
  auto usable = store_->account_links().FindUsable("inv", 150);
  ASSERT_TRUE(usable.ok() && usable->has_value());
  EXPECT_EQ((*usable)->role, model::Role::kAuthor);
  EXPECT_TRUE(*store_->account_links().Use("inv", 150));
  EXPECT_FALSE(*store_->account_links().Use("inv", 151));
  EXPECT_FALSE(store_->account_links().FindUsable("inv", 151)->has_value());
  EXPECT_FALSE(*store_->account_links().Use("rst", 200));  // expired
  EXPECT_TRUE(store_->account_links().ListUsable(200, 10)->empty());
}

TEST_F(NewsroomStoresTest, PresenceShowsTheOthers) {
  std::int64_t a = User("editor_a");
  std::int64_t b = User("editor_b");
  model::NewArticle article;
  article.title = "x";
  article.body_html = "<p>x</p>";
  auto id = store_->articles().Insert(article);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->presence().Touch(*id, a, 100).ok());
  ASSERT_TRUE(store_->presence().Touch(*id, b, 105).ok());
  EXPECT_EQ(store_->presence().Touch(*id + 1, b, 105).error().code, ErrorCode::kNotFound);
  auto others = store_->presence().Others(*id, a, 90);
  ASSERT_TRUE(others.ok());
  ASSERT_EQ(others->size(), 1u);
  EXPECT_EQ(others->front().user_name, "editor_b");
  EXPECT_TRUE(store_->presence().Others(*id, a, 106)->empty());
  ASSERT_TRUE(store_->presence().Leave(*id, b).ok());
  EXPECT_TRUE(store_->presence().Others(*id, a, 0)->empty());
  EXPECT_EQ(*store_->presence().Purge(101), 1);
}

TEST_F(NewsroomStoresTest, AuthorsAreEditable) {
  auto connection = store_->pool().Acquire();
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE((*connection)
                  ->Exec("INSERT INTO authors (slug, name, created_at) VALUES ('sari', 'Sari', 1)")
                  .ok());
  std::int64_t user = User("sari_w", model::Role::kAuthor);
  auto found = store_->authors().FindBySlug("sari");
  ASSERT_TRUE(found.ok() && found->has_value());
  model::Author author = **found;
  author.bio = "Wartawan";
  author.user_id = user;
  ASSERT_TRUE(store_->authors().Update(author, Audit("author.update")).ok());
  auto listed = store_->authors().List(0, 10);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().bio, "Wartawan");
  EXPECT_EQ(listed->front().user_id, user);
}

}  // namespace
}  // namespace warta::storage::sqlite
