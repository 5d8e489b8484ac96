// Contract: pictures (storage/media_store.h), on both backends.
#include <cstdint>
#include <string>

#include "model/media.h"
#include "model/user.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/media_store.h"
#include "storage/user_store.h"

namespace warta::storage::contract {
namespace {

model::NewMedia Picture(char digit) {
  model::NewMedia m;
  m.sha256 = std::string(64, digit);
  m.format = model::ImageFormat::kJpeg;
  m.width = 1600;
  m.height = 900;
  m.bytes = 250'000;
  m.alt = "Banjir di jalan";
  m.caption = "Jakarta, pagi ini";
  m.credit = "Foto: Warta";
  m.variants = {{800, 450, model::ImageFormat::kJpeg, 60'000},
                {400, 225, model::ImageFormat::kWebp, 20'000},
                {800, 450, model::ImageFormat::kWebp, 40'000}};
  return m;
}

template <typename Backend>
class MediaContract : public StoreContract<Backend> {};
TYPED_TEST_SUITE(MediaContract, Backends, BackendNames);

TYPED_TEST(MediaContract, APictureIsStoredOncePerContentWithOrderedVariants) {
  MediaStore& media = this->store().media();
  auto id = media.Insert(Picture('a'));
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(media.Insert(Picture('a')).error().is(ErrorCode::kAlreadyExists));
  auto found = media.FindById(*id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->alt, "Banjir di jalan");
  EXPECT_FALSE(found->created_by.has_value());
  ASSERT_EQ(found->variants.size(), 3u);
  EXPECT_EQ(found->variants[0].width, 400);
  EXPECT_EQ(found->variants[1].format, model::ImageFormat::kWebp);  // WebP first at 800
  EXPECT_EQ(found->variants[2].format, model::ImageFormat::kJpeg);
  auto by_hash = media.FindBySha256(std::string(64, 'a'));
  ASSERT_TRUE(by_hash.ok() && by_hash->has_value());
  EXPECT_EQ((*by_hash)->id, *id);
  EXPECT_FALSE(media.FindBySha256(std::string(64, 'b'))->has_value());
  EXPECT_TRUE(media.FindById(*id + 7).error().is(ErrorCode::kNotFound));
}

TYPED_TEST(MediaContract, BadPicturesAreRefusedAndNothingIsWritten) {
  MediaStore& media = this->store().media();
  model::NewMedia bad_hash = Picture('c');
  bad_hash.sha256 = std::string(64, 'C');
  EXPECT_TRUE(media.Insert(bad_hash).error().is(ErrorCode::kInvalidArgument));
  model::NewMedia twice = Picture('c');
  twice.variants.push_back(twice.variants[0]);
  EXPECT_TRUE(media.Insert(twice).error().is(ErrorCode::kInvalidArgument));
  model::NewMedia nobody = Picture('c');
  nobody.created_by = 999;
  EXPECT_TRUE(media.Insert(nobody).error().is(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(media.ListNewest(10, 0)->empty());
  EXPECT_TRUE(media.ListNewest(0, 0).error().is(ErrorCode::kInvalidArgument));
}

TYPED_TEST(MediaContract, TheLibraryListsNewestFirst) {
  auto user = this->store().users().Create(model::NewUser{"foto", "hash", model::Role::kEditor});
  ASSERT_TRUE(user.ok());
  model::NewMedia first = Picture('1');
  first.created_by = *user;
  auto a = this->store().media().Insert(first);
  auto b = this->store().media().Insert(Picture('2'));
  ASSERT_TRUE(a.ok() && b.ok());
  auto list = this->store().media().ListNewest(10, 0);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, *b);  // same second: the higher id first
  EXPECT_EQ((*list)[1].created_by.value_or(0), *user);
  EXPECT_EQ((*list)[1].variants.size(), 3u);
  EXPECT_EQ(this->store().media().ListNewest(1, 1)->front().id, *a);
}

}  // namespace
}  // namespace warta::storage::contract
