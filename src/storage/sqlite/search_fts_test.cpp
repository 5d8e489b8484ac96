// The "warta" FTS5 tokenizer and the index functions, registered on every Connection: what
// terms SQLite stores for a value (read back through an fts5vocab table), on a real file.
#include "storage/sqlite/search_fts.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "storage/sqlite/database.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
namespace {

using Terms = std::vector<std::string>;

class SearchFtsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = Connection::Open(dir_.File("fts.db"), &write_mutex_);
    ASSERT_TRUE(connection.ok()) << connection.error().message;
    db_ = std::move(*connection);
    ASSERT_TRUE(db_->Exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'warta');"
                          "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');")
                    .ok());
  }

  // The distinct terms the index holds after storing `value` alone.
  Terms IndexedTerms(const std::string& value) {
    EXPECT_TRUE(db_->Exec("DELETE FROM t").ok());
    auto insert = db_->Prepare("INSERT INTO t (x) VALUES (?)");
    EXPECT_TRUE(insert.ok());
    insert->Bind(1, value);
    auto done = insert->Run();
    EXPECT_TRUE(done.ok()) << done.error().message;
    return Column("SELECT term FROM v ORDER BY term");
  }

  Terms Column(const std::string& sql, const std::string& arg = {}) {
    auto select = db_->Prepare(sql);
    EXPECT_TRUE(select.ok()) << select.error().message;
    if (!select.ok()) return {};
    if (!arg.empty()) select->Bind(1, arg);
    Terms out;
    for (;;) {
      auto row = select->Step();
      EXPECT_TRUE(row.ok()) << row.error().message;
      if (!row.ok() || !*row) return out;
      out.push_back(select->Text(0));
    }
  }

  std::string Marked(const std::string& lang, const std::string& text) {
    return LangMarker({lang}) + text;
  }

  test_util::TempDir dir_;
  std::mutex write_mutex_;
  std::unique_ptr<Connection> db_;
};

TEST_F(SearchFtsTest, KnownLanguageIsStemmedInThatLanguageOnly) {
  EXPECT_EQ(IndexedTerms(Marked("en", "Agreeing PARTNERS, 2024")),
            (Terms{"2024", "agre", "partner"}));
  EXPECT_EQ(IndexedTerms(Marked("id", "Kemitraan keamanan")), (Terms{"aman", "mitra"}));
  // A tag with a region stems as its language.
  EXPECT_EQ(IndexedTerms(Marked("en-GB", "agreed")), Terms{"agre"});
}

TEST_F(SearchFtsTest, UnknownLanguageKeepsThePlainWordAndDefaultStems) {
  EXPECT_EQ(IndexedTerms(Marked("", "kemitraan")), (Terms{"kemitraan", "mitra"}));
  EXPECT_EQ(IndexedTerms("no marker at all"), (Terms{"all", "at", "marker", "no"}));
}

TEST_F(SearchFtsTest, JapaneseIsSplitIntoWordsWithoutSpaces) {
  Terms terms = IndexedTerms(Marked("ja", "日本と欧州連合は防衛分野での協力を強化する"));
  EXPECT_NE(std::find(terms.begin(), terms.end(), "防衛"), terms.end());
  EXPECT_NE(std::find(terms.begin(), terms.end(), "分野"), terms.end());
  EXPECT_EQ(std::find(terms.begin(), terms.end(), "防衛分野"), terms.end());
  // Full-width forms fold (NFKC_Casefold).
  EXPECT_EQ(IndexedTerms(Marked("ja", "ＥＵ")), Terms{"eu"});
}

TEST_F(SearchFtsTest, QueriesAreStemmedInTheListedAndDefaultLanguages) {
  IndexedTerms(Marked("de", "Partnerschaften"));  // German stem: partnerschaft
  auto match = [this](const std::string& query) {
    return Column("SELECT rowid FROM t WHERE t MATCH ?", query).size();
  };
  EXPECT_EQ(match("\"" + LangMarker({"de"}) + "partnerschaften\""), 1u);
  EXPECT_EQ(match("\"" + LangMarker({}) + "partnerschaften\""), 0u);  // only id and en
  IndexedTerms(Marked("id", "Kemitraan keamanan"));
  // Indonesian is a default language: every query is also stemmed in it.
  EXPECT_EQ(match("\"" + LangMarker({"en"}) + "bermitra\""), 1u);
}

TEST_F(SearchFtsTest, HighlightOffsetsPointIntoTheStoredText) {
  IndexedTerms(Marked("en", "EU <agreed> on security"));
  Terms marked = Column("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?",
                        "\"" + LangMarker({"en"}) + "agreeing\"");
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(StripLangMarker(marked[0]), "EU <[agreed]> on security");
}

TEST_F(SearchFtsTest, IndexFunctionsStripControlCharactersAndMarkup) {
  EXPECT_EQ(Column("SELECT warta_search_text('en', ?)", std::string("a\x1F"
                                                                    "b\x02"
                                                                    "c\n")),
            Terms{LangMarker({"en"}) + "a b c\n"});
  EXPECT_EQ(Column("SELECT warta_search_html('id', ?)", "<p>Satu &amp; <b>dua</b></p><p>x</p>"),
            Terms{LangMarker({"id"}) + "Satu & dua x"});
  // A language that could forge the marker is dropped.
  EXPECT_EQ(Column("SELECT warta_search_text(?, 'x')",
                   "en\x1F"
                   "x"),
            Terms{LangMarker({}) + "x"});
}

// Without warta's registration (the sqlite3 shell, another program) the index is unusable,
// which is why Connection::Open registers it on every connection.
TEST_F(SearchFtsTest, PlainConnectionsDoNotKnowTheTokenizer) {
  IndexedTerms(Marked("en", "partners"));
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("fts.db").c_str(), &raw), SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(raw, "SELECT count(*) FROM t WHERE t MATCH 'partner'", nullptr, nullptr,
                        &message);
  EXPECT_NE(rc, SQLITE_OK);
  EXPECT_NE(std::string(message != nullptr ? message : "").find("warta"), std::string::npos);
  sqlite3_free(message);
  sqlite3_close(raw);
  // A second warta connection to the same file works.
  std::mutex other_mutex;
  auto second = Connection::Open(dir_.File("fts.db"), &other_mutex);
  ASSERT_TRUE(second.ok());
  auto count = (*second)->Prepare("SELECT count(*) FROM t WHERE t MATCH 'partner'");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->Int64(0), 1);
}

}  // namespace
}  // namespace warta::storage::sqlite
