// Contract: full-text search (storage/search_store.h), on both backends: the same analyzer
// (English and Indonesian stems, Japanese words without spaces), phrases, filters, ranking
// that clearly differs (title over body, newer over older), highlights, snippets, hostile
// terms, rebuilds and "did you mean". SQLite's own details (its MATCH syntax, the FTS5
// migration) stay in storage/sqlite/sqlite_search_test.cpp.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "search/highlight.h"
#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/search_store.h"

namespace warta::storage::contract {
namespace {

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kNow = 1'735'689'600;  // 2025-01-01

model::NewArticle Article(std::string title, std::string lang, std::string body_html,
                          std::int64_t published_at = kNow - 30 * kDay) {
  model::NewArticle a;
  a.title = std::move(title);
  a.lang = std::move(lang);
  a.body_html = std::move(body_html);
  a.source = "KYODO";
  a.published_at = published_at;
  return a;
}

SearchFilters Filter(std::string SearchFilters::*field, std::string value) {
  SearchFilters filters;
  filters.*field = std::move(value);
  return filters;
}

// Marked text with [ ] for the match markers, to compare readably.
std::string Readable(std::string text) {
  for (char& c : text) {
    if (c == search::kMatchBegin) c = '[';
    if (c == search::kMatchEnd) c = ']';
  }
  return text;
}

template <typename Backend>
class SearchContract : public StoreContract<Backend> {
 protected:
  SearchStore& search() { return this->store().search(); }

