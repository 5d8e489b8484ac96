#include "model/media.h"

#include <gtest/gtest.h>

namespace warta::model {
namespace {

TEST(ImageFormatTest, EveryFormatHasOneWordExtensionAndMimeType) {
  for (ImageFormat f : {ImageFormat::kJpeg, ImageFormat::kPng, ImageFormat::kGif,
                        ImageFormat::kWebp, ImageFormat::kHeic}) {
    EXPECT_EQ(ParseImageFormat(ToText(f)), f);
    EXPECT_NE(FileExtension(f), "?");
    EXPECT_EQ(MimeType(f).substr(0, 6), "image/");
  }
  EXPECT_EQ(FileExtension(ImageFormat::kJpeg), "jpg");
  EXPECT_EQ(ToText(ImageFormat::kJpeg), "jpeg");
  EXPECT_EQ(ParseImageFormat("jpg"), std::nullopt);
  EXPECT_EQ(ParseImageFormat("JPEG"), std::nullopt);
  EXPECT_EQ(ToText(static_cast<ImageFormat>(9)), "?");
}

}  // namespace
}  // namespace warta::model
