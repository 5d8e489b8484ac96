// The Admin API beyond articles, over a real SQLite file: sections, static pages, people
// (roles, bans, one-time links), tokens, the audit log, sources with OPML and "fetch now",
// and the wire inbox. Each change is checked in the store and in the audit log.
#include <gtest/gtest.h>

#include <string>

#include "model/article.h"
#include "storage/article_store.h"
#include "storage/source_store.h"
#include "web/testing/web_fixture.h"

namespace warta::web {
namespace {

using http::Method;
using model::Role;
using nlohmann::json;
using testing::Auth;
using testing::Caller;

class NewsroomResourcesTest : public testing::WebFixture {
 protected:
  void SetUp() override {
    WebFixture::SetUp();
    if (HasFatalFailure()) return;
    editor_ = MakeUser(Role::kEditor);
    admin_ = MakeUser(Role::kAdmin);
  }

  json Call(Method method, const std::string& target, const Caller& who, const json& body,
            int status) {
    auto response = Send(method, target, &who, body.is_null() ? "" : body.dump());
    EXPECT_EQ(response.status, status) << target << ": " << response.body;
    return JsonOf(response);
  }

  // The newest audit entry's action.
  std::string LastAction() {
    json entries = Call(Method::kGet, "/api/v1/admin/audit?limit=1", admin_, nullptr, 200);
    return entries["entries"].empty() ? "" : entries["entries"][0]["action"].get<std::string>();
  }