  std::int64_t Add(const model::NewArticle& a) {
    auto id = this->store().articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  SearchResults Find(std::vector<std::string> terms, SearchFilters filters = {}, bool any = false) {
    SearchRequest request;
    request.terms = std::move(terms);
    request.filters = std::move(filters);
    request.match_any = any;
    request.now_unix = kNow;
    auto results = search().Search(request);
    EXPECT_TRUE(results.ok()) << results.error().message;
    return results.ok() ? std::move(results).value() : SearchResults{};
  }

  std::vector<std::int64_t> Ids(std::vector<std::string> terms, SearchFilters filters = {}) {
    std::vector<std::int64_t> ids;
    for (const SearchHit& hit : Find(std::move(terms), std::move(filters)).hits) {
      ids.push_back(hit.article.id);
    }
    return ids;
  }
};
TYPED_TEST_SUITE(SearchContract, Backends, BackendNames);

TYPED_TEST(SearchContract, EnglishWordsAndTheirInflections) {
  auto seed =
      this->Add(Article("Japan, EU agree on security, defense partnership with China in mind", "en",
                        "<p>Japan and the European Union on Friday agreed on the Security and "
                        "Defense Partnership.</p><p>The agreement was released by EU foreign "
                        "policy chief Josep Borrell.</p>"));
  this->Add(Article("Rice prices rise", "en", "<p>Farmers disagree about the cause.</p>"));
  EXPECT_EQ(this->Ids({"borrell"}), std::vector<std::int64_t>{seed});
  EXPECT_EQ(this->Ids({"agreeing"}), std::vector<std::int64_t>{seed});
  EXPECT_EQ(this->Ids({"partnerships"}), std::vector<std::int64_t>{seed});
  EXPECT_TRUE(this->Ids({"nonexistentword"}).empty());

  SearchResults r = this->Find({"agreeing"});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(Readable(r.hits[0].title_marked),
            "Japan, EU [agree] on security, defense partnership with China in mind");
  EXPECT_NE(Readable(r.hits[0].snippet).find("[agreed]"), std::string::npos)
      << Readable(r.hits[0].snippet);
  EXPECT_GT(r.hits[0].score, 0);
  EXPECT_EQ(r.hits[0].article.source, "KYODO");
}

TYPED_TEST(SearchContract, IndonesianAffixesMeetTheRoot) {
  auto a = this->Add(Article("Jepang dan Uni Eropa sepakati kemitraan keamanan", "id",
                             "<p>Kedua pihak menyebut kemitraan keamanan penting.</p>"));
  auto b = this->Add(Article("Analis: kemitraan keamanan memperkuat kawasan", "id",
                             "<p>Kemitraan semacam ini dapat memperkuat stabilitas.</p>"));
  auto ids = this->Ids({"bermitra"});
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{a, b}));
  // A phrase keeps its word order.
  EXPECT_EQ(this->Ids({"kemitraan keamanan"}).size(), 2u);
  EXPECT_TRUE(this->Ids({"keamanan kemitraan"}).empty());
  EXPECT_EQ(this->Ids({"bermitra"}, Filter(&SearchFilters::lang, "en")).size(), 0u);
  EXPECT_EQ(this->Ids({"bermitra"}, Filter(&SearchFilters::lang, "id")).size(), 2u);
}

TYPED_TEST(SearchContract, JapaneseWordInsideASentenceWithoutSpaces) {
  auto ja = this->Add(Article("日欧、防衛協力の強化で一致", "ja",
                              "<p>日本と欧州連合は防衛分野での協力を強化する。</p>"));
  this->Add(Article("北海道で初雪", "ja", "<p>札幌で初雪を観測した。</p>"));
  EXPECT_EQ(this->Ids({"防衛"}), std::vector<std::int64_t>{ja});
  EXPECT_EQ(this->Ids({"防衛 分野"}), std::vector<std::int64_t>{ja});  // a phrase
  SearchResults r = this->Find({"防衛"});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(Readable(r.hits[0].snippet), "日本と欧州連合は[防衛]分野での協力を強化する。");
  EXPECT_EQ(Readable(r.hits[0].title_marked), "日欧、[防衛]協力の強化で一致");
}

TYPED_TEST(SearchContract, ArticlesOfUnknownLanguageAreStemmedInTheDefaultLanguages) {
  auto id = this->Add(Article("Kemitraan baru", "", "<p>Tanpa bahasa.</p>"));
  EXPECT_EQ(this->Ids({"bermitra"}), std::vector<std::int64_t>{id});
  EXPECT_EQ(this->Ids({"kemitraan"}), std::vector<std::int64_t>{id});
}

TYPED_TEST(SearchContract, TagsAndSourceAreSearchedAndFiltered) {
  auto a = Article("Gempa di Noto", "id", "<p>Gempa kuat.</p>");
  a.tags = {"bencana", "Ishikawa"};
  a.source = "MAINICHI";
  auto tagged = this->Add(a);
  auto other = this->Add(Article("Gempa kecil di Chiba", "id", "<p>Tidak ada kerusakan.</p>"));
  EXPECT_EQ(this->Ids({"ishikawa"}), std::vector<std::int64_t>{tagged});
  EXPECT_EQ(this->Ids({"mainichi"}), std::vector<std::int64_t>{tagged});
  EXPECT_EQ(this->Ids({"gempa"}, Filter(&SearchFilters::tag, "bencana")),
            std::vector<std::int64_t>{tagged});
  EXPECT_EQ(this->Ids({"gempa"}, Filter(&SearchFilters::source, "mainichi")),
            std::vector<std::int64_t>{tagged});
  EXPECT_EQ(this->Ids({"gempa"}, Filter(&SearchFilters::source, "KYODO")),
            std::vector<std::int64_t>{other});
}

TYPED_TEST(SearchContract, DateRangeAndPagination) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(this->Add(Article("Topan " + std::to_string(i), "id", "<p>Topan mendekat.</p>",
                                    kNow - (10 - i) * kDay)));
  }
  SearchFilters range;
  range.published_from = kNow - 9 * kDay;
  range.published_to = kNow - 7 * kDay;
  auto in_range = this->Ids({"topan"}, range);
  std::sort(in_range.begin(), in_range.end());
  EXPECT_EQ(in_range, (std::vector<std::int64_t>{ids[1], ids[2], ids[3]}));

  SearchRequest request;
  request.terms = {"topan"};
  request.now_unix = kNow;
  request.limit = 2;
  std::vector<std::int64_t> seen;
  for (int offset = 0; offset < 6; offset += 2) {
    request.offset = offset;
    auto page = this->search().Search(request);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 5);
    for (const auto& hit : page->hits) seen.push_back(hit.article.id);
  }
  // Equal text: the newer article first (recency), every article once.
  EXPECT_EQ(seen, (std::vector<std::int64_t>{ids[4], ids[3], ids[2], ids[1], ids[0]}));
}

TYPED_TEST(SearchContract, TitleMatchesOutrankBodyMatchesAndAnyTermMode) {
  auto body = this->Add(Article("Harga beras naik", "id", "<p>Soal tarif disebut sekilas.</p>"));
  auto title = this->Add(Article("Tarif baru berlaku", "id", "<p>Pemerintah mengumumkan.</p>"));
  EXPECT_EQ(this->Ids({"tarif"}), (std::vector<std::int64_t>{title, body}));
  EXPECT_EQ(this->Find({"tarif", "beras"}).hits.size(), 1u);
  EXPECT_EQ(this->Find({"tarif", "beras"}, {}, /*any=*/true).total, 2);
}

