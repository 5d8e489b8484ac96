// Full-text search on a real SQLite file: the index kept by triggers, the "warta" FTS5
// tokenizer, ranking, filters, highlights and hostile terms.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/highlight.h"
#include "storage/migrations/migrations.h"
#include "storage/sqlite/migrate.h"
#include "storage/sqlite/search_fts.h"
#include "storage/sqlite/sqlite_search_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
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

class SqliteSearchTest : public test_util::MigratedSqliteStore {
 protected:
  std::int64_t Add(const model::NewArticle& a) {
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  SearchResults Find(std::vector<std::string> terms, SearchFilters filters = {}, bool any = false) {
    SearchRequest request;
    request.terms = std::move(terms);
    request.filters = std::move(filters);
    request.match_any = any;
    request.now_unix = kNow;
    auto results = store_->search().Search(request);
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

  void Exec(const std::string& sql) {
    auto lease = store_->pool().Acquire();
    ASSERT_TRUE(lease.ok());
    auto done = (*lease)->Exec(sql);
    ASSERT_TRUE(done.ok()) << done.error().message;
  }
};

TEST_F(SqliteSearchTest, EnglishWordsAndTheirInflections) {
  auto seed =
      Add(Article("Japan, EU agree on security, defense partnership with China in mind", "en",
                  "<p>Japan and the European Union on Friday agreed on the Security and "
                  "Defense Partnership.</p><p>The agreement was released by EU foreign "
                  "policy chief Josep Borrell.</p>"));
  Add(Article("Rice prices rise", "en", "<p>Farmers disagree about the cause.</p>"));
  EXPECT_EQ(Ids({"borrell"}), std::vector<std::int64_t>{seed});
  EXPECT_EQ(Ids({"agreeing"}), std::vector<std::int64_t>{seed});
  EXPECT_EQ(Ids({"partnerships"}), std::vector<std::int64_t>{seed});
  EXPECT_TRUE(Ids({"nonexistentword"}).empty());

  SearchResults r = Find({"agreeing"});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(Readable(r.hits[0].title_marked),
            "Japan, EU [agree] on security, defense partnership with China in mind");
  EXPECT_NE(Readable(r.hits[0].snippet).find("[agreed]"), std::string::npos)
      << Readable(r.hits[0].snippet);
  EXPECT_GT(r.hits[0].score, 0);
  EXPECT_EQ(r.hits[0].article.source, "KYODO");
}

TEST_F(SqliteSearchTest, IndonesianAffixesMeetTheRoot) {
  auto a = Add(Article("Jepang dan Uni Eropa sepakati kemitraan keamanan", "id",
                       "<p>Kedua pihak menyebut kemitraan keamanan penting.</p>"));
  auto b = Add(Article("Analis: kemitraan keamanan memperkuat kawasan", "id",
                       "<p>Kemitraan semacam ini dapat memperkuat stabilitas.</p>"));
  auto ids = Ids({"bermitra"});
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{a, b}));
  // A phrase keeps its word order.
  EXPECT_EQ(Ids({"kemitraan keamanan"}).size(), 2u);
  EXPECT_TRUE(Ids({"keamanan kemitraan"}).empty());
  // The language filter.
  EXPECT_EQ(Ids({"bermitra"}, Filter(&SearchFilters::lang, "en")).size(), 0u);
  EXPECT_EQ(Ids({"bermitra"}, Filter(&SearchFilters::lang, "id")).size(), 2u);
}

TEST_F(SqliteSearchTest, JapaneseWordInsideASentenceWithoutSpaces) {
  auto ja = Add(Article("日欧、防衛協力の強化で一致", "ja",
                        "<p>日本と欧州連合は防衛分野での協力を強化する。</p>"));
  Add(Article("北海道で初雪", "ja", "<p>札幌で初雪を観測した。</p>"));
  EXPECT_EQ(Ids({"防衛"}), std::vector<std::int64_t>{ja});
  EXPECT_EQ(Ids({"防衛 分野"}), std::vector<std::int64_t>{ja});  // a phrase
  SearchResults r = Find({"防衛"});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(Readable(r.hits[0].snippet), "日本と欧州連合は[防衛]分野での協力を強化する。");
  EXPECT_EQ(Readable(r.hits[0].title_marked), "日欧、[防衛]協力の強化で一致");
}

TEST_F(SqliteSearchTest, ArticlesOfUnknownLanguageAreStemmedInTheDefaultLanguages) {
  auto id = Add(Article("Kemitraan baru", "", "<p>Tanpa bahasa.</p>"));
  EXPECT_EQ(Ids({"bermitra"}), std::vector<std::int64_t>{id});
  EXPECT_EQ(Ids({"kemitraan"}), std::vector<std::int64_t>{id});
}