  Caller editor_, admin_;
};

TEST_F(NewsroomResourcesTest, SectionsAreCreatedRenamedAndOrdered) {
  json a =
      Call(Method::kPost, "/api/v1/admin/sections", editor_, {{"name", "Ekonomi Bisnis"}}, 201);
  EXPECT_EQ(a["slug"], "ekonomi-bisnis");
  EXPECT_EQ(LastAction(), "section.create");
  json b = Call(Method::kPost, "/api/v1/admin/sections", editor_, {{"name", "Olahraga"}}, 201);
  EXPECT_GT(b["position"].get<int>(), a["position"].get<int>());  // last unless placed
  Call(Method::kPatch, "/api/v1/admin/sections/" + std::to_string(b["id"].get<int>()), editor_,
       {{"position", 0}, {"name", "Sport"}}, 200);
  Call(Method::kPatch, "/api/v1/admin/sections/" + std::to_string(a["id"].get<int>()), editor_,
       {{"position", 1}}, 200);
  json list = Call(Method::kGet, "/api/v1/admin/sections", editor_, nullptr, 200);
  ASSERT_EQ(list["sections"].size(), 2U);
  EXPECT_EQ(list["sections"][0]["name"], "Sport");
  EXPECT_EQ(list["sections"][0]["slug"], "olahraga");  // the address stays
  // Bad input: a taken slug, a bad one, an overlong name, a negative position.
  EXPECT_EQ(
      Call(Method::kPost, "/api/v1/admin/sections", editor_, {{"name", "Olahraga"}}, 409)["field"],
      "slug");
  EXPECT_EQ(Call(Method::kPost, "/api/v1/admin/sections", editor_,
                 {{"name", "x"}, {"slug", "Bad Slug"}}, 400)["field"],
            "slug");
  EXPECT_EQ(Call(Method::kPost, "/api/v1/admin/sections", editor_,
                 {{"name", std::string(101, 'n')}}, 413)["field"],
            "name");
  Call(Method::kPatch, "/api/v1/admin/sections/" + std::to_string(a["id"].get<int>()), editor_,
       {{"position", -1}}, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/admin/sections", editor_, nullptr, 200)["sections"].size(),
            2U);
  Call(Method::kPatch, "/api/v1/admin/sections/999", editor_, {{"name", "x"}}, 404);
}

TEST_F(NewsroomResourcesTest, StaticPagesAreAdminsAndRenderSanitizedMarkdown) {
  json page = Call(
      Method::kPost, "/api/v1/admin/pages", admin_,
      {{"title", "Tentang Kami"}, {"body_markdown", "Kami *redaksi*.<script>x</script>"}}, 201);
  EXPECT_EQ(page["slug"], "tentang-kami");
  EXPECT_NE(page["body_html"].get<std::string>().find("<em>redaksi</em>"), std::string::npos);
  EXPECT_EQ(page["body_html"].get<std::string>().find("<script"), std::string::npos);
  const std::string path = "/api/v1/admin/pages/" + std::to_string(page["id"].get<int>());
  Call(Method::kPatch, path, admin_, {{"title", "Tentang"}}, 200);
  EXPECT_EQ(LastAction(), "page.update");
  Call(Method::kPost, "/api/v1/admin/pages", admin_, {{"title", "Lain"}, {"slug", "tentang-kami"}},
       409);
  EXPECT_EQ(
      Send(Method::kPost, "/api/v1/admin/pages", &editor_, json{{"title", "x"}}.dump()).status,
      403);
  Call(Method::kDelete, path, admin_, nullptr, 200);
  EXPECT_TRUE(Call(Method::kGet, "/api/v1/admin/pages", admin_, nullptr, 200)["pages"].empty());
}

TEST_F(NewsroomResourcesTest, RoleChangesAndBansHoldOnTheNextRequest) {
  const Caller author = MakeUser(Role::kAuthor);
  const std::string path = "/api/v1/admin/users/" + std::to_string(author.user_id);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/admin/articles", &author).status, 200);
  json changed = Call(Method::kPatch, path, admin_, {{"role", "reader"}}, 200);
  EXPECT_EQ(changed["role"], "reader");
  EXPECT_EQ(LastAction(), "user.role");
  // The demoted account's session ended with the change.
  EXPECT_EQ(Send(Method::kGet, "/api/v1/admin/articles", &author).status, 401);
  Call(Method::kPatch, path, admin_, {{"banned", true}}, 200);
  EXPECT_EQ(LastAction(), "user.ban");
  json users = Call(Method::kGet, "/api/v1/admin/users", admin_, nullptr, 200);
  bool seen = false;
  for (const json& u : users["users"]) {
    if (u["id"] == author.user_id) seen = u["banned"].get<bool>();
  }
  EXPECT_TRUE(seen);
  // Bad input, and an admin cannot demote themselves.
  EXPECT_EQ(Call(Method::kPatch, path, admin_, {{"role", "owner"}}, 400)["field"], "role");
  Call(Method::kPatch, "/api/v1/admin/users/" + std::to_string(admin_.user_id), admin_,
       {{"role", "reader"}}, 400);
  Call(Method::kPatch, "/api/v1/admin/users/99999", admin_, {{"role", "reader"}}, 404);
}

TEST_F(NewsroomResourcesTest, InviteAndResetLinksAreOneTimeUrls) {
  json invite = Call(Method::kPost, "/api/v1/admin/invitations", admin_, {{"role", "author"}}, 201);
  EXPECT_EQ(invite["role"], "author");
  EXPECT_EQ(invite["url"].get<std::string>().rfind("http://127.0.0.1:8080/", 0), 0U) << invite;
  EXPECT_FALSE(invite["expires"].is_null());
  EXPECT_EQ(LastAction(), "user.invite");
  Call(Method::kPost, "/api/v1/admin/invitations", admin_, {{"role", "king"}}, 400);
  const Caller reader = MakeUser(Role::kReader);
  json reset =
      Call(Method::kPost, "/api/v1/admin/users/" + std::to_string(reader.user_id) + "/reset",
           admin_, nullptr, 201);
  EXPECT_EQ(reset["user_id"], reader.user_id);
  EXPECT_NE(reset["path"], invite["path"]);
  EXPECT_EQ(LastAction(), "user.reset_link");
}

TEST_F(NewsroomResourcesTest, TokensAreShownOnceAndRevokedForGood) {
  json created = Call(Method::kPost, "/api/v1/admin/tokens", editor_, {{"label", "skrip"}}, 201);
  Caller by_token = editor_;
  by_token.bearer = created["token"];
  EXPECT_EQ(Send(Method::kGet, "/api/v1/admin/articles", &by_token, "", Auth::kBearer).status, 200);
  json list = Call(Method::kGet, "/api/v1/admin/tokens", editor_, nullptr, 200);
  ASSERT_EQ(list["tokens"].size(), 1U);
  EXPECT_FALSE(list["tokens"][0].contains("token"));  // never shown again
  // Another account cannot revoke it.
  const std::string path = "/api/v1/admin/tokens/" + std::to_string(created["id"].get<int>());
  Call(Method::kDelete, path, admin_, nullptr, 404);
  Call(Method::kDelete, path, editor_, nullptr, 200);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/admin/articles", &by_token, "", Auth::kBearer).status, 401);
  EXPECT_EQ(LastAction(), "token.revoke");
  Call(Method::kPost, "/api/v1/admin/tokens", editor_, {{"label", std::string(101, 'x')}}, 413);
}

TEST_F(NewsroomResourcesTest, SourcesAreAddedEditedDisabledFetchedAndMovedAsOpml) {
  json source =
      Call(Method::kPost, "/api/v1/admin/sources", editor_,
           {{"url", "https://example.org/feed.xml"}, {"name", "Contoh"}, {"review", true}}, 201);
  EXPECT_EQ(LastAction(), "source.add");
  const std::string path = "/api/v1/admin/sources/" + std::to_string(source["id"].get<int>());
  Call(Method::kPost, path + "/fetch", editor_, nullptr, 202);
  EXPECT_EQ(fetched_, (std::vector<std::int64_t>{source["id"].get<std::int64_t>()}));
  Call(Method::kPatch, path, editor_, {{"enabled", false}, {"name", "Contoh Baru"}}, 200);
  EXPECT_EQ(LastAction(), "source.update");
  // A disabled source is not fetched.
  Call(Method::kPost, path + "/fetch", editor_, nullptr, 409);
  EXPECT_EQ(fetched_.size(), 1U);
  // Bad input: no URL, not http(s), a URL change, the same feed twice.
  EXPECT_EQ(Call(Method::kPost, "/api/v1/admin/sources", editor_, {{"name", "x"}}, 400)["field"],
            "url");
  EXPECT_EQ(
      Call(Method::kPost, "/api/v1/admin/sources", editor_, {{"url", "ftp://x/y"}}, 400)["field"],
      "url");
  Call(Method::kPatch, path, editor_, {{"url", "https://example.org/other.xml"}}, 400);
  Call(Method::kPost, "/api/v1/admin/sources", editor_, {{"url", "https://example.org/feed.xml"}},
       409);
  json list = Call(Method::kGet, "/api/v1/admin/sources", editor_, nullptr, 200);
  ASSERT_EQ(list["sources"].size(), 1U);
  EXPECT_EQ(list["sources"][0]["name"], "Contoh Baru");
  EXPECT_EQ(list["sources"][0]["enabled"], false);
  // OPML out, and in again: the one present, a new one added.
  auto out = Send(Method::kGet, "/api/v1/admin/sources.opml", &editor_);
  ASSERT_EQ(out.status, 200);
  EXPECT_NE(out.body.find("https://example.org/feed.xml"), std::string::npos);
  const std::string opml =
      R"(<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>)"
      R"(<outline type="rss" text="A" xmlUrl="https://example.org/feed.xml"/>)"
      R"(<outline type="rss" text="B" xmlUrl="https://example.net/rss"/></body></opml>)";
  auto in = Send(Method::kPost, "/api/v1/admin/sources.opml", &editor_, opml, Auth::kSession,
                 "text/x-opml");
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(JsonOf(in)["added"], 1);
  EXPECT_EQ(JsonOf(in)["present"], 1);
  EXPECT_EQ(LastAction(), "source.import");
  auto junk = Send(Method::kPost, "/api/v1/admin/sources.opml", &editor_, "<nope", Auth::kSession,
                   "text/x-opml");
  EXPECT_EQ(junk.status, 400) << junk.body;
}

TEST_F(NewsroomResourcesTest, HeldWireItemsArePublishedOrDiscardedFromTheInbox) {
  model::NewSource feed;
  feed.url = "https://wire.example/feed.xml";
  feed.review = true;
  auto source = store_->sources().Add(feed);
  ASSERT_TRUE(source.ok()) << source.error().message;
  std::vector<std::int64_t> held;
  for (int i = 0; i < 2; ++i) {
    model::NewArticle item;
    item.title = "Kabar kawat " + std::to_string(i);
    item.body_html = "<p>Isi kawat.</p>";
    item.slug = "kabar-kawat-" + std::to_string(i);
    item.source_id = *source;
    item.guid = "guid-" + std::to_string(i);
    item.url = "https://wire.example/" + std::to_string(i);
    item.status = model::ArticleStatus::kHeld;
    auto id = store_->articles().Insert(item);
    ASSERT_TRUE(id.ok()) << id.error().message;
    held.push_back(*id);
  }
  json inbox = Call(Method::kGet, "/api/v1/admin/inbox", editor_, nullptr, 200);
  EXPECT_EQ(inbox["items"].size(), 2U);
  json item =
      Call(Method::kGet, "/api/v1/admin/inbox/" + std::to_string(held[0]), editor_, nullptr, 200);
  ASSERT_TRUE(item["wire"].is_object()) << item;
  EXPECT_EQ(item["wire"]["original_title"], "Kabar kawat 0");
  EXPECT_EQ(item["wire"]["source_updated"], false);
  json published =
      Call(Method::kPost, "/api/v1/admin/inbox/" + std::to_string(held[0]) + "/publish", editor_,
           nullptr, 200);
  EXPECT_EQ(published["status"], "published");
  EXPECT_EQ(Send(Method::kGet, published["path"].get<std::string>()).status, 200);
  Call(Method::kPost, "/api/v1/admin/inbox/" + std::to_string(held[1]) + "/discard", editor_,
       nullptr, 200);
  EXPECT_TRUE(Call(Method::kGet, "/api/v1/admin/inbox", editor_, nullptr, 200)["items"].empty());
  // No longer waiting: a second decision is refused.
  Call(Method::kPost, "/api/v1/admin/inbox/" + std::to_string(held[1]) + "/publish", editor_,
       nullptr, 409);
}

TEST_F(NewsroomResourcesTest, TheAuditLogNamesWhoDidWhat) {
  Call(Method::kPost, "/api/v1/admin/articles", editor_, {{"title", "Diaudit"}}, 201);
  json log = Call(Method::kGet, "/api/v1/admin/audit?limit=5", admin_, nullptr, 200);
  ASSERT_FALSE(log["entries"].empty());
  EXPECT_EQ(log["entries"][0]["user"], editor_.name);
  EXPECT_EQ(log["entries"][0]["target_type"], "article");
  EXPECT_EQ(Send(Method::kGet, "/api/v1/admin/audit", &editor_).status, 403);
  Call(Method::kGet, "/api/v1/admin/audit?target_id=1", admin_, nullptr, 400);
}

}  // namespace
}  // namespace warta::web
