// The fast path (search/analyzer_ascii.h) against ICU itself: the words, offsets, kinds and
// normalized forms that Analyzer::ForEachWord reports must be the ones ICU's word break
// iterator finds over the whole text, as the analyzer found them before it had a fast path.
// Random ASCII (every character class next to every other), random mixed text (combining
// marks after spaces, curly quotes, CJK, invalid UTF-8 at chunk edges), and the shared
// corpus: feeds, extracted articles, the seed page.
#include "search/analyzer_ascii.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "search/analyzer.h"

namespace warta::search {
namespace {

struct Seen {
  std::size_t begin = 0;
  std::size_t end = 0;
  int kind = 0;
  std::string normalized;
  bool operator==(const Seen&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& w) {
  return out << "[" << w.begin << "," << w.end << ") kind " << w.kind << " '" << w.normalized
             << "'";
}

std::optional<int> IcuKind(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return 0;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return 1;
  if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return 2;
  if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return 3;
  return std::nullopt;
}

int KindNumber(WordKind kind) {
  switch (kind) {
    case WordKind::kNumber:
      return 0;
    case WordKind::kLetters:
      return 1;
    case WordKind::kKana:
      return 2;
    case WordKind::kIdeographic:
      return 3;
  }
  return -1;
}

// NFKC_Casefold by ICU alone, as the analyzer normalized every word before its fast paths.
std::string IcuFold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  normalizer->normalize(source, status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

// The analyzer as it was before the fast path: ICU over the whole text, words split at
// colons, overlong segments skipped, each part normalized.
class Reference {
 public:
  Reference() {
    UErrorCode status = U_ZERO_ERROR;
    it_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    EXPECT_TRUE(U_SUCCESS(status));
  }

  std::vector<Seen> Words(std::string_view text) {
    std::vector<Seen> words;
    if (text.empty()) return words;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it_->setText(utext, status);
    int32_t start = it_->first();
    for (int32_t end = it_->next(); end != icu::BreakIterator::DONE;
         start = end, end = it_->next()) {
      auto kind = IcuKind(it_->getRuleStatus());
      auto begin = static_cast<std::size_t>(start);
      auto stop = static_cast<std::size_t>(end);
      if (!kind || stop - begin > kMaxWordBytes) continue;
      for (std::size_t part = begin; part < stop;) {
        std::size_t colon = text.substr(0, stop).find(':', part);
        std::size_t part_end = colon == std::string_view::npos ? stop : colon;
        if (part_end > part) {
          std::string normalized = IcuFold(text.substr(part, part_end - part));
          if (!normalized.empty() && normalized.size() <= kMaxWordBytes) {
            words.push_back({part, part_end, *kind, normalized});
          }
        }
        part = part_end + 1;
      }
    }
    it_->setText(icu::UnicodeString());
    utext_close(utext);
    return words;
  }

 private:
  std::unique_ptr<icu::BreakIterator> it_;
};

std::vector<Seen> AnalyzerWords(Analyzer& analyzer, std::string_view text) {
  std::vector<Seen> words;
  analyzer.ForEachWord(text, [&words](const Word& w) {
    words.push_back({w.begin, w.end, KindNumber(w.kind), std::string(w.normalized)});
    return true;
  });
  return words;
}

std::unique_ptr<Analyzer> Make() {
  auto analyzer = Analyzer::Create();
  EXPECT_TRUE(analyzer.ok());
  return std::move(analyzer).value();
}

// Compares word by word and names the first difference with its surroundings.
void ExpectSameWords(Analyzer& analyzer, Reference& reference, std::string_view text,
                     const std::string& what) {
  const auto expected = reference.Words(text);
  const auto actual = AnalyzerWords(analyzer, text);
  for (std::size_t i = 0; i < std::min(expected.size(), actual.size()); ++i) {
    if (!(expected[i] == actual[i])) {
      const std::size_t at = std::min(expected[i].begin, actual[i].begin);
      const std::size_t from = at > 40 ? at - 40 : 0;
      ADD_FAILURE() << what << ": word " << i << ": ICU " << ::testing::PrintToString(expected[i])
                    << ", analyzer " << ::testing::PrintToString(actual[i]) << " in «"
                    << text.substr(from, 80) << "»";
      return;
    }
  }
  EXPECT_EQ(expected.size(), actual.size()) << what;
}

std::string RandomText(std::mt19937& rng, const std::vector<std::string>& alphabet,
                       std::size_t length) {
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
  return text;
}

TEST(AnalyzerAsciiTest, EveryAsciiCharacterNextToEveryOther) {
  auto analyzer = Make();
  Reference reference;
  // Each of the 128 characters between and around letters, digits and underscores.
  for (int c = 0; c < 128; ++c) {
    const std::string ch(1, static_cast<char>(c));
    for (const char* left : {"a", "1", "_", "ab", "12", "a1", "1a", "__", ""}) {
      for (const char* right : {"a", "1", "_", "b2", "3c", ""}) {
        std::string text = std::string(left) + ch + right;
        ExpectSameWords(*analyzer, reference, text, "ascii " + std::to_string(c));
        ExpectSameWords(*analyzer, reference, text + ch + text, "ascii twice " + std::to_string(c));
      }
    }
  }
}

TEST(AnalyzerAsciiTest, RandomAsciiMatchesIcu) {
  auto analyzer = Make();
  Reference reference;
  std::mt19937 rng(20261207);
  const std::vector<std::string> alphabet = {"a", "Z", "q", "7", "0",  "_",  ".",  "'",  ",", ";",
                                             ":", " ", " ", "-", "\"", "\n", "\r", "\t", "@", "/",
                                             "a", "b", "1", "x", "(",  ")",  "%",  "@"};
  for (int round = 0; round < 30000; ++round) {
    const std::string text = RandomText(rng, alphabet, 1 + rng() % 40);
    ExpectSameWords(*analyzer, reference, text, "random ascii " + std::to_string(round));
    if (HasFailure()) return;
  }
}

TEST(AnalyzerAsciiTest, RandomMixedTextMatchesIcu) {
  auto analyzer = Make();
  Reference reference;
  std::mt19937 rng(7);
  // Chunks are cut after spaces and line feeds: put everything that could glue across one
  // next to them (combining marks, ZWJ, NBSP, CJK, invalid bytes, curly apostrophes).
  const std::vector<std::string> alphabet = {
      "a",        "K",    "9",  "_",           ".",    "'",         ",",        " ",
      " ",        "\n",   "\r", ":",           "é",    "e\xCC\x81", "\xCC\x81", "\xE2\x80\x8D",
      "\xC2\xA0", "’",    "“",  "—",           "日本", "防衛",      "カタカナ", "ひらがな",
      "ｶﾀｶﾅ",     "１２", "Ａ", "\xFF",        "\xC3", "🙂",      "🇮🇩",       "ไทย",
      "Straße",   "ﬁ",    "İ",  "\xE3\x80\x80"};
  for (int round = 0; round < 10000; ++round) {
    const std::string text = RandomText(rng, alphabet, 1 + rng() % 30);
    ExpectSameWords(*analyzer, reference, text, "random mixed " + std::to_string(round));
    if (HasFailure()) return;
  }
}

TEST(AnalyzerAsciiTest, NewsTextInThreeLanguagesMatchesIcu) {
  auto analyzer = Make();
  Reference reference;
  const char* texts[] = {
      "Menteri Luar Negeri Jepang, Takeshi Iwaya, mengatakan kerja sama “keamanan maritim” naik "
      "12,5 persen; U.S. dan Uni Eropa (UE) ikut hadir di Tokyo.\n\n"
      "Pemerintah—yang baru—menyebut rencana 2024–2025.",
      "Japan’s ‘first-ever’ ministerial dialogue: e-mail info@example.com, 3.14 and 1,000,000 "
      "yen; café naïve coöperate.\r\nEnd.",
      "日本と欧州連合は防衛分野での協力を強化する、123,4%。(Kirosawa) EU と NATO\n「防衛」 and "
      "Borrell",
  };
  for (const char* text : texts) ExpectSameWords(*analyzer, reference, text, text);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(AnalyzerAsciiTest, SharedCorpusMatchesIcu) {
  const char* env = std::getenv("WARTA_SHARED_DIR");
  const std::filesystem::path shared = env != nullptr ? env : WARTA_SHARED_DIR;
  if (!std::filesystem::exists(shared / "corpus")) GTEST_SKIP() << "no corpus at " << shared;
  auto analyzer = Make();
  Reference reference;
  std::size_t files = 0;
  for (const char* dir : {"corpus/feeds", "corpus/extract", "seeds"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(shared / dir)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_regular_file() || name == "source.html") continue;  // expected.html suffices
      ExpectSameWords(*analyzer, reference, ReadFile(entry.path()), entry.path().string());
      ++files;
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(files, 600u);
}

std::string Utf8(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

TEST(AnalyzerAsciiTest, FoldStableTextIsWhatIcuLeavesAsItIs) {
  std::size_t stable = 0;
  for (char32_t c = 0x3000; c <= 0xA000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string one = Utf8(c);
    if (!IsFoldStable(one)) continue;
    ++stable;
    ASSERT_EQ(IcuFold(one), one) << "U+" << std::hex << static_cast<std::uint32_t>(c);
    // Next to other stable characters: nothing composes.
    const std::string many = "か" + one + "ア" + one + "日ー" + one;
    ASSERT_TRUE(IsFoldStable(many));
    ASSERT_EQ(IcuFold(many), many) << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
  EXPECT_GT(stable, 20000u);  // the whole of CJK unified ideographs and the kana
  EXPECT_TRUE(IsFoldStable("防衛カタカナひらがなー"));
  for (const char* unstable :
       {"ｶ", "Ａ", "゛", "㍿", "가", "a", "防a", "\xE9\x98", "\xE0\x80\x80"}) {
    EXPECT_FALSE(IsFoldStable(unstable)) << unstable;
  }
}

TEST(AnalyzerAsciiTest, ChunksEndWhereIcuAlwaysBreaks) {
  // ASCII up to the last space before "é"; then "école," through the next space.
  const std::string text =
      "le caf\xC3\xA9 \xC3\xA9"
      "cole, ok";
  Chunk first = NextChunk(text, 0);
  EXPECT_TRUE(first.ascii);
  EXPECT_EQ(first.end, 3u);
  Chunk second = NextChunk(text, first.end);
  EXPECT_FALSE(second.ascii);
  EXPECT_EQ(text.substr(first.end, second.end - first.end),
            "caf\xC3\xA9 \xC3\xA9"
            "cole, ");
  Chunk third = NextChunk(text, second.end);
  EXPECT_TRUE(third.ascii);
  EXPECT_EQ(third.end, text.size());
  // A space before a combining mark is no break: the mark belongs to the space.
  const std::string mark =
      "a \xCC\x81"
      "b";
  EXPECT_EQ(NextChunk(mark, 0).end, mark.size());
  EXPECT_FALSE(NextChunk(mark, 0).ascii);
}

}  // namespace
}  // namespace warta::search