TEST_F(SqliteSearchTest, TagsAndSourceAreSearchedAndFiltered) {
  auto a = Article("Gempa di Noto", "id", "<p>Gempa kuat.</p>");
  a.tags = {"bencana", "Ishikawa"};
  a.source = "MAINICHI";
  auto tagged = Add(a);
  auto other = Add(Article("Gempa kecil di Chiba", "id", "<p>Tidak ada kerusakan.</p>"));
  EXPECT_EQ(Ids({"ishikawa"}), std::vector<std::int64_t>{tagged});
  EXPECT_EQ(Ids({"mainichi"}), std::vector<std::int64_t>{tagged});
  EXPECT_EQ(Ids({"gempa"}, Filter(&SearchFilters::tag, "bencana")),
            std::vector<std::int64_t>{tagged});
  EXPECT_EQ(Ids({"gempa"}, Filter(&SearchFilters::source, "mainichi")),
            std::vector<std::int64_t>{tagged});
  EXPECT_EQ(Ids({"gempa"}, Filter(&SearchFilters::source, "KYODO")),
            std::vector<std::int64_t>{other});
}

TEST_F(SqliteSearchTest, DateRangeAndPagination) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(Add(Article("Topan " + std::to_string(i), "id", "<p>Topan mendekat.</p>",
                              kNow - (10 - i) * kDay)));
  }
  SearchFilters range;
  range.published_from = kNow - 9 * kDay;
  range.published_to = kNow - 7 * kDay;
  auto in_range = Ids({"topan"}, range);
  std::sort(in_range.begin(), in_range.end());
  EXPECT_EQ(in_range, (std::vector<std::int64_t>{ids[1], ids[2], ids[3]}));

  SearchRequest request;
  request.terms = {"topan"};
  request.now_unix = kNow;
  request.limit = 2;
  std::vector<std::int64_t> seen;
  for (int offset = 0; offset < 6; offset += 2) {
    request.offset = offset;
    auto page = store_->search().Search(request);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 5);
    for (const auto& hit : page->hits) seen.push_back(hit.article.id);
  }
  // Equal text: the newer article first (recency), every article once.
  EXPECT_EQ(seen, (std::vector<std::int64_t>{ids[4], ids[3], ids[2], ids[1], ids[0]}));
}

TEST_F(SqliteSearchTest, TitleMatchesOutrankBodyMatchesAndAnyTermMode) {
  auto body = Add(Article("Harga beras naik", "id", "<p>Soal tarif disebut sekilas.</p>"));
  auto title = Add(Article("Tarif baru berlaku", "id", "<p>Pemerintah mengumumkan.</p>"));
  EXPECT_EQ(Ids({"tarif"}), (std::vector<std::int64_t>{title, body}));
  EXPECT_TRUE(Find({"tarif", "beras"}).hits.size() == 1);
  EXPECT_EQ(Find({"tarif", "beras"}, {}, /*any=*/true).total, 2);
}

TEST_F(SqliteSearchTest, IndexFollowsEditsAndDeletes) {
  auto id = Add(Article("Kabar lama", "id", "<p>Kata pertama.</p>"));
  ASSERT_TRUE(store_->articles().UpdateBody(id, "<p>Kata kedua.</p>").ok());
  EXPECT_TRUE(Ids({"pertama"}).empty());
  EXPECT_EQ(Ids({"kedua"}), std::vector<std::int64_t>{id});
  // Counter updates do not touch the index (the triggers watch the indexed columns only).
  ASSERT_TRUE(store_->articles().AddViews({{id, 5}}, 20000).ok());
  EXPECT_EQ(Ids({"kedua"}), std::vector<std::int64_t>{id});
  Exec("DELETE FROM articles WHERE id = " + std::to_string(id));
  EXPECT_TRUE(Ids({"kedua"}).empty());
}

TEST_F(SqliteSearchTest, HostileTermsNeverBecomeSyntax) {
  Add(Article("Borrell", "en", "<p>AND OR NOT NEAR title body \"quoted\"</p>"));
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
                                            "\"borrell",
                                            "borrell\"",
                                            "AND",
                                            "OR NOT"};
  for (const std::string& term : hostile) {
    SearchRequest request;
    request.terms = {term};
    auto results = store_->search().Search(request);
    EXPECT_TRUE(results.ok()) << term << ": " << results.error().message;
  }
  // Operator words are plain words.
  EXPECT_EQ(Find({"near"}).total, 1);
  EXPECT_EQ(Find({"or not"}).total, 1);
  // A quote inside a term is text, and punctuation is no word: this is just "borrell".
  EXPECT_EQ(Find({"borrell\""}).total, 1);
}

