#include "media/sniff.h"

#include <gtest/gtest.h>

namespace warta::media {
namespace {

using model::ImageFormat;

std::string Ftyp(std::string_view major, std::vector<std::string_view> compatible) {
  std::string box = std::string("\0\0\0\0ftyp", 8) + std::string(major) + std::string(4, '\0');
  for (auto brand : compatible) box += brand;
  box[3] = static_cast<char>(box.size());
  return box + std::string("\0\0\0\x08mdat", 8);
}

TEST(SniffTest, KnowsTheFiveFormatsByTheirSignatures) {
  EXPECT_EQ(Sniff("\xFF\xD8\xFF\xE0 rest"), ImageFormat::kJpeg);
  EXPECT_EQ(Sniff("\x89PNG\r\n\x1A\n...."), ImageFormat::kPng);
  EXPECT_EQ(Sniff("GIF87a...."), ImageFormat::kGif);
  EXPECT_EQ(Sniff("GIF89a...."), ImageFormat::kGif);
  EXPECT_EQ(Sniff(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), ImageFormat::kWebp);
  EXPECT_EQ(Sniff(Ftyp("heic", {"mif1", "heic"})), ImageFormat::kHeic);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"heic"})), ImageFormat::kHeic);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"mif1"})), ImageFormat::kHeic);
}

TEST(SniffTest, NamesAndDeclaredTypesDoNotCount) {
  // What a file claims elsewhere never reaches Sniff; only bytes do.
  EXPECT_EQ(Sniff("<html><body>photo.jpg</body></html>"), std::nullopt);
  EXPECT_EQ(Sniff("\xFF\xD8"), std::nullopt);  // too short to be a JPEG
  EXPECT_EQ(Sniff("GIF90a"), std::nullopt);
  EXPECT_EQ(Sniff(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)), std::nullopt);
  EXPECT_EQ(Sniff(Ftyp("avif", {"mif1", "avif"})), std::nullopt);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"avif"})), std::nullopt);
  EXPECT_EQ(Sniff(Ftyp("isom", {"mp41"})), std::nullopt);  // an MP4 video
  EXPECT_EQ(Sniff(""), std::nullopt);
}

TEST(SniffTest, RefusalsSayWhatTheFileLooksLike) {
  EXPECT_EQ(DescribeUnsupported("\xEF\xBB\xBF  <!DOCTYPE HTML><html>"), "an HTML document");
  EXPECT_EQ(DescribeUnsupported("<p>hi</p><script>x()</script>"), "an HTML document");
  EXPECT_EQ(DescribeUnsupported("<?xml version='1.0'?><svg xmlns='...'/>"), "an SVG image");
  EXPECT_EQ(DescribeUnsupported("<?xml version='1.0'?><rss/>"), "an XML document");
  EXPECT_EQ(DescribeUnsupported("%PDF-1.4"), "a PDF document");
  EXPECT_EQ(DescribeUnsupported(Ftyp("avif", {"avif"})), "an AVIF image");
  EXPECT_EQ(DescribeUnsupported(std::string("BM\x10\0\0\0\0\0\0\0\x36\0\0\0", 14)), "a BMP image");
  EXPECT_EQ(DescribeUnsupported("BMW"), "a file of an unknown type");
  EXPECT_EQ(DescribeUnsupported(""), "an empty file");
}

TEST(SniffTest, DisplayNames) {
  EXPECT_EQ(DisplayName(ImageFormat::kWebp), "WebP");
  EXPECT_EQ(DisplayName(ImageFormat::kHeic), "HEIC");
}

}  // namespace
}  // namespace warta::media