TYPED_TEST(SearchContract, IndexFollowsEditsAndHeldArticlesStayOut) {
  auto id = this->Add(Article("Kabar lama", "id", "<p>Kata pertama.</p>"));
  ASSERT_TRUE(this->store().articles().UpdateBody(id, "<p>Kata kedua.</p>").ok());
  EXPECT_TRUE(this->Ids({"pertama"}).empty());
  EXPECT_EQ(this->Ids({"kedua"}), std::vector<std::int64_t>{id});
  ASSERT_TRUE(this->store().articles().AddViews({{id, 5}}, 20000).ok());
  EXPECT_EQ(this->Ids({"kedua"}), std::vector<std::int64_t>{id});
  auto held = Article("Tertahan", "id", "<p>Belum terbit.</p>");
  held.status = model::ArticleStatus::kHeld;
  this->Add(held);
  EXPECT_TRUE(this->Ids({"tertahan"}).empty());
}

TYPED_TEST(SearchContract, HostileTermsNeverBecomeSyntax) {
  this->Add(Article("Borrell", "en", "<p>AND OR NOT NEAR title body \"quoted\" it's</p>"));
  const std::vector<std::string> hostile = {"\"",
                                            "\"\"",
                                            "a\" OR \"b",
                                            "NEAR(",
                                            "*",
                                            "title:x",
                                            "^",
                                            "-",
                                            "(",
                                            ")",
                                            "{body}:x",
                                            std::string("\x1F") + "en" + "\x1F",
                                            std::string("x\x02y\x03", 4),
                                            "",
                                            " ",
                                            "'",
                                            "''",
                                            "\\",
                                            "a & b | !c <-> d:*",
                                            "it's",
                                            "\"borrell",
                                            "borrell\"",
                                            "AND",
                                            "OR NOT"};
  for (const std::string& term : hostile) {
    SearchRequest request;
    request.terms = {term};
    auto results = this->search().Search(request);
    EXPECT_TRUE(results.ok()) << term << ": " << results.error().message;
  }
  EXPECT_EQ(this->Find({"near"}).total, 1);
  EXPECT_EQ(this->Find({"or not"}).total, 1);
  EXPECT_EQ(this->Find({"borrell\""}).total, 1);
}

TYPED_TEST(SearchContract, BoundsAreChecked) {
  SearchRequest request;
  request.terms = {"x"};
  request.limit = 0;
  EXPECT_EQ(this->search().Search(request).error().code, ErrorCode::kInvalidArgument);
  request.limit = 101;
  EXPECT_FALSE(this->search().Search(request).ok());
  request.limit = 10;
  request.offset = -1;
  EXPECT_FALSE(this->search().Search(request).ok());
  request.offset = 0;
  request.terms.clear();
  auto none = this->search().Search(request);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0);
}

TYPED_TEST(SearchContract, RebuildReindexesEverything) {
  auto id = this->Add(Article("Kemitraan", "id", "<p>Isi.</p>"));
  auto held = Article("Tertahan", "id", "<p>Belum.</p>");
  held.status = model::ArticleStatus::kHeld;
  this->Add(held);
  auto rebuilt = this->search().Rebuild();
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().message;
  EXPECT_EQ(*rebuilt, 1);
  EXPECT_EQ(this->Ids({"bermitra"}), std::vector<std::int64_t>{id});
  EXPECT_TRUE(this->Ids({"tertahan"}).empty());
}

TYPED_TEST(SearchContract, SuggestsWordsTheArticlesUse) {
  this->Add(
      Article("Japan, EU agree", "en", "<p>EU foreign policy chief Josep Borrell spoke.</p>"));
  this->Add(Article("Kemitraan keamanan", "id", "<p>Kemitraan baru.</p>"));
  using Terms = std::vector<std::string>;
  auto suggest = [this](Terms terms) {
    auto suggested = this->search().Suggest(terms);
    EXPECT_TRUE(suggested.ok()) << suggested.error().message;
    return suggested.ok() ? *suggested : Terms{"(error)"};
  };
  EXPECT_EQ(suggest({"borell"}), Terms{"borrell"});
  EXPECT_EQ(suggest({"kemitran"}), Terms{"kemitraan"});
  EXPECT_EQ(suggest({"防衛", "borell", "josep borrell"}),
            (Terms{"防衛", "borrell", "josep borrell"}));
  EXPECT_TRUE(suggest({"borrell"}).empty());
  EXPECT_TRUE(suggest({"xqzvwk"}).empty());
  EXPECT_TRUE(suggest({}).empty());
}

}  // namespace
}  // namespace warta::storage::contract
