#include "media/names.h"

#include <gtest/gtest.h>

#include <fstream>

#include "media/file_cache.h"
#include "storage/testing/temp_dir.h"

namespace warta::media {
namespace {

using model::ImageFormat;

const std::string kSha = "ab" + std::string(62, '7');

TEST(NamesTest, EveryNameFollowsFromTheSha) {
  EXPECT_EQ(ShardOf(kSha), "ab");
  EXPECT_EQ(RenditionName(kSha, 640, ImageFormat::kWebp), kSha + "-640.webp");
  EXPECT_EQ(RenditionUrl(kSha, 320, ImageFormat::kJpeg), "/media/ab/" + kSha + "-320.jpg");
  EXPECT_EQ(OriginalName(kSha, ImageFormat::kPng), kSha + ".png");
}

TEST(NamesTest, OnlyExactRenditionNamesAreServed) {
  EXPECT_EQ(RenditionFormat("ab", kSha + "-640.webp"), ImageFormat::kWebp);
  EXPECT_EQ(RenditionFormat("ab", kSha + "-1920.jpg"), ImageFormat::kJpeg);
  EXPECT_EQ(RenditionFormat("ab", kSha + "-7.jpg"), ImageFormat::kJpeg);
  for (const std::string& bad :
       {kSha + ".jpg", kSha + "-640.png", kSha + "-640.webp.html", kSha + "-0640.webp",
        kSha + "-12345.jpg", kSha + "-.jpg", kSha + "-64a.jpg", kSha + "-640.JPG",
        "AB" + std::string(62, '7') + "-640.jpg", kSha.substr(1) + "-640.jpg",
        "ab" + std::string(62, 'g') + "-640.jpg", std::string("../../originals/x"),
        kSha + "-640.jpg/", kSha + "-640%2ejpg"}) {
    EXPECT_EQ(RenditionFormat("ab", bad), std::nullopt) << bad;
  }
  EXPECT_EQ(RenditionFormat("cd", kSha + "-640.webp"), std::nullopt);  // another shard
  EXPECT_EQ(RenditionFormat("..", kSha + "-640.webp"), std::nullopt);
}

TEST(NamesTest, SrcsetAndFallback) {
  model::Media media;
  media.sha256 = kSha;
  media.variants = {{320, 200, ImageFormat::kWebp, 1},
                    {320, 200, ImageFormat::kJpeg, 1},
                    {640, 400, ImageFormat::kWebp, 1},
                    {640, 400, ImageFormat::kJpeg, 1},
                    {960, 600, ImageFormat::kWebp, 1}};
  EXPECT_EQ(Srcset(media, ImageFormat::kWebp), "/media/ab/" + kSha + "-320.webp 320w, /media/ab/" +
                                                   kSha + "-640.webp 640w, /media/ab/" + kSha +
                                                   "-960.webp 960w");
  ASSERT_NE(FallbackVariant(media), nullptr);
  EXPECT_EQ(FallbackVariant(media)->width, 640);
  EXPECT_EQ(Srcset(media, ImageFormat::kPng), "");
}

TEST(FileCacheTest, ServesFromMemoryAndDropsTheLeastRecentlyUsed) {
  storage::test_util::TempDir dir;
  auto files = MediaFiles::Open(dir.File("media"));
  ASSERT_TRUE(files.ok());
  FileCacheOptions options;
  options.capacity_bytes = 250;
  options.max_cached_file_bytes = 150;
  FileCache cache(*files, options);
  auto name = [](int w) { return RenditionName(kSha, w, ImageFormat::kJpeg); };
  for (int w : {1, 2, 3, 4}) {
    ASSERT_TRUE(files
                    ->WriteAtomically(files->PublicPath("ab", name(w)),
                                      std::string(w == 4 ? 200 : 100, 'x'))
                    .ok());
  }
  EXPECT_EQ((*cache.Get("ab", name(1)))->size(), 100u);
  EXPECT_EQ((*cache.Get("ab", name(2)))->size(), 100u);
  EXPECT_EQ(cache.entries(), 2u);
  EXPECT_TRUE(cache.Get("ab", name(1)).ok());  // 1 is now the most recent
  EXPECT_TRUE(cache.Get("ab", name(3)).ok());  // over 250 bytes: 2 goes
  EXPECT_EQ(cache.entries(), 2u);
  EXPECT_EQ(cache.bytes(), 200u);
  EXPECT_EQ((*cache.Get("ab", name(4)))->size(), 200u);  // too big to keep, still served
  EXPECT_EQ(cache.entries(), 2u);
  // Served from memory: the file may be gone.
  std::filesystem::remove(files->PublicPath("ab", name(1)));
  EXPECT_TRUE(cache.Get("ab", name(1)).ok());
  auto missing = cache.Get("ab", name(9));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace warta::media
