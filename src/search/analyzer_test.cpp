#include "search/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "search/stemmer.h"

namespace warta::search {
namespace {

std::unique_ptr<Analyzer> Make() {
  auto analyzer = Analyzer::Create();
  EXPECT_TRUE(analyzer.ok());
  return std::move(analyzer).value();
}

std::vector<std::string> Words(Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> words;
  analyzer.ForEachWord(text, [&words](const Word& word) {
    words.emplace_back(word.normalized);
    return true;
  });
  return words;
}

// Terms as "term" or "+term" for a colocated one.
std::vector<std::string> Terms(Analyzer& analyzer, std::string_view text, const Forms& forms) {
  std::vector<std::string> terms;
  analyzer.Tokenize(text, forms,
                    [&terms](std::string_view term, std::size_t, std::size_t, bool colocated) {
                      terms.push_back((colocated ? "+" : "") + std::string(term));
                      return true;
                    });
  return terms;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(AnalyzerTest, JapaneseWithoutSpacesBreaksIntoWords) {
  auto analyzer = Make();
  auto words = Words(*analyzer, "日本と欧州連合は防衛分野での協力を強化する");
  EXPECT_TRUE(Contains(words, "防衛")) << ::testing::PrintToString(words);
  EXPECT_TRUE(Contains(words, "協力"));
  EXPECT_FALSE(Contains(words, "防衛分野での協力を強化する"));
  // The query word breaks the same way on its own.
  EXPECT_EQ(Words(*analyzer, "防衛"), std::vector<std::string>{"防衛"});
}

TEST(AnalyzerTest, OffsetsAreBytesOfTheOriginalText) {
  auto analyzer = Make();
  const std::string text = "「防衛」 and Borrell";
  std::vector<std::string> slices;
  analyzer->ForEachWord(text, [&](const Word& word) {
    slices.push_back(text.substr(word.begin, word.end - word.begin));
    return true;
  });
  EXPECT_EQ(slices, (std::vector<std::string>{"防衛", "and", "Borrell"}));
}

TEST(AnalyzerTest, CaseFoldingAndNfkc) {
  auto analyzer = Make();
  EXPECT_EQ(Words(*analyzer, "BORRELL Ｂｏｒｒｅｌｌ ﬁnance Straße ｶﾀｶﾅ"),
            (std::vector<std::string>{"borrell", "borrell", "finance", "strasse", "カタカナ"}));
  EXPECT_EQ(NormalizeText("ÉCOLE"), "école");
}

TEST(AnalyzerTest, PunctuationAndSymbolsAreNotWords) {
  auto analyzer = Make();
  EXPECT_TRUE(Words(*analyzer, "\"*\" () -- ^ : ... 。、 🙂").empty());
  EXPECT_EQ(Words(*analyzer, "AND OR NEAR(x)"),
            (std::vector<std::string>{"and", "or", "near", "x"}));
}

TEST(AnalyzerTest, ColonsSeparateWords) {
  auto analyzer = Make();
  const std::string text = "title:Borrell c:a ::x";
  std::vector<std::string> slices;
  analyzer->ForEachWord(text, [&](const Word& word) {
    slices.push_back(text.substr(word.begin, word.end - word.begin));
    return true;
  });
  EXPECT_EQ(slices, (std::vector<std::string>{"title", "Borrell", "c", "a", "x"}));
}

TEST(AnalyzerTest, InvalidUtf8SeparatesWords) {
  auto analyzer = Make();
  auto words = Words(*analyzer, std::string("ab\xff\xfe"
                                            "cd \xc3(",
                                            9));
  EXPECT_EQ(words, (std::vector<std::string>{"ab", "cd"}));
}

TEST(AnalyzerTest, OverlongWordsAreSkipped) {
  auto analyzer = Make();
  std::string blob(kMaxWordBytes + 1, 'a');
  EXPECT_EQ(Words(*analyzer, blob + " ok"), std::vector<std::string>{"ok"});
}

TEST(AnalyzerTest, EnglishStemming) {
  auto analyzer = Make();
  EXPECT_EQ(analyzer->Stem("en", "agreeing"), "agre");
  EXPECT_EQ(analyzer->Stem("en", "agreed"), "agre");
  EXPECT_EQ(analyzer->Stem("en-GB", "partners"), "partner");
}

// Snowball's Indonesian algorithm removes the ber- prefix and the ke-...-an confix itself,
// so no extra affix step is needed: both reach the root "mitra".
TEST(AnalyzerTest, IndonesianStemmingReachesTheRoot) {
  auto analyzer = Make();
  EXPECT_EQ(analyzer->Stem("id", "bermitra"), "mitra");
  EXPECT_EQ(analyzer->Stem("id", "kemitraan"), "mitra");
  EXPECT_EQ(analyzer->Stem("id", "keamanan"), "aman");
}

TEST(AnalyzerTest, LanguagesWithoutStemmerKeepTheWord) {
  auto analyzer = Make();
  EXPECT_EQ(analyzer->Stem("ja", "防衛"), "防衛");
  EXPECT_EQ(analyzer->Stem("", "agreeing"), "agreeing");
  EXPECT_EQ(analyzer->Stem("xx", "agreeing"), "agreeing");
}

TEST(AnalyzerTest, TokenizeEmitsEachDistinctFormOnceWithColocatedAlternatives) {
  auto analyzer = Make();
  Forms document{{"en"}, false};
  EXPECT_EQ(Terms(*analyzer, "Agreeing partners", document),
            (std::vector<std::string>{"agre", "partner"}));
  Forms query{{"en", "id"}, true};
  EXPECT_EQ(Terms(*analyzer, "bermitra", query), (std::vector<std::string>{"bermitra", "+mitra"}));
  EXPECT_EQ(Terms(*analyzer, "agreeing", query), (std::vector<std::string>{"agre", "+agreeing"}));
  // Ideographs and numbers are never stemmed.
  EXPECT_EQ(Terms(*analyzer, "防衛 2024", query), (std::vector<std::string>{"防衛", "2024"}));
  // No forms at all: the plain word.
  EXPECT_EQ(Terms(*analyzer, "Agreeing", Forms{}), std::vector<std::string>{"agreeing"});
}

TEST(AnalyzerTest, TokenizeStopsWhenTheSinkSaysSo) {
  auto analyzer = Make();
  int calls = 0;
  bool finished = analyzer->Tokenize(
      "one two three", Forms{},
      [&calls](std::string_view, std::size_t, std::size_t, bool) { return ++calls < 2; });
  EXPECT_FALSE(finished);
  EXPECT_EQ(calls, 2);
}

TEST(StemmerTest, LanguageTags) {
  EXPECT_EQ(SnowballAlgorithm("id"), "indonesian");
  EXPECT_EQ(SnowballAlgorithm("in"), "indonesian");
  EXPECT_EQ(SnowballAlgorithm("EN_us"), "english");
  EXPECT_EQ(SnowballAlgorithm("ja"), "");
  EXPECT_EQ(SnowballAlgorithm(""), "");
  EXPECT_EQ(SnowballAlgorithm("eng"), "");
  auto languages = StemmedLanguages();
  EXPECT_TRUE(Contains(languages, "id"));
  EXPECT_TRUE(Contains(languages, "en"));
  EXPECT_FALSE(Contains(languages, "in"));
}

TEST(StemmerTest, EachAnalyzerOwnsItsStemmers) {
  // Two analyzers on two threads must not share libstemmer's buffers.
  std::vector<std::string> results(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([t, &results] {
      auto analyzer = Make();
      std::string last;
      for (int i = 0; i < 2000; ++i) {
        last = std::string(analyzer->Stem(t == 0 ? "en" : "id", t == 0 ? "agreeing" : "kemitraan"));
      }
      results[static_cast<std::size_t>(t)] = last;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(results[0], "agre");
  EXPECT_EQ(results[1], "mitra");
}

}  // namespace
}  // namespace warta::search
