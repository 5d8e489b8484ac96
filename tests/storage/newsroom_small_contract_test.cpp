// Contract: the newsroom's small stores (sections, authors, pages, audit log, API tokens,
// account links, edit presence), on both backends.
#include <cstdint>
#include <string>

#include "model/newsroom.h"
#include "model/role.h"
#include "model/user.h"
#include "storage/account_link_store.h"
#include "storage/article_store.h"
#include "storage/audit_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/page_store.h"
#include "storage/presence_store.h"
#include "storage/section_store.h"
#include "storage/token_store.h"
#include "storage/user_store.h"

namespace warta::storage::contract {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;

model::AuditEntry Audit(const std::string& action, const std::string& target_type = "thing") {
  model::AuditEntry e;
  e.created_at = kNow;
  e.action = action;
  e.target_type = target_type;
  e.summary = "ringkas";
  return e;
}

template <typename Backend>
class NewsroomSmallContract : public StoreContract<Backend> {
 protected:
  std::int64_t User(const std::string& name) {
    auto id = this->store().users().Create(model::NewUser{name, "hash", model::Role::kEditor});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
};
TYPED_TEST_SUITE(NewsroomSmallContract, Backends, BackendNames);

TYPED_TEST(NewsroomSmallContract, SectionsAndPagesAreUniqueBySlugAndAudited) {
  SectionStore& sections = this->store().sections();
  auto id = sections.Create({0, "ekonomi", "Ekonomi", "", 2, 0}, Audit("section.create"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  ASSERT_TRUE(sections.Create({0, "olahraga", "Olahraga", "", 1, 0}, Audit("section.create")).ok());
  EXPECT_TRUE(sections.Create({0, "ekonomi", "Lagi", "", 3, 0}, Audit("x"))
                  .error()
                  .is(ErrorCode::kAlreadyExists));
  auto list = sections.List();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].slug, "olahraga");  // by position
  ASSERT_TRUE(
      sections.Update({*id, "bisnis", "Bisnis", "Uang", 2, 0}, Audit("section.update")).ok());
  EXPECT_EQ((*sections.FindBySlug("bisnis"))->description, "Uang");
  EXPECT_TRUE(
      sections.Update({*id + 9, "x", "X", "", 0, 0}, Audit("x")).error().is(ErrorCode::kNotFound));
  EXPECT_TRUE(
      sections.Create({0, "", "X", "", 0, 0}, Audit("x")).error().is(ErrorCode::kInvalidArgument));

  PageStore& pages = this->store().pages();
  auto page = pages.Create({0, "tentang", "Tentang", "# Hai", "<h1>Hai</h1>", kNow, kNow, true},
                           Audit("page.create", "page"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_TRUE(pages
                  .Update({*page, "tentang", "Tentang kami", "", "", kNow, kNow + 1, false},
                          Audit("page.update", "page"))
                  .ok());
  auto found = pages.FindBySlug("tentang");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->title, "Tentang kami");
  EXPECT_FALSE((*found)->published);
  ASSERT_TRUE(pages.Delete(*page, Audit("page.delete")).ok());
  EXPECT_TRUE(pages.Delete(*page, Audit("page.delete")).error().is(ErrorCode::kNotFound));

  AuditQuery query;
  query.limit = 100;
  auto log = this->store().audit().List(query);
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->size(), 6u);  // the failed writes left no entry
  EXPECT_EQ((*log)[0].action, "page.delete");
  // Only the create names its row (the store fills in the new id); the others name none.
  query.target_type = "page";
  query.target_id = *page;
  EXPECT_EQ(this->store().audit().List(query)->size(), 1u);
  query.target_id = 0;
  EXPECT_EQ(this->store().audit().List(query)->size(), 2u);
}

TYPED_TEST(NewsroomSmallContract, TokensWorkUntilRevoked) {
  const std::int64_t user = this->User("editor");
  TokenStore& tokens = this->store().tokens();
  auto id = tokens.Create(user, "hash-1", "CI", kNow, Audit("token.create"));
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(tokens.Create(user, "hash-1", "again", kNow, Audit("x"))
                  .error()
                  .is(ErrorCode::kAlreadyExists));
  EXPECT_TRUE(
      tokens.Create(user + 9, "hash-2", "", kNow, Audit("x")).error().is(ErrorCode::kNotFound));
  auto owner = tokens.FindActive("hash-1");
  ASSERT_TRUE(owner.ok() && owner->has_value());
  EXPECT_EQ((*owner)->user.id, user);
  EXPECT_EQ((*owner)->user.role, model::Role::kEditor);
  EXPECT_EQ((*owner)->token.label, "CI");
  ASSERT_TRUE(tokens.Touch(*id, kNow + 5).ok());
  ASSERT_TRUE(tokens.Revoke(*id, kNow + 6, Audit("token.revoke")).ok());
  EXPECT_FALSE(tokens.FindActive("hash-1")->has_value());
  auto listed = tokens.ListForUser(user);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].last_used_at, kNow + 5);
  EXPECT_EQ((*listed)[0].revoked_at, kNow + 6);
}

