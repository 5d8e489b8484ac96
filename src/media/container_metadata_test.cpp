#include "media/container_metadata.h"

#include <gtest/gtest.h>

namespace warta::media {
namespace {

std::string Chunk(std::string_view fourcc, std::string payload) {
  std::string out(fourcc);
  const auto n = static_cast<std::uint32_t>(payload.size());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
  out += payload;
  if (n & 1) out += '\0';
  return out;
}

std::string Riff(const std::string& chunks) {
  std::string out = "RIFF";
  const auto n = static_cast<std::uint32_t>(chunks.size() + 4);
  for (int i = 0; i < 4; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
  return out + "WEBP" + chunks;
}

TEST(StripWebpMetadataTest, DropsExifXmpAndIccAndTheirFlags) {
  const std::string vp8x = Chunk("VP8X", std::string("\x2C\0\0\0\x09\0\0\x09\0\0", 10));
  const std::string image = Chunk("VP8 ", "pixels!");  // odd size: padded
  const std::string webp = Riff(vp8x + Chunk("ICCP", "icc") + image + Chunk("EXIF", "Exif\0\0II") +
                                Chunk("XMP ", "<x:xmpmeta/>"));
  auto stripped = StripWebpMetadata(webp);
  ASSERT_TRUE(stripped.ok()) << stripped.error().ToString();
  const std::string want_vp8x = Chunk("VP8X", std::string("\0\0\0\0\x09\0\0\x09\0\0", 10));
  EXPECT_EQ(*stripped, Riff(want_vp8x + image));
}

TEST(StripWebpMetadataTest, LeavesACleanFileAsItIs) {
  const std::string webp = Riff(Chunk("VP8L", "lossless"));
  EXPECT_EQ(*StripWebpMetadata(webp), webp);
}

TEST(StripWebpMetadataTest, RefusesWhatIsNotAWebp) {
  EXPECT_FALSE(StripWebpMetadata("RIFF\0\0\0\0WAVE").ok());
  EXPECT_FALSE(StripWebpMetadata(Riff(Chunk("VP8 ", "x")).substr(0, 16)).ok());
  std::string lying = Riff(Chunk("VP8 ", "abcd"));
  lying[16] = '\x7F';  // the chunk claims 127 bytes
  EXPECT_FALSE(StripWebpMetadata(lying).ok());
}

std::string Segment(unsigned char marker, std::string payload) {
  const std::size_t n = payload.size() + 2;
  return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(n >> 8),
                     static_cast<char>(n & 0xFF)} +
         payload;
}

TEST(StripJpegMetadataTest, KeepsJfifAndTheImageDropsAppSegmentsAndComments) {
  const std::string soi = "\xFF\xD8";
  const std::string jfif = Segment(0xE0, std::string("JFIF\0\x01\x01", 7));
  const std::string dqt = Segment(0xDB, "tables");
  const std::string scan = "\xFF\xDA" + std::string("\0\x08scan\xFF\x00more\xFF\xD9", 15);
  const std::string jpeg = soi + jfif + Segment(0xE1, std::string("Exif\0\0GPS", 9)) +
                           Segment(0xE2, "ICC_PROFILE") + dqt + Segment(0xFE, "a comment") +
                           Segment(0xED, "Photoshop 3.0") + scan;
  auto stripped = StripJpegMetadata(jpeg);
  ASSERT_TRUE(stripped.ok()) << stripped.error().ToString();
  EXPECT_EQ(*stripped, soi + jfif + dqt + scan);
}

TEST(StripJpegMetadataTest, RefusesWhatIsNotAJpeg) {
  EXPECT_FALSE(StripJpegMetadata("GIF89a").ok());
  EXPECT_FALSE(StripJpegMetadata("\xFF\xD8\xFF\xE1\x01\x00short").ok());
  EXPECT_FALSE(StripJpegMetadata("\xFF\xD8garbage").ok());
}

}  // namespace
}  // namespace warta::media