TEST_F(SqliteSearchTest, MatchExpressionQuotesEveryTerm) {
  EXPECT_EQ(BuildMatchExpression({"a\"b", "c d"}, false, {"en"}),
            "\"\x1F"
            "en\x1F"
            "a\"\"b\" AND \"\x1F"
            "en\x1F"
            "c d\"");
  EXPECT_EQ(BuildMatchExpression({"x", "y"}, true, {}), "\"\x1F\x1Fx\" OR \"\x1F\x1Fy\"");
  EXPECT_EQ(BuildMatchExpression({" ", "\x01"}, false, {}), "");
  EXPECT_EQ(LangMarker({"en", "bad lang", "id"}),
            "\x1F"
            "en,id\x1F");
  EXPECT_EQ(StripLangMarker("\x1F"
                            "en\x1F"
                            "text"),
            "text");
  EXPECT_EQ(StripLangMarker("text"), "text");
}

TEST_F(SqliteSearchTest, BoundsAreChecked) {
  SearchRequest request;
  request.terms = {"x"};
  request.limit = 0;
  EXPECT_EQ(store_->search().Search(request).error().code, ErrorCode::kInvalidArgument);
  request.limit = 101;
  EXPECT_FALSE(store_->search().Search(request).ok());
  request.limit = 10;
  request.offset = -1;
  EXPECT_FALSE(store_->search().Search(request).ok());
  request.offset = 0;
  request.terms.clear();
  auto none = store_->search().Search(request);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0);
}

TEST_F(SqliteSearchTest, RebuildReindexesEverything) {
  auto id = Add(Article("Kemitraan", "id", "<p>Isi.</p>"));
  auto rebuilt = store_->search().Rebuild();
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().message;
  EXPECT_EQ(*rebuilt, 1);
  EXPECT_EQ(Ids({"bermitra"}), std::vector<std::int64_t>{id});
  Exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
}

TEST_F(SqliteSearchTest, SuggestsWordsTheArticlesUse) {
  Add(Article("Japan, EU agree", "en", "<p>EU foreign policy chief Josep Borrell spoke.</p>"));
  Add(Article("Kemitraan keamanan", "id", "<p>Kemitraan baru.</p>"));
  using Terms = std::vector<std::string>;
  auto suggest = [this](Terms terms) {
    auto suggested = store_->search().Suggest(terms);
    EXPECT_TRUE(suggested.ok()) << suggested.error().message;
    return suggested.ok() ? *suggested : Terms{"(error)"};
  };
  // A letter missing: the word as the article writes it (folded), not the index's stem.
  EXPECT_EQ(suggest({"borell"}), Terms{"borrell"});
  // Indonesian: the stem (prefix and suffix gone) is what is close.
  EXPECT_EQ(suggest({"kemitran"}), Terms{"kemitraan"});
  // Phrases and other scripts stay; correct words give nothing to suggest.
  EXPECT_EQ(suggest({"防衛", "borell", "josep borrell"}),
            (Terms{"防衛", "borrell", "josep borrell"}));
  EXPECT_TRUE(suggest({"borrell"}).empty());
  EXPECT_TRUE(suggest({"xqzvwk"}).empty());
  EXPECT_TRUE(suggest({}).empty());
}

// Articles stored before the search migration are indexed by it.
TEST(SqliteSearchMigrationTest, ExistingArticlesAreIndexed) {
  test_util::TempDir dir;
  auto store = SqliteStore::Open(dir.File("old.db"));
  ASSERT_TRUE(store.ok());
  auto all = migrations::Sqlite();
  std::size_t search_index = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].sql.find("CREATE VIRTUAL TABLE search_index") != std::string_view::npos) {
      search_index = i;
    }
  }
  ASSERT_GT(search_index, 0u);
  {
    auto lease = (*store)->pool().Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE(ApplyMigrations(**lease, all.first(search_index)).ok());
    ASSERT_TRUE((*lease)
                    ->Exec("INSERT INTO articles (title, source, published_at, created_at, "
                           "updated_at, lang, body_html) VALUES ('Kemitraan lama', 'JIJI', 1, 1, "
                           "1, 'id', '<p>Arsip &amp; sejarah</p>');"
                           "INSERT INTO article_tags (article_id, tag) VALUES (1, 'arsip')")
                    .ok());
  }
  ASSERT_TRUE((*store)->Migrate().ok());
  SearchRequest request;
  request.terms = {"bermitra"};
  auto found = (*store)->search().Search(request);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(Readable(found->hits[0].snippet), "Arsip & sejarah");
  request.terms = {"arsip"};
  EXPECT_EQ((*store)->search().Search(request)->total, 1);
}

}  // namespace
}  // namespace warta::storage::sqlite