TYPED_TEST(NewsroomSmallContract, AccountLinksAreUsedOnce) {
  const std::int64_t user = this->User("lupa");
  AccountLinkStore& links = this->store().account_links();
  model::AccountLink invite{
      "inv", model::AccountLinkKind::kInvite, 0, model::Role::kAuthor, user, kNow, kNow + 100, 0};
  ASSERT_TRUE(links.Create(invite, Audit("invite")).ok());
  model::AccountLink reset{
      "rst", model::AccountLinkKind::kReset, user, model::Role::kReader, user, kNow, kNow + 100, 0};
  ASSERT_TRUE(links.Create(reset, Audit("reset")).ok());
  EXPECT_TRUE(links.Create(invite, Audit("invite")).error().is(ErrorCode::kAlreadyExists));
  model::AccountLink bad = reset;
  bad.token_hash = "bad";
  bad.user_id = 0;
  EXPECT_TRUE(links.Create(bad, Audit("x")).error().is(ErrorCode::kInvalidArgument));
  auto found = links.FindUsable("inv", kNow + 1);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->role, model::Role::kAuthor);
  EXPECT_EQ(links.ListUsable(kNow + 1, 10)->size(), 2u);
  EXPECT_TRUE(*links.Use("inv", kNow + 2));
  EXPECT_FALSE(*links.Use("inv", kNow + 3));
  EXPECT_FALSE(*links.Use("rst", kNow + 100));  // expired
  EXPECT_FALSE(links.FindUsable("inv", kNow + 4)->has_value());
}

TYPED_TEST(NewsroomSmallContract, PresenceListsTheOtherEditors) {
  const std::int64_t a = this->User("a");
  const std::int64_t b = this->User("b");
  model::NewArticle article;
  article.title = "Draf";
  article.body_html = "<p>x</p>";
  auto id = this->store().articles().Insert(article);
  ASSERT_TRUE(id.ok());
  PresenceStore& presence = this->store().presence();
  ASSERT_TRUE(presence.Touch(*id, a, kNow).ok());
  ASSERT_TRUE(presence.Touch(*id, b, kNow + 5).ok());
  ASSERT_TRUE(presence.Touch(*id, b, kNow + 6).ok());
  EXPECT_TRUE(presence.Touch(*id + 5, b, kNow).error().is(ErrorCode::kNotFound));
  auto others = presence.Others(*id, a, kNow);
  ASSERT_TRUE(others.ok()) << others.error().message;
  ASSERT_EQ(others->size(), 1u);
  EXPECT_EQ((*others)[0].user_name, "b");
  EXPECT_EQ((*others)[0].seen_at, kNow + 6);
  EXPECT_EQ(*presence.Purge(kNow + 1), 1);
  ASSERT_TRUE(presence.Leave(*id, b).ok());
  EXPECT_TRUE(presence.Others(*id, a, 0)->empty());
}

}  // namespace
}  // namespace warta::storage::contract
