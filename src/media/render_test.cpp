#include "media/render.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "media/testing/images.h"

#if defined(__SANITIZE_ADDRESS__)
// The HEIC test picture is made with libheif's x265 encoder, which keeps one allocation
// until exit (warta itself never encodes HEIC).
extern "C" const char* __lsan_default_suppressions() { return "leak:libx265.so\n"; }
#endif

namespace warta::media {
namespace {

using model::ImageFormat;
using testing::Decode;
using testing::Distance;
using testing::Fingerprint;
using testing::Image;

// Mean absolute grey difference at 32 x 32 (0..255) under which two pictures look the same.
// A rendition of the test Photo measures ~1; the Photo against its mirror image ~60.
constexpr double kSameLook = 6.0;

class RenderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { testing::InitVips(); }

  // Every rendition decodes to its stated size and looks like `original`.
  static void ExpectFaithful(const Rendered& rendered, const std::string& original) {
    Image want = Fingerprint(Decode(original).get());
    for (const Rendition& r : rendered.renditions) {
      SCOPED_TRACE(std::string(model::ToText(r.variant.format)) + " " +
                   std::to_string(r.variant.width));
      Image got = Decode(r.bytes);
      EXPECT_EQ(vips_image_get_width(got.get()), r.variant.width);
      EXPECT_EQ(vips_image_get_page_height(got.get()), r.variant.height);
      EXPECT_EQ(vips_image_get_bands(got.get()), r.variant.format == ImageFormat::kJpeg ? 3 : 3);
      EXPECT_EQ(r.variant.bytes, static_cast<std::int64_t>(r.bytes.size()));
      EXPECT_LT(Distance(Fingerprint(got.get()).get(), want.get()), kSameLook);
      EXPECT_LE(r.bytes.size(), original.size()) << "heavier than the original";
    }
  }

  static std::vector<std::pair<ImageFormat, int>> Kinds(const Rendered& rendered) {
    std::vector<std::pair<ImageFormat, int>> kinds;
    for (const Rendition& r : rendered.renditions)
      kinds.emplace_back(r.variant.format, r.variant.width);
    return kinds;
  }
};

TEST_F(RenderTest, JpegGetsEveryWidthUpToItsOwnInWebpAndJpeg) {
  const std::string jpeg = testing::SaveJpeg(testing::Photo(2000, 1333).get());
  auto rendered = Render(jpeg, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  EXPECT_EQ(rendered->format, ImageFormat::kJpeg);
  EXPECT_EQ(rendered->width, 2000);
  EXPECT_EQ(rendered->height, 1333);
  EXPECT_EQ(rendered->frames, 1);
  std::vector<std::pair<ImageFormat, int>> want;
  for (int w : {320, 640, 960, 1280, 1920}) {
    want.emplace_back(ImageFormat::kWebp, w);
    want.emplace_back(ImageFormat::kJpeg, w);
  }
  EXPECT_EQ(Kinds(*rendered), want);
  ExpectFaithful(*rendered, jpeg);
  // The sample quoted in docs/decisions/0010-pictures.md.
  std::printf("sample: 2000 x 1333 JPEG, %zu bytes ->", jpeg.size());
  for (const Rendition& r : rendered->renditions) {
    std::printf(" %s %d: %zu;", std::string(model::ToText(r.variant.format)).c_str(),
                r.variant.width, r.bytes.size());
  }
  std::printf("\n");
}

// A strip only a few pixels high: shrinking it while decoding (width 2600 for 320 wants a
// factor of 8) would round its height down to 0, and libvips 8.14 aborts the process on that
// (the media fuzzer's find). The shrink stops at the shorter side.
TEST_F(RenderTest, AStripAFewPixelsHighIsRenderedNotAborted) {
  const std::string jpeg = testing::SaveJpeg(testing::Photo(2600, 3).get());
  auto rendered = Render(jpeg, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  EXPECT_EQ(rendered->width, 2600);
  EXPECT_EQ(rendered->height, 3);
  ASSERT_FALSE(rendered->renditions.empty());
  EXPECT_EQ(rendered->renditions.front().variant.width, 320);
}

TEST_F(RenderTest, PngWebpAndStillGifStopAtTheirOwnWidth) {
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"png", testing::SavePng(testing::Photo(700, 500).get())},
           {"webp", testing::SaveWebp(testing::Photo(700, 500).get())},
           {"gif", testing::SaveGif(testing::Photo(700, 500).get())}}) {
    SCOPED_TRACE(name);
    auto rendered = Render(bytes, {});
    ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
    EXPECT_EQ(rendered->width, 700);
    EXPECT_EQ(rendered->height, 500);
    std::vector<std::pair<ImageFormat, int>> want = {{ImageFormat::kWebp, 320},
                                                     {ImageFormat::kJpeg, 320},
                                                     {ImageFormat::kWebp, 640},
                                                     {ImageFormat::kJpeg, 640}};
    EXPECT_EQ(Kinds(*rendered), want);
    ExpectFaithful(*rendered, bytes);
  }
}

