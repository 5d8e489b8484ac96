#include "media/library.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "media/media_json.h"
#include "media/names.h"
#include "media/testing/images.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/user_store.h"

namespace warta::media {
namespace {

namespace fs = std::filesystem;
using model::ImageFormat;

class MediaLibraryTest : public storage::test_util::MigratedSqliteStore {
 protected:
  void SetUp() override {
    MigratedSqliteStore::SetUp();
    if (HasFatalFailure()) return;
    testing::InitVips();
    LibraryOptions options;
    options.dir = dir_.File("media");
    auto library = MediaLibrary::Open(store_->media(), options);
    ASSERT_TRUE(library.ok()) << library.error().ToString();
    library_ = std::move(*library);
  }

  // Every regular file under media/ (originals, public, tmp), relative.
  std::vector<std::string> Files() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir_.File("media"))) {
      if (entry.is_regular_file()) {
        found.push_back(fs::relative(entry.path(), dir_.File("media")).string());
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  std::int64_t Rows(const char* table) {
    auto n = store_->media().ListNewest(100, 0);
    if (std::string(table) == "media") return n.ok() ? static_cast<std::int64_t>(n->size()) : -1;
    std::int64_t variants = 0;
    for (const auto& m : *n) variants += static_cast<std::int64_t>(m.variants.size());
    return variants;
  }

  std::unique_ptr<MediaLibrary> library_;
};

TEST_F(MediaLibraryTest, StoresTheOriginalAndEveryRenditionAndTheRow) {
  const std::string jpeg = testing::SaveJpeg(testing::Photo(1000, 700).get());
  PictureInfo info;
  info.alt = "Kereta Shinkansen";
  auto media = library_->Add(jpeg, info);
  ASSERT_TRUE(media.ok()) << media.error().ToString();
  EXPECT_GT(media->id, 0);
  EXPECT_EQ(media->sha256, Sha256Hex(jpeg));
  EXPECT_EQ(media->alt, "Kereta Shinkansen");
  EXPECT_EQ(media->format, ImageFormat::kJpeg);
  EXPECT_EQ(media->width, 1000);
  EXPECT_EQ(media->bytes, static_cast<std::int64_t>(jpeg.size()));
  ASSERT_EQ(media->variants.size(), 6u);

  const std::string shard(ShardOf(media->sha256));
  std::vector<std::string> want = {"originals/" + shard + "/" + media->sha256 + ".jpg"};
  for (const auto& v : media->variants) {
    const std::string path =
        "public/" + shard + "/" + RenditionName(media->sha256, v.width, v.format);
    want.push_back(path);
    EXPECT_EQ(static_cast<std::int64_t>(fs::file_size(dir_.File("media/" + path))), v.bytes);
  }
  std::sort(want.begin(), want.end());
  EXPECT_EQ(Files(), want);  // and nothing left in tmp/
  std::ifstream original(dir_.File("media/" + want[0]), std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(original), {}), jpeg);

  auto json = nlohmann::json::parse(UploadJson(*media));
  EXPECT_EQ(json["id"], media->id);
  EXPECT_EQ(json["url"], "/media/" + shard + "/" + media->sha256 + "-960.jpg");
  EXPECT_EQ(json["width"], 960);
  EXPECT_EQ(json["height"], 672);
  EXPECT_EQ(json["srcset"], "/media/" + shard + "/" + media->sha256 + "-320.webp 320w, /media/" +
                                shard + "/" + media->sha256 + "-640.webp 640w, /media/" + shard +
                                "/" + media->sha256 + "-960.webp 960w");
}

TEST_F(MediaLibraryTest, TheSameBytesTwiceAreOnePicture) {
  const std::string png = testing::SavePng(testing::Photo(400, 300).get());
  auto first = library_->Add(png, {});
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  const auto files = Files();
  PictureInfo other;
  other.alt = "another alt";
  auto second = library_->Add(png, other);
  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->alt, "");  // the stored picture, as it is
  EXPECT_EQ(Files(), files);
  EXPECT_EQ(Rows("media"), 1);
}

