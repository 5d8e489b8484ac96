#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "web/request/locale_choice.h"
#include "web/site.h"

namespace warta::web {
namespace {

std::shared_ptr<const Site> MakeSite(std::vector<std::string> locales,
                                     i18n::DateOverrides overrides = {}) {
  auto site =
      Site::Create(SiteSettings{"Media Jepang", "id", "Asia/Jakarta", "https://news.example.org",
                                std::move(overrides), std::move(locales)});
  EXPECT_TRUE(site.ok()) << site.error().message;
  return site.ok() ? *site : nullptr;
}

// A request for target with the given headers; the strings must outlive it.
class FakeRequest {
 public:
  FakeRequest(std::string target, std::vector<std::pair<std::string, std::string>> headers)
      : target_(std::move(target)), headers_(std::move(headers)) {
    request_.target = target_;
    const std::size_t q = target_.find('?');
    request_.path = std::string_view(target_).substr(0, q);
    if (q != std::string::npos) request_.query = std::string_view(target_).substr(q + 1);
    for (const auto& [name, value] : headers_) request_.headers.emplace_back(name, value);
  }
  const http::Request& get() const { return request_; }

 private:
  std::string target_;
  std::vector<std::pair<std::string, std::string>> headers_;
  http::Request request_;
};

std::string Resolve(const Site& site, std::string target,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  FakeRequest request(std::move(target), std::move(headers));
  return ResolveLocale(site, request.get());
}

TEST(LocaleChoiceTest, ParamThenCookieThenAcceptLanguageThenDefault) {
  auto site = MakeSite({"id", "en", "ja"});
  EXPECT_EQ(Resolve(*site, "/"), "id");
  EXPECT_EQ(Resolve(*site, "/", {{"Accept-Language", "en-US,en;q=0.9"}}), "en");
  EXPECT_EQ(Resolve(*site, "/", {{"Accept-Language", "en"}, {"Cookie", "a=1; warta_lang=ja"}}),
            "ja");
  EXPECT_EQ(Resolve(*site, "/?lang=en", {{"Cookie", "warta_lang=ja"}}), "en");
  EXPECT_EQ(Resolve(*site, "/?page=2&lang=ja-JP"), "ja");
  // Unknown values fall through to the next source.
  EXPECT_EQ(Resolve(*site, "/?lang=xx", {{"Cookie", "warta_lang=zz"}, {"Accept-Language", "ja"}}),
            "ja");
  EXPECT_EQ(Resolve(*site, "/?lang=" + std::string(5000, 'e')), "id");
  EXPECT_EQ(Resolve(*site, "/", {{"Accept-Language", std::string(5000, 'e')}}), "id");
}

TEST(LocaleChoiceTest, OnlyOfferedLocales) {
  auto site = MakeSite({"id", "ja"});
  EXPECT_EQ(Resolve(*site, "/?lang=en", {{"Accept-Language", "en, ja;q=0.5"}}), "ja");
  auto single = MakeSite({});
  EXPECT_EQ(Resolve(*single, "/?lang=en", {{"Accept-Language", "en"}}), "id");
  EXPECT_FALSE(single->Offers("en"));
}

TEST(LocaleChoiceTest, SiteForGivesEachLocaleItsStringsAndDates) {
  i18n::DateOverrides overrides;
  overrides.date_pattern = "MMMM d, y";
  overrides.month_names = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                           "Juli",    "Agustus",  "September", "Oktober", "Nopember", "Desember"};
  auto site = MakeSite({"id", "en", "ja"}, overrides);
  constexpr std::int64_t kSeedTime = 1730430000;
  EXPECT_EQ(site->For("id").formatter().LongDate(kSeedTime), "Nopember 1, 2024");
  EXPECT_EQ(site->For("en").formatter().LongDate(kSeedTime), "November 1, 2024");
  EXPECT_EQ(site->For("ja").formatter().LongDate(kSeedTime), "2024年11月1日");
  EXPECT_EQ(site->For("en").T("comments_heading"), "Comments");
  EXPECT_EQ(site->For("xx").locale(), "id");
  EXPECT_EQ(&site->For("en").For("ja"), &site->For("ja"));
  EXPECT_EQ(&site->For("ja").For("id"), site.get());
  EXPECT_EQ(site->For("ja").FormatCounters({1234, 1, 0, 0}).views, "1,234");
  EXPECT_EQ(site->FormatCounters({1234, 1, 0, 0}).views, "1.234");
  EXPECT_EQ(site->For("en").FormatCounters({1, 2, 0, 0}).views_label, "1 view");
  EXPECT_EQ(site->For("en").FormatCounters({1, 2, 0, 0}).likes_label, "2 likes");
}

TEST(LocaleChoiceTest, MarkLocalizedVariesOnlyWhenThereIsAChoice) {
  http::Response response;
  auto site = MakeSite({"id", "en"});
  MarkLocalized(response, site->For("en"));
  EXPECT_EQ(response.Header("Content-Language"), "en");
  EXPECT_EQ(response.Header("Vary"), "Accept-Language, Cookie");
  http::Response single_response;
  MarkLocalized(single_response, *MakeSite({}));
  EXPECT_EQ(single_response.Header("Content-Language"), "id");
  EXPECT_EQ(single_response.Header("Vary"), "");
}

TEST(LocaleChoiceTest, WithoutLangParam) {
  EXPECT_EQ(WithoutLangParam("/"), "/");
  EXPECT_EQ(WithoutLangParam("/?lang=en"), "/");
  EXPECT_EQ(WithoutLangParam("/?page=2&lang=en"), "/?page=2");
  EXPECT_EQ(WithoutLangParam("/?lang=en&page=2&lang=ja&q=x"), "/?page=2&q=x");
  EXPECT_EQ(WithoutLangParam("/a?language=en"), "/a?language=en");
  EXPECT_EQ(WithoutLangParam("/a?lang=en#comments"), "/a#comments");
  EXPECT_EQ(WithoutLangParam("/a#x?lang=en"), "/a#x?lang=en");
  EXPECT_EQ(WithoutLangParam("/a?&&lang&"), "/a");
}

TEST(LocaleChoiceTest, PageDataLinksEveryOfferedLanguage) {
  auto site = MakeSite({"id", "en", "ja"});
  view::Data data = site->For("en").PageData("T", "/?page=2", "", "");
  auto templates = view::Templates::FromSources(
      {{"t",
        "<html lang=\"{{lang}}\">{{#alternates}}[{{hreflang}} {{url}}]{{/alternates}}"
        "{{#locale_links}}({{code}} {{name}} {{url}}{{#current}} *{{/current}}){{/"
        "locale_links}}"}});
  ASSERT_TRUE(templates.ok());
  auto html = (*templates)->Render("t", data);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html,
            "<html lang=\"en\">"
            "[id https://news.example.org/?page=2&amp;lang=id]"
            "[en https://news.example.org/?page=2&amp;lang=en]"
            "[ja https://news.example.org/?page=2&amp;lang=ja]"
            "[x-default https://news.example.org/?page=2]"
            "(id Bahasa Indonesia /lang?set=id&amp;next=%2F%3Fpage%3D2)"
            "(en English /lang?set=en&amp;next=%2F%3Fpage%3D2 *)"
            "(ja 日本語 /lang?set=ja&amp;next=%2F%3Fpage%3D2)");
  view::Data single = MakeSite({})->PageData("T", "/", "", "");
  auto plain = (*templates)->Render("t", single);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "<html lang=\"id\">");
}

}  // namespace
}  // namespace warta::web