TEST_F(RenderTest, APictureNarrowerThanTheSmallestWidthKeepsItsOwn) {
  const std::string png = testing::SavePng(testing::Photo(200, 150).get());
  auto rendered = Render(png, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  std::vector<std::pair<ImageFormat, int>> want = {{ImageFormat::kWebp, 200},
                                                   {ImageFormat::kJpeg, 200}};
  EXPECT_EQ(Kinds(*rendered), want);
  ExpectFaithful(*rendered, png);
}

TEST_F(RenderTest, AnimatedGifBecomesAnimatedWebpWithAJpegOfTheFirstFrame) {
  const std::string gif = testing::SaveGif(testing::Animation(400, 300, 3).get());
  auto rendered = Render(gif, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  EXPECT_EQ(rendered->frames, 3);
  EXPECT_EQ(rendered->width, 400);
  EXPECT_EQ(rendered->height, 300);
  ASSERT_EQ(rendered->renditions.size(), 2u);  // 320 wide, WebP and JPEG
  Image original = Decode(gif, /*all_frames=*/true);
  const Rendition& webp = rendered->renditions[0];
  ASSERT_EQ(webp.variant.format, ImageFormat::kWebp);
  Image animated = Decode(webp.bytes, /*all_frames=*/true);
  EXPECT_EQ(vips_image_get_height(animated.get()), 3 * webp.variant.height);
  EXPECT_EQ(webp.variant.height, 240);
  for (int frame = 0; frame < 3; ++frame) {
    SCOPED_TRACE(frame);
    EXPECT_LT(Distance(Fingerprint(animated.get(), frame).get(),
                       Fingerprint(original.get(), frame).get()),
              kSameLook);
  }
  // Frames differ from each other: the animation was not flattened into one picture.
  EXPECT_GT(Distance(Fingerprint(animated.get(), 0).get(), Fingerprint(animated.get(), 1).get()),
            2 * kSameLook / 3);
  const Rendition& jpeg = rendered->renditions[1];
  ASSERT_EQ(jpeg.variant.format, ImageFormat::kJpeg);
  Image still = Decode(jpeg.bytes);
  EXPECT_EQ(vips_image_get_height(still.get()), 240);
  EXPECT_LT(Distance(Fingerprint(still.get()).get(), Fingerprint(original.get(), 0).get()),
            kSameLook);
}

TEST_F(RenderTest, AnimatedWebpStaysAnimated) {
  const std::string webp = testing::SaveWebp(testing::Animation(400, 300, 4).get());
  auto rendered = Render(webp, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  EXPECT_EQ(rendered->frames, 4);
  Image animated = Decode(rendered->renditions[0].bytes, /*all_frames=*/true);
  EXPECT_EQ(vips_image_get_height(animated.get()), 4 * rendered->renditions[0].variant.height);
}

// Whether the bytes of a JPEG or WebP carry a metadata segment or chunk: JPEG APP1 (EXIF,
// XMP), APP2 (ICC), APP13 (IPTC); WebP EXIF, XMP or ICCP chunks.
bool HasMetadata(const std::string& bytes) {
  if (bytes.compare(0, 2, "\xFF\xD8") == 0) {
    std::size_t at = 2;
    while (at + 4 <= bytes.size() && static_cast<unsigned char>(bytes[at]) == 0xFF) {
      const auto marker = static_cast<unsigned char>(bytes[at + 1]);
      if (marker == 0xDA) return false;  // start of scan: no more headers
      if (marker == 0xE1 || marker == 0xE2 || marker == 0xED) return true;
      const std::size_t length = (static_cast<unsigned char>(bytes[at + 2]) << 8) |
                                 static_cast<unsigned char>(bytes[at + 3]);
      at += 2 + length;
    }
    return false;
  }
  for (std::size_t at = 12; at + 8 <= bytes.size();) {
    const std::string fourcc = bytes.substr(at, 4);
    if (fourcc == "EXIF" || fourcc == "XMP " || fourcc == "ICCP") return true;
    std::size_t size = 0;
    for (int i = 3; i >= 0; --i) size = (size << 8) | static_cast<unsigned char>(bytes[at + 4 + i]);
    at += 8 + size + (size & 1);
  }
  return false;
}

TEST_F(RenderTest, NoRenditionCarriesExifOrGps) {
  const std::string jpeg =
      testing::WithExif(testing::SaveJpeg(testing::Photo(1000, 700).get()), /*orientation=*/1);
  ASSERT_TRUE(HasMetadata(jpeg));
  // libvips reads the block: the test picture really has a camera make and a GPS position.
  Image original = Decode(jpeg);
  ASSERT_NE(vips_image_get_typeof(original.get(), "exif-data"), 0u);
  ASSERT_NE(vips_image_get_typeof(original.get(), "exif-ifd3-GPSLatitude"), 0u);

  auto rendered = Render(jpeg, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  ASSERT_EQ(rendered->renditions.size(), 6u);
  for (const Rendition& r : rendered->renditions) {
    SCOPED_TRACE(std::string(model::ToText(r.variant.format)) + " " +
                 std::to_string(r.variant.width));
    EXPECT_FALSE(HasMetadata(r.bytes));
    EXPECT_EQ(r.bytes.find("WartaCam"), std::string::npos);
    EXPECT_EQ(r.bytes.find(std::string("Exif\0\0", 6)), std::string::npos);
    Image got = Decode(r.bytes);
    EXPECT_EQ(vips_image_get_typeof(got.get(), "exif-data"), 0u);
    EXPECT_EQ(vips_image_get_typeof(got.get(), "xmp-data"), 0u);
    EXPECT_EQ(vips_image_get_typeof(got.get(), "icc-profile-data"), 0u);
  }
}

// EXIF orientation 6: the camera stored the picture lying on its side; shown turned 90
// degrees clockwise. Stored: 800 x 400, left half white. Upright: 400 x 800, top half white.
TEST_F(RenderTest, PhonePhotosComeOutUpright) {
  const std::string jpeg =
      testing::WithExif(testing::SaveJpeg(testing::HalfWhite(800, 400).get()), /*orientation=*/6);
  auto rendered = Render(jpeg, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  EXPECT_EQ(rendered->width, 400);
  EXPECT_EQ(rendered->height, 800);
  ASSERT_EQ(rendered->renditions.size(), 2u);  // 320 wide
  for (const Rendition& r : rendered->renditions) {
    Image got = Decode(r.bytes);
    ASSERT_EQ(vips_image_get_width(got.get()), 320);
    ASSERT_EQ(vips_image_get_height(got.get()), 640);
    EXPECT_EQ(vips_image_get_typeof(got.get(), "orientation"), 0u);  // nothing left to apply
    auto mean = [&](int top, int height) {
      Image part = testing::Run("crop", [&](VipsImage** out) {
        return vips_crop(got.get(), out, 0, top, 320, height, nullptr);
      });
      double m = 0;
      vips_avg(part.get(), &m, nullptr);
      return m;
    };
    EXPECT_GT(mean(0, 300), 240);   // top: white
    EXPECT_LT(mean(340, 300), 15);  // bottom: black
  }
}

TEST_F(RenderTest, GreySixteenBitAndCmykBecomeEightBitSrgb) {
  Image photo = testing::Photo(700, 500);
  auto convert = [&](VipsInterpretation to) {
    return testing::Run("colourspace", [&](VipsImage** out) {
      return vips_colourspace(photo.get(), out, to, nullptr);
    });
  };
  Image cmyk = testing::Run("icc_export", [&](VipsImage** out) {
    return vips_icc_export(photo.get(), out, "output_profile", "cmyk", nullptr);
  });
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"grey png", testing::SavePng(convert(VIPS_INTERPRETATION_B_W).get())},
      {"16-bit png", testing::SavePng(convert(VIPS_INTERPRETATION_RGB16).get())},
      {"16-bit grey png", testing::SavePng(convert(VIPS_INTERPRETATION_GREY16).get())},
      {"cmyk jpeg", testing::SaveJpeg(cmyk.get())},
      {"rgba png", testing::SavePng(testing::Photo(700, 500, 0, /*alpha=*/true).get())}};
  for (const auto& [name, bytes] : inputs) {
    SCOPED_TRACE(name);
    auto rendered = Render(bytes, {});
    ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
    Image want = Fingerprint(Decode(bytes).get());
    for (const Rendition& r : rendered->renditions) {
      Image got = Decode(r.bytes);
      const bool alpha = name == "rgba png" && r.variant.format == ImageFormat::kWebp;
      EXPECT_EQ(vips_image_get_bands(got.get()), alpha ? 4 : 3);
      EXPECT_EQ(vips_image_get_format(got.get()), VIPS_FORMAT_UCHAR);
      EXPECT_EQ(vips_image_get_interpretation(got.get()), VIPS_INTERPRETATION_sRGB);
      EXPECT_LT(Distance(Fingerprint(got.get()).get(), want.get()), kSameLook);
    }
  }
}

TEST_F(RenderTest, AnEmbeddedColourProfileIsAppliedAndNoProfileMeansSrgb) {
  // One flat colour, stored once as plain sRGB numbers and once in Display P3 with that
  // profile embedded: the numbers differ, the colour does not. Every rendition of either must
  // show the sRGB colour, so a profile left unread (or applied to a picture without one) fails.
  const std::vector<int> colour = {200, 40, 50};
  std::vector<unsigned char> pixels;
  for (int i = 0; i < 400 * 300; ++i) pixels.insert(pixels.end(), colour.begin(), colour.end());
  Image srgb = testing::FromPixels(pixels, 400, 300, 3);
  Image p3 = testing::Run("icc_transform", [&](VipsImage** out) {
    return vips_icc_transform(srgb.get(), out, "p3", "input_profile", "srgb", "embedded", FALSE,
                              nullptr);
  });
  const std::string p3_jpeg = testing::SaveJpeg(p3.get(), 95);
  {
    Image stored = Decode(p3_jpeg);
    ASSERT_NE(vips_image_get_typeof(stored.get(), VIPS_META_ICC_NAME), 0u);
    double red = 0;
    Image band = testing::Run("extract_band", [&](VipsImage** out) {
      return vips_extract_band(stored.get(), out, 0, nullptr);
    });
    ASSERT_EQ(vips_avg(band.get(), &red, nullptr), 0);
    ASSERT_GT(std::abs(red - colour[0]), 10) << "P3 numbers too close to sRGB's to tell apart";
  }
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"p3 jpeg", p3_jpeg}, {"srgb png", testing::SavePng(srgb.get())}}) {
    SCOPED_TRACE(name);
    auto rendered = Render(bytes, {});
    ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
    ASSERT_FALSE(rendered->renditions.empty());
    for (const Rendition& r : rendered->renditions) {
      SCOPED_TRACE(std::string(model::ToText(r.variant.format)) + " " +
                   std::to_string(r.variant.width));
      Image got = Decode(r.bytes);
      for (int b = 0; b < 3; ++b) {
        Image band = testing::Run("extract_band", [&](VipsImage** out) {
          return vips_extract_band(got.get(), out, b, nullptr);
        });
        double mean = 0;
        ASSERT_EQ(vips_avg(band.get(), &mean, nullptr), 0);
        EXPECT_NEAR(mean, colour[static_cast<std::size_t>(b)], 4.0) << "band " << b;
      }
    }
  }
}

