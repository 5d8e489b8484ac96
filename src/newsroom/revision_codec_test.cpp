#include "newsroom/revision_codec.h"

#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace warta::newsroom {
namespace {

// A 6 KB article of plausible words (Indonesian news vocabulary), reproducible.
std::string Article(std::mt19937& rng) {
  static const std::vector<std::string> words = {
      "pemerintah", "Jepang", "mengumumkan", "kebijakan", "baru",        "untuk",   "mengatasi",
      "gempa",      "yang",   "melanda",     "wilayah",   "timur",       "pada",    "pagi",
      "hari",       "ini",    "menurut",     "badan",     "meteorologi", "warga",   "diminta",
      "tetap",      "tenang", "dan",         "mengikuti", "petunjuk",    "petugas", "setempat"};
  std::string text;
  std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1);
  while (text.size() < 6000) {
    text += words[pick(rng)];
    text += text.size() % 300 < 10 ? ".\n\n" : " ";
  }
  return text;
}

// Changes a few words somewhere, as an editor fixing typos does.
void Edit(std::string& text, std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> where(0, text.size() - 20);
  for (int i = 0; i < 3; ++i) {
    std::size_t at = text.find(' ', where(rng));
    if (at == std::string::npos) continue;
    text.insert(at, " tambahan" + std::to_string(rng() % 1000));
  }
  if (text.size() > 7000) text.erase(text.size() / 2, 200);
}

TEST(RevisionCodec, KeyframeNumbers) {
  EXPECT_TRUE(IsKeyframeNumber(1));
  EXPECT_FALSE(IsKeyframeNumber(2));
  EXPECT_FALSE(IsKeyframeNumber(16));
  EXPECT_TRUE(IsKeyframeNumber(17));
  EXPECT_TRUE(IsKeyframeNumber(33));
  EXPECT_FALSE(IsKeyframeNumber(0));
}

TEST(RevisionCodec, RoundTripsKeyframesAndDeltas) {
  auto first = EncodeRevision("Halo dunia", {}, true);
  ASSERT_TRUE(first.ok());
  auto second = EncodeRevision("Halo dunia yang indah", "Halo dunia", false);
  ASSERT_TRUE(second.ok());
  std::vector<model::RevisionBody> chain = {*first, *second};
  EXPECT_EQ(*DecodeChain(chain), "Halo dunia yang indah");
  auto empty = EncodeRevision("", "Halo dunia yang indah", false);
  ASSERT_TRUE(empty.ok());
  chain.push_back(*empty);
  EXPECT_EQ(*DecodeChain(chain), "");
}

TEST(RevisionCodec, DamageIsCorruptNotAWrongText) {
  auto first = EncodeRevision("Halo dunia", {}, true);
  auto second = EncodeRevision("Halo dunia baru", "Halo dunia", false);
  ASSERT_TRUE(first.ok() && second.ok());
  std::vector<model::RevisionBody> no_keyframe = {*second};
  EXPECT_EQ(DecodeChain(no_keyframe).error().code, ErrorCode::kCorrupt);
  model::RevisionBody flipped = *second;
  flipped.bytes.back() ^= 0x5A;
  std::vector<model::RevisionBody> chain = {*first, flipped};
  EXPECT_EQ(DecodeChain(chain).error().code, ErrorCode::kCorrupt);
  model::RevisionBody wrong_size = *second;
  wrong_size.plain_bytes += 1;
  chain = {*first, wrong_size};
  EXPECT_EQ(DecodeChain(chain).error().code, ErrorCode::kCorrupt);
  model::RevisionBody huge = *first;
  huge.plain_bytes = std::int64_t{1} << 40;
  chain = {huge};
  EXPECT_EQ(DecodeChain(chain).error().code, ErrorCode::kCorrupt);
}

// "History complete and small": 1,000 saves of a 6 KB article, each changing a few words,
// stay well under 1 MB, and every revision decodes exactly.
TEST(RevisionCodec, ThousandSavesOfASixKilobyteArticleStaySmall) {
  std::mt19937 rng(12);
  std::string text = Article(rng);
  std::vector<std::string> texts;
  std::vector<model::RevisionBody> bodies;
  std::size_t stored = 0;
  for (int number = 1; number <= 1000; ++number) {
    if (number > 1) Edit(text, rng);
    auto body = EncodeRevision(text, texts.empty() ? std::string() : texts.back(),
                               IsKeyframeNumber(number));
    ASSERT_TRUE(body.ok()) << body.error().message;
    stored += body->bytes.size();
    texts.push_back(text);
    bodies.push_back(*body);
  }
  std::size_t plain = 0;
  for (const std::string& t : texts) plain += t.size();
  std::cout << "revision_codec: 1000 saves, " << plain << " bytes of text stored in " << stored
            << " bytes\n";
  EXPECT_LT(stored, 1'000'000u / 3) << "well under 1 MB";
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const std::size_t keyframe = i - i % static_cast<std::size_t>(kKeyframeInterval);
    std::span<const model::RevisionBody> chain(bodies.data() + keyframe, i - keyframe + 1);
    auto decoded = DecodeChain(chain);
    ASSERT_TRUE(decoded.ok()) << "revision " << i + 1 << ": " << decoded.error().message;
    ASSERT_EQ(*decoded, texts[i]) << "revision " << i + 1;
  }
}

}  // namespace
}  // namespace warta::newsroom
