#include "web/view_models/picture.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::web {
namespace {

model::Media Picture() {
  model::Media media;
  media.id = 7;
  media.sha256 = std::string(64, 'a');
  media.width = 1600;
  media.height = 900;
  media.alt = "Gunung Fuji saat senja";
  for (int width : {320, 640, 960, 1280}) {
    for (auto format : {model::ImageFormat::kWebp, model::ImageFormat::kJpeg}) {
      media.variants.push_back({width, width * 9 / 16, format, 1000});
    }
  }
  return media;
}

std::string Get(const view::Data& data, const std::string& key) {
  const view::Data* value = data.get(key);
  if (value == nullptr) return "<absent>";
  if (value->is_string()) return value->string_value();
  return value->is_true() ? "true" : "false";
}

TEST(PictureData, LeadLoadsAtOnceWithItsIdAndTheWidthItIsDrawnAt) {
  view::Data data = PictureData(Picture(), ArticleLeadUse());
  EXPECT_EQ(Get(data, "img_id"), "lead-image");
  EXPECT_EQ(Get(data, "lead"), "true");
  EXPECT_EQ(Get(data, "lazy"), "false");
  // src: the narrowest JPEG at least 960 wide; width/height its own, so the box is reserved.
  EXPECT_EQ(Get(data, "src"), "/media/aa/" + std::string(64, 'a') + "-960.jpg");
  EXPECT_EQ(Get(data, "width"), "960");
  EXPECT_EQ(Get(data, "height"), "540");
  EXPECT_EQ(Get(data, "alt"), "Gunung Fuji saat senja");
  const std::string webp = Get(data, "webp_srcset");
  EXPECT_EQ(webp.find("http"), std::string::npos);
  EXPECT_NE(webp.find("-1280.webp 1280w"), std::string::npos);
  EXPECT_NE(Get(data, "jpeg_srcset").find("-320.jpg 320w"), std::string::npos);
}

TEST(PictureData, CardThumbnailsAreLazyAndNameASmallSource) {
  view::Data data = PictureData(Picture(), CardUse());
  EXPECT_EQ(Get(data, "lazy"), "true");
  EXPECT_EQ(Get(data, "lead"), "false");
  EXPECT_EQ(Get(data, "img_id"), "");
  EXPECT_EQ(Get(data, "src"), "/media/aa/" + std::string(64, 'a') + "-320.jpg");
}

TEST(PictureData, APictureNarrowerThanTheSlotNamesItsWidest) {
  model::Media media = Picture();
  media.variants.resize(2);  // only 320 (WebP, JPEG)
  EXPECT_EQ(Get(PictureData(media, ArticleLeadUse()), "width"), "320");
}

TEST(PictureData, NoJpegMeansNoPicture) {
  model::Media media = Picture();
  std::erase_if(media.variants,
                [](const model::MediaVariant& v) { return v.format == model::ImageFormat::kJpeg; });
  EXPECT_TRUE(PictureData(media, CardUse()).is_false());
}

}  // namespace
}  // namespace warta::web