TEST_F(MediaLibraryTest, NothingStaysOnDiskAfterARefusal) {
  const std::string jpeg = testing::SaveJpeg(testing::Photo(1000, 700).get());
  std::string big = jpeg;
  big.resize(std::size_t{30} << 20, '\0');
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"html named .jpg", "<!DOCTYPE html><html><body>not a photo</body></html>"},
      {"svg with a script",
       "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"},
      {"truncated jpeg", jpeg.substr(0, jpeg.size() / 2)},
      {"png bomb", testing::OneColourPng(20000, 20000)},
      {"30 MB", big}};
  for (const auto& [name, bytes] : refused) {
    SCOPED_TRACE(name);
    auto media = library_->Add(bytes, {});
    ASSERT_FALSE(media.ok());
    EXPECT_TRUE(media.error().is(ErrorCode::kInvalidArgument) ||
                media.error().is(ErrorCode::kTooLarge))
        << media.error().ToString();
    EXPECT_EQ(Files(), std::vector<std::string>{});
    EXPECT_EQ(Rows("media"), 0);
  }
}

TEST_F(MediaLibraryTest, FilesWrittenBeforeAFailedInsertAreRemoved) {
  // The row cannot be stored (no such account): the original and six renditions were on disk
  // by then, and go again.
  PictureInfo info;
  info.created_by = 999;
  auto media = library_->Add(testing::SaveJpeg(testing::Photo(1000, 700).get()), info);
  ASSERT_FALSE(media.ok());
  EXPECT_EQ(media.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Files(), std::vector<std::string>{});
  EXPECT_EQ(Rows("media"), 0);
}

TEST_F(MediaLibraryTest, CreditsTheUploader) {
  model::NewUser user;
  user.name = "editor";
  user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  user.role = model::Role::kEditor;
  auto user_id = store_->users().Create(user);
  ASSERT_TRUE(user_id.ok());
  PictureInfo info;
  info.created_by = *user_id;
  auto media = library_->Add(testing::SavePng(testing::Photo(300, 200).get()), info);
  ASSERT_TRUE(media.ok()) << media.error().ToString();
  EXPECT_EQ(media->created_by, *user_id);
}

TEST_F(MediaLibraryTest, RefusesBadTextBeforeLookingAtThePicture) {
  PictureInfo info;
  info.alt = std::string(limits::kMaxMediaTextBytes + 1, 'x');
  auto media = library_->Add("not even a picture", info);
  ASSERT_FALSE(media.ok());
  EXPECT_EQ(media.error().message, "media: the alt text is longer than 2000 bytes");
  info.alt = "\xFF";
  EXPECT_EQ(library_->Add("x", info).error().message, "media: the alt text is not UTF-8 text");
}

TEST(MediaFilesTest, WritesAtomicallyAndSweepsStaleTemporaries) {
  storage::test_util::TempDir dir;
  auto files = MediaFiles::Open(dir.File("deep/er/media/"));
  ASSERT_TRUE(files.ok()) << files.error().ToString();
  EXPECT_EQ(files->dir(), dir.File("deep/er/media"));
  const std::string path = files->RenditionPath(std::string(64, 'a'), 320, ImageFormat::kWebp);
  EXPECT_EQ(path, dir.File("deep/er/media/public/aa/" + std::string(64, 'a') + "-320.webp"));
  EXPECT_TRUE(*files->WriteAtomically(path, "bytes"));
  EXPECT_FALSE(*files->WriteAtomically(path, "BYTES"));  // there already: same name, same bytes
  EXPECT_TRUE(fs::is_empty(dir.File("deep/er/media/tmp")));

  std::ofstream(dir.File("deep/er/media/tmp/crashed.part")) << "half";
  EXPECT_EQ(files->RemoveStaleTemporaries(3600), 0);  // new: maybe another node's
  EXPECT_EQ(files->RemoveStaleTemporaries(0), 1);
  EXPECT_TRUE(fs::is_empty(dir.File("deep/er/media/tmp")));
}

TEST(MediaFilesTest, AnUnwritableFolderIsAClearIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root may write anywhere";
  storage::test_util::TempDir dir;
  fs::create_directory(dir.File("locked"));
  fs::permissions(dir.File("locked"), fs::perms::owner_read | fs::perms::owner_exec);
  auto files = MediaFiles::Open(dir.File("locked/media"));
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().code, ErrorCode::kIo);
  EXPECT_NE(files.error().message.find("locked/media"), std::string::npos);
}

}  // namespace
}  // namespace warta::media
