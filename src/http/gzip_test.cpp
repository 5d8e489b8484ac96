#include "http/gzip.h"

#include <gtest/gtest.h>

#include "http/message.h"

#define ZLIB_CONST
#include <zlib.h>

#include <optional>
#include <random>

namespace warta::http {
namespace {

// Inflates one gzip member with zlib, checking its crc32 and length trailer (zlib does);
// nullopt when the stream is not valid gzip or has bytes after the member.
std::optional<std::string> Gunzip(std::string_view gz) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
  std::string out;
  char buf[16384];
  zs.next_in = reinterpret_cast<const Bytef*>(gz.data());
  zs.avail_in = static_cast<uInt>(gz.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  const bool whole = rc == Z_STREAM_END && zs.avail_in == 0;
  inflateEnd(&zs);
  if (!whole) return std::nullopt;
  return out;
}

// A page of fixed parts and holes; the test fills the holes and keeps the pieces.
struct Page {
  std::vector<std::string> fixed;
  std::vector<DeflatedPart> deflated;
};

std::string RandomText(std::mt19937& rng, std::size_t max_size) {
  // Bytes of every value, including the control and high bytes real pages never carry in
  // holes, with long repeats sometimes so deflate finds matches.
  std::uniform_int_distribution<std::size_t> size(0, max_size);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string text(size(rng), '\0');
  for (char& c : text) c = static_cast<char>(byte(rng));
  if (!text.empty() && rng() % 2 == 0) text += std::string(text.size() % 300, text[0]);
  return text;
}

std::string Join(const Page& page, const std::vector<std::string>& holes,
                 std::vector<BodyPiece>& pieces) {
  std::string body;
  pieces.clear();
  for (std::size_t i = 0; i < page.fixed.size(); ++i) {
    pieces.push_back(BodyPiece{&page.deflated[i], body.size(), page.fixed[i].size()});
    body += page.fixed[i];
    if (i < holes.size()) {
      pieces.push_back(BodyPiece{nullptr, body.size(), holes[i].size()});
      body += holes[i];
    }
  }
  return body;
}

TEST(Gzip, GzipOnceInflatesToTheInput) {
  const std::string text = std::string(5000, 'a') + "warta" + std::string(100, '\0');
  EXPECT_EQ(Gunzip(GzipOnce(text)), text);
  EXPECT_EQ(Gunzip(GzipOnce("")), "");
}

TEST(Gzip, StitchedStreamEqualsThePlainPageOverRandomHoles) {
  std::mt19937 rng(15);
  for (int round = 0; round < 300; ++round) {
    Page page;
    const std::size_t parts = 1 + rng() % 12;
    for (std::size_t i = 0; i < parts; ++i) {
      // Real pages repeat markup: half the parts are HTML-like text, half random bytes.
      std::string text = rng() % 2 ? RandomText(rng, 3000)
                                   : std::string(rng() % 40, ' ') + "<div class=\"card\">" +
                                         std::to_string(rng()) + "</div>\n";
      page.deflated.push_back(DeflatePart(text, 1 + static_cast<int>(rng() % 9)));
      page.fixed.push_back(std::move(text));
    }
    std::vector<std::string> holes;
    for (std::size_t i = 0; i + 1 < parts; ++i) holes.push_back(RandomText(rng, 200));
    // Now and then a hole larger than a stored block holds (65,535 bytes).
    if (round % 50 == 0 && !holes.empty()) holes[0] = std::string(70000, 'x') + holes[0];
    std::vector<BodyPiece> pieces;
    const std::string body = Join(page, holes, pieces);
    std::string gz;
    ASSERT_TRUE(StitchGzip(body, pieces, gz)) << "round " << round;
    auto plain = Gunzip(gz);
    ASSERT_TRUE(plain.has_value()) << "round " << round;
    ASSERT_EQ(*plain, body) << "round " << round;
  }
}

TEST(Gzip, StitchedPageIsSmallerThanThePlainOne) {
  Page page;
  for (int i = 0; i < 4; ++i) {
    std::string text;
    for (int j = 0; j < 200; ++j) text += "<li><a href=\"/berita/" + std::to_string(j) + "\">x</a>";
    page.deflated.push_back(DeflatePart(text));
    page.fixed.push_back(std::move(text));
  }
  std::vector<BodyPiece> pieces;
  const std::string body = Join(page, {"12", "token", "1.234"}, pieces);
  std::string gz;
  ASSERT_TRUE(StitchGzip(body, pieces, gz));
  EXPECT_LT(gz.size() * 4, body.size());
}

TEST(Gzip, PiecesThatDoNotCoverTheBodyAreRefused) {
  Page page;
  page.fixed = {"<p>", "</p>"};
  for (const auto& text : page.fixed) page.deflated.push_back(DeflatePart(text));
  std::vector<BodyPiece> pieces;
  std::string body = Join(page, {"7"}, pieces);
  std::string gz;
  EXPECT_TRUE(StitchGzip(body, pieces, gz));
  EXPECT_FALSE(StitchGzip(body + "!", pieces, gz));  // a byte no piece names
  pieces[1].size = 2;                                // a live piece past its range
  EXPECT_FALSE(StitchGzip(body, pieces, gz));
  pieces[1].size = 1;
  pieces[0].size = 2;  // a fixed piece whose size is not its part's
  pieces[1].offset = 2;
  EXPECT_FALSE(StitchGzip(body, pieces, gz));
}

TEST(Gzip, ReplacingInALivePieceKeepsThePiecesRight) {
  Page page;
  page.fixed = {"<header>", "</header><main>", "</main>"};
  for (const auto& text : page.fixed) page.deflated.push_back(DeflatePart(text));
  Response response;
  response.body = Join(page, {"MENU", "7"}, response.pieces);
  const std::size_t at = response.body.find("MENU");
  response.ReplaceInBody(at + 1, 2, "a much longer account menu");
  EXPECT_EQ(response.body, "<header>Ma much longer account menuU</header><main>7</main>");
  ASSERT_FALSE(response.pieces.empty());
  std::string gz;
  ASSERT_TRUE(StitchGzip(response.body, response.pieces, gz));
  EXPECT_EQ(Gunzip(gz), response.body);
  // A replacement reaching into a fixed part drops the pieces: the body is compressed whole.
  response.ReplaceInBody(0, 9, "<h>");
  EXPECT_TRUE(response.pieces.empty());
}

}  // namespace
}  // namespace warta::http