TEST_F(RenderTest, HeicIsReadWhenLibvipsCanAndRefusedClearlyWhenNot) {
  std::string heic;
  try {
    heic = testing::SaveHeic(testing::Photo(800, 600).get());
  } catch (const std::exception& e) {
    GTEST_SKIP() << "this libvips cannot write HEIC to test with: " << e.what();
  }
  auto rendered = Render(heic, {});
  if (!CanReadHeic()) {
    ASSERT_FALSE(rendered.ok());
    EXPECT_NE(rendered.error().message.find("HEIC pictures cannot be read"), std::string::npos);
    return;
  }
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  EXPECT_EQ(rendered->format, ImageFormat::kHeic);
  EXPECT_EQ(rendered->width, 800);
  ExpectFaithful(*rendered, heic);
}

TEST_F(RenderTest, RenditionsAreNeverHeavierThanTheOriginal) {
  // A JPEG at quality 50 is light: the renditions come out lighter still, at a lower quality
  // if need be; one that cannot (at quality 60) is left out rather than served heavier.
  const std::string light = testing::SaveJpeg(testing::Photo(1400, 1000).get(), 50);
  auto rendered = Render(light, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  std::string kinds;
  for (const Rendition& r : rendered->renditions) {
    kinds += std::string(model::ToText(r.variant.format)) + std::to_string(r.variant.width) + " ";
    EXPECT_LE(r.bytes.size(), light.size())
        << model::ToText(r.variant.format) << " " << r.variant.width;
  }
  // A JPEG 1280 wide at quality 60 still outweighs the 1400-wide original at 50: left out
  // (pages fall back to the 960 JPEG; browsers that read WebP get the 1280 WebP).
  EXPECT_EQ(kinds, "webp320 jpeg320 webp640 jpeg640 webp960 jpeg960 webp1280 ");
}

TEST_F(RenderTest, AFewKilobytesOfFlatColourKeepOneRenditionPerFormat) {
  // 2 KB of flat colour: the 640-wide JPEG cannot be lighter, so it is left out; the smallest
  // JPEG stays whatever it weighs, so pages always have a fallback.
  const std::string flat = testing::SavePng(testing::Photo(700, 500, 0, false, 0).get());
  auto rendered = Render(flat, {});
  ASSERT_TRUE(rendered.ok()) << rendered.error().ToString();
  int jpegs = 0;
  int webps = 0;
  for (const Rendition& r : rendered->renditions) {
    (r.variant.format == ImageFormat::kJpeg ? jpegs : webps) += 1;
    if (r.variant.width > 320) {
      EXPECT_LE(r.bytes.size(), flat.size()) << model::ToText(r.variant.format);
    }
  }
  EXPECT_GE(jpegs, 1);
  EXPECT_GE(webps, 1);
}

// --- refusals: each with a message that says what is wrong ---

std::string RefusalOf(const std::string& bytes, RenderOptions options = {}) {
  auto rendered = Render(bytes, options);
  if (rendered.ok()) return "(accepted)";
  return rendered.error().message;
}

TEST_F(RenderTest, AnHtmlFileNamedJpgIsRefused) {
  const std::string html =
      "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script>"
      "</body></html>";
  EXPECT_EQ(RefusalOf(html),
            "media: not a picture warta takes (JPEG, PNG, GIF, WebP or HEIC): this looks like an "
            "HTML document");
  EXPECT_EQ(Render(html, {}).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(RenderTest, AnSvgWithAScriptIsRefused) {
  const std::string svg =
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
      "height=\"10\"><script>alert(document.cookie)</script><rect width=\"10\" "
      "height=\"10\"/></svg>";
  EXPECT_EQ(RefusalOf(svg),
            "media: not a picture warta takes (JPEG, PNG, GIF, WebP or HEIC): this looks like an "
            "SVG image");
}

TEST_F(RenderTest, OtherFormatsAreNamedInTheRefusal) {
  EXPECT_NE(RefusalOf("%PDF-1.7\n...").find("a PDF document"), std::string::npos);
  EXPECT_NE(RefusalOf(std::string("II*\0\x08\0\0\0", 8)).find("a TIFF image"), std::string::npos);
  EXPECT_NE(RefusalOf("").find("an empty file"), std::string::npos);
  EXPECT_NE(RefusalOf("hello").find("a file of an unknown type"), std::string::npos);
}

TEST_F(RenderTest, ATruncatedJpegIsRefused) {
  const std::string jpeg = testing::SaveJpeg(testing::Photo(1000, 700).get());
  const std::string message = RefusalOf(jpeg.substr(0, jpeg.size() / 2));
  EXPECT_NE(message.find("media: the JPEG picture is truncated or corrupt and cannot be decoded"),
            std::string::npos)
      << message;
  EXPECT_EQ(Render(jpeg.substr(0, jpeg.size() / 2), {}).error().code, ErrorCode::kInvalidArgument);
}

TEST_F(RenderTest, ATruncatedPngAndGarbageAfterASignatureAreRefused) {
  const std::string png = testing::SavePng(testing::Photo(400, 300).get());
  EXPECT_NE(RefusalOf(png.substr(0, png.size() / 2)).find("PNG picture is truncated or corrupt"),
            std::string::npos);
  EXPECT_NE(RefusalOf("\xFF\xD8\xFF" + std::string(500, 'x')).find("JPEG picture is truncated"),
            std::string::npos);
}

TEST_F(RenderTest, APngBombIsRefusedBeforeItsPixelsAreDecoded) {
  const std::string bomb = testing::OneColourPng(20000, 20000);
  EXPECT_LT(bomb.size(), std::size_t{2} << 20);  // a small file...
  EXPECT_EQ(RefusalOf(bomb),
            "media: the PNG picture is 20000 x 20000 pixels (400.0 megapixels); the limit is "
            "50.0 megapixels");  // ...of 400 megapixels
  EXPECT_EQ(Render(bomb, {}).error().code, ErrorCode::kTooLarge);
}

TEST_F(RenderTest, AFileOverTheByteLimitIsRefusedBeforeParsing) {
  std::string big = testing::SaveJpeg(testing::Photo(64, 64).get());
  big.resize(std::size_t{30} << 20, '\0');
  EXPECT_EQ(RefusalOf(big), "media: the file is 30 MB; the limit is 20 MB");
  EXPECT_EQ(Render(big, {}).error().code, ErrorCode::kTooLarge);
}

TEST_F(RenderTest, AnimationsCountEveryFrameAndHaveAFrameLimit) {
  const std::string gif = testing::SaveGif(testing::Animation(100, 100, 12).get());
  RenderOptions pixels;
  pixels.max_pixels = 100'000;  // 12 frames of 10,000 pixels: 120,000
  EXPECT_EQ(RefusalOf(gif, pixels),
            "media: the GIF picture is 100 x 100 pixels x 12 frames (0.1 megapixels); the limit "
            "is 0.1 megapixels");
  RenderOptions frames;
  frames.max_frames = 10;
  EXPECT_EQ(RefusalOf(gif, frames), "media: the animation has 12 frames; the limit is 10");
}

}  // namespace
}  // namespace warta::media
